"""The stakeholder map driven from the keyboard, as a user would, over a real store."""

from __future__ import annotations

import datetime as dt
import stat
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import ContentSwitcher, DataTable, Input, Markdown, Select, Static

from careertui.actions.wins import log_win
from careertui.domain.models import (
    Feedback,
    Gap,
    Interaction,
    Relationship,
    Stakeholder,
    Stance,
    Win,
)
from careertui.store.errors import StoreBusy
from careertui.store.repository import Repository
from careertui.tui.app import make_app
from careertui.tui.panes.stakeholders import (
    GRID,
    LIST,
    QuadrantList,
    StakeholdersPane,
    StakeholderTable,
)
from careertui.tui.screens.confirm import ConfirmScreen
from careertui.tui.screens.form import FormScreen
from careertui.tui.screens.stakeholder_agenda import StakeholderAgendaScreen
from careertui.tui.screens.stakeholder_check_in import StakeholderCheckInScreen
from careertui.tui.screens.stakeholder_details import StakeholderDetailsScreen
from tests.tui.conftest import wait_for
from tests.tui.helpers import toasts

SIZE = (120, 36)
TODAY = dt.date(2026, 11, 23)


async def settle(pilot: Pilot) -> None:
    """Let every pending write finish and the fresh career reach the panes."""
    for _ in range(3):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def pane(pilot: Pilot) -> StakeholdersPane:
    return pilot.app.screen_stack[0].query_one("#stakeholders", StakeholdersPane)


def selected_line(pilot: Pilot) -> str:
    return str(pane(pilot).query_one("#stakeholder-selected", Static).content)


def warnings_text(pilot: Pilot) -> str:
    return str(pane(pilot).query_one("#stakeholder-warnings", Static).content)


async def open_map(pilot: Pilot) -> StakeholdersPane:
    await settle(pilot)
    await pilot.press("3")
    await pilot.pause()
    shown = pane(pilot)
    assert shown.owns_focus()
    return shown


def focused_quadrant(pilot: Pilot) -> str:
    focused = pilot.app.focused
    assert isinstance(focused, QuadrantList)
    return focused.quadrant.value


def by_name(repo: Repository, name: str) -> Stakeholder:
    return next(p for p in repo.stakeholders.list() if p.name == name)


async def choose(pilot: Pilot, repo: Repository, name: str) -> None:
    """Select ``name`` the way the command palette's "Go to stakeholder" does."""
    pane(pilot).go_to(by_name(repo, name).id)
    await pilot.pause()
    assert selected_line(pilot).startswith(name)


@pytest.fixture
def people_repo(repo: Repository) -> Repository:
    """Four people, one per quadrant, plus wins, a gap and feedback that name Tom."""
    with repo.transaction():
        maya = repo.stakeholders.add(
            Stakeholder(
                name="Maya",
                relationship=Relationship.MANAGER,
                influence=5,
                stance=Stance.SUPPORTER,
                cadence_days=7,
                last_contact=TODAY - dt.timedelta(days=2),
                cares_about="Retention and onboarding",
            )
        )
        tom = repo.stakeholders.add(
            Stakeholder(
                name="Tom",
                influence=4,
                stance=Stance.SKEPTIC,
                cadence_days=14,
                last_contact=TODAY - dt.timedelta(days=30),
                cares_about="EMEA deals and residency",
            )
        )
        repo.stakeholders.add(Stakeholder(name="Sofia", influence=2, stance=Stance.CHAMPION))
        repo.stakeholders.add(Stakeholder(name="Nina", influence=1, stance=Stance.UNKNOWN))
        gap = repo.gaps.add(Gap(title="Enterprise selling", stakeholder_ids=[tom.id]))
        repo.wins.add(
            Win(
                title="EMEA residency plan approved",
                date=TODAY - dt.timedelta(days=3),
                stakeholder_ids=[maya.id],
            )
        )
        repo.wins.add(
            Win(title="Ran the sales training", date=TODAY - dt.timedelta(days=5), gap_ids=[gap.id])
        )
        repo.wins.add(Win(title="Fixed the flaky build", date=TODAY - dt.timedelta(days=4)))
        repo.wins.add(
            Win(title="EMEA kickoff", date=TODAY - dt.timedelta(days=40), stakeholder_ids=[tom.id])
        )
        repo.feedback.add(
            Feedback(
                quote="Give me dates I can promise",
                giver_id=tom.id,
                kind="gap",
                date=TODAY - dt.timedelta(days=30),
            )
        )
        repo.interactions.add(
            Interaction(
                stakeholder_id=tom.id, note="Pipeline review", date=TODAY - dt.timedelta(days=30)
            )
        )
    return repo


