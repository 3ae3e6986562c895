"""``R``: the ladder and readiness. The target level's expectations one a row with their
evidence, and "am I ready to ask?" term by term, with the caps and the last ask.

The screen only shows what it is given (the career as last read); it changes nothing.
"""

from __future__ import annotations

import datetime as dt

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from careertui.domain.ladder import EvidenceRow, evidence
from careertui.domain.readiness import readiness_of
from careertui.exchange.documents import strength
from careertui.store.repository import Career
from careertui.tui.widgets.footer import DashboardFooter


class LadderScreen(ModalScreen[None]):
    """The evidence per expectation of the target level, and readiness; read-only."""

    CSS_PATH = "ladder.tcss"

    BINDINGS = [Binding("escape,q", "close", "Close", id="ladder.close")]
    FOOTER_FIRST = ("ladder.close",)

    def __init__(self, career: Career, today: dt.date) -> None:
        super().__init__()
        self.career = career
        self.today = today
        self.rows = evidence(career.vision, career.wins, career.gaps, today, strength)
        self.readiness = readiness_of(career, today)

    def compose(self) -> ComposeResult:
        with Vertical(id="ladder-dialog"):
            yield Static(self._title(), id="ladder-title")
            with VerticalScroll(id="ladder-body"):
                yield Static("Am I ready to ask?", classes="ladder-heading")
                yield Static(self._readiness(), id="ladder-readiness")
                yield Static("Evidence per expectation", classes="ladder-heading")
                yield Static(self._evidence(), id="ladder-evidence")
        yield DashboardFooter()

    def _title(self) -> Text:
        vision = self.career.vision
        if vision.ladder is None:
            return Text("No ladder yet", style="bold")
        text = Text(vision.ladder.ladder, style="bold")
        if vision.ladder_level or vision.ladder_target:
            now = vision.ladder_level or "?"
            text.append(f"  {now} → {vision.ladder_target or '?'}")
        return text

    def _evidence(self) -> Text | Table:
        vision = self.career.vision
        if vision.ladder is None:
            return Text(
                "Import your ladder in a shell: careertui import ladder FILE "
                "(or --example pm for product management)."
            )
        if not vision.ladder_target:
            return Text("No target level yet: careertui ladder --target LEVEL")
        if not self.rows:
            return Text(f"The ladder expects nothing at {vision.ladder_target}.")
        table = Table(box=None, padding=(0, 1), expand=True, show_edge=False)
        table.add_column("Competency", no_wrap=True, style="bold")
        table.add_column("Expects", ratio=3)
        table.add_column("Wins", justify="right", no_wrap=True)
        table.add_column("Strongest", ratio=2)
        table.add_column("Latest", no_wrap=True)
        for row in self.rows:
            table.add_row(*self._cells(row))
        return table

    def _cells(self, row: EvidenceRow) -> tuple[Text, ...]:
        latest = Text(row.latest.isoformat() if row.latest else "—")
        if row.mark:
            latest.append(f" ! {row.mark_text}", style="bold red")
        return (
            Text(row.competency),
            Text(row.expects),
            Text(str(len(row.wins))),
            Text(row.strongest.title if row.strongest else "—"),
            latest,
        )

    def _readiness(self) -> Text | Table:
        found = self.readiness
        table = Table(box=None, padding=(0, 1), expand=True, show_header=False, show_edge=False)
        table.add_column("term", no_wrap=True)
        table.add_column("points", justify="right", no_wrap=True)
        table.add_column("figures", ratio=1)
        table.add_row(
            Text("Score", style="bold"),
            Text(f"{found.score}/100", style="bold"),
            Text(found.verdict, style="bold"),
        )
        for term in found.terms:
            figures = Text(term.figures)
            if term.raise_by:
                figures.append(f"\n↑ {term.raise_by}", style="dim")
            table.add_row(Text(term.label), Text(f"{term.points}/{term.most}"), figures)
        for cap in found.caps:
            table.add_row(Text("Cap", style="bold red"), Text(""), Text(cap))
        ask = found.last_ask
        if ask is not None:
            again = f"; ask again on {ask.ask_again.isoformat()}" if ask.ask_again else ""
            table.add_row(
                Text("Last ask"),
                Text(""),
                Text(f"{ask.date.isoformat()}, {ask.whom}: {ask.answer}{again}"),
            )
        elif found.ready:
            table.add_row(
                Text("The ask", style="bold"),
                Text(""),
                Text("You are ready and have not asked: careertui ask --whom NAME"),
            )
        return table

    def action_close(self) -> None:
        self.dismiss(None)
