"""The cursor follows what the user just did: a win logged (w, n, the shell, an undo) is the
journal's selected win; a priority, value or scope item just added is under the vision pane's
cursor; a gap made from an obstacle is the board's selected card; a new person is selected on
the stakeholder map. So the next key (e, d, *) acts on it."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import OptionList

from careertui.domain.models import Win
from careertui.store.repository import Repository
from careertui.tui.panes.gaps import GapsPane
from careertui.tui.panes.stakeholders import StakeholdersPane
from careertui.tui.panes.vision import VisionPane
from careertui.tui.screens.confirm import ConfirmScreen
from careertui.tui.screens.form import FormScreen
from careertui.tui.widgets.win_list import WinList
from tests.tui.conftest import SIZE, wait_for


async def settle(pilot: Pilot) -> None:
    for _ in range(3):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def selected_win(pilot: Pilot) -> Win | None:
    return pilot.app.query_one(WinList).highlighted


def vision(pilot: Pilot) -> VisionPane:
    return pilot.app.screen_stack[0].query_one("#vision", VisionPane)


def vision_row(pilot: Pilot) -> str:
    """The text of the vision pane's row under the cursor."""
    outline = vision(pilot).query_one(OptionList)
    option = outline.highlighted_option
    return "" if option is None else str(option.prompt)


async def to_section(pilot: Pilot, section: str) -> None:
    """In the vision pane, ``]`` until the cursor is in ``section``."""
    outline = vision(pilot).query_one(OptionList)
    for _ in range(20):
        option = outline.highlighted_option
        if option is not None and (option.id or "").startswith(f"{section}:"):
            return
        await pilot.press("right_square_bracket")
    raise AssertionError(f"never reached the {section} section")


async def save_form(pilot: Pilot, *keys: str) -> None:
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, FormScreen))
    await pilot.press(*keys, "ctrl+s")
    await wait_for(pilot, lambda: not isinstance(pilot.app.screen, FormScreen))
    await settle(pilot)


# -- the journal ----------------------------------------------------------------------------------
async def test_a_quick_win_is_selected(demo_app) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("4", "down", "down", "down")
        assert selected_win(pilot).title != "Closed the Q4 pricing review"
        await pilot.press("w", *"Closed the Q4 pricing review", "enter")
        await settle(pilot)
        assert selected_win(pilot).title == "Closed the Q4 pricing review"


async def test_a_win_from_the_full_form_is_selected_and_e_edits_it(demo_app) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("4", "end", "n")
        await save_form(pilot, *"Unblocked the data team")
        assert selected_win(pilot).title == "Unblocked the data team"
        await pilot.press("e")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, FormScreen))
        assert pilot.app.screen.form_title == "Edit win"
        assert pilot.app.screen.widget_for("title").value == "Unblocked the data team"


async def test_a_win_logged_from_the_shell_is_selected(demo_app, cli) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("4", "down", "down")
        result = cli("win", "Demoed the roadmap to the board")
        assert result.returncode == 0, result.stderr
        await wait_for(
            pilot,
            lambda: (
                selected_win(pilot) is not None
                and selected_win(pilot).title == "Demoed the roadmap to the board"
            ),
        )


async def test_undo_selects_the_restored_win(demo_app, demo_repo: Repository) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("4", "down", "down", "down")
        doomed = selected_win(pilot)
        await pilot.press("d")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, ConfirmScreen))
        await pilot.press("y")
        await settle(pilot)
        assert doomed.id not in {win.id for win in demo_repo.wins.list()}
        await pilot.press("home")
        assert selected_win(pilot).id != doomed.id
        await pilot.press("u")
        await settle(pilot)
        assert selected_win(pilot).id == doomed.id


# -- the vision pane ------------------------------------------------------------------------------
async def test_a_new_priority_is_selected_so_d_offers_to_delete_it(demo_app) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("1")
        await to_section(pilot, "priorities")
        assert "Expand into mid-market" not in vision_row(pilot)
        await pilot.press("a")
        await save_form(pilot, *"Expand into mid-market")
        assert "Expand into mid-market" in vision_row(pilot)
        await pilot.press("d")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, ConfirmScreen))
        assert "Expand into mid-market" in pilot.app.screen.question


async def test_a_new_value_is_selected(demo_app) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("1")
        await to_section(pilot, "values")
        await pilot.press("a")
        await save_form(pilot, *"Assume good intent")
        assert "Assume good intent" in vision_row(pilot)


async def test_a_new_scope_item_is_selected(demo_app) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("1")
        await to_section(pilot, "scope")
        await pilot.press("a")
        await save_form(pilot, *"Vendor budget")
        assert "Vendor budget" in vision_row(pilot)


# -- gaps and people ------------------------------------------------------------------------------
async def test_a_gap_made_from_an_obstacle_is_the_selected_card(demo_app) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        board = pilot.app.screen_stack[0].query_one("#gaps", GapsPane)
        await pilot.press("1")
        await to_section(pilot, "obstacles")
        obstacle = vision_row(pilot).strip(" •")
        assert board.selected is not None and board.selected.title != obstacle
        await pilot.press("g")
        await settle(pilot)
        assert board.selected is not None and board.selected.title == obstacle
        await pilot.press("2", "e")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, FormScreen))
        assert pilot.app.screen.widget_for("title").value == obstacle


async def test_a_gap_from_the_form_is_the_selected_card(demo_app) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("2", "n")
        await save_form(pilot, *"Negotiation")
        board = pilot.app.screen_stack[0].query_one("#gaps", GapsPane)
        assert board.selected is not None and board.selected.title == "Negotiation"


async def test_a_new_stakeholder_is_selected_in_the_list_view(demo_app) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("3", "v", "n")
        await save_form(pilot, *"Aaron Abbott")
        people = pilot.app.screen_stack[0].query_one("#stakeholders", StakeholdersPane)
        assert people.selected is not None and people.selected.name == "Aaron Abbott"
