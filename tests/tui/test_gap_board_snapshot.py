"""The gap board on the demo career, pinned to the demo's date (tests/conftest.py)."""

from __future__ import annotations

from textual.pilot import Pilot

from careertui.store.repository import Repository
from careertui.tui.app import make_app


async def _zoom_board(pilot: Pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.press("2", "z", "j")
    await pilot.pause()


def test_gap_board_on_the_demo_career(snap_compare, demo_repo: Repository) -> None:
    assert snap_compare(make_app(demo_repo), terminal_size=(120, 36), run_before=_zoom_board)


def test_gap_board_ordered_by_score(snap_compare, demo_repo: Repository) -> None:
    async def by_score(pilot: Pilot) -> None:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("2", "z", "s", "l")
        await pilot.pause()

    assert snap_compare(make_app(demo_repo), terminal_size=(120, 36), run_before=by_score)