async def open_check_in(pilot) -> StakeholderCheckInScreen:
    """Press ``c`` on the selected person and return the check-in screen it opens."""
    await pilot.press("c")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, StakeholderCheckInScreen)
    return screen


# -- views and moving ----------------------------------------------------------------------------
async def test_v_switches_between_the_grid_and_the_list(people_repo: Repository) -> None:
    app = make_app(people_repo)
    async with app.run_test(size=SIZE) as pilot:
        shown = await open_map(pilot)
        switcher = shown.query_one(ContentSwitcher)
        assert switcher.current == GRID
        assert focused_quadrant(pilot) == "Keep close"
        await pilot.press("down")  # Maya is the only one: stays in the column, moves down
        await pilot.press("v")
        await pilot.pause()
        assert switcher.current == LIST
        table = shown.query_one(StakeholderTable)
        assert table.display and pilot.app.focused is table
        assert table.row_count == 4
        assert not shown.query_one(f"#{GRID}").display
        await pilot.press("v")
        await pilot.pause()
        assert switcher.current == GRID
        assert isinstance(pilot.app.focused, QuadrantList)


async def test_the_selection_survives_switching_views(people_repo: Repository) -> None:
    app = make_app(people_repo)
    async with app.run_test(size=SIZE) as pilot:
        await open_map(pilot)
        await pilot.press("right")
        assert selected_line(pilot).startswith("Tom")
        await pilot.press("v")
        await pilot.pause()
        table = pane(pilot).query_one(StakeholderTable)
        assert table.selected_id() == by_name(people_repo, "Tom").id
        await pilot.press("down")
        await pilot.pause()
        after = selected_line(pilot).split(" ")[0]
        assert after != "Tom"
        await pilot.press("v")
        await pilot.pause()
        assert selected_line(pilot).startswith(after)
        focused = pilot.app.focused
        assert isinstance(focused, QuadrantList)
        assert focused.highlighted_id == by_name(people_repo, after).id


async def test_arrow_keys_move_through_the_grid(demo_repo: Repository) -> None:
    app = make_app(demo_repo)
    async with app.run_test(size=SIZE) as pilot:
        await open_map(pilot)
        # Keep close: Maya Chen 5, Elena Petrova 4, Priya Raman 4 (most influential first).
        assert focused_quadrant(pilot) == "Keep close"
        assert selected_line(pilot).startswith("Maya Chen")
        await pilot.press("down")
        assert selected_line(pilot).startswith("Elena Petrova")
        await pilot.press("right")  # same row in Win over
        assert focused_quadrant(pilot) == "Win over"
        assert selected_line(pilot).startswith("James Whitfield")
        await pilot.press("down", "down", "down")  # past Tom Becker into Monitor
        assert focused_quadrant(pilot) == "Monitor"
        await pilot.press("left")
        assert focused_quadrant(pilot) == "Keep informed"
        assert selected_line(pilot).startswith("Aisha Mohammed")
        await pilot.press("up")  # from the top of Keep informed to the bottom of Keep close
        assert focused_quadrant(pilot) == "Keep close"
        assert selected_line(pilot).startswith("Priya Raman")
        await pilot.press("up", "up", "up")  # the top row stops at the edge
        assert focused_quadrant(pilot) == "Keep close"
        assert selected_line(pilot).startswith("Maya Chen")


