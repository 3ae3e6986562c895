"""The status line: how am I doing, in one line, and whether a save is under way."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from careertui.domain.clock import today
from careertui.domain.standing import standing
from careertui.store.repository import Career


class StatusLine(Static):
    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._parts: list[str] = []
        self._saving = False
        self._read_only = False

    def show(self, career: Career) -> None:
        figures = standing(
            career.vision,
            career.wins,
            [g.status for g in career.gaps],
            career.stakeholders,
            today(),
        )
        self._parts = figures.parts()
        self._read_only = career.read_only
        self._render_line()

    def set_saving(self, saving: bool) -> None:
        self._saving = saving
        self._render_line()

    def _render_line(self) -> None:
        text = Text()
        if self._saving:  # first, so a narrow terminal never cuts it off
            text.append("saving… ", style="bold reverse")
            text.append(" ")
        if self._read_only:
            text.append("read-only: written by a newer careertui", style="bold reverse")
            text.append("  ")
        text.append(" · ".join(self._parts))
        self.update(text)
