"""With the app open in a real terminal, ``careertui win`` in another process shows up on screen.

The app runs as the installed console script in a pseudo-terminal and the screen is read
through a terminal emulator (tests/e2e/terminal.py), as a person at the terminal would see it.
"""

from __future__ import annotations

from pathlib import Path

from careertui.store.repository import Repository
from tests.conftest import CLI
from tests.e2e.terminal import careertui

#: The newest win in the demo career (dated the pinned today).
NEWEST_DEMO_WIN = "Mentored Grace through her first launch"


def test_a_win_logged_from_another_terminal_appears_on_screen(
    demo_repo: Repository, data_dir: Path, cli: CLI
) -> None:
    with careertui(data_dir) as term:
        term.wait_for("4 Journal", NEWEST_DEMO_WIN)
        assert "Signed pricing review" not in term.text()

        result = cli("win", "Signed pricing review", "--with", "Maya Chen")
        assert result.returncode == 0, result.stderr

        # Newest first: the journal shows the new win without a restart.
        term.wait_for("Signed pricing review")
        term.press("q")
        assert term.wait_exit() == 0

    titles = [w.title for w in demo_repo.wins.list()]
    assert titles.count("Signed pricing review") == 1


def test_what_is_being_typed_survives_a_change_from_another_terminal(
    demo_repo: Repository, data_dir: Path, cli: CLI
) -> None:
    with careertui(data_dir) as term:
        count = len(demo_repo.wins.list())
        term.wait_for("4 Journal", NEWEST_DEMO_WIN, f"{count} wins")
        term.press("w")
        term.wait_for("Enter saves, Escape cancels")
        term.type("Closed the Q4 hiring plan")

        result = cli("win", "Wrote pricing memo")
        assert result.returncode == 0, result.stderr
        # The journal behind the open input counts the other process's win ...
        term.wait_for(f"{count + 1} wins")
        # ... and what was typed is still there to be saved.
        assert "Closed the Q4 hiring plan" in term.row_with("Closed the Q4")
        term.press("enter")
        term.wait_gone("Enter saves, Escape cancels")
        term.wait_for(f"{count + 2} wins", "Wrote pricing memo", "Closed the Q4 hiring plan")
        term.press("q")
        assert term.wait_exit() == 0

    titles = {w.title for w in demo_repo.wins.list()}
    assert {"Wrote pricing memo", "Closed the Q4 hiring plan"} <= titles
