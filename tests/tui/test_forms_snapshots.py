"""Snapshots of every kind of form and dialog at 80×24, 120×36 and 200×50: the footer shows the
keys of the screen in front, questions wrap, the focused field is in view. On the demo career,
but the guided start, which opens on an empty one."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Awaitable, Callable, Sequence
from typing import Any, TypeAlias

import pytest
from textual.pilot import Pilot
from textual.screen import ModalScreen
from textual.widgets import Input, TextArea

from careertui.actions.wins import edit_win
from careertui.domain.models import Gap, GapStatus
from careertui.store.drafts import FORM, Draft, load_draft, save_draft
from careertui.store.repository import Repository
from careertui.tui.app import CareerApp, make_app
from careertui.tui.crash import DraftOfferScreen, RecoveredTextScreen, reopen
from careertui.tui.screens.choice import ChoiceScreen
from careertui.tui.screens.confirm import ConfirmScreen
from careertui.tui.screens.form import FormScreen
from careertui.tui.screens.gap_details import GapDetailsScreen
from careertui.tui.screens.guided_start import STEPS, GuidedStartScreen
from careertui.tui.screens.help import HelpScreen
from careertui.tui.screens.ladder import LadderScreen
from careertui.tui.screens.quick_win import QuickWinScreen
from careertui.tui.screens.stakeholder_agenda import StakeholderAgendaScreen
from careertui.tui.screens.stakeholder_check_in import StakeholderCheckInScreen
from careertui.tui.screens.stakeholder_details import StakeholderDetailsScreen
from careertui.tui.screens.weekly_review import WeeklyReviewScreen
from tests.tui.conftest import run_command, wait_for
from tests.tui.every_action_helpers import settle
from tests.tui.vision_helpers import go_to

SIZES = [(80, 24), (120, 36), (200, 50)]

#: Keys pressed on the dashboard, or what a user does (given the pilot) to open a dialog.
Opener: TypeAlias = Sequence[str] | Callable[[Pilot], Awaitable[None]]


def _app(pilot: Pilot) -> CareerApp:
    app = pilot.app
    assert isinstance(app, CareerApp)
    return app


def on_vision_row(row: str, *keys: str) -> Callable[[Pilot], Awaitable[None]]:
    """Put the vision pane's cursor on ``row`` (``values:0``, ``room:0``…), then press ``keys``."""

    async def open_it(pilot: Pilot) -> None:
        await go_to(pilot, row)
        await pilot.press(*keys)

    return open_it


async def export_brag_document(pilot: Pilot) -> None:
    await run_command(pilot, "Export brag document")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, ChoiceScreen))


async def feedback_on_a_gap_already_there(pilot: Pilot) -> None:
    """g on the 360 feedback about executive presence when such a gap is on the board already
    (see ``PREPARE``): link it, or make a new gap anyway?"""
    app = _app(pilot)
    index = next(i for i, f in enumerate(app.career.feedback) if f.theme == "executive presence")
    await go_to(pilot, f"feedback:{index}")
    await pilot.press("g")
    await wait_for(pilot, lambda: isinstance(app.screen, ChoiceScreen))


async def edited_elsewhere_meanwhile(pilot: Pilot) -> None:
    """The win's title changed in another process while its form was open: keep mine or
    theirs?"""
    app = _app(pilot)
    await pilot.press("4", "e")
    await wait_for(pilot, lambda: isinstance(app.screen, FormScreen))
    form = app.screen
    assert isinstance(form, FormScreen)
    win = app.repo.wins.get(form.base["id"])
    assert win is not None
    edit_win(app.repo, win, win.model_copy(update={"title": "Cut the onboarding time by half"}))
    await pilot.press("end", *" (EMEA too)", "ctrl+s")
    await wait_for(pilot, lambda: isinstance(app.screen, ChoiceScreen))


def guided_start_step(number: int) -> Callable[[Pilot], Awaitable[None]]:
    """The guided start (palette), moved on to step ``number`` with nothing typed."""

    async def open_it(pilot: Pilot) -> None:
        app = _app(pilot)
        await run_command(pilot, "Guided start")
        await wait_for(pilot, lambda: isinstance(app.screen, GuidedStartScreen))
        for _ in range(number - 1):
            await pilot.press("ctrl+s")
            await pilot.pause()

    return open_it


async def guided_start_skipped_with_text_typed(pilot: Pilot) -> None:
    app = _app(pilot)
    await run_command(pilot, "Guided start")
    await wait_for(pilot, lambda: isinstance(app.screen, GuidedStartScreen))
    await pilot.press(*"Head of Product", "escape")
    await wait_for(pilot, lambda: isinstance(app.screen, ChoiceScreen))


