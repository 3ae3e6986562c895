"""Last contact follows the record in the app: delete the latest win with someone and the map
shows their last contact moved back; undo moves it forward again."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Static

from careertui.store.repository import Repository
from careertui.tui.app import make_app
from careertui.tui.panes.journal import JournalPane
from careertui.tui.panes.stakeholders import StakeholdersPane
from careertui.tui.screens.confirm import ConfirmScreen
from tests.tui.conftest import SIZE, wait_for


def dashboard(pilot: Pilot):  # noqa: ANN201 - the app's first screen
    return pilot.app.screen_stack[0]


def selected_person(pilot: Pilot) -> str:
    pane = dashboard(pilot).query_one("#stakeholders", StakeholdersPane)
    return str(pane.query_one("#stakeholder-selected", Static).content)


async def show_person(pilot: Pilot, stakeholder_id: str, name: str) -> None:
    await pilot.press("3")
    await pilot.pause()
    dashboard(pilot).query_one("#stakeholders", StakeholdersPane).go_to(stakeholder_id)
    await wait_for(pilot, lambda: selected_person(pilot).startswith(name))


async def test_deleting_the_latest_win_with_someone_moves_their_last_contact_back(
    cli, demo_repo: Repository, data_dir: Path
) -> None:
    maya = next(p for p in demo_repo.stakeholders.list() if p.name == "Maya Chen")
    assert maya.last_contact.isoformat() == "2026-11-20"  # her last check-in in the demo
    result = cli("win", "Met Maya about the platform bet", "--with", "Maya")  # the real CLI
    assert result.returncode == 0, result.stderr
    win = next(w for w in demo_repo.wins.list() if w.title == "Met Maya about the platform bet")

    app = make_app(Repository.at(data_dir))
    async with app.run_test(size=SIZE) as pilot:
        await show_person(pilot, maya.id, "Maya Chen")
        assert "last 2026-11-23" in selected_person(pilot)

        await pilot.press("4")
        await pilot.pause()
        dashboard(pilot).query_one(JournalPane).select(win.id)
        await pilot.pause()
        await pilot.press("d")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("y")
        await wait_for(pilot, lambda: demo_repo.wins.get(win.id) is None)

        await show_person(pilot, maya.id, "Maya Chen")
        await wait_for(pilot, lambda: "last 2026-11-20" in selected_person(pilot))
        assert demo_repo.stakeholders.get(maya.id).last_contact.isoformat() == "2026-11-20"

        await pilot.press("4")
        await pilot.pause()
        await pilot.press("u")  # undo: the win, and the contact it counts as, are back
        await wait_for(pilot, lambda: demo_repo.wins.get(win.id) is not None)
        await show_person(pilot, maya.id, "Maya Chen")
        await wait_for(pilot, lambda: "last 2026-11-23" in selected_person(pilot))
