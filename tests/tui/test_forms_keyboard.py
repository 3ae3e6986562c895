"""Forms that keep up with the keyboard: Enter moves to the next field (and saves on the last),
ctrl+s saves from anywhere, levels take digits, choices are picked by typing, multi-select marks
read without colour, the focused field stays in view at 80×24, and the footer shows the keys of
the screen in front."""

from __future__ import annotations

from textual import events
from textual.widgets import Select, SelectionList

from careertui.domain.models import GapCategory
from careertui.store.repository import Repository
from careertui.tui.app import CareerApp
from careertui.tui.screens.confirm import ConfirmScreen
from careertui.tui.screens.form import FormScreen
from careertui.tui.widgets.footer import DashboardFooter
from tests.tui.conftest import SIZE, wait_for
from tests.tui.vision_helpers import screen_text


def form(app: CareerApp) -> FormScreen:
    screen = app.screen
    assert isinstance(screen, FormScreen), f"expected a form, found {screen}"
    return screen


def footer_text(app: CareerApp) -> str:
    return " ".join(str(key.render()) for key in app.screen.query_one(DashboardFooter).children)


async def test_enter_after_the_title_moves_on_and_stores_nothing(
    app: CareerApp, repo: Repository
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "n")
        await wait_for(pilot, lambda: isinstance(app.screen, FormScreen))
        await pilot.press(*"Public speaking", "enter")
        await pilot.pause()
        screen = form(app)
        assert screen.focused is screen.widget_for("category")
        await pilot.press("enter")  # a choice: Enter moves on too
        assert screen.focused is screen.widget_for("status")
        assert repo.gaps.list() == []
        # ctrl+s saves from any field
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: repo.gaps.list())
        assert [g.title for g in repo.gaps.list()] == ["Public speaking"]


async def test_enter_on_the_last_field_saves_and_in_a_long_text_is_a_new_line(
    app: CareerApp, repo: Repository
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "n")
        await wait_for(pilot, lambda: isinstance(app.screen, FormScreen))
        screen = form(app)
        await pilot.press(*"Shipped search")
        screen.widget_for("impact").focus()
        await pilot.press(*"Faster", "enter", *"answers")
        assert screen.widget_for("impact").text == "Faster\nanswers"  # type: ignore[attr-defined]
        assert screen.focused is screen.widget_for("impact")
        screen.widget_for(screen.fields[-1].name).focus()
        await pilot.press("enter")
        await wait_for(pilot, lambda: repo.wins.list())
        (win,) = repo.wins.list()
        assert (win.title, win.impact) == ("Shipped search", "Faster\nanswers")


async def test_levels_take_digits_and_choices_are_picked_by_typing(
    demo_app: CareerApp, demo_repo: Repository
) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "n")
        await wait_for(pilot, lambda: isinstance(demo_app.screen, FormScreen))
        screen = form(demo_app)
        level = screen.query_one("#field-current_level", Select)
        level.focus()
        await pilot.press("4")
        assert level.value == 4
        assert not level.expanded
        effort = screen.query_one("#field-effort", Select)
        effort.focus()
        await pilot.press("2")
        assert effort.value == 2
        category = screen.query_one("#field-category", Select)
        category.focus()
        await pilot.press("v")
        assert category.value == GapCategory.VISIBILITY
        await pilot.press("r")
        assert category.value == GapCategory.RELATIONSHIP
        await pilot.press("e")  # "re…" still "relationship"; a lone "e" would be "experience"
        assert category.value == GapCategory.RELATIONSHIP
        assert not category.expanded
        assert demo_repo.gaps.list() == demo_repo.gaps.list()  # nothing stored meanwhile
        assert isinstance(demo_app.screen, FormScreen)


