"""Text the user wrote (a win's story, the vision statement), shown as plain text, and as
Markdown only when it has some.

Most of it is a few plain sentences. Textual's Markdown widget costs its import (markdown-it
and pygments) and draws a moment after the rest of the screen, so the dashboard's first frame
would show everything but these; plain text is drawn with the rest. A text with Markdown in it
(a heading, a list, emphasis, code, a link, a quote, a table) gets the Markdown widget, mounted
then.
"""

from __future__ import annotations

import re

from rich.text import Text
from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Static

#: What makes a text Markdown rather than plain sentences: a block's mark at the start of a
#: line (heading, list item, quote, fence, table row, rule) or inline emphasis, code or link.
MARKDOWN = re.compile(
    r"^ {0,3}(?:#{1,6}\s|[-*+]\s|\d{1,9}[.)]\s|>|```|~~~|\||(?:-\s*){3,}$|(?:\*\s*){3,}$)"
    r"|\*\*|__|`|\[[^\]\n]*\]\(|(?<![\w*])\*(?=\S)[^*\n]*(?<=\S)\*(?![\w*])"
    r"|(?<![\w_])_(?=\S)[^_\n]*(?<=\S)_(?![\w_])",
    re.MULTILINE,
)


def has_markdown(text: str) -> bool:
    """Whether ``text`` uses Markdown (and so reads differently as plain text)."""
    return MARKDOWN.search(text) is not None


class Prose(Widget):
    """``source`` as plain text, or as Markdown when it has Markdown in it."""

    DEFAULT_CSS = """
    Prose {
        height: auto;
    }
    Prose > .prose-plain {
        height: auto;
    }
    Prose > .prose-markdown {
        padding: 0;
        margin: 0;
    }
    """

    def __init__(self, source: str = "", *, id: str | None = None, classes: str = "") -> None:
        super().__init__(id=id, classes=classes)
        self._source = source

    @property
    def source(self) -> str:
        return self._source

    def compose(self) -> ComposeResult:
        markdown = has_markdown(self._source)
        plain = Static(Text("" if markdown else self._source), classes="prose-plain")
        plain.display = not markdown
        yield plain
        if markdown:
            yield self._markdown(self._source)

    def update(self, source: str) -> None:
        """Show ``source`` instead."""
        if source == self._source:
            return
        self._source = source
        if not self.is_mounted:
            return
        plain = self.query_one(".prose-plain", Static)
        shown = self.query(".prose-markdown")
        markdown = has_markdown(source)
        plain.display = not markdown
        plain.update(Text("" if markdown else source))
        if shown:
            widget = shown.first()
            widget.display = markdown
            if markdown:
                widget.update(source)  # type: ignore[attr-defined]
        elif markdown:
            self.mount(self._markdown(source))

    @staticmethod
    def _markdown(source: str) -> Widget:
        from textual.widgets import Markdown  # only for a text that has some

        return Markdown(source, classes="prose-markdown")
