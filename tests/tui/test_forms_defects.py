"""Issue 14, forms and screens: defects found in a month of real use, driven as a user would.

1. ``e`` on a win with metrics crashed the app; editing a win now round-trips its metrics.
3. ``g`` on feedback whose gap is already on the board offers to link it instead.
6. Required choices have no "(none)"; messages are written for a person, name the field, and
   go away as soon as the field is valid again.
7. A new gap starts in the backlog, whichever column the cursor is in; no stray colon.
9. Keys typed while a form saves never land in it; they reach the dashboard afterwards.
"""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from pydantic import ValidationError
from textual.widgets import Input, Select, TextArea
from textual.widgets._select import SelectOverlay

from careertui.domain.models import Feedback, Gap, GapStatus, Stakeholder, Win
from careertui.store.errors import StoreBusy
from careertui.store.repository import Repository
from careertui.tui.app import CareerApp, make_app
from careertui.tui.panes.gaps import GapsPane
from careertui.tui.screens.choice import ChoiceScreen
from careertui.tui.screens.confirm import ConfirmScreen
from careertui.tui.screens.form import FormScreen
from careertui.tui.screens.messages import readable_errors
from careertui.tui.status import StatusLine
from careertui.tui.widgets.win_list import WinList
from tests.tui.conftest import SIZE, wait_for
from tests.tui.helpers import text, visible
from tests.tui.test_app import hold_log_win
from tests.tui.vision_helpers import go_to, screen_text

B, W, C = GapStatus.BACKLOG, GapStatus.WORKING, GapStatus.CLOSED


def form(app: CareerApp) -> FormScreen:
    screen = app.screen
    assert isinstance(screen, FormScreen), f"expected a form, found {screen}"
    return screen


async def closed(pilot, app: CareerApp) -> None:  # noqa: ANN001
    await wait_for(pilot, lambda: not isinstance(app.screen, FormScreen))
    await app.workers.wait_for_complete()
    await pilot.pause()


def without_updated(win: Win | None) -> dict:
    assert win is not None
    return win.model_dump(exclude={"updated"})


# -- 1. editing a win with metrics -----------------------------------------------------------
async def highlight_win_with_input_metric(pilot, app: CareerApp) -> Win:  # noqa: ANN001
    """Move the journal's cursor (as a user would, with j) to a win with an output and an
    input metric."""
    wins = app.query_one(WinList)
    for _ in range(len(wins.wins)):
        win = wins.highlighted
        if win is not None and {m.kind for m in win.metrics} == {"input", "output"}:
            return win
        await pilot.press("j")
    raise AssertionError("the demo has no win with an input metric")


async def test_e_on_a_demo_win_with_metrics_opens_it_and_saving_it_unchanged_changes_nothing(
    demo_app: CareerApp, demo_repo: Repository
) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        win = await highlight_win_with_input_metric(pilot, demo_app)
        before = demo_repo.wins.get(win.id)
        await pilot.press("e")
        await pilot.pause()
        metrics = form(demo_app).query_one("#field-metrics", TextArea).text.splitlines()
        output = next(m for m in win.metrics if m.kind == "output")
        given = next(m for m in win.metrics if m.kind == "input")
        assert f"{output.name}: {output.before} → {output.after}" in metrics
        assert f"input: {given.name}: {given.before} → {given.after}" in metrics
        await pilot.press("ctrl+s")
        await closed(pilot, demo_app)
        assert demo_app.is_running
        assert without_updated(demo_repo.wins.get(win.id)) == without_updated(before)


async def test_editing_a_metric_of_a_demo_win_stores_it_and_keeps_the_input_metric(
    demo_app: CareerApp, demo_repo: Repository
) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        win = await highlight_win_with_input_metric(pilot, demo_app)
        given = next(m for m in win.metrics if m.kind == "input")
        await pilot.press("e")
        await pilot.pause()
        area = form(demo_app).query_one("#field-metrics", TextArea)
        lines = area.text.splitlines()
        edited = [
            "activation rate: 31% -> 38%" if not line.startswith("input:") else line
            for line in lines
        ]
        area.text = "\n".join(edited)
        await pilot.press("ctrl+s")
        await closed(pilot, demo_app)
        after = demo_repo.wins.get(win.id)
        assert after is not None
        assert [(m.name, m.kind, m.before, m.after) for m in after.metrics] == [
            ("activation rate", "output", "31%", "38%"),
            (given.name, "input", given.before, given.after),
        ]
        assert (after.title, after.date, after.gap_ids, after.tags) == (
            win.title,
            win.date,
            win.gap_ids,
            win.tags,
        )
        await pilot.press("e")
        await pilot.pause()
        shown = form(demo_app).query_one("#field-metrics", TextArea).text
        assert "activation rate: 31% → 38%" in shown


