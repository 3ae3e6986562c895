"""The terminal harness itself: keys encoded as a terminal sends them, failures that show the
screen, and a crash noticed even when the process exits 0."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.e2e.terminal import Terminal, encode

PYTHON = Path(sys.executable)


@pytest.mark.parametrize(
    ("key", "sent"),
    [
        ("enter", "\r"),
        ("escape", "\x1b"),
        ("shift+tab", "\x1b[Z"),
        ("ctrl+p", "\x10"),
        ("ctrl+s", "\x13"),
        ("up", "\x1b[A"),
        ("J", "J"),
        ("*", "*"),
    ],
)
def test_keys_are_sent_as_a_terminal_sends_them(key: str, sent: str) -> None:
    assert encode(key) == sent


def test_an_unknown_key_name_is_an_error_not_a_guess() -> None:
    with pytest.raises(ValueError, match="no terminal encoding"):
        encode("hyper+x")


def test_typing_reaches_the_program_and_its_output_reaches_the_screen() -> None:
    echo = "import sys\nprint('ready', flush=True)\nprint('got ' + input().upper())\n"
    term = Terminal(["-c", echo], program=PYTHON, size=(40, 5))
    try:
        term.wait_for("ready")
        term.type("hello")
        term.press("enter")
        term.wait_for("got HELLO")
        assert term.wait_exit() == 0
    finally:
        term.close()


def test_a_failed_wait_shows_the_screen() -> None:
    term = Terminal(["-c", "print('what the person sees'); input()"], program=PYTHON, size=(40, 5))
    try:
        term.wait_for("what the person sees")
        with pytest.raises(AssertionError) as failure:
            term.wait_for("something else", timeout=0.5)
        assert "'something else' did not appear" in str(failure.value)
        assert "|what the person sees" in str(failure.value)
    finally:
        term.close()


def test_a_traceback_fails_the_run_even_with_exit_status_zero() -> None:
    crash = (
        "import traceback\ntry:\n    1 / 0\nexcept ZeroDivisionError:\n    traceback.print_exc()\n"
    )
    term = Terminal(["-c", crash], program=PYTHON, size=(60, 10))
    try:
        with pytest.raises(AssertionError, match="the program crashed"):
            term.wait_exit()
    finally:
        term.close()
