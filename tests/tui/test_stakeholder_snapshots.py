"""Snapshots of the stakeholder map on the demo career (today pinned by tests/conftest.py).

The pane is zoomed (``z``) so the snapshot shows the map as a user reads it, not squeezed
into a quarter of the screen.
"""

from __future__ import annotations

from careertui.store.repository import Repository
from careertui.tui.app import make_app

SIZE = (120, 36)


def test_the_grid_on_the_demo(snap_compare, demo_repo: Repository) -> None:
    assert snap_compare(make_app(demo_repo), terminal_size=SIZE, press=["3", "z", "right"])


def test_the_list_on_the_demo(snap_compare, demo_repo: Repository) -> None:
    assert snap_compare(make_app(demo_repo), terminal_size=SIZE, press=["3", "z", "v"])
