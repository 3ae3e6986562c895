"""The dashboard shell, driven with Pilot as a user would: keys in, screen and store out."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import pytest
from textual.widgets import Tabs

from careertui.actions.settings import remember_gap_order
from careertui.domain.models import (
    Gap,
    GapStatus,
    Stakeholder,
    Vision,
    Win,
)
from careertui.store.errors import StoreBusy
from careertui.store.repository import Repository
from careertui.tui.panes.base import Pane
from careertui.tui.saving import Write
from careertui.tui.screens.choice import ChoiceScreen
from careertui.tui.screens.help import HelpScreen
from careertui.tui.screens.quick_win import QuickWinScreen
from careertui.tui.status import StatusLine
from careertui.tui.widgets.win_list import WinList
from tests.tui.conftest import SIZE, run_command, wait_for
from tests.tui.helpers import text, toasts, visible
from tests.tui.vision_helpers import screen_text

TODAY = dt.date(2026, 11, 23)  # tests/conftest.py pins CAREERTUI_TODAY


def focused_pane(app) -> str | None:
    focused = app.screen.focused
    if focused is None:
        return None
    for node in (focused, *focused.ancestors):
        if isinstance(node, Pane):
            return node.id
    return None


def hold_log_win(repo, monkeypatch) -> threading.Event:
    """Make storing a new win wait (in the app's write worker) until the event is set."""
    release = threading.Event()
    real_add = repo.wins.add

    def slow(win: Win) -> Win:
        release.wait(30)
        return real_add(win)

    monkeypatch.setattr(repo.wins, "add", slow)
    return release


# -- w: the daily habit ------------------------------------------------------------------------
async def test_a_quick_win_is_on_screen_at_once_while_it_is_saved(
    app, repo: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = hold_log_win(repo, monkeypatch)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("w", *"Shipped onboarding v2", "enter")
        await wait_for(pilot, lambda: "saving…" in text(app.dashboard.query_one(StatusLine)))
        await pilot.pause()
        shown = app.dashboard.query_one(WinList)
        assert [w.title for w in shown.wins] == ["Shipped onboarding v2"]  # before it is stored
        assert "Shipped onboarding v2" in screen_text(app)
        assert "1 win this week" in text(app.query_one(StatusLine))
        assert repo.wins.list() == []
        release.set()
        await wait_for(pilot, lambda: "saving…" not in text(app.dashboard.query_one(StatusLine)))
        assert [w.title for w in repo.wins.list()] == ["Shipped onboarding v2"]
        assert [w.title for w in shown.wins] == ["Shipped onboarding v2"]
        assert shown.highlighted is not None and shown.highlighted.title == "Shipped onboarding v2"


async def test_a_quick_win_that_cannot_be_saved_leaves_the_screen_as_the_file_is(
    app, repo: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()

    def busy(win: Win) -> Win:
        release.wait(30)
        raise StoreBusy("another careertui process has held the lock too long")

    monkeypatch.setattr(repo.wins, "add", busy)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("w", *"Shipped onboarding v2", "enter")
        await wait_for(pilot, lambda: app.dashboard.query_one(WinList).wins)  # shown at once
        release.set()
        await wait_for(pilot, lambda: isinstance(app.screen, QuickWinScreen))  # back, as typed
        assert app.dashboard.query_one(WinList).wins == []
        assert "0 wins this week" in text(app.dashboard.query_one(StatusLine))
        error = text(app.screen.query_one("#quick-win-error"))
        assert "another careertui process has held the lock too long" in error
        assert repo.wins.list() == []


async def test_w_type_enter_logs_a_win_dated_today(app, repo: Repository) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("w")
        assert isinstance(app.screen, QuickWinScreen)
        await pilot.press(*"Shipped onboarding v2", "enter")
        await wait_for(pilot, lambda: not isinstance(app.screen, QuickWinScreen))
        wins = repo.wins.list()
        assert [(w.title, w.date) for w in wins] == [("Shipped onboarding v2", TODAY)]
        await wait_for(pilot, lambda: app.query_one(WinList).wins)
        assert app.query_one(WinList).highlighted.title == "Shipped onboarding v2"
        assert "1 win this week" in text(app.query_one(StatusLine))


async def test_w_from_another_pane_and_escape_cancels(app, repo: Repository) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "w", *"never mind", "escape")
        await pilot.pause()
        assert not isinstance(app.screen, QuickWinScreen)
        assert repo.wins.list() == []
        assert not repo.store.exists()


async def test_quick_win_without_text_says_why_and_saves_nothing(app, repo: Repository) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("w", "space", "enter")
        await pilot.pause()
        assert isinstance(app.screen, QuickWinScreen)
        assert "at least 1 character" in text(app.screen.query_one("#quick-win-error"))
        assert repo.wins.list() == []


async def test_store_error_is_a_notification_and_keeps_the_text(app, repo, monkeypatch) -> None:
    def busy(win: Win) -> Win:
        raise StoreBusy("careertui.json: another careertui process has held the lock too long")

    monkeypatch.setattr(repo.wins, "add", busy)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("w", *"Closed the Acme deal", "enter")
        await wait_for(pilot, lambda: toasts(app))
        assert any("held the lock too long" in t for t in toasts(app))
        assert isinstance(app.screen, QuickWinScreen)
        assert app.screen.query_one("#quick-win-title").value == "Closed the Acme deal"
        assert "held the lock" in text(app.screen.query_one("#quick-win-error"))
    assert repo.wins.list() == []


async def test_a_slow_write_shows_saving_and_the_ui_stays_live(app, repo, monkeypatch) -> None:
    release = hold_log_win(repo, monkeypatch)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("w", *"Big journal write", "enter")
        status = app.dashboard.query_one(StatusLine)
        await wait_for(pilot, lambda: "saving…" in text(status))
        # the event loop is free: keys still work while the write is under way
        await pilot.press("escape")
        await pilot.pause()
        assert "saving…" in text(status)
        release.set()
        await wait_for(pilot, lambda: "saving…" not in text(status))
        assert [w.title for w in repo.wins.list()] == ["Big journal write"]


async def test_saving_never_moves_the_panes(demo_app, demo_repo, monkeypatch) -> None:
    """The status line says "saving…" without growing a row, which would shift every pane."""
    release = hold_log_win(demo_repo, monkeypatch)
    async with demo_app.run_test(size=(138, 36)) as pilot:  # the line just fits one row
        await pilot.pause()
        status = demo_app.dashboard.query_one(StatusLine)
        before = [pane.region for pane in demo_app.dashboard.panes], status.region
        await pilot.press("w", *"Steady layout", "enter")
        await wait_for(pilot, lambda: "saving…" in text(status))
        await pilot.pause()
        assert ([pane.region for pane in demo_app.dashboard.panes], status.region) == before
        release.set()
        await wait_for(pilot, lambda: "saving…" not in text(status))
        assert "Steady layout" in [w.title for w in demo_repo.wins.list()]


# -- panes: 1–4, tab, z, tabs on a small terminal -----------------------------------------------
async def test_number_keys_focus_each_pane(demo_app) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        for key, pane in (("1", "vision"), ("2", "gaps"), ("3", "stakeholders"), ("4", "journal")):
            await pilot.press(key)
            await pilot.pause()
            assert focused_pane(demo_app) == pane
            assert demo_app.dashboard.pane(pane).has_class("-active")


async def test_tab_and_shift_tab_cycle_the_panes(demo_app) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("1")
        seen = []
        for _ in range(4):
            await pilot.press("tab")
            await pilot.pause()
            seen.append(focused_pane(demo_app))
        assert seen == ["gaps", "stakeholders", "journal", "vision"]
        await pilot.press("shift+tab")
        await pilot.pause()
        assert focused_pane(demo_app) == "journal"


async def test_z_maximises_the_focused_pane_and_restores_it(demo_app) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "z")
        await pilot.pause()
        gaps = demo_app.dashboard.pane("gaps")
        assert gaps.region.width == SIZE[0]
        assert not visible(demo_app.dashboard.pane("journal"))
        await pilot.press("z")
        await pilot.pause()
        assert gaps.region.width < SIZE[0]
        assert all(visible(p) for p in demo_app.dashboard.panes)


async def test_all_four_panes_show_at_once_on_a_large_terminal(demo_app) -> None:
    async with demo_app.run_test(size=(120, 32)) as pilot:
        await pilot.pause()
        assert all(visible(p) for p in demo_app.dashboard.panes)
        assert not visible(demo_app.dashboard.query_one(Tabs))


async def test_a_small_terminal_shows_the_panes_as_tabs(demo_app) -> None:
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        dashboard = demo_app.dashboard
        assert visible(dashboard.query_one(Tabs))
        assert [p.id for p in dashboard.panes if visible(p)] == ["journal"]
        await pilot.press("2")
        await pilot.pause()
        assert [p.id for p in dashboard.panes if visible(p)] == ["gaps"]
        assert dashboard.query_one(Tabs).active == "tab-gaps"
        await pilot.press("tab")
        await pilot.pause()
        assert [p.id for p in dashboard.panes if visible(p)] == ["stakeholders"]


# -- discoverable ----------------------------------------------------------------------------
async def test_question_mark_opens_help_with_every_binding(demo_app) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(demo_app.screen, HelpScreen)
        table = demo_app.screen.query_one("#help-table")
        rows = [tuple(str(c) for c in table.get_row_at(i)) for i in range(table.row_count)]
        described = {row[2] for row in rows}
        for wanted in (
            "Log a win",
            "Zoom",
            "Next pane",
            "New win",
            "Delete",
            "Undo delete",
            "Star",
            "Filter",
            "Help",
            "Quit",
            "Journal",
        ):
            assert wanted in described, wanted
        assert ("Journal", "*", "Star") in rows
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(demo_app.screen, HelpScreen)


async def test_footer_shows_the_focused_panes_bindings(demo_app) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await pilot.pause()
        shown = {b.binding.description for b in demo_app.active_bindings.values() if b.binding.show}
        assert {"New win", "Star", "Filter", "Log a win"} <= shown
        await pilot.press("1")
        await pilot.pause()
        shown = {b.binding.description for b in demo_app.active_bindings.values() if b.binding.show}
        assert "Star" not in shown


async def test_command_palette_logs_a_win_by_name(app, repo: Repository) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await run_command(pilot, "Log a win")
        await wait_for(pilot, lambda: isinstance(app.screen, QuickWinScreen))
        await pilot.press(*"From the palette", "enter")
        await wait_for(pilot, lambda: repo.wins.list())
        assert repo.wins.list()[0].title == "From the palette"


async def test_command_palette_goes_to_a_stakeholder(demo_app) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await run_command(pilot, "Go to stakeholder Maya")
        await wait_for(pilot, lambda: focused_pane(demo_app) == "stakeholders")


async def test_theme_choice_is_remembered_across_restarts(app, repo, make) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await run_command(pilot, "Switch theme")
        await run_command(pilot, "nord", open_palette=False)  # the theme picker
        await wait_for(pilot, lambda: repo.setting("theme") == "nord")
        assert app.theme == "nord"
    again = make()
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert again.theme == "nord"


# -- live -----------------------------------------------------------------------------------
async def test_a_win_logged_by_another_process_appears_without_restart(app, cli) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "slash", *"shell")
        await pilot.pause()
        result = cli("win", "Logged from the shell")
        assert result.returncode == 0, result.stderr
        win_list = app.query_one(WinList)
        await wait_for(pilot, lambda: [w.title for w in win_list.wins] == ["Logged from the shell"])
        # what the user was typing is untouched, and still applied
        assert app.query_one("#journal-filter").value == "shell"
        assert app.screen.focused is app.query_one("#journal-filter")
        assert "1 of 1 wins match" in text(app.query_one("#journal-count"))


