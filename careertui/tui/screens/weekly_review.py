"""The weekly review: five steps, one at a time, each skippable; left with Escape and resumed
where it was left (the step is remembered in the store).

The screen shows what it is given (:meth:`WeeklyReviewScreen.show`, called again with the
career read after each save, at the same step and line) and posts what the user meant: the step
reached, a win to tie to a priority and gaps, a star, a win to capture (for a gap), a thanks, a
win told, the review finished. The app hands those to the dashboard, which writes them through
:mod:`careertui.actions`.
"""

from __future__ import annotations

import datetime as dt

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from careertui.domain.weekly import STEPS
from careertui.exchange.snippet import snippet
from careertui.exchange.weekly_review import Item, heading, step_items
from careertui.store.repository import Career
from careertui.tui.widgets.footer import DashboardFooter

LAST_STEP = len(STEPS) - 1


class WeeklyReviewScreen(ModalScreen[None]):
    """The weekly review, at one step."""

    CSS_PATH = "weekly_review.tcss"

    BINDINGS = [
        Binding("escape,q", "leave", "Leave", id="review.leave"),
        Binding("n,right", "step(1)", "Next", id="review.next"),
        Binding("p,left", "step(-1)", "Back", id="review.back"),
        Binding("l", "tie", "Tie", id="review.tie"),
        Binding("asterisk,s", "star", "Star", id="review.star"),
        Binding("w", "capture", "Capture a win", id="review.capture"),
        Binding("t", "thank", "Thank", id="review.thank"),
        Binding("o", "told", "Told them", id="review.told"),
        Binding("c,y", "copy", "Copy snippet", id="review.copy"),
        Binding("d", "finish", "Finish", id="review.finish"),
    ]
    FOOTER_FIRST = (
        "review.next",
        "review.back",
        "review.leave",
        "review.tie",
        "review.star",
        "review.capture",
        "review.thank",
        "review.told",
        "review.copy",
        "review.finish",
    )

    class StepReached(Message):
        """The review is at ``step`` (0–4): where it resumes next time."""

        def __init__(self, step: int) -> None:
            super().__init__()
            self.step = step

    class TieRequested(Message):
        """The user wants to tie the win ``win_id`` to a priority and gaps."""

        def __init__(self, win_id: str) -> None:
            super().__init__()
            self.win_id = win_id

    class StarToggled(Message):
        """The user starred the win ``win_id``, or took its star away."""

        def __init__(self, win_id: str) -> None:
            super().__init__()
            self.win_id = win_id

    class CaptureRequested(Message):
        """The user wants to log a win, for the gap ``gap_id`` when one is given."""

        def __init__(self, gap_id: str | None) -> None:
            super().__init__()
            self.gap_id = gap_id

    class ThanksRequested(Message):
        def __init__(self, stakeholder_id: str, win_id: str) -> None:
            super().__init__()
            self.stakeholder_id = stakeholder_id
            self.win_id = win_id

    class ToldRequested(Message):
        def __init__(self, win_id: str, stakeholder_id: str) -> None:
            super().__init__()
            self.win_id = win_id
            self.stakeholder_id = stakeholder_id

    class Finished(Message):
        """The review is done for this week."""

    def __init__(self, career: Career, today: dt.date, step: int = 0) -> None:
        super().__init__()
        self.career = career
        self.today = today
        self.step = max(0, min(step, LAST_STEP))
        self.items: list[Item] = []
        #: The step the list shows: the highlighted line is kept while it stays the same.
        self._listed_step: int | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="weekly-review"):
            yield Static(id="review-heading")
            yield Static(id="review-step")
            yield OptionList(id="review-items")
        yield DashboardFooter()

    def on_mount(self) -> None:
        self.show(self.career)
        self.query_one(OptionList).focus()

    # -- what it shows --------------------------------------------------------------------------
    def show(self, career: Career) -> None:
        """Show the current step of ``career`` (read again after a save), keeping the place."""
        self.career = career
        if not self.query("#review-heading"):  # not composed yet: on_mount shows it
            return
        self.query_one("#review-heading", Static).update(Text(heading(career, self.today)))
        key, title = STEPS[self.step]
        hint = {
            "wins": "l ties · * stars · w captures a win",
            "people": "t thanks the person on a win · o records that you told them",
            "snippet": "c copies it for your manager · d finishes the review",
        }.get(key, "n goes on (or skips) · p goes back")
        self.query_one("#review-step", Static).update(
            Text.assemble((f"Step {self.step + 1} of {len(STEPS)} · {title}", "bold"), f"   {hint}")
        )
        items = step_items(career, self.today, self.step)
        listing = self.query_one(OptionList)
        # the same line after a save on this step (or the one now in its place); the first on a
        # step just reached
        place = listing.highlighted if self._listed_step == self.step else 0
        self._listed_step = self.step
        self.items = items
        listing.clear_options()
        listing.add_options([Option(Text(item.text or " ")) for item in items])
        if items:
            listing.highlighted = min(place or 0, len(items) - 1)
        self.refresh_bindings()

    @property
    def current(self) -> Item | None:
        found = self.query(OptionList)
        if not found:
            return None
        index = found.first().highlighted
        return self.items[index] if index is not None and index < len(self.items) else None

    @on(OptionList.OptionHighlighted)
    def _highlighted(self) -> None:
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        item = self.current if self.is_mounted else None
        on_wins = STEPS[self.step][0] == "wins"
        if action in ("tie", "star"):
            return on_wins and item is not None and item.win is not None
        if action == "capture":
            return on_wins
        if action == "thank":
            return item is not None and item.thank is not None
        if action == "told":
            return item is not None and item.tell is not None
        if action in ("copy", "finish"):
            return self.step == LAST_STEP
        if action == "step":
            step = parameters[0] if parameters else 1
            return 0 <= self.step + int(step) <= LAST_STEP  # type: ignore[call-overload]
        return True

    # -- what the user means ----------------------------------------------------------------------
    def action_step(self, step: int) -> None:
        self.step = max(0, min(self.step + step, LAST_STEP))
        self.items = []
        self.post_message(self.StepReached(self.step))
        self.show(self.career)

    def action_leave(self) -> None:
        self.post_message(self.StepReached(self.step))
        self.dismiss(None)

    def action_tie(self) -> None:
        item = self.current
        if item is not None and item.win is not None:
            self.post_message(self.TieRequested(item.win))

    def action_star(self) -> None:
        item = self.current
        if item is not None and item.win is not None:
            self.post_message(self.StarToggled(item.win))

    def action_capture(self) -> None:
        item = self.current
        self.post_message(self.CaptureRequested(item.gap if item is not None else None))

    def action_thank(self) -> None:
        item = self.current
        if item is not None and item.thank is not None:
            self.post_message(self.ThanksRequested(*item.thank))

    def action_told(self) -> None:
        item = self.current
        if item is not None and item.tell is not None:
            self.post_message(self.ToldRequested(*item.tell))

    def action_copy(self) -> None:
        self.app.copy_to_clipboard(snippet(self.career, self.today))
        self.notify("The week's snippet was copied to the clipboard")

    def action_finish(self) -> None:
        self.post_message(self.Finished())
        self.dismiss(None)