async def draft_offered(pilot: Pilot) -> None:
    """The offer comes at the start, while the dashboard behind it is still being laid out (how
    far it got depends on the machine's speed): answered "later" (Escape), and offered again the
    same way once the dashboard is all there, so the picture is the same on every run."""
    app = _app(pilot)
    await wait_for(pilot, lambda: isinstance(app.screen, DraftOfferScreen))
    await pilot.press("escape")
    await settle(pilot)
    draft = load_draft(app.repo.store)
    assert draft is not None, "Later keeps the draft"

    def answered(answer: str | None) -> None:
        if answer == "restore":
            reopen(app, draft)

    app.push_screen(DraftOfferScreen(draft), answered)
    await wait_for(pilot, lambda: isinstance(app.screen, DraftOfferScreen))


async def draft_shown_to_copy(pilot: Pilot) -> None:
    await draft_offered(pilot)
    await pilot.press("r")
    await wait_for(pilot, lambda: not isinstance(pilot.app.screen, DraftOfferScreen))


async def form_closed_with_text_typed(pilot: Pilot) -> None:
    app = _app(pilot)
    await pilot.press("4", "n")
    await wait_for(pilot, lambda: isinstance(app.screen, FormScreen))
    await pilot.press(*"Shipped the pricing page", "escape")
    await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen))


async def quick_win_closed_with_text_typed(pilot: Pilot) -> None:
    await pilot.press("w", *"Shipped the pricing page", "escape")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, ConfirmScreen))


async def gap_closed_without_evidence(pilot: Pilot) -> None:
    """A gap saved into Closed with no win as evidence asks first."""
    app = _app(pilot)
    await pilot.press("2", "n", *"Negotiation")
    await wait_for(pilot, lambda: isinstance(app.screen, FormScreen))
    form = app.screen
    assert isinstance(form, FormScreen)
    form.widget_for("status").value = GapStatus.CLOSED
    await pilot.press("ctrl+s")
    await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen))


#: What opens each form or dialog, and the kind of screen it is.
OPENS: dict[str, tuple[Opener, type[ModalScreen[Any]]]] = {
    "win-form": (["4", "e"], FormScreen),
    "gap-form": (["2", "n", *"Negotiation", "enter"], FormScreen),
    "stakeholder-form": (["3", "e"], FormScreen),
    "vision-form": (["1", "e"], FormScreen),
    "confirm-delete": (["3", "d"], ConfirmScreen),
    "check-in": (["3", "c"], StakeholderCheckInScreen),
    "gap-details": (["2", "enter"], GapDetailsScreen),
    "help": (["question_mark"], HelpScreen),
    "quick-win": (["w", *"Ran the review with @tom #churn"], QuickWinScreen),
    "stakeholder-details": (["3", "enter"], StakeholderDetailsScreen),
    "check-in-agenda": (["3", "p"], StakeholderAgendaScreen),
    "weekly-review": (["r"], WeeklyReviewScreen),
    "ladder": (["R"], LadderScreen),
    # the vision pane's forms, one a section
    "profile-form": (on_vision_row("profile:0", "e"), FormScreen),
    "list-form": (on_vision_row("values:0", "e"), FormScreen),
    "list-entry-form": (on_vision_row("obstacles:0", "a"), FormScreen),
    "priority-form": (on_vision_row("priorities:0", "e"), FormScreen),
    "goal-form": (on_vision_row("goals:0", "e"), FormScreen),
    "feedback-form": (on_vision_row("feedback:0", "e"), FormScreen),
    "scope-form": (on_vision_row("scope:0", "e"), FormScreen),
    "room-form": (on_vision_row("room:0", "e"), FormScreen),
    # questions asked before something is lost or changed
    "confirm-delete-win": (["4", "d"], ConfirmScreen),
    "confirm-delete-gap": (["2", "d"], ConfirmScreen),
    "confirm-delete-vision-item": (on_vision_row("values:0", "d"), ConfirmScreen),
    "confirm-close-gap": (gap_closed_without_evidence, ConfirmScreen),
    "confirm-discard-form": (form_closed_with_text_typed, ConfirmScreen),
    "confirm-discard-quick-win": (quick_win_closed_with_text_typed, ConfirmScreen),
    "export-choice": (export_brag_document, ChoiceScreen),
    "feedback-gap-choice": (feedback_on_a_gap_already_there, ChoiceScreen),
    "conflict-choice": (edited_elsewhere_meanwhile, ChoiceScreen),
    # what was typed when careertui stopped on a bug, offered back at the next start
    "draft-offer": (draft_offered, DraftOfferScreen),
    "draft-recovered-text": (draft_shown_to_copy, RecoveredTextScreen),
    # the guided start on an empty store, each step
    **{
        f"guided-start-{n}-{step}": (guided_start_step(n), GuidedStartScreen)
        for n, (step, _, _) in enumerate(STEPS, 1)
    },
    "guided-start-skip-choice": (guided_start_skipped_with_text_typed, ChoiceScreen),
}
#: The dialogs shown on an empty store (the others on the demo career).
ON_EMPTY_STORE = {name for name in OPENS if name.startswith("guided-start")}