async def test_the_list_sorts_and_marks_overdue_check_ins(people_repo: Repository) -> None:
    app = make_app(people_repo)
    async with app.run_test(size=SIZE) as pilot:
        await open_map(pilot)
        await pilot.press("v")
        await pilot.pause()
        table = pane(pilot).query_one(StakeholderTable)

        def names() -> list[str]:
            return [str(table.get_row_at(i)[0]) for i in range(table.row_count)]

        # By next check-in: Tom is overdue since 2026-11-07, Maya is due 11-28, the others
        # have no cadence.
        assert names() == ["Tom", "Maya", "Nina", "Sofia"]
        tom_next = table.get_row_at(0)[6]
        assert str(tom_next) == "2026-11-07 !"
        assert "red" in str(tom_next.style)
        assert str(table.get_row_at(1)[6]) == "2026-11-28"
        await pilot.press("s")  # next column after "next check-in" wraps round to name
        await pilot.pause()
        assert names() == ["Maya", "Nina", "Sofia", "Tom"]
        await pilot.press("S")
        await pilot.pause()
        assert names() == ["Tom", "Sofia", "Nina", "Maya"]
        await pilot.press("s", "s", "s")  # title, relationship, influence (highest first)
        await pilot.pause()
        assert names() == ["Maya", "Tom", "Sofia", "Nina"]


async def test_warnings_at_the_top(people_repo: Repository) -> None:
    app = make_app(people_repo)
    async with app.run_test(size=SIZE) as pilot:
        await open_map(pilot)
        text = warnings_text(pilot)
        assert "1 check-in overdue: Tom" in text
        assert "No high-influence champion or sponsor" in text
        assert "manager" not in text  # Maya's stance is known


# -- check-ins -----------------------------------------------------------------------------------
async def test_c_logs_a_check_in_that_survives_a_restart(
    people_repo: Repository, data_dir: Path
) -> None:
    app = make_app(people_repo)
    async with app.run_test(size=SIZE) as pilot:
        await open_map(pilot)
        await pilot.press("right")
        assert selected_line(pilot).startswith("Tom")
        assert "16 days overdue" in selected_line(pilot)
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(pilot.app.screen, StakeholderCheckInScreen)
        await pilot.press(*"Dates for EMEA")
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(pilot.app.screen, StakeholderCheckInScreen)
        assert "last 2026-11-23" in selected_line(pilot)
        assert "overdue" not in selected_line(pilot)
        assert "check-in overdue" not in warnings_text(pilot)

    tom = by_name(Repository.at(data_dir), "Tom")
    assert tom.last_contact == TODAY
    notes = [
        i.note for i in Repository.at(data_dir).interactions.list() if i.stakeholder_id == tom.id
    ]
    assert sorted(notes) == ["Dates for EMEA", "Pipeline review"]

    again = make_app(Repository.at(data_dir))
    async with again.run_test(size=SIZE) as pilot:
        await open_map(pilot)
        await pilot.press("v")
        await pilot.pause()
        table = pane(pilot).query_one(StakeholderTable)
        row = table.get_row(tom.id)
        assert row[5] == "2026-11-23"
        assert str(row[6]) == "2026-12-07"


async def test_a_check_in_with_a_bad_date_saves_nothing(people_repo: Repository) -> None:
    before = people_repo.store.path.read_bytes()
    app = make_app(people_repo)
    async with app.run_test(size=SIZE) as pilot:
        await open_map(pilot)
        screen = await open_check_in(pilot)
        await pilot.press(*"Coffee", "tab")
        date_input = screen.query_one("#check-in-date", Input)
        date_input.value = "the twelfth of never"
        await pilot.press("enter")
        await settle(pilot)
        assert pilot.app.screen is screen
        assert "cannot understand the date" in str(
            screen.query_one("#check-in-date-error", Static).content
        )
        assert screen.query_one("#check-in-note", Input).value == "Coffee"
    assert people_repo.store.path.read_bytes() == before


async def test_a_check_in_in_the_future_is_refused(people_repo: Repository) -> None:
    before = people_repo.store.path.read_bytes()
    app = make_app(people_repo)
    async with app.run_test(size=SIZE) as pilot:
        await open_map(pilot)
        screen = await open_check_in(pilot)
        screen.query_one("#check-in-date", Input).value = "2026-12-01"
        await pilot.press("enter")
        await settle(pilot)
        assert pilot.app.screen is screen
        assert "cannot be in the future" in str(
            screen.query_one("#check-in-date-error", Static).content
        )
        await pilot.press("escape")
        await pilot.pause()
        assert pilot.app.screen is pilot.app.screen_stack[0]
    assert people_repo.store.path.read_bytes() == before


