"""The vision pane, driven from the keyboard: editing every section (valid and invalid input),
reordering ranked lists across a restart, obstacles and feedback becoming gap cards, the
priority-count warning, scope today and room to grow."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from careertui.domain.models import Feedback, Priority, Stakeholder, Vision, Win
from careertui.store.repository import Repository
from careertui.tui.app import CareerApp, make_app
from careertui.tui.screens.confirm import ConfirmScreen
from careertui.tui.screens.form import FormScreen
from tests.tui.conftest import SIZE, wait_for
from tests.tui.vision_helpers import cursor_id, fill, go_to, screen_text

TODAY = dt.date(2026, 11, 23)


@pytest.fixture
def small_repo(repo: Repository) -> Repository:
    """A short career: every section has something, few enough rows to see at once."""
    with repo.transaction():
        repo.save_vision(
            Vision(
                statement="Lead product for a **developer platform**.",
                horizon=dt.date(2030, 11, 23),
                target_role="Director of Product",
                company_kinds=["Developer tools"],
                values=["Candour", "Craft", "Customers"],
                methods=["Memo monthly", "Own the roadmap", "Hire PM leads"],
                obstacles=["No sponsor"],
                measures=["Promoted"],
                strengths=["Writing"],
            )
        )
        for rank, title in enumerate(["Revenue", "Retention", "Reliability"]):
            repo.priorities.add(Priority(title=title, rank=rank))
        maya = repo.stakeholders.add(Stakeholder(name="Maya Chen", title="VP Product"))
        repo.feedback.add(
            Feedback(
                id="fb_gap",
                quote="Lead with the ask.",
                giver_id=maya.id,
                giver_name="Maya Chen",
                date=dt.date(2026, 10, 1),
                theme="presence",
                kind="gap",
            )
        )
        repo.feedback.add(
            Feedback(
                id="fb_strength",
                quote="Great memos.",
                giver_name="Priya",
                date=dt.date(2026, 9, 1),
                theme="writing",
                kind="strength",
            )
        )
    return repo


@pytest.fixture
def small_app(small_repo: Repository) -> CareerApp:
    return make_app(small_repo)


def form(app: CareerApp) -> FormScreen:
    screen = app.screen
    assert isinstance(screen, FormScreen), f"expected a form, found {screen}"
    return screen


async def saved(pilot, app: CareerApp) -> None:  # noqa: ANN001
    """Press ctrl+s and wait until the form has closed (the write is done)."""
    await pilot.press("ctrl+s")
    await wait_for(pilot, lambda: not isinstance(app.screen, FormScreen))


# -- reading ------------------------------------------------------------------------------------
async def test_the_pane_shows_both_ends_of_the_map(demo_app: CareerApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "z")
        await pilot.pause()
        text = screen_text(demo_app)
        assert "B2B developer platform" in text  # the statement, Markdown rendered (no **)
        assert "**" not in text
        assert "Director of Product, Platform" in text
        assert "2030-11-23 · 4 years left" in text
        assert "1. Customer evidence over opinion" in text
        assert "1. Grow net revenue retention to 120%" in text


async def test_room_to_grow_is_flagged_when_never_asked(small_app: CareerApp) -> None:
    async with small_app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "room:0")
        await pilot.press("z")
        await pilot.pause()
        assert "Never asked: ask your manager" in screen_text(small_app)


# -- the destination ------------------------------------------------------------------------
async def test_edit_the_destination(small_app: CareerApp, small_repo: Repository) -> None:
    async with small_app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "destination:0")
        await pilot.press("e")
        await pilot.pause()
        await fill(pilot, "#field-statement", "Run *product* for a platform company.")
        await fill(pilot, "#field-target_role", "VP Product")
        await fill(pilot, "#field-horizon", "5")
        await saved(pilot, small_app)
        vision = small_repo.vision()
        assert vision.statement == "Run *product* for a platform company."
        assert vision.target_role == "VP Product"
        assert vision.horizon == dt.date(2031, 11, 23)
        assert vision.values == ["Candour", "Craft", "Customers"]  # the rest is untouched
        await pilot.press("z")
        await pilot.pause()
        text = screen_text(small_app)
        assert "Run product for a platform company." in text
        assert "2031-11-23 · 5 years left" in text


async def test_a_horizon_in_the_past_is_refused_and_what_was_typed_stays(
    small_app: CareerApp, small_repo: Repository
) -> None:
    async with small_app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "destination:1")
        await pilot.press("e")
        await pilot.pause()
        await fill(pilot, "#field-target_role", "Head of Product")
        await fill(pilot, "#field-horizon", "2020-01-01")
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen = form(small_app)
        assert screen.errors() == {"horizon": "the horizon must be in the future"}
        assert screen.query_one("#field-horizon").value == "2020-01-01"
        assert screen.query_one("#field-target_role").value == "Head of Product"
        assert small_repo.vision().target_role == "Director of Product"
        assert small_repo.vision().horizon == dt.date(2030, 11, 23)


async def test_a_target_role_too_long_is_refused(
    small_app: CareerApp, small_repo: Repository
) -> None:
    async with small_app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "destination:0")
        await pilot.press("e")
        await pilot.pause()
        form(small_app).query_one("#field-target_role").value = "x" * 301
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "300 characters" in form(small_app).errors()["target_role"]
        assert small_repo.vision().target_role == "Director of Product"


# -- V2MOM lists ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "section",
    ["values", "methods", "obstacles", "measures", "strengths", "usps", "underused_skills"],
)
async def test_edit_a_list_section(
    small_app: CareerApp, small_repo: Repository, section: str
) -> None:
    async with small_app.run_test(size=SIZE) as pilot:
        items = getattr(small_repo.vision(), section)
        await go_to(pilot, f"{section}:0" if items else f"{section}:-")
        await pilot.press("e")
        await pilot.pause()
        await fill(pilot, f"#field-{section}", "First line\n\nSecond line ")
        await saved(pilot, small_app)
        assert getattr(small_repo.vision(), section) == ["First line", "Second line"]


async def test_a_list_line_too_long_is_refused(
    small_app: CareerApp, small_repo: Repository
) -> None:
    async with small_app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "obstacles:0")
        await pilot.press("e")
        await pilot.pause()
        form(small_app).query_one("#field-obstacles").text = "Short\n" + "y" * 301
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert form(small_app).errors() == {
            "obstacles": "line 2 has 301 characters; keep each line to 300"
        }
        assert "y" * 301 in form(small_app).query_one("#field-obstacles").text
        assert small_repo.vision().obstacles == ["No sponsor"]


async def test_add_a_value_and_an_empty_one_is_refused(
    small_app: CareerApp, small_repo: Repository
) -> None:
    async with small_app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "values:1")
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "text" in form(small_app).errors()
        await fill(pilot, "#field-text", "Curiosity")
        await saved(pilot, small_app)
        assert small_repo.vision().values == ["Candour", "Craft", "Customers", "Curiosity"]


@pytest.mark.parametrize("section", ["values", "methods"])
async def test_reorder_a_ranked_list_and_it_persists_across_a_restart(
    small_app: CareerApp, make: Callable[[], CareerApp], section: str
) -> None:
    first, second, third = getattr(small_app.career.vision, section)
    async with small_app.run_test(size=SIZE) as pilot:
        await go_to(pilot, f"{section}:0")
        # Three moves in a row, without waiting: each starts where the last one ended.
        await pilot.press("J", "J", "K")
        expected = [second, first, third]
        await wait_for(
            pilot,
            lambda: not small_app.saving and getattr(small_app.career.vision, section) == expected,
        )
        assert cursor_id(small_app) == f"{section}:1"  # the cursor follows the item
    again = make()
    async with again.run_test(size=SIZE) as pilot:
        await pilot.press("1", "z")
        await pilot.pause()
        assert getattr(again.career.vision, section) == expected
        text = screen_text(again)
        assert f" 1. {second}" in text and f" 2. {first}" in text and f" 3. {third}" in text


async def test_only_ranked_lists_move(small_app: CareerApp, small_repo: Repository) -> None:
    async with small_app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "measures:0")
        await pilot.press("J")
        await pilot.pause()
        assert small_repo.vision().measures == ["Promoted"]


async def test_remove_a_list_item_after_confirming(
    small_app: CareerApp, small_repo: Repository
) -> None:
    async with small_app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "values:1")
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(small_app.screen, ConfirmScreen)
        await pilot.press("y")
        await wait_for(pilot, lambda: small_repo.vision().values == ["Candour", "Customers"])


# -- company priorities ------------------------------------------------------------------------
async def test_reorder_priorities_and_it_persists_across_a_restart(
    small_app: CareerApp, make: Callable[[], CareerApp]
) -> None:
    async with small_app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "priorities:2")
        await pilot.press("K")
        await wait_for(
            pilot,
            lambda: (
                [p.title for p in small_app.career.priorities]
                == ["Revenue", "Reliability", "Retention"]
            ),
        )
        assert cursor_id(small_app) == "priorities:1"
        await pilot.press("K", "K", "J", "K")  # without waiting; the top stays the top
        await wait_for(
            pilot,
            lambda: (
                not small_app.saving
                and [p.title for p in small_app.career.priorities]
                == ["Reliability", "Revenue", "Retention"]
            ),
        )
        assert cursor_id(small_app) == "priorities:0"
    again = make()
    async with again.run_test(size=SIZE) as pilot:
        await pilot.press("1", "z")
        await pilot.pause()
        assert [p.title for p in again.career.priorities] == ["Reliability", "Revenue", "Retention"]
        assert [p.rank for p in again.career.priorities] == [0, 1, 2]
        assert " 1. Reliability" in screen_text(again)


async def test_edit_a_priority_valid_and_invalid(
    small_app: CareerApp, small_repo: Repository
) -> None:
    async with small_app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "priorities:1")
        await pilot.press("e")
        await pilot.pause()
        await fill(pilot, "#field-title", "")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "title" in form(small_app).errors()
        assert "Retention" in [p.title for p in small_repo.priorities.list()]
        await fill(pilot, "#field-title", "Net retention at 120%")
        await saved(pilot, small_app)
        titles = [p.title for p in sorted(small_repo.priorities.list(), key=lambda p: p.rank)]
        assert titles == ["Revenue", "Net retention at 120%", "Reliability"]


async def test_the_sixth_priority_is_allowed_but_warns(
    demo_app: CareerApp, demo_repo: Repository
) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "priorities:4")
        await pilot.press("z")
        await pilot.pause()
        assert "truly cares about" not in screen_text(demo_app)
        await pilot.press("a")
        await pilot.pause()
        await fill(pilot, "#field-title", "Hire a second PM team")
        await saved(pilot, demo_app)
        assert len(demo_repo.career().priorities) == 6  # in force (the archived one apart)
        await go_to(pilot, "priorities:warn")
        text = screen_text(demo_app)
        assert " 6. Hire a second PM team" in text
        assert "6 priorities: the point is the 5 or fewer the company truly cares" in text


async def test_deleting_a_priority_unlinks_its_wins(
    small_app: CareerApp, small_repo: Repository
) -> None:
    revenue = next(p for p in small_repo.priorities.list() if p.title == "Revenue")
    small_repo.wins.add(Win(title="Closed Globex", priority_id=revenue.id))
    small_app.career = small_repo.career()
    async with small_app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "priorities:0")
        await pilot.press("d")
        await pilot.pause()
        # a priority with wins: archiving is offered first; d in the dialog deletes it anyway
        question = str(small_app.screen.query_one("#choice-question").content)
        assert "has 1 win tied to it. Archive it instead?" in question
        await pilot.press("d")
        await wait_for(pilot, lambda: len(small_repo.priorities.list()) == 2)
        assert small_repo.wins.list()[0].priority_id is None
        assert [p.rank for p in small_repo.career().priorities] == [0, 1]


# -- obstacles and feedback become gaps ---------------------------------------------------------
async def test_an_obstacle_becomes_a_gap_on_the_board(
    small_app: CareerApp, small_repo: Repository
) -> None:
    async with small_app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "obstacles:0")
        await pilot.press("g")
        await wait_for(pilot, lambda: [g.title for g in small_app.career.gaps] == ["No sponsor"])
        assert [g.title for g in small_repo.gaps.list()] == ["No sponsor"]
        await pilot.press("z")
        await pilot.pause()
        assert "• No sponsor  → on the gap board" in screen_text(small_app)
        await pilot.press("z", "2")
        await pilot.pause()
        assert "No sponsor" in screen_text(small_app)
        # A second g does not make a duplicate.
        await go_to(pilot, "obstacles:0")
        await pilot.press("g")
        await pilot.pause()
        assert len(small_repo.gaps.list()) == 1


async def test_feedback_marked_as_gap_becomes_a_linked_gap_on_the_board(
    small_app: CareerApp, small_repo: Repository
) -> None:
    async with small_app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "feedback:0")
        await pilot.press("g")
        await wait_for(pilot, lambda: len(small_app.career.gaps) == 1)
        gap = small_repo.gaps.list()[0]
        assert gap.title == "Presence"
        assert gap.source_feedback_id == "fb_gap"
        assert "Lead with the ask." in gap.why
        await pilot.press("z")
        await pilot.pause()
        assert "2026-10-01 gap → on the board · presence" in screen_text(small_app)
        await pilot.press("z", "2")
        await pilot.pause()
        assert "Presence" in screen_text(small_app)


async def test_strength_feedback_does_not_become_a_gap(
    small_app: CareerApp, small_repo: Repository
) -> None:
    async with small_app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "feedback:1")
        await pilot.press("g")
        await pilot.pause()
        assert small_repo.gaps.list() == []


# -- 360 feedback ----------------------------------------------------------------------------
async def test_add_feedback_valid_and_invalid(small_app: CareerApp, small_repo: Repository) -> None:
    async with small_app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "feedback:0")
        await pilot.press("a")
        await pilot.pause()
        await fill(pilot, "#field-theme", "scope")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "quote" in form(small_app).errors()
        assert form(small_app).query_one("#field-theme").value == "scope"
        await fill(pilot, "#field-quote", "Set direction beyond your area.")
        await fill(pilot, "#field-date", "2026-11-02")
        await saved(pilot, small_app)
        added = next(f for f in small_repo.feedback.list() if f.theme == "scope")
        assert added.quote == "Set direction beyond your area."
        assert added.date == dt.date(2026, 11, 2)


# -- scope today -------------------------------------------------------------------------------
async def test_scope_today_add_edit_and_the_distance_to_the_target(
    small_app: CareerApp, small_repo: Repository
) -> None:
    async with small_app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "scope:-")
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "responsibility" in form(small_app).errors()
        await fill(pilot, "#field-responsibility", "Pricing")
        form(small_app).query_one("#field-today").value = "influence"
        await saved(pilot, small_app)
        assert small_repo.vision().scope == [
            Vision.ScopeItem(responsibility="Pricing", today="influence", target="own")
        ]
        await go_to(pilot, "scope:0")
        await pilot.press("z")
        await pilot.pause()
        assert "1 of 1 responsibility below the target role (2 steps to go)." in screen_text(
            small_app
        )
        await pilot.press("e")
        await pilot.pause()
        form(small_app).query_one("#field-today").value = "own"
        await saved(pilot, small_app)
        assert small_repo.vision().scope[0].today == "own"
        await pilot.pause()
        assert "All 1 responsibilities held" in screen_text(small_app)


# -- room to grow ------------------------------------------------------------------------------
async def test_room_to_grow_needs_the_date_it_was_asked(
    small_app: CareerApp, small_repo: Repository
) -> None:
    async with small_app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "room:0")
        await pilot.press("e")
        await pilot.pause()
        form(small_app).query_one("#field-answer").value = "not yet"
        await fill(pilot, "#field-management_said", "Not before the platform ships.")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert form(small_app).errors() == {
            "asked_on": "say when you asked, or set the answer to 'not asked'"
        }
        assert small_repo.vision().room_to_grow.answer == "not asked"
        await fill(pilot, "#field-asked_on", "2026-11-30")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "in the future" in form(small_app).errors()["asked_on"]
        await fill(pilot, "#field-asked_on", "2026-11-02")
        await fill(pilot, "#field-asked_whom", "Maya")
        await saved(pilot, small_app)
        room = small_repo.vision().room_to_grow
        assert (room.answer, room.asked_on, room.asked_whom) == (
            "not yet",
            dt.date(2026, 11, 2),
            "Maya",
        )
        assert room.management_said == "Not before the platform ships."
        await pilot.press("z")
        await pilot.pause()
        text = screen_text(small_app)
        assert "not yet · asked 2026-11-02 (Maya)" in text
        assert "Never asked" not in text


# -- an empty store, long text --------------------------------------------------------------
async def test_on_an_empty_store_e_writes_the_vision(app: CareerApp, repo: Repository) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1")
        await pilot.pause()
        assert "Start here" in screen_text(app)
        await pilot.press("e")
        await pilot.pause()
        await fill(pilot, "#field-statement", "Lead a *platform* team.")
        await fill(pilot, "#field-target_role", "Group PM")
        await saved(pilot, app)
        assert repo.vision().target_role == "Group PM"
        await pilot.pause()
        text = screen_text(app)
        assert "Start here" not in text
        assert "Lead a platform team." in text and "Target role: Group PM" in text


async def test_the_long_text_under_the_cursor_is_rendered_below(
    small_app: CareerApp, small_repo: Repository
) -> None:
    long_quote = "You " + "really " * 40 + "need to lead with the **ask**."
    fb = small_repo.feedback.get("fb_gap")
    assert fb is not None
    small_repo.feedback.update(fb.model_copy(update={"quote": long_quote}))
    small_app.career = small_repo.career()
    async with small_app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "feedback:0")
        await pilot.press("z")
        await pilot.pause(0.3)
        text = screen_text(small_app)
        assert "need to lead with the ask." in text  # cut in the row, whole and rendered below
        assert "— Maya Chen, 2026-10-01 · gap · presence" in text
        await go_to(pilot, "values:0")
        await pilot.pause(0.3)
        assert "— Maya Chen, 2026-10-01" not in screen_text(small_app)


async def test_edit_feedback_from_strength_to_gap(
    small_app: CareerApp, small_repo: Repository
) -> None:
    async with small_app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "feedback:1")
        await pilot.press("e")
        await pilot.pause()
        await fill(pilot, "#field-date", "next to never")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "cannot understand the date" in form(small_app).errors()["date"]
        await fill(pilot, "#field-date", "2026-09-01")
        form(small_app).query_one("#field-kind").value = "gap"
        await saved(pilot, small_app)
        assert small_repo.feedback.get("fb_strength").kind == "gap"
        await go_to(pilot, "feedback:1")
        await pilot.press("g")
        await wait_for(pilot, lambda: len(small_repo.gaps.list()) == 1)
        assert small_repo.gaps.list()[0].source_feedback_id == "fb_strength"


async def test_brackets_jump_between_sections(small_app: CareerApp) -> None:
    async with small_app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "destination:1")
        await pilot.press("right_square_bracket")
        assert cursor_id(small_app) == "profile:-"  # who I am today: nothing on record yet
        await pilot.press("right_square_bracket")
        assert cursor_id(small_app) == "values:0"
        await pilot.press("right_square_bracket", "right_square_bracket")
        assert cursor_id(small_app) == "obstacles:0"
        await pilot.press("left_square_bracket")
        assert cursor_id(small_app) == "methods:0"
        await pilot.press("down", "down", "left_square_bracket")  # within a section: its top
        assert cursor_id(small_app) == "methods:0"


async def test_the_palette_opens_the_destination_and_room_to_grow_forms(
    small_app: CareerApp,
) -> None:
    async with small_app.run_test(size=SIZE) as pilot:
        for name, first_field in (
            ("Edit vision statement", "#field-statement"),
            ("Edit room to grow", "#field-answer"),
        ):
            await pilot.press("ctrl+p")
            await pilot.pause()
            await pilot.press(*name)
            await pilot.pause(0.2)
            await pilot.press("enter")
            await wait_for(pilot, lambda: isinstance(small_app.screen, FormScreen))
            assert small_app.screen.query(first_field)
            await pilot.press("escape")
            await wait_for(pilot, lambda: not isinstance(small_app.screen, FormScreen))