# -- 3. feedback whose gap is already on the board -------------------------------------------
@pytest.fixture
def presence_repo(repo: Repository) -> Repository:
    """A gap "Executive presence" on the board, and 360 feedback on that theme, not linked."""
    with repo.transaction():
        maya = repo.stakeholders.add(Stakeholder(id="stk_maya", name="Maya Chen"))
        repo.gaps.add(Gap(id="gap_presence", title="Executive presence", why="Board decks."))
        repo.feedback.add(
            Feedback(
                id="fb_long",
                quote="Presentations run long; lead with the ask.",
                giver_id=maya.id,
                giver_name="Maya Chen",
                date=dt.date(2026, 10, 1),
                theme="  executive   Presence. ",
                kind="gap",
            )
        )
    return repo


async def press_g_on_the_feedback(pilot, app: CareerApp) -> ChoiceScreen:  # noqa: ANN001
    await go_to(pilot, "feedback:0")
    await pilot.press("g")
    await wait_for(pilot, lambda: isinstance(app.screen, ChoiceScreen))
    dialog = app.screen
    assert isinstance(dialog, ChoiceScreen)
    shown = screen_text(app)
    assert "A gap “Executive presence” already exists." in shown
    assert "Link this feedback to it (l)" in shown
    assert "Make a new gap anyway (n)" in shown
    assert "Cancel (esc)" in shown
    return dialog


async def test_g_on_feedback_for_a_gap_on_the_board_links_it_when_asked(
    presence_repo: Repository,
) -> None:
    app = make_app(presence_repo)
    async with app.run_test(size=SIZE) as pilot:
        await press_g_on_the_feedback(pilot, app)
        await pilot.press("l")
        await wait_for(pilot, lambda: app.career.gaps[0].source_feedback_id == "fb_long")
        (gap,) = presence_repo.gaps.list()
        assert gap.id == "gap_presence"
        assert gap.source_feedback_id == "fb_long"
        assert "Board decks." in gap.why
        assert "“Presentations run long; lead with the ask.” — Maya Chen" in gap.why
        assert gap.stakeholder_ids == ["stk_maya"]
        await pilot.press("z")
        await pilot.pause()
        assert "gap → on the board" in screen_text(app)
        # a second g says so, and makes nothing
        await pilot.press("z")
        await go_to(pilot, "feedback:0")
        await pilot.press("g")
        await pilot.pause()
        assert not isinstance(app.screen, ChoiceScreen)
        assert len(presence_repo.gaps.list()) == 1


async def test_g_on_feedback_for_a_gap_on_the_board_makes_a_new_one_when_asked(
    presence_repo: Repository,
) -> None:
    app = make_app(presence_repo)
    async with app.run_test(size=SIZE) as pilot:
        await press_g_on_the_feedback(pilot, app)
        await pilot.press("n")
        await wait_for(pilot, lambda: len(app.career.gaps) == 2)
        gaps = {gap.id: gap for gap in presence_repo.gaps.list()}
        assert gaps.pop("gap_presence").source_feedback_id is None
        (made,) = gaps.values()
        assert made.source_feedback_id == "fb_long"


async def test_g_on_feedback_for_a_gap_on_the_board_and_escape_changes_nothing(
    presence_repo: Repository,
) -> None:
    app = make_app(presence_repo)
    before = presence_repo.gaps.list()
    async with app.run_test(size=SIZE) as pilot:
        await press_g_on_the_feedback(pilot, app)
        await pilot.press("escape")
        await pilot.pause()
        await app.workers.wait_for_complete()
        assert app.screen is app.dashboard
    assert presence_repo.gaps.list() == before


