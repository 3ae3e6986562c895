"""The ``win --edit`` template written and read back."""

from __future__ import annotations

import pytest

from careertui.domain.errors import InputError
from careertui.domain.win_template import WinTemplate, parse, render, starting


def test_what_is_rendered_reads_back_the_same() -> None:
    win = WinTemplate(
        title="Shipped it",
        impact="Customers stopped churning",
        metrics=["churn: 5% -> 3%", "NPS: 20 -> 31"],
        input_metrics=["calls: 0 -> 12"],
        priority="Retention",
        gaps=["Exec comm", "Visibility"],
        people=["Tom", "Sara Lind"],
        tags=["launch", "q4"],
        body="# Notes\n\nIt went well.",
    )
    assert parse(render(win)) == win


def test_an_empty_template_reads_as_nothing() -> None:
    assert parse(render(WinTemplate())) == WinTemplate()


def test_it_starts_from_the_command_line() -> None:
    start = starting("Title\nfirst body", tags=["a"], body="from --body")
    assert (start.title, start.body, start.tags) == ("Title", "first body\nfrom --body", ["a"])


def test_labels_are_read_whatever_their_case_and_spacing() -> None:
    read = parse("Title: x\nINPUT  METRIC: a: 1 -> 2\nbody:\n")
    assert (read.title, read.input_metrics) == ("x", ["a: 1 -> 2"])


def test_the_body_is_kept_as_written_hashes_and_labels_too() -> None:
    read = parse("title: x\nbody: first\n# heading\ntitle: not a label here\n")
    assert read.body == "first\n# heading\ntitle: not a label here"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("title: x\nfoo bar\n", "line 2: 'foo bar' does not start with one of the labels"),
        ("title: x\ntitle: y\n", "line 2: 'title' is given twice"),
    ],
)
def test_a_line_that_cannot_be_read_is_named(text: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        parse(text)


def test_plain_text_with_no_label_is_a_title_and_a_body() -> None:
    read = parse("# notes above are skipped\nShipped the memo\n\n## Why\nExec asked for it.\n")
    assert (read.title, read.body) == ("Shipped the memo", "## Why\nExec asked for it.")
