"""A gap's details: why it matters, the next action, who is linked, its evidence, and its score
term by term — so the user sees why it ranks where it does.

The screen only shows what it is given. It dismisses with what the user chose to do next
(``"log-win"``, ``"edit"``) or ``None``; the board that opened it turns that into a message.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from careertui.domain.gaps import is_overdue
from careertui.domain.models import Feedback, Gap, Stakeholder, Win
from careertui.domain.scoring import Score
from careertui.tui.widgets.footer import DashboardFooter
from careertui.tui.widgets.levels import level_dots

Choice = Literal["log-win", "edit"]

#: At most this many wins are listed; the count above says how many there are.
EVIDENCE_SHOWN = 50


class GapDetailsScreen(ModalScreen[Choice | None]):
    """Everything about one gap, read-only; ``w`` logs a win for it, ``e`` edits it."""

    CSS_PATH = "gap_details.tcss"

    BINDINGS = [
        Binding("escape,q", "dismiss_none", "Close", id="gap_details.close"),
        Binding("w", "choose('log-win')", "Log a win for this gap", id="gap_details.log_win"),
        Binding("e", "choose('edit')", "Edit", id="gap_details.edit"),
    ]

    def __init__(
        self,
        gap: Gap,
        score: Score,
        stakeholders: list[Stakeholder],
        evidence: list[Win],
        today: dt.date,
        source: Feedback | None = None,
        giver: str = "",
    ) -> None:
        super().__init__()
        self.source = source
        self.giver = giver
        self.gap = gap
        self.score = score
        self.stakeholders = stakeholders
        self.evidence = evidence
        self.today = today

    def compose(self) -> ComposeResult:
        gap = self.gap
        with Vertical(id="gap-details"):
            yield Static(Text(gap.title, style="bold"), id="gap-details-title")
            with VerticalScroll(id="gap-details-body"):
                yield Static(self._summary(), id="gap-details-summary")
                yield self._section("Why it matters", gap.why or "Not written yet.", "why")
                yield self._section(
                    "Next action", gap.next_action or "Not decided yet.", "next-action"
                )
                if self.source is not None:
                    giver = f" — {self.giver}" if self.giver else ""
                    yield self._section(
                        "From feedback",
                        f"“{self.source.quote}”{giver} ({self.source.date.isoformat()})",
                        "source",
                    )
                yield Static("Why it ranks here", classes="gap-details-heading")
                yield Static(self._score_table(), id="gap-details-score")
                yield Static("Linked stakeholders", classes="gap-details-heading")
                yield Static(self._people(), id="gap-details-people")
                yield Static(
                    f"Evidence ({len(self.evidence)} win{'' if len(self.evidence) == 1 else 's'})",
                    classes="gap-details-heading",
                )
                yield Static(self._wins(), id="gap-details-evidence")
        yield DashboardFooter()

    def _section(self, heading: str, body: str, name: str) -> Vertical:
        return Vertical(
            Static(heading, classes="gap-details-heading"),
            Static(Text(body), id=f"gap-details-{name}"),
            classes="gap-details-section",
        )

    def _summary(self) -> Text:
        gap = self.gap
        text = Text()
        text.append(f"{gap.category.value} · {gap.status.value}\n")
        text.append(f"level {level_dots(gap.current_level)} → {level_dots(gap.target_level)}")
        text.append(f"  ({gap.current_level} → {gap.target_level})\n")
        text.append(f"impact {gap.impact} · effort {gap.effort} · ")
        if gap.due is None:
            text.append("no due date")
        elif is_overdue(gap, self.today):
            text.append(f"overdue · due {gap.due.isoformat()}", style="bold red")
        else:
            text.append(f"due {gap.due.isoformat()}")
        return text

    def _score_table(self) -> Table:
        table = Table(box=None, show_header=False, padding=(0, 1), expand=False)
        table.add_column("term")
        table.add_column("points", justify="right")
        table.add_column("basis")
        table.add_column("rule", style="dim")
        for term in self.score.terms:
            table.add_row(term.label, f"{term.points:+.1f}", term.basis, term.rule)
        table.add_row(Text("Score", style="bold"), Text(f"{self.score.total:.1f}", style="bold"))
        return table

    def _people(self) -> Text:
        if not self.stakeholders:
            return Text("None linked. Edit the gap to link who can help or must be convinced.")
        text = Text()
        for person in self.stakeholders:
            role = f", {person.title}" if person.title else ""
            text.append(f"{person.name}{role}")
            text.append(f"  influence {person.influence} · {person.stance.value}\n", style="dim")
        text.rstrip()
        return text

    def _wins(self) -> Text:
        if not self.evidence:
            return Text("No wins yet. Press w to log one for this gap.")
        text = Text()
        for win in self.evidence[:EVIDENCE_SHOWN]:
            text.append(f"{win.date.isoformat()}  ", style="dim")
            text.append(win.title)
            metric = win.headline_metric
            if metric is not None:
                text.append(f"  {metric}", style="dim")
            text.append("\n")
        if len(self.evidence) > EVIDENCE_SHOWN:
            text.append(f"… and {len(self.evidence) - EVIDENCE_SHOWN} older\n", style="dim")
        text.rstrip()
        return text

    def action_dismiss_none(self) -> None:
        self.dismiss(None)

    def action_choose(self, choice: Choice) -> None:
        self.dismiss(choice)