async def test_feedback_on_the_theme_of_a_gap_made_from_other_feedback_is_matched(
    presence_repo: Repository,
) -> None:
    """The gap was renamed since it was made from feedback; new feedback on the same theme
    still finds it."""
    with presence_repo.transaction():
        presence_repo.gaps.update(
            presence_repo.gaps.get("gap_presence").model_copy(
                update={"title": "Short, clear board updates", "source_feedback_id": "fb_old"}
            )
        )
        presence_repo.feedback.add(
            Feedback(
                id="fb_old",
                quote="Decks are too dense.",
                date=dt.date(2026, 6, 1),
                theme="Executive presence",
                kind="gap",
            )
        )
    app = make_app(presence_repo)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "feedback:0")  # newest first: the one not on the board yet
        await pilot.press("g")
        await wait_for(pilot, lambda: isinstance(app.screen, ChoiceScreen))
        assert "A gap “Short, clear board updates” already exists." in screen_text(app)
        await pilot.press("l")
        await wait_for(pilot, lambda: "Presentations run long" in app.career.gaps[0].why)
        (gap,) = presence_repo.gaps.list()
        assert gap.source_feedback_id == "fb_old"  # the gap keeps the feedback it came from


# -- 6. required choices and readable messages -----------------------------------------------
async def test_a_required_choice_offers_no_none(presence_repo: Repository) -> None:
    app = make_app(presence_repo)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "feedback:0")
        await pilot.press("a")
        await pilot.pause()
        kind = form(app).query_one("#field-kind", Select)
        assert kind.value == "strength"
        kind.focus()
        await pilot.press("space")  # Enter moves to the next field; space opens the list
        await pilot.pause()
        offered = [str(o.prompt) for o in kind.query_one(SelectOverlay).options]
        assert offered == ["strength", "gap"]
        await pilot.press("escape")
        # an optional choice still has its empty entry
        giver = form(app).query_one("#field-giver_id", Select)
        giver.focus()
        await pilot.press("space")
        await pilot.pause()
        offered = [str(o.prompt) for o in giver.query_one(SelectOverlay).options]
        assert offered == ["(none)", "Maya Chen"]


async def test_a_new_gap_form_has_no_none_in_its_required_choices(repo: Repository) -> None:
    app = make_app(repo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "n")
        await pilot.pause()
        screen = form(app)
        for name in ("category", "status", "current_level", "target_level", "impact", "effort"):
            select = screen.query_one(f"#field-{name}", Select)
            assert not select.is_blank(), name
            offered = [str(o.prompt) for o in select.query_one(SelectOverlay).options]
            assert "(none)" not in offered, name
        assert screen.query_one("#field-status", Select).value == B


