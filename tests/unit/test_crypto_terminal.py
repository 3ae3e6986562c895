"""The passphrase at a real terminal (a pty): asked without echo before the dashboard starts,
and typed twice by ``careertui encrypt``."""

from __future__ import annotations

from pathlib import Path

import pytest

from careertui.domain.models import Win
from careertui.store.crypto import MAGIC
from careertui.store.database import DATA_FILE, Store
from careertui.store.encryption import encrypt_store
from careertui.store.repository import Repository
from tests.e2e.terminal import Terminal

PASSPHRASE = "plum tree at dusk"


@pytest.fixture
def plain(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("CAREERTUI_PASSPHRASE", raising=False)
    Repository.at(data_dir).wins.add(Win(title="Closed the Acme renewal"))
    return data_dir


def _session(data_dir: Path, *args: str) -> Terminal:
    return Terminal(["--data-dir", str(data_dir), *args])


def test_encrypt_then_open_the_dashboard_at_a_terminal(plain: Path) -> None:
    terminal = _session(plain, "encrypt")
    try:
        terminal.wait_for("New passphrase:")
        terminal.type(PASSPHRASE + "\r")
        terminal.wait_for("Repeat the passphrase:")
        terminal.type(PASSPHRASE + "\r")
        screen = terminal.wait_for("cannot be recovered")
        assert terminal.wait_exit() == 0
        assert PASSPHRASE not in screen  # never echoed
    finally:
        terminal.close()
    assert (plain / DATA_FILE).read_bytes().startswith(MAGIC)

    terminal = _session(plain)
    try:
        prompt = f"Passphrase for {plain / DATA_FILE}:"
        terminal.wait_until(lambda screen: prompt in screen.replace("\n", ""), "the prompt")
        terminal.type(PASSPHRASE + "\r")
        screen = terminal.wait_for("Closed the Acme renewal")
        assert PASSPHRASE not in screen
        terminal.press("ctrl+q")
        assert terminal.wait_exit() == 0
    finally:
        terminal.close()
    assert Store(plain, passphrase=PASSPHRASE).read().tables["wins"]


def test_a_wrong_passphrase_at_the_terminal_stops_before_the_dashboard(plain: Path) -> None:
    encrypt_store(Store(plain, passphrase=PASSPHRASE))
    before = (plain / DATA_FILE).read_bytes()
    terminal = _session(plain)
    try:
        terminal.wait_for("Passphrase for")
        terminal.type("not it at all\r")
        terminal.wait_until(  # the long path may wrap the message over two rows
            lambda screen: (
                "the passphrase is wrong; nothing was changed" in screen.replace("\n", "")
            ),
            "the wrong-passphrase error",
        )
        assert terminal.wait_exit() == 2
    finally:
        terminal.close()
    assert (plain / DATA_FILE).read_bytes() == before
