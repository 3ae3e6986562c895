"""Snapshots of the whole dashboard: the demo career at 80×24 (the tabbed layout of a small
terminal), 120×36 and 200×50, and an empty store at 120×36 (today pinned by tests/conftest.py)."""

from __future__ import annotations

from careertui.store.repository import Repository
from careertui.tui.app import make_app


def test_dashboard_on_the_demo(snap_compare, demo_repo: Repository) -> None:
    assert snap_compare(make_app(demo_repo), terminal_size=(120, 36))


def test_dashboard_on_an_empty_store(snap_compare, repo: Repository) -> None:
    assert snap_compare(make_app(repo), terminal_size=(120, 36))


def test_narrow_terminal_shows_tabs(snap_compare, demo_repo: Repository) -> None:
    assert snap_compare(make_app(demo_repo), terminal_size=(80, 24))


def test_journal_zoomed_on_the_demo(snap_compare, demo_repo: Repository) -> None:
    assert snap_compare(make_app(demo_repo), terminal_size=(120, 36), press=["4", "z"])


def test_dashboard_on_the_demo_at_200x50(snap_compare, demo_repo: Repository) -> None:
    assert snap_compare(make_app(demo_repo), terminal_size=(200, 50))
