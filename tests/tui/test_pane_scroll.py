"""The row under the cursor stays on screen: in the vision pane when the detail strip under the
outline opens or the pane is un-zoomed, and home/end show the very top and bottom. Escape in
the journal filter of a zoomed pane closes the filter first, and only then un-zooms."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Input, OptionList

from careertui.tui.panes.vision import VisionPane
from careertui.tui.widgets.win_list import WinList
from tests.tui.conftest import SIZE


async def settle(pilot: Pilot) -> None:
    for _ in range(3):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def outline(pilot: Pilot) -> OptionList:
    return pilot.app.screen_stack[0].query_one("#vision", VisionPane).query_one(OptionList)


def drawn_rows(widget: OptionList) -> list[str]:
    """The lines the outline draws on screen now, top to bottom."""
    height = widget.scrollable_content_region.height
    return [widget.render_line(y).text for y in range(height)]


def cursor_row_drawn(widget: OptionList) -> bool:
    option = widget.highlighted_option
    assert option is not None
    start = " ".join(str(option.prompt).split())[:30]
    return any(start in " ".join(line.split()) for line in drawn_rows(widget))


async def test_walking_the_vision_pane_never_hides_the_cursor_row(demo_app) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("1")
        await settle(pilot)
        rows = outline(pilot)
        hidden = []
        for _ in range(rows.option_count):
            await pilot.press("down")
            await pilot.pause()
            await pilot.pause()
            if not cursor_row_drawn(rows):
                hidden.append(rows.highlighted_option.id)
        assert hidden == []


async def test_un_zooming_keeps_the_cursor_row_on_screen(demo_app) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("1", "z")
        await settle(pilot)
        await pilot.press("end")
        await settle(pilot)
        rows = outline(pilot)
        assert cursor_row_drawn(rows)
        await pilot.press("z")
        await settle(pilot)
        assert pilot.app.screen.maximized is None
        assert cursor_row_drawn(rows)


async def test_home_shows_the_top_and_end_the_bottom(demo_app) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("1", "end")
        await settle(pilot)
        rows = outline(pilot)
        assert cursor_row_drawn(rows)
        assert rows.highlighted == rows.option_count - 1
        await pilot.press("home")
        await settle(pilot)
        assert cursor_row_drawn(rows)
        assert "DESTINATION" in drawn_rows(rows)[0]  # the first section's heading, at the top


async def test_the_journal_cursor_stays_on_screen_after_un_zooming(demo_app) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("4", "z")
        await settle(pilot)
        wins = pilot.app.query_one(WinList)
        for _ in range(wins.scrollable_content_region.height + 3):
            await pilot.press("down")
        await pilot.press("z")
        await settle(pilot)
        top = int(wins.scroll_offset.y)
        assert top <= wins.cursor < top + wins.scrollable_content_region.height


async def test_escape_in_the_filter_of_a_zoomed_journal_closes_the_filter_first(demo_app) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("4", "z")
        await settle(pilot)
        assert pilot.app.screen.maximized is not None
        await pilot.press("slash", *"roadmap")
        await pilot.pause()
        box = pilot.app.query_one("#journal-filter", Input)
        assert box.has_focus
        await pilot.press("escape")
        await settle(pilot)
        assert box.value == "" and not box.has_focus and not box.has_class("-open")
        assert pilot.app.screen.maximized is not None, "the first Escape un-zoomed"
        await pilot.press("escape")
        await settle(pilot)
        assert pilot.app.screen.maximized is None
