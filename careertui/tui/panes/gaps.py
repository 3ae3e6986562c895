"""The gap board: capability gaps in three columns (Backlog, Working on, Closed), prioritised
from the keyboard.

The board only shows what :meth:`GapsPane.show` gives it and posts what the user meant
(:class:`GapsPane.GapMoved`, :class:`GapsPane.StatusChanged`, …); the app writes and pushes the
new career down. Each column draws only its visible cards, so 500 gaps cost what the screen shows.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, replace
from typing import Literal

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Static

from careertui.domain import clock
from careertui.domain.gaps import (
    COLUMNS,
    closing_needs_confirmation,
    column,
    evidence,
    evidence_counts,
    limit_reason,
    move_to,
    move_within,
    neighbour_status,
    stepped,
)
from careertui.domain.models import Gap, GapStatus, Stakeholder
from careertui.domain.scoring import Score, score
from careertui.store.repository import Career
from careertui.tui.commands import PaletteCommand
from careertui.tui.panes.base import Pane
from careertui.tui.panes.gap_column import GapCard, GapColumn, make_card

Order = Literal["manual", "score"]

_REORDER = Binding.Group("Reorder", compact=True)
_MOVE = Binding.Group("Column", compact=True)

COLUMN_TITLES = {
    GapStatus.BACKLOG: "Backlog",
    GapStatus.WORKING: "Working on",
    GapStatus.CLOSED: "Closed",
}


class GapsPane(Pane):
    """Three columns of gap cards with a cursor; every change is a message to the app."""

    TITLE = "Gaps"
    KEY = "2"
    EMPTY_TEXT = (
        "Next, the gaps: what stands between where you are now and your vision "
        "(a skill, experience, visibility, a relationship, scope).\n"
        "Press n to add the first gap and say what you will do about it."
    )

    FOOTER_FIRST = (
        "gaps.new",
        "gaps.details",
        "gaps.edit",
        "gaps.move_left",
        "gaps.move_right",
        "gaps.move_down",
        "gaps.move_up",
        "gaps.toggle_order",
    )
    BINDINGS = [
        Binding("down,j", "cursor(1)", "Next card", show=False, id="gaps.cursor_down"),
        Binding("up,k", "cursor(-1)", "Previous card", show=False, id="gaps.cursor_up"),
        Binding("home,g", "cursor_end(0)", "First card", show=False, id="gaps.cursor_first"),
        Binding("end,G", "cursor_end(-1)", "Last card", show=False, id="gaps.cursor_last"),
        Binding("right,l", "column(1)", "Next column", show=False, id="gaps.column_right"),
        Binding("left,h", "column(-1)", "Previous column", show=False, id="gaps.column_left"),
        Binding("J", "move(1)", "Move down", id="gaps.move_down", group=_REORDER),
        Binding("K", "move(-1)", "Move up", id="gaps.move_up", group=_REORDER),
        Binding("H", "move_column(-1)", "Move left", id="gaps.move_left", group=_MOVE),
        Binding("L", "move_column(1)", "Move right", id="gaps.move_right", group=_MOVE),
        Binding("plus", "step('impact', 1)", "Impact +", show=False, id="gaps.impact_up"),
        Binding("minus", "step('impact', -1)", "Impact −", show=False, id="gaps.impact_down"),
        Binding(
            "right_square_bracket",
            "step('current_level', 1)",
            "Level +",
            show=False,
            id="gaps.level_up",
        ),
        Binding(
            "left_square_bracket",
            "step('current_level', -1)",
            "Level −",
            show=False,
            id="gaps.level_down",
        ),
        Binding("s", "toggle_order", "Sort", id="gaps.toggle_order"),
        Binding("n", "new", "New gap", id="gaps.new"),
        Binding("e", "edit", "Edit", id="gaps.edit"),
        Binding("d", "delete", "Delete", id="gaps.delete"),
        Binding("enter", "details", "Details", id="gaps.details"),
    ]

    # -- messages: what the user meant ----------------------------------------------------
    @dataclass
    class GapMoved(Message):
        """Move the gap ``step`` places down (negative: up) its column, in the manual order."""

        gap_id: str
        step: int

    @dataclass
    class StatusChanged(Message):
        """Move the gap to another column (closing it when ``status`` is closed)."""

        gap_id: str
        status: GapStatus

    @dataclass
    class ValueStepped(Message):
        """Raise or lower ``field`` (``impact`` or ``current_level``) by ``step``."""

        gap_id: str
        field: str
        step: int

    @dataclass
    class NewRequested(Message):
        """Add a gap, starting in ``status``."""

        status: GapStatus

    @dataclass
    class EditRequested(Message):
        """Open the form to edit the gap."""

        gap_id: str

    @dataclass
    class DeleteRequested(Message):
        """Delete the gap (after the app has asked)."""

        gap_id: str

    @dataclass
    class LogWinRequested(Message):
        """Open the win form with this gap chosen."""

        gap_id: str

    @dataclass
    class OrderChanged(Message):
        """The user switched the order; remember it for next time."""

        order: Order

    @dataclass
    class SavedOrderWanted(Message):
        """The board is up: tell it the order the user chose last time (:meth:`restore_order`)."""

        board: GapsPane

        @property
        def control(self) -> GapsPane:
            return self.board

    #: Cards in the user's manual order, or by priority score.
    order: reactive[Order] = reactive("manual", init=False)

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._career: Career | None = None
        self._today: dt.date = clock.today()
        #: Scores computed so far for the career shown (only what the view needs).
        self._scores: dict[str, Score] = {}
        self._people: dict[str, Stakeholder] = {}
        self._evidence: Counter[str] = Counter()
        self._cards: dict[GapStatus, list[GapCard]] = {status: [] for status in COLUMNS}
        self._selected: dict[GapStatus, str | None] = {status: None for status in COLUMNS}
        self._index: dict[GapStatus, int] = {status: 0 for status in COLUMNS}
        self._column = 0
        self._headings: dict[GapStatus, str] = {}
        #: A gap the cursor should jump to once shown (in that column, if one is given).
        self._follow: tuple[str, GapStatus | None] | None = None
        #: Whether the user switched the order in this session (then nothing restores it).
        self._order_chosen = False

    def on_mount(self) -> None:
        self.post_message(self.SavedOrderWanted(self))

    def compose_body(self) -> ComposeResult:
        with Horizontal(id="gap-board", classes="pane-body"):
            for status in COLUMNS:
                slug = status.name.lower()
                with Vertical(classes="gap-board-column", id=f"gap-column-{slug}"):
                    yield Static(COLUMN_TITLES[status], classes="gap-column-title")
                    yield GapColumn(status, id=f"gap-cards-{slug}")

    # -- what the app calls ----------------------------------------------------------------
    def shows_nothing(self, career: Career) -> bool:
        return not career.gaps

    def show(self, career: Career) -> None:
        before, self._career = self._career, career
        self._today = clock.today()
        self._scores = {}
        self._people = {person.id: person for person in career.stakeholders}
        if "wins" in career.changed_since(before):  # counting evidence reads every win
            self._evidence = evidence_counts(career.wins)
        self.set_empty(self.shows_nothing(career))
        self._rebuild()

    def palette_commands(self) -> list[PaletteCommand]:
        return [
            ("Gaps: new gap", "Add a capability gap to the board", self.action_new),
            (
                "Gaps: order by score / manual rank",
                "Switch the board between your manual order and the priority score",
                self.action_toggle_order,
            ),
        ]

    # -- what the user sees ----------------------------------------------------------------
    @property
    def status(self) -> GapStatus:
        """The column with the cursor."""
        return COLUMNS[self._column]

    @property
    def selected(self) -> Gap | None:
        """The gap under the cursor."""
        cards = self._cards[self.status]
        index = self._index[self.status]
        return cards[index].gap if 0 <= index < len(cards) else None

    def cards(self, status: GapStatus) -> list[GapCard]:
        """The cards of a column as shown, top to bottom."""
        return list(self._cards[status])

    def follow(self, gap_id: str, status: GapStatus | None = None) -> None:
        """Put the cursor on this gap as soon as the board shows it (in ``status``, if given)."""
        self._follow = (gap_id, status)
        self._rebuild()

    def select(self, record_id: str) -> None:
        self.follow(record_id)

    def _rebuild(self) -> None:
        career = self._career
        if career is None:
            return
        counts = self._evidence
        if self._follow is not None:
            gap_id, status = self._follow
            followed = next((gap for gap in career.gaps if gap.id == gap_id), None)
            if followed is not None and status in (None, followed.status):
                self._follow = None
                self._column = COLUMNS.index(followed.status)
                self._selected[followed.status] = followed.id
        for status in COLUMNS:
            gaps = column(career.gaps, status)
            by_score = self.order == "score"
            if by_score:
                gaps.sort(key=lambda gap: -self._score(gap).total)
            self._cards[status] = [
                make_card(
                    gap, counts[gap.id], self._score(gap).total if by_score else None, self._today
                )
                for gap in gaps
            ]
            ids = [card.gap_id for card in self._cards[status]]
            chosen = self._selected[status]
            if chosen in ids:
                self._index[status] = ids.index(chosen)
            else:
                self._index[status] = max(0, min(self._index[status], len(ids) - 1))
            self._remember(status)
        self._draw()

    def _score(self, gap: Gap) -> Score:
        found = self._scores.get(gap.id)
        if found is None:
            found = self._scores[gap.id] = score(gap, self._people, self._today)
        return found

    def _show_now(self, changed: list[Gap]) -> None:
        """Show a change the app is saving right away; the saved career replaces it (and puts
        it back if the save fails)."""
        career = self._career
        if career is None or not changed:
            return
        by_id = {gap.id: gap for gap in changed}
        self._career = replace(career, gaps=[by_id.get(gap.id, gap) for gap in career.gaps])
        for gap in changed:
            self._scores.pop(gap.id, None)
        self._rebuild()

    def _remember(self, status: GapStatus) -> None:
        cards = self._cards[status]
        index = self._index[status]
        self._selected[status] = cards[index].gap_id if 0 <= index < len(cards) else None

    def _draw(self) -> None:
        if not self.is_mounted:
            return
        active = self.has_focus
        for number, status in enumerate(COLUMNS):
            slug = status.name.lower()
            cards = self._cards[status]
            heading = f"{COLUMN_TITLES[status]} ({len(cards)})"
            if self._headings.get(status) != heading:
                self._headings[status] = heading
                self.query_one(f"#gap-column-{slug} .gap-column-title", Static).update(heading)
            column_widget = self.query_one(f"#gap-cards-{slug}", GapColumn)
            here = number == self._column
            self.query_one(f"#gap-column-{slug}").set_class(here, "-current")
            column_widget.set_cards(
                cards,
                self._index[status] if here else -1,
                active=active,
                show_score=self.order == "score",
            )

    def on_focus(self) -> None:
        self._draw()

    def on_blur(self) -> None:
        self._draw()

    def watch_order(self, order: Order) -> None:
        self.border_subtitle = "by score · s: your order" if order == "score" else ""
        self._rebuild()

    def on_gap_column_clicked(self, message: GapColumn.Clicked) -> None:
        message.stop()
        self._column = COLUMNS.index(message.column.status)
        self._index[self.status] = message.index
        self._remember(self.status)
        self.focus()
        self._draw()

    # -- actions -------------------------------------------------------------------------
    def action_cursor(self, step: int) -> None:
        cards = self._cards[self.status]
        if not cards:
            return
        self._index[self.status] = max(0, min(len(cards) - 1, self._index[self.status] + step))
        self._remember(self.status)
        self._draw()

    def action_cursor_end(self, end: int) -> None:
        cards = self._cards[self.status]
        if cards:
            self._index[self.status] = 0 if end == 0 else len(cards) - 1
            self._remember(self.status)
            self._draw()

    def action_column(self, step: int) -> None:
        self._column = max(0, min(len(COLUMNS) - 1, self._column + step))
        self._draw()

    def action_move(self, step: int) -> None:
        gap = self.selected
        if gap is None:
            return
        if self.order == "score":
            self.notify(
                "The cards follow the score now; press s for your own order to move them.",
                severity="warning",
            )
            return
        changed = move_within(self._career.gaps if self._career else [], gap.id, step)
        if changed:
            self._show_now(changed)
            self.post_message(self.GapMoved(gap.id, step))

    def action_move_column(self, step: int) -> None:
        gap = self.selected
        if gap is None:
            return
        target = neighbour_status(gap.status, step)
        if target is None:
            return
        self._follow = (gap.id, target)
        career = self._career
        if career is not None and not closing_needs_confirmation(gap, target, career.wins):
            self._show_now(move_to(career.gaps, gap.id, target))
        self.post_message(self.StatusChanged(gap.id, target))

    def action_step(self, field: str, step: int) -> None:
        gap = self.selected
        if gap is None:
            return
        changed = stepped(gap, field, step)
        if changed is None:
            self.notify(limit_reason(gap, field, step), severity="warning")
            return
        self._show_now([changed])
        self.post_message(self.ValueStepped(gap.id, field, step))

    def action_toggle_order(self) -> None:
        self._order_chosen = True
        self.order = "score" if self.order == "manual" else "manual"
        self.post_message(self.OrderChanged(self.order))

    def restore_order(self, order: str) -> None:
        """Show the order remembered from last time, unless the user already chose one."""
        if not self._order_chosen and order in ("manual", "score"):
            self.order = order  # type: ignore[assignment]

    def action_new(self) -> None:
        self.post_message(self.NewRequested(self.status))

    def action_edit(self) -> None:
        if (gap := self.selected) is not None:
            self.post_message(self.EditRequested(gap.id))

    def action_delete(self) -> None:
        if (gap := self.selected) is not None:
            self.post_message(self.DeleteRequested(gap.id))

    def action_details(self) -> None:
        gap, career = self.selected, self._career
        if gap is None or career is None:
            return
        from careertui.tui.screens.gap_details import GapDetailsScreen

        people = self._people
        source = next((f for f in career.feedback if f.id == gap.source_feedback_id), None)
        giver = ""
        if source is not None:
            known = people.get(source.giver_id or "")
            giver = source.giver_name or (known.name if known else "")
        screen = GapDetailsScreen(
            gap,
            self._score(gap),
            [people[i] for i in gap.stakeholder_ids if i in people],
            evidence(gap.id, career.wins),
            self._today,
            source=source,
            giver=giver,
        )

        def chosen(choice: str | None) -> None:
            if choice == "log-win":
                self.post_message(self.LogWinRequested(gap.id))
            elif choice == "edit":
                self.post_message(self.EditRequested(gap.id))

        self.app.push_screen(screen, chosen)
