"""Helpers for the vision pane's Pilot tests: move the cursor as a user would, fill fields,
read the screen as text."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Input, OptionList, TextArea

from careertui.tui.app import CareerApp


def outline(app: CareerApp) -> OptionList:
    return app.dashboard.query_one("#vision #vision-outline", OptionList)


def cursor_id(app: CareerApp) -> str | None:
    option = outline(app).highlighted_option
    return None if option is None else option.id


async def go_to(pilot: Pilot, row: str) -> None:
    """Focus the vision pane (1) and press down/up until the cursor is on ``row``."""
    app = pilot.app
    assert isinstance(app, CareerApp)
    await pilot.press("1")
    await pilot.pause()
    ids = [option.id for option in outline(app).options]
    assert row in ids, f"{row} is not a row of the vision pane: {ids}"
    for _ in range(len(ids) * 2):
        current = cursor_id(app)
        if current == row:
            return
        before = ids.index(current) if current in ids else -1
        await pilot.press("down" if before < ids.index(row) else "up")
    raise AssertionError(f"could not move the cursor to {row}; it is on {cursor_id(app)}")


async def fill(pilot: Pilot, selector: str, text: str) -> None:
    """Clear the field and type ``text`` into it, key by key."""
    widget = pilot.app.screen.query_one(selector)
    widget.focus()
    if isinstance(widget, TextArea):
        widget.clear()
    elif isinstance(widget, Input):
        widget.value = ""
    await pilot.pause()
    if text:
        await pilot.press(*("enter" if char == "\n" else char for char in text))


def screen_text(app: CareerApp) -> str:
    """What the terminal shows, as plain text."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())