async def test_an_open_form_keeps_its_text_when_data_changes_elsewhere(app, repo, cli) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("w", *"half typed")
        result = cli("win", "Another terminal")
        assert result.returncode == 0, result.stderr
        await wait_for(pilot, lambda: app.query_one(WinList).wins)
        assert isinstance(app.screen, QuickWinScreen)
        assert app.screen.query_one("#quick-win-title").value == "half typed"
        await pilot.press("enter")
        await wait_for(pilot, lambda: len(repo.wins.list()) == 2)


# -- how am I doing --------------------------------------------------------------------------
def _known_career(repo: Repository) -> None:
    with repo.transaction():
        repo.save_vision(
            Vision(
                statement="Lead product for a platform",
                target_role="Director of Product",
                horizon=TODAY.replace(year=2029),
            )
        )
        repo.gaps.add(Gap(title="Executive communication", status=GapStatus.WORKING))
        repo.gaps.add(Gap(title="Pricing", status=GapStatus.BACKLOG))
        repo.stakeholders.add(
            Stakeholder(name="Maya", cadence_days=7, last_contact=TODAY - dt.timedelta(days=20))
        )
        repo.stakeholders.add(
            Stakeholder(name="Priya", cadence_days=14, last_contact=TODAY - dt.timedelta(days=2))
        )
        # Monday 2026-11-23 is the start of this week
        for day in (TODAY - dt.timedelta(days=3), TODAY - dt.timedelta(days=5)):
            repo.wins.add(Win(title=f"Win on {day}", date=day))


