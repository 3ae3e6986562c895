"""In a real terminal, ``careertui`` on an empty store opens the guided start by itself; an
answer given there is saved, and quitting halfway keeps it. Skipped once, it stays closed.

Runs the installed console script in a pseudo-terminal (pexpect) and reads the screen the way a
terminal would draw it (pyte).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

import pexpect
import pyte
import pytest

from careertui.actions.settings import GUIDED_START as GUIDED_START_SETTING
from careertui.store.repository import Repository
from tests.conftest import CAREERTUI

COLUMNS, LINES = 120, 36


class Terminal:
    def __init__(self, data_dir: Path) -> None:
        self.screen = pyte.Screen(COLUMNS, LINES)
        self.stream = pyte.ByteStream(self.screen)
        env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": str(COLUMNS), "LINES": str(LINES)}
        self.child = pexpect.spawn(
            str(CAREERTUI), ["--data-dir", str(data_dir)], env=env, dimensions=(LINES, COLUMNS)
        )

    def text(self) -> str:
        return "\n".join(self.screen.display)

    def read(self) -> None:
        try:
            while True:
                self.stream.feed(self.child.read_nonblocking(65536, timeout=0.1))
        except pexpect.TIMEOUT:
            pass

    def wait_for(self, condition: Callable[[str], bool], what: str, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.read()
            if condition(self.text()):
                return
        raise AssertionError(f"the screen never showed {what}:\n{self.text()}")

    def send(self, keys: str) -> None:
        self.child.send(keys)

    def close(self) -> None:
        if self.child.isalive():
            self.child.terminate(force=True)


@pytest.fixture
def terminal(data_dir: Path):  # noqa: ANN201
    assert CAREERTUI.exists(), f"install the package first: {CAREERTUI} is missing"
    opened: list[Terminal] = []

    def start() -> Terminal:
        opened.append(Terminal(data_dir))
        return opened[-1]

    yield start
    for term in opened:
        term.close()


CTRL_S, CTRL_Q, ESCAPE = "\x13", "\x11", "\x1b"


def test_an_empty_store_opens_the_guided_start_and_keeps_answers_on_quit(
    terminal,
    data_dir: Path,  # noqa: ANN001
) -> None:
    term = terminal()
    term.wait_for(lambda s: "Guided start · step 1 of 5" in s, "the guided start")
    term.send("Lead product for a platform company.")
    term.send(CTRL_S)
    term.wait_for(lambda s: "step 2 of 5" in s, "the second step")
    term.send(CTRL_Q)
    term.child.expect(pexpect.EOF, timeout=30)
    assert Repository.at(data_dir).vision().statement == "Lead product for a platform company."

    again = terminal()
    again.wait_for(lambda s: "1 Vision" in s and "Lead product" in s, "the dashboard")
    assert "Guided start" not in again.text()
    again.send(CTRL_Q)
    again.child.expect(pexpect.EOF, timeout=30)


def test_skipped_it_does_not_open_by_itself_again(terminal, data_dir: Path) -> None:  # noqa: ANN001
    term = terminal()
    term.wait_for(lambda s: "Guided start · step 1 of 5" in s, "the guided start")
    term.send(ESCAPE)
    term.wait_for(lambda s: "Guided start ·" not in s and "1 Vision" in s, "the dashboard")
    term.send(CTRL_Q)
    term.child.expect(pexpect.EOF, timeout=30)
    assert Repository.at(data_dir).setting(GUIDED_START_SETTING) == "skipped"

    again = terminal()
    again.wait_for(lambda s: "1 Vision" in s, "the dashboard")
    time.sleep(1)
    again.read()
    assert "Guided start ·" not in again.text()
    again.send(CTRL_Q)
    again.child.expect(pexpect.EOF, timeout=30)
