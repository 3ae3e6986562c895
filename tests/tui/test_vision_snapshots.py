"""Snapshots: the vision pane on the demo career (zoomed, so all of it shows) and the guided
start's first step on an empty store. Today is pinned by tests/conftest.py."""

from __future__ import annotations

from careertui.tui.app import CareerApp
from careertui.tui.screens.guided_start import GuidedStartScreen
from tests.tui.conftest import SIZE, wait_for


def test_the_vision_pane_on_the_demo_career(snap_compare, demo_app: CareerApp) -> None:
    assert snap_compare(demo_app, press=["1", "z"], terminal_size=SIZE)


def test_the_vision_pane_scrolled_to_where_i_am_now(snap_compare, demo_app: CareerApp) -> None:
    assert snap_compare(demo_app, press=["1", "z", "end"], terminal_size=SIZE)


def test_the_guided_start_first_step(snap_compare, app: CareerApp) -> None:
    async def open_it(pilot) -> None:  # noqa: ANN001
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Guided start")
        await pilot.pause(0.2)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, GuidedStartScreen))
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=open_it)