async def test_status_line_answers_how_am_i_doing_and_updates(repo: Repository, make) -> None:
    _known_career(repo)
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        status = text(app.query_one(StatusLine))
        assert "0 wins this week, 2 last" in status
        assert "last win 3 days ago" in status
        assert "1 check-in late" in status
        assert "1 check-in late · review due · 1 gap active" in status
        assert "→ Director of Product" in status
        await pilot.press("w", *"Today's win", "enter")
        await wait_for(pilot, lambda: "1 win this week" in text(app.query_one(StatusLine)))
        assert "last win today" in text(app.query_one(StatusLine))


# -- empty states ----------------------------------------------------------------------------
async def test_each_empty_pane_teaches_the_next_step_of_the_method(app) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        dashboard = app.dashboard
        expected = {
            "vision": "Start here",
            "gaps": "Next, the gaps",
            "stakeholders": "Then the people",
            "journal": "Press w",
        }
        for pane_id, words in expected.items():
            empty = dashboard.pane(pane_id).query_one(".pane-empty")
            assert visible(empty), pane_id
            assert words in text(empty), pane_id
        await pilot.press("w", *"First win", "enter")
        await wait_for(pilot, lambda: app.query_one(WinList).wins)
        assert not visible(dashboard.pane("journal").query_one(".pane-empty"))
        assert visible(dashboard.pane("vision").query_one(".pane-empty"))


