"""The status line: how am I doing, in one line, and whether a save is under way."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from careertui.domain.clock import today
from careertui.domain.readiness import readiness_of, with_readiness
from careertui.domain.standing import standing
from careertui.store.repository import Career


class StatusLine(Static):
    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._parts: list[str] = []
        self._saving = False
        self._read_only = False
        self._text: Text | None = None

    def show(self, career: Career) -> None:
        figures = standing(
            career.vision,
            career.wins,
            [g.status for g in career.gaps],
            career.stakeholders,
            today(),
        )
        self._parts = figures.parts()
        if career.vision.ladder is not None:
            self._parts = with_readiness(self._parts, readiness_of(career, today()))
        self._read_only = career.read_only
        self._render_line()

    def set_saving(self, saving: bool) -> None:
        self._saving = saving
        self._render_line()

    def _render_line(self) -> None:
        line = Text()
        if self._read_only:
            line.append("read-only: written by a newer careertui", style="bold reverse")
            line.append("  ")
        line.append(" · ".join(self._parts))
        width = self.content_region.width
        text = line
        if self._saving:  # first, so a narrow terminal never cuts it off
            text = Text.assemble(("saving… ", "bold reverse"), " ", line)
            # ...and no longer than the line without it (or one row): the status line keeps
            # its height, so a save never shifts the panes above it.
            if width > 0:
                text.truncate(max(line.cell_len, width), overflow="ellipsis")
        if text == self._text:
            return
        # A line that keeps to one row needs no new layout of the screen (which would repaint
        # every pane); one that starts or stops wrapping does.
        wrapped = [width <= 0 or t is None or t.cell_len > width for t in (self._text, text)]
        self._text = text
        self.update(text, layout=any(wrapped))
