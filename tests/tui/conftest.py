"""Fixtures for the Pilot tests: the app built by the one factory over a store in tmp_path."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from careertui.store.repository import Repository
from careertui.tui.app import CareerApp, make_app

SIZE = (120, 36)


@pytest.fixture
def app(repo: Repository) -> CareerApp:
    """The app over an empty store."""
    return make_app(repo)


@pytest.fixture
def demo_app(demo_repo: Repository) -> CareerApp:
    """The app over the demo career (tests/conftest.py pins today to the demo's date)."""
    return make_app(demo_repo)


@pytest.fixture
def make(data_dir: Path) -> Callable[[], CareerApp]:
    """A fresh app over the same store, e.g. to check what survives a restart."""
    return lambda: make_app(Repository.at(data_dir))


async def wait_for(pilot: Pilot, condition: Callable[[], object], timeout: float = 10.0) -> None:
    """Let the app run until ``condition()`` holds (writes and file watching are asynchronous).
    Fails the test if it never does."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        if loop.time() > deadline:
            raise AssertionError(f"gave up waiting after {timeout}s for {condition}")
        await pilot.pause(0.05)


async def run_command(pilot: Pilot, name: str, *, open_palette: bool = True) -> None:
    """ctrl+p (unless a palette is already open), type ``name``, wait until the palette offers
    it first, Enter."""
    from textual.command import CommandList, CommandPalette

    app = pilot.app
    if open_palette:
        await pilot.press("ctrl+p")
    await wait_for(
        pilot, lambda: isinstance(app.screen, CommandPalette) and app.screen.query(CommandList)
    )
    await pilot.press(*name)

    def offered() -> bool:
        commands = app.screen.query_one(CommandList)
        if commands.option_count == 0 or commands.highlighted != 0:
            return False
        first = commands.get_option_at_index(0).prompt
        return name.casefold() in str(getattr(first, "plain", first)).casefold()

    await wait_for(pilot, offered)
    await pilot.press("enter")
