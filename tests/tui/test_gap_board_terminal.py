"""The gap board in a real terminal: the bytes a terminal sends for + - [ ] J L reach the
board's bindings and the changes land in the data file."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from careertui.domain.gaps import column
from careertui.domain.models import Gap, GapStatus
from careertui.store.repository import Repository
from tests.e2e.terminal import Terminal


def wait_until(condition: Callable[[], bool], what: str, term: Terminal) -> None:
    deadline = time.monotonic() + 60
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting for {what}:\n{term.dump()}")
        time.sleep(0.1)


def test_keys_from_a_real_terminal_change_the_board(demo_repo: Repository, data_dir: Path) -> None:
    def first(repo: Repository) -> Gap:
        return column(repo.gaps.list(), GapStatus.BACKLOG)[0]

    top = first(demo_repo)
    assert (top.impact, top.current_level) == (5, 1)
    term = Terminal(["--data-dir", str(data_dir)], size=(120, 36))
    try:
        # The journal has the focus once the app is up; "2" moves it to the board, whose keys
        # then show in the footer.
        term.wait_until(
            lambda s: "Backlog (6)" in s and "/ Filter" in s, "the dashboard", settled=True
        )
        term.press("2")
        term.wait_until(lambda s: "JK Reorder" in s, "the board's keys", settled=True)
        term.press("-")
        wait_until(lambda: demo_repo.gaps.get(top.id).impact == 4, "impact 4", term)
        term.press("+", "+")
        term.wait_for("impact is already 5")
        assert demo_repo.gaps.get(top.id).impact == 5
        term.press("]")
        wait_until(lambda: demo_repo.gaps.get(top.id).current_level == 2, "level 2", term)
        term.press("[")
        wait_until(lambda: demo_repo.gaps.get(top.id).current_level == 1, "level 1", term)
        term.press("J")
        wait_until(lambda: first(demo_repo).id != top.id, "the card one place down", term)
        assert column(demo_repo.gaps.list(), GapStatus.BACKLOG)[1].id == top.id
        term.press("L")
        wait_until(
            lambda: demo_repo.gaps.get(top.id).status == GapStatus.WORKING,
            "the card in Working on",
            term,
        )
        term.wait_for("Working on (5)", "Backlog (5)")
        term.press("q")
        assert term.wait_exit() == 0
    finally:
        term.close()
