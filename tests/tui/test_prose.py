"""Which texts are Markdown: those are shown with Textual's Markdown widget, the rest as plain
text drawn with the rest of the screen (careertui.tui.widgets.prose)."""

from __future__ import annotations

import pytest

from careertui.tui.widgets.prose import has_markdown

MARKDOWN = [
    "## How",
    "- one\n- two",
    "1. first",
    "> what they said",
    "A **joint** plan",
    "cost *was* high",
    "an _emphasis_ here",
    "run `make`",
    "see [the doc](https://example.com)",
    "| a | b |",
    "```\ncode\n```",
    "above\n\n---\n\nbelow",
]
PLAIN = [
    "Walked the team through the timeline. No blame, two fixes.",
    "Revenue up 5% - a good week",
    "snake_case_name and 2*3*4",
    "Q3 plan: 3 launches; 2 hires.\nA second line.",
    "",
]


@pytest.mark.parametrize("text", MARKDOWN)
def test_markdown_is_recognised(text: str) -> None:
    assert has_markdown(text)


@pytest.mark.parametrize("text", PLAIN)
def test_plain_sentences_stay_plain(text: str) -> None:
    assert not has_markdown(text)