async def test_a_win_logged_with_someone_updates_their_last_contact(
    people_repo: Repository, data_dir: Path
) -> None:
    app = make_app(people_repo)
    async with app.run_test(size=SIZE) as pilot:
        await open_map(pilot)
        await choose(pilot, people_repo, "Nina")
        assert "last never" in selected_line(pilot)
        # Another terminal logs a win with Nina (what `careertui win --with Nina` does); the
        # app sees the file change and the map shows the new last contact.
        nina = by_name(people_repo, "Nina")
        log_win(Repository.at(data_dir), Win(title="Pairing session", stakeholder_ids=[nina.id]))
        await wait_for(pilot, lambda: "last 2026-11-23" in selected_line(pilot))


# -- the agenda ----------------------------------------------------------------------------------
async def test_p_shows_an_agenda_with_the_right_wins_and_saves_it(
    people_repo: Repository, data_dir: Path
) -> None:
    app = make_app(people_repo)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_map(pilot)
        await pilot.press("right")
        assert selected_line(pilot).startswith("Tom")
        await pilot.press("p")
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, StakeholderAgendaScreen)
        text = screen.query_one(Markdown).source
        assert text.startswith("# Check-in with Tom — 2026-11-23")
        # Since the last contact: the EMEA win touches what he cares about, the training is
        # evidence for his gap; the build fix touches neither; the kickoff came before.
        assert "**EMEA residency plan approved**" in text
        assert "**Ran the sales training**" in text
        assert "Fixed the flaky build" not in text
        assert "EMEA kickoff" not in text
        assert "**Enterprise selling**" in text
        assert "Give me dates I can promise" in text
        await pilot.press("c")
        await pilot.pause()
        assert pilot.app.clipboard == text
        await pilot.press("s")
        await pilot.pause()
        saved = Path.home() / "careertui-exports" / "check-in-tom-2026-11-23.md"
        assert saved.read_text(encoding="utf-8") == text
        assert stat.S_IMODE(saved.stat().st_mode) == 0o600
        await wait_for(pilot, lambda: str(saved) in "".join(toasts(pilot.app)).replace("\n", ""))
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, type(pilot.app.screen_stack[0]))


async def test_enter_shows_the_details(people_repo: Repository) -> None:
    app = make_app(people_repo)
    async with app.run_test(size=SIZE) as pilot:
        await open_map(pilot)
        await pilot.press("right", "enter")
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, StakeholderDetailsScreen)

        def section(name: str) -> str:
            return str(screen.query_one(f"#stakeholder-details-{name}", Static).content)

        assert section("cares") == "EMEA deals and residency"
        assert "Pipeline review" in section("check-ins")
        assert "EMEA kickoff" in section("wins")
        assert "Enterprise selling" in section("gaps")
        assert "Give me dates I can promise" in section("feedback")
        assert "16 days overdue" in section("contact")
        await pilot.press("c")  # straight on to logging a check-in
        await pilot.pause()
        assert isinstance(pilot.app.screen, StakeholderCheckInScreen)


# -- new, edit, delete ---------------------------------------------------------------------------
async def test_new_with_invalid_input_shows_messages_and_saves_nothing(
    people_repo: Repository,
) -> None:
    app = make_app(people_repo)
    async with app.run_test(size=SIZE) as pilot:
        await open_map(pilot)
        await pilot.press("n")
        await pilot.pause()
        form = pilot.app.screen
        assert isinstance(form, FormScreen)
        form.query_one("#field-influence", Input).value = "9"
        await pilot.press("ctrl+s")
        await pilot.pause()
        errors = form.errors()
        assert "name" in errors
        assert "less than or equal to 5" in errors["influence"]
        assert len(people_repo.stakeholders.list()) == 4
        form.query_one("#field-name", Input).value = "Omar Haddad"
        form.query_one("#field-influence", Input).value = "5"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(pilot.app.screen, FormScreen)
        omar = by_name(people_repo, "Omar Haddad")
        assert omar.influence == 5
        assert selected_line(pilot).startswith("Omar Haddad")
        assert focused_quadrant(pilot) == "Win over"  # unknown stance: not yet supportive


