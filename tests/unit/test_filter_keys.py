"""The journal filter refuses keys it does not know instead of matching nothing in silence,
and reads ``tag:`` as ``#`` (issue 14, item 10). A word is a key only when the part before the
colon is letters, unquoted, and not the start of an address; times and quoted text are words."""

from __future__ import annotations

import datetime as dt

import pytest

from careertui.domain.journal import completion, parse_filter
from careertui.domain.models import Gap, Win

TODAY = dt.date(2026, 11, 23)


def parsed(text: str, **kw: object):  # noqa: ANN201
    return parse_filter(text, today=TODAY, **kw)


@pytest.mark.parametrize(
    "typed", ["foo:bar", "Foo:Bar", "foo:", 'foo:"two words"', "launch foo:bar", "mailto:x"]
)
def test_an_unknown_key_is_a_problem_that_names_it_and_the_known_keys(typed: str) -> None:
    f = parsed(typed)
    key = typed.removeprefix("launch ").split(":")[0].casefold()
    (problem,) = f.problems
    assert problem.startswith(f"unknown key '{key}:'")
    for known in ("priority:", "gap:", "with:", "tag:", "from:", "to:", "is:starred"):
        assert known in problem
    assert f"{key}:" not in " ".join(f.words)  # not searched for as a word either


def test_the_rest_of_the_filter_still_applies_beside_an_unknown_key() -> None:
    f = parsed("launch foo:bar")
    assert f.words == ["launch"]
    assert [w.title for w in f.apply([Win(title="Launch day"), Win(title="Lunch")])] == [
        "Launch day"
    ]


def test_tag_is_an_alias_of_hash() -> None:
    wins = [Win(title="Cut churn", tags=["churn"]), Win(title="Talked about churn")]
    by_tag, by_hash = parsed("tag:churn"), parsed("#churn")
    assert by_tag.tags == by_hash.tags == ["churn"]
    assert not by_tag.problems
    assert [w.title for w in by_tag.apply(wins)] == ["Cut churn"]
    assert parsed("TAG:#Churn").tags == ["churn"]


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("10:30", ["10:30"]),
        ("standup 9:15", ["standup", "9:15"]),
        ("https://wiki.example.com/x", ["https://wiki.example.com/x"]),
        ('"note: call maya"', ["note: call maya"]),
        ('"foo:bar"', ["foo:bar"]),
        ("'ratio:high'", ["ratio:high"]),
        ("v2:beta", ["v2:beta"]),  # not letters only: a word
    ],
)
def test_times_addresses_and_quoted_words_are_words(typed: str, words: list[str]) -> None:
    f = parsed(typed)
    assert f.problems == []
    assert f.words == words


def test_known_keys_are_unchanged() -> None:
    gap = Gap(title="Public speaking")
    f = parsed('gap:"public speaking" is:starred from:2026-01-01 p:none', gaps=[gap])
    assert f.problems == []
    assert f.gap_ids == [{gap.id}] and f.starred and f.untied
    assert f.start == dt.date(2026, 1, 1)
    assert parsed("from:blah").problems  # as before: a bad date says so


def test_is_takes_only_starred() -> None:
    assert parsed("is:star").starred and not parsed("is:star").problems
    assert parsed("is:open").problems == ["'is:open': the only 'is:' filter is is:starred"]


def test_an_unfinished_quote_while_typing_is_no_error() -> None:
    f = parsed('gap:"public sp', gaps=[Gap(title="Public speaking")])
    assert f.problems == [] and len(f.gap_ids) == 1


def test_tag_completes_like_hash() -> None:
    assert completion("tag:ch", tags=["churn"]) == "tag:churn"
    assert completion("ta") == "tag:"
