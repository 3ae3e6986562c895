"""Writing CommonMark from the user's text without letting that text break the document.

Titles, names and impact statements are plain text: every character that CommonMark could read
as markup is escaped. Bodies are Markdown already and are kept as written, except that a line
that would start a heading is escaped so the document's outline stays the document's own.
"""

from __future__ import annotations

import re

#: ASCII punctuation that can start or end inline markup, or a raw HTML tag.
_INLINE = re.compile(r"([\\`*_\[\]<>#|~]|&(?=#?\w+;))")
#: What makes a line a block of its own (heading, list, quote, rule, fence, setext underline).
_BLOCK_START = re.compile(r"^(\s{0,3})([>+=-]|\d{1,9}(?=[.)]))")
_HEADING = re.compile(r"^(\s{0,3})(#{1,6})(?=\s|$)")
_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")


def inline(value: str) -> str:
    """``value`` as literal text inside a line (a heading, after a label): markup escaped,
    line breaks folded."""
    folded = " ".join(value.split())
    return _INLINE.sub(r"\\\1", folded) if _INLINE.search(folded) else folded


def text(value: str) -> str:
    """``value`` as literal text that may start a line or a list item."""
    return _BLOCK_START.sub(_escape_block_start, inline(value))


def _escape_block_start(match: re.Match[str]) -> str:
    indent, mark = match.group(1), match.group(2)
    if mark.isdigit():  # "1." starts a list; the escape goes on the punctuation after it
        return indent + mark + "\\"
    return indent + "\\" + mark


def heading(level: int, title: str) -> str:
    return f"{'#' * level} {inline(title)}"


def bullet(content: str) -> str:
    """A list item; ``content`` must already be inline Markdown (use :func:`text`)."""
    return f"- {content}"


def quote(body: str) -> list[str]:
    """A Markdown body as a block quote, its headings escaped, its fences left balanced."""
    lines: list[str] = []
    fences = 0
    for line in body.strip().splitlines():
        if _FENCE.match(line):
            fences += 1
        elif fences % 2 == 0:
            line = _HEADING.sub(lambda m: m.group(1) + "\\" + m.group(2), line)
        lines.append(f"> {line}".rstrip())
    if fences % 2:
        lines.append("> ```")
    return lines


def document(blocks: list[list[str]]) -> str:
    """Blocks (each a list of lines) separated by blank lines, ending in one newline."""
    return "\n\n".join("\n".join(block) for block in blocks if block) + "\n"