async def test_edit_with_invalid_input_keeps_what_was_typed(people_repo: Repository) -> None:
    app = make_app(people_repo)
    async with app.run_test(size=SIZE) as pilot:
        await open_map(pilot)
        await pilot.press("e")
        await pilot.pause()
        form = pilot.app.screen
        assert isinstance(form, FormScreen)
        assert form.query_one("#field-name", Input).value == "Maya"
        form.query_one("#field-title", Input).value = "CPO"
        form.query_one("#field-cadence_days", Input).value = "-3"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "greater than or equal to 0" in form.errors()["cadence_days"]
        assert form.query_one("#field-title", Input).value == "CPO"
        assert by_name(people_repo, "Maya").title == ""
        form.query_one("#field-cadence_days", Input).value = "0"
        await pilot.press("ctrl+s")
        await settle(pilot)
        maya = by_name(people_repo, "Maya")
        assert (maya.title, maya.cadence_days) == ("CPO", 0)
        assert "no cadence" in selected_line(pilot)


async def test_delete_asks_and_unlinks_every_reference(people_repo: Repository) -> None:
    tom = by_name(people_repo, "Tom")
    app = make_app(people_repo)
    async with app.run_test(size=SIZE) as pilot:
        await open_map(pilot)
        await pilot.press("right", "d")
        await pilot.pause()
        confirm = pilot.app.screen
        assert isinstance(confirm, ConfirmScreen)
        assert confirm.question.startswith("Delete Tom?")
        assert "1 win, 1 gap, 1 feedback note and 1 check-in name them" in (
            confirm.question.replace("\n", " ")
        )
        await pilot.press("n")
        await settle(pilot)
        assert people_repo.stakeholders.get(tom.id) is not None
        await pilot.press("d", "y")
        await settle(pilot)
        assert "Tom" not in [p.name for p in people_repo.stakeholders.list()]
        career = people_repo.career()
        assert all(tom.id not in w.stakeholder_ids for w in career.wins)
        assert all(tom.id not in g.stakeholder_ids for g in career.gaps)
        assert [(f.giver_id, f.giver_name) for f in career.feedback] == [(None, "Tom")]
        assert all(i.stakeholder_id != tom.id for i in career.interactions)
        assert pane(pilot).selected is None or pane(pilot).selected.name != "Tom"
        await pilot.press("v")
        await pilot.pause()
        assert pane(pilot).query_one(DataTable).row_count == 3


async def test_an_empty_map_teaches_and_n_adds_the_first_person(repo: Repository) -> None:
    app = make_app(repo)
    async with app.run_test(size=SIZE) as pilot:
        shown = await open_map(pilot)
        assert shown.has_class("-empty")
        await pilot.press("c")  # nobody to check in with: says so, opens nothing
        await pilot.pause()
        assert not isinstance(pilot.app.screen, StakeholderCheckInScreen)
        await pilot.press("n")
        await pilot.pause()
        form = pilot.app.screen
        assert isinstance(form, FormScreen)
        form.query_one("#field-name", Input).value = "Maya"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert [p.name for p in repo.stakeholders.list()] == ["Maya"]
        assert not shown.has_class("-empty")


# -- many people ----------------------------------------------------------------------------------
async def test_three_hundred_people_are_all_reachable(repo: Repository) -> None:
    stances = list(Stance)
    with repo.transaction():
        for n in range(300):
            repo.stakeholders.add(
                Stakeholder(
                    name=f"Person {n:03d}",
                    influence=n % 5 + 1,
                    stance=stances[n % len(stances)],
                    cadence_days=n % 30,
                    last_contact=TODAY - dt.timedelta(days=n % 60),
                )
            )
    app = make_app(repo)
    async with app.run_test(size=SIZE) as pilot:
        shown = await open_map(pilot)
        grid_total = sum(q.option_count for q in shown.query(QuadrantList))
        assert grid_total == 300
        await pilot.press("end")
        await pilot.pause()
        last = pilot.app.focused
        assert isinstance(last, QuadrantList)
        assert last.highlighted == last.option_count - 1
        await pilot.press("v", "ctrl+end")
        await pilot.pause()
        table = shown.query_one(StakeholderTable)
        assert table.row_count == 300
        assert table.cursor_row == 299