async def test_a_message_names_the_field_and_goes_away_once_the_field_is_valid(
    repo: Repository,
) -> None:
    app = make_app(repo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "n")
        await pilot.pause()
        screen = form(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert screen.errors() == {"title": "Title: required — type at least 1 character"}
        assert visible(screen.query_one("#error-title"))
        await pilot.press("P")
        await pilot.pause()
        assert screen.errors() == {}
        assert not visible(screen.query_one("#error-title"))
        assert not screen.query_one("#row-title").has_class("-invalid")
        # a level below the current one: named, and gone once fixed in either field
        screen.query_one("#field-current_level", Select).value = 4
        screen.query_one("#field-target_level", Select).value = 2
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert screen.errors() == {
            "target_level": "Target level must not be below the current level (4)"
        }
        screen.query_one("#field-current_level", Select).value = 2
        await pilot.pause()
        assert screen.errors() == {}
        assert repo.gaps.list() == []


async def test_messages_are_for_a_person_in_the_stakeholder_and_win_forms(
    repo: Repository,
) -> None:
    app = make_app(repo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "n")
        await pilot.pause()
        screen = form(app)
        await pilot.press(*"Tom Becker")
        influence = screen.query_one("#field-influence", Input)
        influence.focus()
        await pilot.press("ctrl+u", "9", "ctrl+s")
        await pilot.pause()
        assert screen.errors() == {"influence": "Influence: must be less than or equal to 5"}
        influence.focus()
        await pilot.press("backspace")
        await pilot.pause()
        assert screen.errors() == {"influence": "Influence: enter a whole number"}
        await pilot.press("4")
        await pilot.pause()
        assert screen.errors() == {}
        await pilot.press("escape", "y")
        await pilot.pause()

        await pilot.press("4", "n")
        await pilot.pause()
        screen = form(app)
        date = screen.query_one("#field-date", Input)
        date.focus()
        await pilot.press("ctrl+u", *"the 45th of never", "ctrl+s")
        await pilot.pause()
        errors = screen.errors()
        assert errors["title"] == "Title: required — type at least 1 character"
        assert errors["date"].startswith("Date: cannot understand the date 'the 45th of never'")
        for message in errors.values():
            assert "Input should" not in message and "String should" not in message
        date.focus()
        await pilot.press("ctrl+u", *"yesterday")
        await pilot.pause()
        assert set(screen.errors()) == {"title"}


def test_pydantic_error_types_read_as_sentences_naming_the_field() -> None:
    def messages(model: type, **data: object) -> dict[str, str]:
        with pytest.raises(ValidationError) as caught:
            model.model_validate(data)
        return readable_errors(caught.value)

    assert messages(Feedback, quote="x", kind="")["kind"] == "Kind: choose strength or gap"
    assert messages(Feedback, quote="")["quote"] == "Quote: required — type at least 1 character"
    gap = messages(Gap, title="x" * 301, category="zz", impact=0, effort="a lot")
    assert gap["title"] == "Title: at most 300 characters (this has 301)"
    assert gap["category"] == (
        "Category: choose skill, experience, visibility, relationship, scope/title or other"
    )
    assert gap["impact"] == "Impact: must be greater than or equal to 1"
    assert gap["effort"] == "Effort: enter a whole number"
    assert messages(Stakeholder, name="Tom", cadence_days=-3)["cadence_days"] == (
        "Cadence days: must be greater than or equal to 0"
    )
    assert messages(Win, title="x", date="soon")["date"] == "Date: enter a date like 2026-11-23"


# -- 7. a new gap lands in the backlog --------------------------------------------------------
@pytest.fixture
def board_repo(repo: Repository) -> Repository:
    with repo.transaction():
        repo.gaps.add(Gap(title="Alpha", status=B, rank=0))
        repo.gaps.add(Gap(title="Omega", status=C, rank=1))
    return repo


async def test_n_with_the_cursor_in_closed_adds_the_gap_to_the_backlog(
    board_repo: Repository,
) -> None:
    app = make_app(board_repo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "l", "l")
        await pilot.pause()
        assert app.dashboard.query_one(GapsPane).status == C
        await pilot.press("n")
        await pilot.pause()
        assert form(app).query_one("#field-status", Select).value == B
        await pilot.press(*"Public speaking", "ctrl+s")
        await wait_for(pilot, lambda: not isinstance(app.screen, FormScreen))
        assert app.screen is app.dashboard  # no question about closing without evidence
        await app.workers.wait_for_complete()
        added = next(g for g in board_repo.gaps.list() if g.title == "Public speaking")
        assert added.status == B


async def test_a_new_gap_goes_to_the_column_picked_in_the_form(board_repo: Repository) -> None:
    app = make_app(board_repo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "n")
        await pilot.pause()
        await pilot.press(*"Public speaking")
        form(app).query_one("#field-status", Select).value = W
        await pilot.press("ctrl+s")
        await closed(pilot, app)
        added = next(g for g in board_repo.gaps.list() if g.title == "Public speaking")
        assert added.status == W


async def test_not_saved_messages_have_no_stray_colon(
    board_repo: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(board_repo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "e")  # Alpha, no evidence
        await pilot.pause()
        form(app).query_one("#field-status", Select).value = C
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("n")
        await wait_for(pilot, lambda: isinstance(app.screen, FormScreen))
        message = text(form(app).query_one("#form-error"))
        assert message == ("Not saved: it stays open until you confirm closing it without evidence")
        await pilot.press("escape", "y")
        await pilot.pause()

        def busy(gap: Gap) -> Gap:
            raise StoreBusy("another careertui process has held the lock too long")

        monkeypatch.setattr(board_repo.gaps, "add", busy)
        await pilot.press("n", *"Public speaking", "ctrl+s")
        await wait_for(pilot, lambda: form(app).errors().get(""))
        assert form(app).errors()[""] == (
            "Not saved: another careertui process has held the lock too long"
        )


# -- 9. keys typed while saving ------------------------------------------------------------
async def test_keys_typed_while_the_form_saves_reach_the_dashboard_not_the_form(
    app: CareerApp, repo: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = hold_log_win(repo, monkeypatch)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "n")
        await pilot.pause()
        screen = form(app)
        await pilot.press(*"Lunch with Tom Becker", "ctrl+s")
        await wait_for(pilot, lambda: "saving…" in text(app.dashboard.query_one(StatusLine)))
        # Enter again (a repeated save, swallowed), then n: held until the win is stored
        await pilot.press("enter", "n")
        await pilot.pause()
        assert app.screen is app.dashboard  # the form closed; the n has not acted yet
        # the win is shown at once, while it is saved
        assert [w.title for w in app.query_one(WinList).wins] == ["Lunch with Tom Becker"]
        assert repo.wins.list() == []
        release.set()
        await wait_for(pilot, lambda: repo.wins.list())
        # the n was for the journal: a new, empty win form
        await wait_for(
            pilot,
            lambda: (
                isinstance(app.screen, FormScreen)
                and app.screen is not screen
                and app.screen.query("#field-title")
            ),
        )
        assert form(app).form_title == "New win"
        assert form(app).query_one("#field-title", Input).value == ""
        await pilot.press("escape")
    assert [w.title for w in repo.wins.list()] == ["Lunch with Tom Becker"]


async def test_keys_typed_while_the_quick_win_saves_reach_the_dashboard(
    app: CareerApp, repo: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = hold_log_win(repo, monkeypatch)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("w", *"Tom Becker signed", "enter")
        await wait_for(pilot, lambda: "saving…" in text(app.dashboard.query_one(StatusLine)))
        await pilot.press("2", "n")
        await pilot.pause()
        assert app.screen is app.dashboard  # nothing opened while it saves
        assert app.dashboard.active_pane_id() == "journal"  # and the 2 has not acted yet
        release.set()
        await wait_for(
            pilot, lambda: isinstance(app.screen, FormScreen) and app.screen.query("#field-title")
        )
        assert form(app).form_title == "New gap"  # 2 went to the gap board, then n
        assert form(app).query_one("#field-title", Input).value == ""
        await wait_for(pilot, lambda: form(app).focused is not None)  # whole, before quitting
    assert [w.title for w in repo.wins.list()] == ["Tom Becker signed"]


async def test_after_a_failed_save_the_form_is_back_and_held_keys_are_dropped(
    app: CareerApp, repo: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()

    def fails(win: Win) -> Win:
        release.wait(30)  # a slow disk, then a busy store
        raise StoreBusy("another careertui process has held the lock too long")

    monkeypatch.setattr(repo.wins, "add", fails)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "n", *"Memo", "ctrl+s")
        await wait_for(pilot, lambda: "saving…" in text(app.dashboard.query_one(StatusLine)))
        await pilot.press("x", "y")
        release.set()
        await wait_for(
            pilot, lambda: isinstance(app.screen, FormScreen) and form(app).errors().get("")
        )
        screen = form(app)
        assert screen.errors()[""] == (
            "Not saved: another careertui process has held the lock too long"
        )
        # the win shown while it was saved is gone from the journal: it is not on file
        assert app.dashboard.query_one(WinList).wins == [] and repo.wins.list() == []
        title = screen.query_one("#field-title", Input)
        assert title.value == "Memo" and not title.is_disabled  # the x and y were dropped
        assert screen.focused is title
        await pilot.pause()
        await pilot.press("!")
        assert title.value == "Memo!"
        assert app.screen is screen
        await pilot.press("escape")  # what was typed differs from a new win: it asks first
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
    assert repo.wins.list() == []


async def test_keys_typed_while_a_check_in_saves_never_reach_its_note(
    repo: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    from careertui.tui.screens.stakeholder_check_in import StakeholderCheckInScreen

    repo.stakeholders.add(Stakeholder(name="Tom Becker"))
    release = threading.Event()
    real_add = repo.interactions.add

    def slow(interaction):  # noqa: ANN001, ANN202
        release.wait(30)
        return real_add(interaction)

    monkeypatch.setattr(repo.interactions, "add", slow)
    app = make_app(repo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "c")
        await wait_for(pilot, lambda: isinstance(app.screen, StakeholderCheckInScreen))
        await pilot.press(*"Coffee", "enter")
        await wait_for(pilot, lambda: "saving…" in text(app.dashboard.query_one(StatusLine)))
        await pilot.press("n", "o")
        await pilot.pause()
        assert app.screen is app.dashboard  # neither a new-person form nor a note
        release.set()
        await wait_for(pilot, lambda: repo.interactions.list())
        # the n was for the stakeholder map: a new person's form
        await wait_for(
            pilot, lambda: isinstance(app.screen, FormScreen) and app.screen.query("#field-name")
        )
        assert form(app).form_title == "New stakeholder"
        await wait_for(pilot, lambda: form(app).focused is not None)  # whole, before quitting
    assert [i.note for i in repo.interactions.list()] == ["Coffee"]
