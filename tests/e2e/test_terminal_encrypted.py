"""An encrypted store in a real terminal: careertui asks for the passphrase on the terminal
(without echo) before the dashboard opens, and the file stays encrypted."""

from __future__ import annotations

from pathlib import Path

import pytest

from careertui.store.repository import Repository
from tests.conftest import CLI
from tests.e2e.terminal import careertui

PASSPHRASE = "correct horse battery staple"
NEWEST_DEMO_WIN = "Mentored Grace through her first launch"


@pytest.fixture
def encrypted(demo_repo: Repository, cli: CLI) -> Path:
    result = cli("encrypt", env={"CAREERTUI_PASSPHRASE": PASSPHRASE})
    assert result.returncode == 0, result.stderr
    assert NEWEST_DEMO_WIN.encode() not in demo_repo.store.path.read_bytes()
    return demo_repo.store.path


def test_the_passphrase_is_asked_on_the_terminal_and_the_store_stays_encrypted(
    encrypted: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with careertui(data_dir) as term:
        term.wait_for("Passphrase for")
        term.type(PASSPHRASE)
        assert PASSPHRASE not in term.text()  # typed without echo
        term.press("enter")
        term.wait_for("4 Journal", NEWEST_DEMO_WIN)
        term.press("w")
        term.wait_for("Enter saves, Escape cancels")
        term.type("Renewed the Acme contract")
        term.press("enter")
        term.wait_for("Win logged: Renewed the Acme contract")
        term.press("q")
        assert term.wait_exit() == 0

    raw = encrypted.read_bytes()
    assert b"Renewed the Acme contract" not in raw and NEWEST_DEMO_WIN.encode() not in raw
    monkeypatch.setenv("CAREERTUI_PASSPHRASE", PASSPHRASE)
    titles = {w.title for w in Repository.at(data_dir).wins.list()}
    assert {"Renewed the Acme contract", NEWEST_DEMO_WIN} <= titles


def test_a_wrong_passphrase_is_one_error_line_and_changes_nothing(
    encrypted: Path, data_dir: Path
) -> None:
    before = encrypted.read_bytes()
    with careertui(data_dir) as term:
        term.wait_for("Passphrase for")
        term.type("not the passphrase")
        term.press("enter")
        term.wait_for("error:")
        assert term.wait_exit() == 2
        assert "Traceback" not in term.printed()
    assert encrypted.read_bytes() == before