async def test_multi_select_marks_selected_and_unselected_in_words(
    demo_app: CareerApp,
) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "e")
        await wait_for(pilot, lambda: isinstance(demo_app.screen, FormScreen))
        gaps = form(demo_app).query_one("#field-gap_ids", SelectionList)
        gaps.focus()
        await pilot.pause()
        lines = [gaps.render_line(y).text for y in range(gaps.option_count)]
        chosen = set(gaps.selected)
        for index, line in enumerate(lines):
            value = gaps.get_option_at_index(index).value
            assert line.startswith("[x] " if value in chosen else "[ ] "), line
            assert "X" not in line[:4]
        before = set(gaps.selected)
        gaps.highlighted = 0
        await pilot.press("space")
        assert set(gaps.selected) != before
        assert gaps.render_line(0).text.startswith(
            "[ ] " if before & {gaps.get_option_at_index(0).value} else "[x] "
        )


async def test_the_focused_field_stays_in_view_at_80x24(demo_app: CareerApp) -> None:
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4", "e")
        await wait_for(pilot, lambda: isinstance(demo_app.screen, FormScreen))
        screen = form(demo_app)
        box = screen.query_one("#form-fields").region
        for field in screen.fields:
            widget = screen.widget_for(field.name)
            widget.focus()
            await pilot.pause()
            await pilot.pause()
            row = screen.query_one(f"#row-{field.name}").region
            visible_rows = min(row.height, box.height)
            assert box.contains_region(widget.region), field.name
            assert row.y >= box.y and row.y + visible_rows <= box.y + box.height, field.name


async def test_the_footer_shows_the_keys_of_the_form_and_the_dialog(
    demo_app: CareerApp,
) -> None:
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4", "n")
        await wait_for(pilot, lambda: isinstance(demo_app.screen, FormScreen))
        await pilot.pause()
        shown = footer_text(demo_app)
        assert shown.index("Save") < shown.index("Cancel") < shown.index("Next field")
        assert "Log a win" not in shown
        await pilot.press(*"x", "escape")
        await wait_for(pilot, lambda: isinstance(demo_app.screen, ConfirmScreen))
        await pilot.pause()
        assert "Yes" in footer_text(demo_app) and "Save" not in footer_text(demo_app)


async def test_a_long_question_wraps_whole_in_the_dialog(demo_app: CareerApp) -> None:
    async with demo_app.run_test(size=(80, 24)) as pilot:
        question = (
            "Delete the priority “Grow payments revenue”? 2 wins tied to it keep their "
            "text but lose the link, and the plan no longer ranks by it"
        )
        demo_app.push_screen(ConfirmScreen(question, "Delete"))
        await pilot.pause()
        await pilot.pause()
        shown = set(screen_text(demo_app).split())
        missing = [word for word in question.split() if word not in shown]
        assert not missing, "cut mid-word or not shown at all"


def burst(app: CareerApp, text: str, *keys: str) -> None:
    """``text`` typed, then ``keys`` pressed, all arriving at once, as a fast typist's (or a
    paste's) keys reach the app before it has handled the first: posted, not awaited one by
    one as ``pilot.press`` does."""
    for char in text:
        app.post_message(events.Key("space" if char == " " else char, char))
    for key in keys:
        app.post_message(events.Key(key, "\r" if key == "enter" else None))


async def test_ctrl_s_right_after_typing_saves_every_key_typed(
    app: CareerApp, repo: Repository
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "n")
        await wait_for(pilot, lambda: isinstance(app.screen, FormScreen))
        burst(app, "Public speaking", "ctrl+s")
        await wait_for(pilot, lambda: repo.gaps.list())
        assert [g.title for g in repo.gaps.list()] == ["Public speaking"]


async def test_enter_right_after_typing_moves_on_with_every_key_typed(
    app: CareerApp, repo: Repository
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "n")
        await wait_for(pilot, lambda: isinstance(app.screen, FormScreen))
        screen = form(app)
        burst(app, "Maya Chen", "enter")
        burst(app, "VP Product", "ctrl+s")
        await wait_for(pilot, lambda: repo.stakeholders.list())
        ((name, title),) = [(p.name, p.title) for p in repo.stakeholders.list()]
        assert (name, title) == ("Maya Chen", "VP Product"), screen