async def test_o_goes_through_the_overdue_check_ins_most_overdue_first(
    demo_repo: Repository,
) -> None:
    app = make_app(demo_repo)
    async with app.run_test(size=SIZE) as pilot:
        await open_map(pilot)
        assert "[o] 7 check-ins overdue: Ben Carter, Omar Haddad, Tom Becker" in (
            warnings_text(pilot)
        )
        seen = []
        for _ in range(8):
            await pilot.press("o")
            await pilot.pause()
            seen.append(selected_line(pilot).split(" · ")[0])
        assert seen[:3] == ["Ben Carter", "Omar Haddad", "Tom Becker"]
        assert seen[7] == seen[0]  # round again after the seventh
        assert len(set(seen[:7])) == 7
        assert focused_quadrant(pilot) == "Monitor"  # Ben Carter: low influence, blocker


async def test_a_store_error_keeps_the_check_in_note(
    people_repo: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    def busy(interaction: Interaction) -> Interaction:
        raise StoreBusy("another careertui process has held the lock too long")

    monkeypatch.setattr(people_repo.interactions, "add", busy)
    before = people_repo.store.path.read_bytes()
    app = make_app(people_repo)
    async with app.run_test(size=SIZE) as pilot:
        await open_map(pilot)
        screen = await open_check_in(pilot)
        await pilot.press(*"Budget talk", "enter")
        await settle(pilot)
        screen = pilot.app.screen  # the check-in back, with the note and why it is not saved
        assert isinstance(screen, StakeholderCheckInScreen)
        assert screen.query_one("#check-in-note", Input).value == "Budget talk"
        assert "held the lock" in str(screen.query_one("#check-in-note-error", Static).content)
    assert people_repo.store.path.read_bytes() == before


async def test_warnings_follow_the_edits(people_repo: Repository) -> None:
    app = make_app(people_repo)
    async with app.run_test(size=SIZE) as pilot:
        await open_map(pilot)
        assert "where your manager stands" not in warnings_text(pilot)
        await pilot.press("e")  # Maya, the manager
        await pilot.pause()
        form = pilot.app.screen
        assert isinstance(form, FormScreen)
        form.query_one("#field-stance", Select).value = Stance.UNKNOWN
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "You do not know where your manager stands: Maya" in warnings_text(pilot)
        assert focused_quadrant(pilot) == "Win over"  # she moved, and the cursor with her
        assert selected_line(pilot).startswith("Maya")

        await pilot.press("down")  # Tom, below her in Win over: make him a champion
        assert selected_line(pilot).startswith("Tom")
        await pilot.press("e")
        await pilot.pause()
        form = pilot.app.screen
        assert isinstance(form, FormScreen)
        form.query_one("#field-stance", Select).value = Stance.CHAMPION
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "No high-influence champion" not in warnings_text(pilot)
        assert focused_quadrant(pilot) == "Keep close"
        assert selected_line(pilot).startswith("Tom")
        assert by_name(people_repo, "Tom").stance is Stance.CHAMPION
        assert by_name(people_repo, "Maya").stance is Stance.UNKNOWN


async def test_the_command_palette_goes_to_a_stakeholder(people_repo: Repository) -> None:
    app = make_app(people_repo)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        commands = {name: callback for name, _, callback in app.palette_commands()}
        assert "Stakeholders: switch grid/list" in commands
        commands["Go to stakeholder Nina"]()
        await pilot.pause()
        assert focused_quadrant(pilot) == "Monitor"
        assert selected_line(pilot).startswith("Nina")


async def test_an_empty_quadrant_selects_nobody(repo: Repository) -> None:
    repo.stakeholders.add(Stakeholder(name="Maya", influence=5, stance=Stance.CHAMPION))
    app = make_app(repo)
    async with app.run_test(size=SIZE) as pilot:
        await open_map(pilot)
        assert selected_line(pilot).startswith("Maya")
        await pilot.press("right")
        assert focused_quadrant(pilot) == "Win over"
        assert selected_line(pilot).startswith("Arrows to choose someone")
        await pilot.press("c", "e", "d")  # nobody to act on: nothing opens
        await pilot.pause()
        assert pilot.app.screen is pilot.app.screen_stack[0]
        await pilot.press("left")
        assert selected_line(pilot).startswith("Maya")