def _presence_gap(repo: Repository) -> None:
    repo.gaps.add(Gap(title="Executive presence", why="Board decks run long."))


def _win_draft(repo: Repository) -> None:
    values = {"title": "Rescued the pricing launch", "impact": "Saved the quarter's revenue"}
    save_draft(repo.store, Draft(FORM, "New win", "Win", None, values))


def _goal_draft(repo: Repository) -> None:
    """A half-filled goal form: a form that is not reopened by itself, so its text is shown to
    copy — without the ids of the gaps and priorities it was tied to."""
    gaps, priorities = repo.gaps.list(), repo.priorities.list()
    values = {
        "title": "Publish the platform API plan",
        "due": "2027-01-31",
        "measure": "Two teams commit to it\nin their Q1 plans",
        "status": "on track",
        "gap_ids": [gaps[0].id],
        "priority_ids": [priorities[0].id],
    }
    save_draft(repo.store, Draft(FORM, "Add an interim goal", "Goal", None, values))


#: What is in the store besides the demo career (or nothing) before the app starts.
PREPARE: dict[str, Callable[[Repository], None]] = {
    "feedback-gap-choice": _presence_gap,
    "draft-offer": _win_draft,
    "draft-recovered-text": _goal_draft,
}


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("name", list(OPENS))
def test_form_or_dialog(
    snap_compare,
    request: pytest.FixtureRequest,
    name: str,
    size: tuple[int, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # a text area's cursor that never blinks off: the same picture every time
    monkeypatch.setattr(TextArea, "_toggle_cursor_blink_visible", lambda self: None)
    repo: Repository = request.getfixturevalue("repo" if name in ON_EMPTY_STORE else "demo_repo")
    if name in PREPARE:
        PREPARE[name](repo)
    opener, shown = OPENS[name]

    async def open_it(pilot: Pilot) -> None:
        app = _app(pilot)
        await settle(pilot)  # the dashboard behind the dialog, all of it shown
        await laid_out(pilot)
        if callable(opener):
            await opener(pilot)
        else:
            await pilot.press(*opener)
        await wait_for(pilot, lambda: app.screen is not app.dashboard)
        screen = app.screen
        assert type(screen) is shown, f"{name} opened {type(screen).__name__}"
        await wait_for(pilot, lambda: screen.focused is not None or not screen.focus_chain)
        await pilot.pause()
        for widget in pilot.app.screen.query("Input, TextArea"):
            assert isinstance(widget, (Input, TextArea))
            widget.cursor_blink = False
        await settle(pilot)
        await laid_out(pilot)

    assert snap_compare(make_app(repo), terminal_size=size, run_before=open_it)


async def laid_out(pilot: Pilot) -> None:
    """Wait until the widgets of every screen on show (the dashboard behind a dialog too)
    keep their sizes and scroll places from one pause to the next (a list scrolled to its
    selection a moment after it was filled moves its scroll bar then)."""

    def shape() -> list[object]:
        return [
            (w.size, w.virtual_size, w.scroll_offset)
            for screen in pilot.app.screen_stack
            for w in screen.query("*")
        ]

    before = None
    for _ in range(50):
        await pilot.pause()
        now = shape()
        if now == before:
            return
        before = now
    raise AssertionError("the screen never settled")


def test_every_kind_of_dialog_has_snapshots() -> None:
    """Each modal screen careertui has (found by walking the package, so a new one cannot be
    forgotten) is among the snapshots above."""
    import careertui.tui as tui

    dialogs: set[type] = set()
    for info in pkgutil.walk_packages(tui.__path__, prefix="careertui.tui."):
        module = importlib.import_module(info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ == module.__name__ and issubclass(cls, ModalScreen):
                dialogs.add(cls)
    snapped = {shown for _, shown in OPENS.values()}
    assert dialogs - snapped == set()
    assert len(dialogs) > 10
