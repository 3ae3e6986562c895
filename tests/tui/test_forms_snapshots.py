"""Snapshots of every kind of form and dialog on the demo at 80×24, 120×36 and 200×50: the
footer shows the keys of the screen in front, questions wrap, the focused field is in view."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from careertui.store.repository import Repository
from careertui.tui.app import CareerApp, make_app
from tests.tui.conftest import wait_for

SIZES = [(80, 24), (120, 36), (200, 50)]
#: What opens each form or dialog from the dashboard.
OPENS = {
    "win-form": ["4", "e"],
    "gap-form": ["2", "n", *"Negotiation", "enter"],
    "stakeholder-form": ["3", "e"],
    "vision-form": ["1", "e"],
    "confirm-delete": ["3", "d"],
    "check-in": ["3", "c"],
    "gap-details": ["2", "enter"],
    "help": ["question_mark"],
    "quick-win": ["w", *"Ran the review with @tom #churn"],
    "stakeholder-details": ["3", "enter"],
    "check-in-agenda": ["3", "p"],
    "weekly-review": ["r"],
    "ladder": ["R"],
}


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("name", list(OPENS))
def test_form_or_dialog(
    snap_compare, demo_repo: Repository, name: str, size, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a text area's cursor that never blinks off: the same picture every time
    monkeypatch.setattr(TextArea, "_toggle_cursor_blink_visible", lambda self: None)

    async def open_it(pilot: Pilot) -> None:
        app = pilot.app
        assert isinstance(app, CareerApp)
        await settled(pilot)  # the dashboard behind the dialog, drawn whole first
        await pilot.press(*OPENS[name])
        await wait_for(pilot, lambda: app.screen is not app.dashboard)
        screen = app.screen
        await wait_for(pilot, lambda: screen.focused is not None or not screen.focus_chain)
        await settled(pilot)
        for widget in pilot.app.screen.query("Input, TextArea"):
            assert isinstance(widget, (Input, TextArea))
            widget.cursor_blink = False
        await pilot.pause()

    assert snap_compare(make_app(demo_repo), terminal_size=size, run_before=open_it)


async def settled(pilot: Pilot) -> None:
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