async def test_demo_data_shows_no_empty_state(demo_app) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for pane in demo_app.dashboard.panes:
            assert not visible(pane.query_one(".pane-empty")), pane.id


# -- errors at start ---------------------------------------------------------------------------
def test_unreadable_store_is_one_error_line_and_left_untouched(cli, data_dir: Path) -> None:
    data_dir.mkdir(mode=0o700)
    garbage = b'{"wins": {"x": '
    (data_dir / "careertui.json").write_bytes(garbage)
    result = cli()
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    assert "Traceback" not in result.stderr
    assert (data_dir / "careertui.json").read_bytes() == garbage


# -- exports from the palette -------------------------------------------------------------------
async def test_palette_exports_the_brag_document_to_a_private_file(demo_app, data_dir) -> None:
    async with demo_app.run_test(size=SIZE, notifications=True) as pilot:
        await run_command(pilot, "Export brag document")
        await wait_for(pilot, lambda: isinstance(demo_app.screen, ChoiceScreen))
        await pilot.press("enter")  # shareable, the default
        exports = Path.home() / "careertui-exports"  # no documents folder in the test's home
        await wait_for(pilot, lambda: any("Exported" in t for t in toasts(demo_app)))
        files = list(exports.glob("brag-document-*.md"))
        assert len(files) == 1
        assert (files[0].stat().st_mode & 0o777) == 0o600
        assert str(files[0]) in " ".join(toasts(demo_app)).replace("\n", "")
        assert "Mentored Grace through her first launch" in files[0].read_text()


@pytest.mark.parametrize("answer", ["s", "p"])
async def test_the_export_dialog_asks_shareable_or_private(demo_app, answer: str) -> None:
    async with demo_app.run_test(size=SIZE, notifications=True) as pilot:
        await run_command(pilot, "Export promotion case")
        await wait_for(pilot, lambda: isinstance(demo_app.screen, ChoiceScreen))
        question = text(demo_app.screen.query_one("#choice-question"))
        assert question == "Export the promotion case: shareable or private?"
        assert demo_app.screen.focused.id == "choice-0"  # shareable: Enter takes it
        await pilot.press(answer)
        await wait_for(pilot, lambda: any("Exported" in t for t in toasts(demo_app)))
    [case] = (Path.home() / "careertui-exports").glob("promotion-case-*.md")
    document = case.read_text()
    # a stakeholder's private note (what Maya cares about) is only in the private copy
    private_note = "Hitting the NRR target"
    assert (private_note in document) == (answer == "p")


