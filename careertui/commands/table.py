"""Aligned columns for the list commands (``careertui gaps``, ``careertui people``).

One record a line, the columns padded to line up, the whole no wider than the terminal (80
columns when the output is not a terminal and ``COLUMNS`` is not set). One column is
flexible: it takes the width the others leave and only it is shortened, with "…", and only when
it must be. Every cell is made terminal-safe and kept to one line before it is measured.
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from dataclasses import dataclass

from careertui.domain.text import ELLIPSIS, cell_width, shorten, terminal_safe

#: The width when there is no terminal to ask (a pipe, a file) and ``COLUMNS`` is not set.
DEFAULT_WIDTH = 80
#: The flexible column never gets less than this, even on a terminal too narrow for the rest.
MIN_FLEXIBLE = 10
GUTTER = "  "
__all__ = ["ELLIPSIS", "Column", "cell", "cell_width", "output_width", "render", "shorten"]


@dataclass(frozen=True)
class Column:
    """A column's header and how its cells sit in it."""

    header: str
    #: Numbers line up on the right.
    right: bool = False
    #: The column that takes the width left over, shortened with "…" when it must be.
    flexible: bool = False


def output_width() -> int:
    """The terminal's width, ``COLUMNS`` when set, else :data:`DEFAULT_WIDTH`."""
    return shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns


def cell(value: object) -> str:
    """A value as one line of terminal-safe text (newlines and tabs become spaces)."""
    return " ".join(terminal_safe(str(value)).split())


def _pad(text: str, width: int, right: bool) -> str:
    gap = " " * max(0, width - cell_width(text))
    return gap + text if right else text + gap


def render(columns: Sequence[Column], rows: Sequence[Sequence[object]], width: int) -> list[str]:
    """The header and ``rows`` as aligned lines no wider than ``width`` (unless even the
    fixed columns and :data:`MIN_FLEXIBLE` cells of the flexible one are wider)."""
    cells = [[cell(value) for value in row] for row in rows]
    widths = [
        max([cell_width(column.header)] + [cell_width(row[i]) for row in cells])
        for i, column in enumerate(columns)
    ]
    for i, column in enumerate(columns):
        if column.flexible:
            others = sum(w for j, w in enumerate(widths) if j != i)
            room = width - others - len(GUTTER) * (len(columns) - 1)
            widths[i] = min(widths[i], max(MIN_FLEXIBLE, room))
    lines = []
    for row in [[column.header for column in columns], *cells]:
        fitted = [
            _pad(shorten(text, widths[i]), widths[i], columns[i].right)
            for i, text in enumerate(row)
        ]
        lines.append(GUTTER.join(fitted).rstrip())
    return lines
