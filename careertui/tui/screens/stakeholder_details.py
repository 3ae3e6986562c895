"""One stakeholder's details: what they care about, what moves their needle, how to help them,
the check-in log, the wins they were part of, the gaps linked to them and their feedback.

The screen only shows what it is given. It dismisses with what the user chose to do next
(``"check-in"``, ``"agenda"``, ``"edit"``, ``"delete"``) or ``None``; the pane that opened it
turns that into the action.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Literal

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from careertui.domain.cadence import next_check_in
from careertui.domain.models import Feedback, Gap, Interaction, Stakeholder, Win
from careertui.domain.stakeholders import STANCE_MARKS, overdue_text, quadrant
from careertui.tui.widgets.footer import DashboardFooter

Choice = Literal["check-in", "agenda", "edit", "delete"]

#: At most this many entries per list; the heading says how many there are.
SHOWN = 30


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


class StakeholderDetailsScreen(ModalScreen[Choice | None]):
    """Everything on record about one person, read-only."""

    CSS_PATH = "stakeholder_details.tcss"

    BINDINGS = [
        Binding("escape,q", "choose(None)", "Close", id="stakeholder_details.close"),
        Binding("c", "choose('check-in')", "Log check-in", id="stakeholder_details.check_in"),
        Binding("p", "choose('agenda')", "Prepare check-in", id="stakeholder_details.agenda"),
        Binding("e", "choose('edit')", "Edit", id="stakeholder_details.edit"),
        Binding("d", "choose('delete')", "Delete", id="stakeholder_details.delete"),
    ]

    def __init__(
        self,
        person: Stakeholder,
        *,
        check_ins: Sequence[Interaction],
        wins: Sequence[Win],
        gaps: Sequence[Gap],
        feedback: Sequence[Feedback],
        today: dt.date,
    ) -> None:
        super().__init__()
        self.person = person
        self.check_ins = check_ins
        self.wins = wins
        self.gaps = gaps
        self.feedback = feedback
        self.today = today

    def compose(self) -> ComposeResult:
        p = self.person
        with Vertical(id="stakeholder-details"):
            yield Static(self._title(), id="stakeholder-details-title")
            with VerticalScroll(id="stakeholder-details-body"):
                yield Static(self._contact(), id="stakeholder-details-contact")
                yield from self._section("What they care about", p.cares_about, "cares")
                yield from self._section("What moves their needle", p.moves_needle, "needle")
                yield from self._section("How I can help them", p.how_to_help, "help")
                yield from self._list(
                    f"Check-ins ({len(self.check_ins)})", "check-ins", self._check_in_lines()
                )
                yield from self._list(
                    f"Wins they were part of ({len(self.wins)})", "wins", self._win_lines()
                )
                yield from self._list(
                    f"Gaps linked to them ({len(self.gaps)})", "gaps", self._gap_lines()
                )
                yield from self._list(
                    f"Feedback they gave ({len(self.feedback)})",
                    "feedback",
                    self._feedback_lines(),
                )
        yield DashboardFooter()

    def on_mount(self) -> None:
        self.query_one("#stakeholder-details-body").focus()

    def action_choose(self, choice: Choice | None) -> None:
        self.dismiss(choice)

    # -- pieces ------------------------------------------------------------------------------
    def _title(self) -> Text:
        p = self.person
        text = Text(p.name, style="bold")
        if p.title:
            text.append(f" · {p.title}")
        text.append(f" · {p.relationship.value}", style="dim")
        return text

    def _contact(self) -> Text:
        p = self.person
        text = Text()
        text.append(f"{quadrant(p).value}", style="bold")
        text.append(f" · influence {p.influence}/5 · {STANCE_MARKS[p.stance]} {p.stance.value}\n")
        last = p.last_contact.isoformat() if p.last_contact else "never"
        text.append(f"Last contact {last}")
        due = next_check_in(p, self.today)
        if due is None:
            text.append(" · no regular check-in")
        else:
            text.append(f" · every {_plural(p.cadence_days, 'day')} · next {due.isoformat()}")
        late = overdue_text(p, self.today)
        if late:
            text.append(f" · {late}", style="bold red")
        return text

    def _section(self, heading: str, body: str, name: str) -> ComposeResult:
        yield Static(heading, classes="stakeholder-details-heading")
        yield Static(
            body or Text("Not written yet (e to edit).", style="dim italic"),
            id=f"stakeholder-details-{name}",
        )

    def _list(self, heading: str, name: str, lines: list[Text]) -> ComposeResult:
        yield Static(heading, classes="stakeholder-details-heading")
        if not lines:
            yield Static(
                Text("None on record.", style="dim italic"), id=f"stakeholder-details-{name}"
            )
            return
        shown = Text("\n").join(lines[:SHOWN])
        if len(lines) > SHOWN:
            shown.append(f"\n… and {len(lines) - SHOWN} more", style="dim")
        yield Static(shown, id=f"stakeholder-details-{name}")

    def _check_in_lines(self) -> list[Text]:
        lines = []
        for item in self.check_ins:
            line = Text(item.date.isoformat(), style="bold")
            line.append(f"  {item.note or '(no note)'}")
            lines.append(line)
        return lines

    def _win_lines(self) -> list[Text]:
        lines = []
        for win in self.wins:
            line = Text(win.date.isoformat(), style="bold")
            line.append(f"  {win.title}")
            metric = win.headline_metric
            if metric is not None:
                line.append(f"  ({metric})", style="dim")
            lines.append(line)
        return lines

    def _gap_lines(self) -> list[Text]:
        lines = []
        for gap in self.gaps:
            line = Text(gap.title)
            line.append(
                f"  {gap.status.value} · {gap.current_level}→{gap.target_level}", style="dim"
            )
            lines.append(line)
        return lines

    def _feedback_lines(self) -> list[Text]:
        lines = []
        for note in self.feedback:
            line = Text(note.date.isoformat(), style="bold")
            line.append(f"  “{note.quote}”")
            line.append(f"  {note.kind}{' · ' + note.theme if note.theme else ''}", style="dim")
            lines.append(line)
        return lines