async def test_escape_in_the_export_dialog_exports_nothing(demo_app) -> None:
    async with demo_app.run_test(size=SIZE, notifications=True) as pilot:
        await run_command(pilot, "Export brag document")
        await wait_for(pilot, lambda: isinstance(demo_app.screen, ChoiceScreen))
        await pilot.press("escape")
        await pilot.pause()
        assert demo_app.screen is demo_app.dashboard
        await pilot.pause(0.3)
    assert not list((Path.home() / "careertui-exports").glob("*"))


# -- a data file damaged while the app is open ----------------------------------------------------
async def test_a_damaged_file_is_a_notification_and_the_data_stays(demo_app, data_dir) -> None:
    async with demo_app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        shown = len(demo_app.query_one(WinList).wins)
        (data_dir / "careertui.json").write_text('{"wins": ')
        await wait_for(pilot, lambda: any("Could not re-read" in t for t in toasts(demo_app)))
        assert len(demo_app.query_one(WinList).wins) == shown
        assert demo_app.is_running


async def test_quitting_during_a_save_waits_for_it(app, repo, monkeypatch) -> None:
    release = hold_log_win(repo, monkeypatch)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("w", *"Saved before quitting", "enter")
        await wait_for(pilot, lambda: "saving…" in text(app.dashboard.query_one(StatusLine)))
        await pilot.press("escape", "q")
        await pilot.pause()
        assert app.is_running
        release.set()
        await wait_for(pilot, lambda: not app.is_running)
    assert [w.title for w in repo.wins.list()] == ["Saved before quitting"]


async def test_closing_the_quick_win_while_it_saves_still_saves_and_closes_nothing_else(
    app, repo, monkeypatch
) -> None:
    release = hold_log_win(repo, monkeypatch)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("w", *"Closed early", "enter")
        await wait_for(pilot, lambda: "saving…" in text(app.dashboard.query_one(StatusLine)))
        await pilot.press("escape", "question_mark")  # closed, and on to another screen
        await pilot.pause()
        release.set()
        await wait_for(pilot, lambda: "saving…" not in text(app.dashboard.query_one(StatusLine)))
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)  # the finished save closed nothing else
        assert [w.title for w in app.query_one(WinList).wins] == ["Closed early"]
    assert [w.title for w in repo.wins.list()] == ["Closed early"]


async def test_clicking_a_tab_shows_its_pane(demo_app) -> None:
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.click("#tab-stakeholders")
        await pilot.pause()
        assert [p.id for p in demo_app.dashboard.panes if visible(p)] == ["stakeholders"]
        assert focused_pane(demo_app) == "stakeholders"


async def test_a_store_from_a_newer_careertui_is_read_only_and_says_so(
    repo, make, data_dir
) -> None:
    import orjson

    from careertui.store import schema

    repo.wins.add(Win(title="Written by a newer careertui", date=TODAY))
    path = data_dir / "careertui.json"
    tables = orjson.loads(path.read_bytes())
    tables[schema.META_TABLE][schema.SCHEMA_KEY]["version"] = schema.CURRENT_VERSION + 1
    path.write_bytes(orjson.dumps(tables))
    before = path.read_bytes()
    app = make()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert "read-only" in text(app.query_one(StatusLine))
        assert [w.title for w in app.query_one(WinList).wins] == ["Written by a newer careertui"]
        await pilot.press("w", *"Not allowed", "enter")
        await wait_for(pilot, lambda: any("newer careertui" in t for t in toasts(app)))
        assert isinstance(app.screen, QuickWinScreen)
        assert app.screen.query_one("#quick-win-title").value == "Not allowed"
    assert path.read_bytes() == before


async def test_a_bug_after_a_save_is_reported_not_lost(app, repo) -> None:
    def broken(_result: object) -> None:
        raise RuntimeError("follow-up failed")

    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        app.dashboard.run_write(Write(remember_gap_order, (repo, "score"), then=broken))
        await wait_for(pilot, lambda: any("follow-up failed" in t for t in toasts(app)))
        assert app.is_running
        assert not app.saving
    assert repo.settings().gap_order == "score"
