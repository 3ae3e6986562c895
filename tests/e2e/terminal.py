"""A person at a terminal: the installed ``careertui`` in a pseudo-terminal, read through pyte.

:class:`Terminal` starts the console script beside the running interpreter in a pty of a fixed
size (pexpect), feeds everything the app writes into a ``pyte.Screen`` from a reader thread (so
the app never blocks on a full pty), sends keys the way a terminal would encode them, and waits
for text to appear on the screen. A failed wait shows the whole screen in the assertion message,
so a failure reads like a screenshot.

Nothing here sleeps and hopes: every wait polls the screen until the text is there or a generous
timeout (the machine running the suite may be loaded) has passed. Moving to the next field of a
form waits until the caret is seen on another row of a whole frame, as a person watches the caret
before typing on. The one fixed pause is after a lone ``escape``: Textual reads ESC followed
quickly by another byte as ``alt+<key>``, so ESC must stand alone for longer than Textual's
escape delay.
"""

from __future__ import annotations

import os
import re
import sys
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

import pexpect
import pyte

#: The installed console script, beside the interpreter running the tests.
CAREERTUI = Path(sys.executable).with_name("careertui")
#: Long enough for a cold start of the app on a busy two-core machine.
TIMEOUT = 60.0
#: Textual waits ``TEXTUAL_ESCAPE_DELAY`` (0.1 s by default) before a lone ESC becomes ``escape``.
ESCAPE_PAUSE = 0.6
#: No output for this long means the app has finished drawing a frame (a frame can arrive in
#: several reads, and while it is drawn the cursor passes over every row).
QUIET = 0.15

#: Control sequences, removed from the transcript to read the text the program printed.
CONTROL = re.compile(rb"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b[()][0-9A-Za-z]|\x1b[=>78]|\x07")

#: How an xterm encodes the named keys (the rest are sent as typed).
KEYS: Mapping[str, str] = {
    "enter": "\r",
    "tab": "\t",
    "shift+tab": "\x1b[Z",
    "escape": "\x1b",
    "backspace": "\x7f",
    "delete": "\x1b[3~",
    "space": " ",
    "up": "\x1b[A",
    "down": "\x1b[B",
    "right": "\x1b[C",
    "left": "\x1b[D",
    "home": "\x1b[H",
    "end": "\x1b[F",
    "pageup": "\x1b[5~",
    "pagedown": "\x1b[6~",
}


def encode(key: str) -> str:
    """The bytes a terminal sends for ``key`` (``"enter"``, ``"ctrl+p"``, ``"J"``, ``"*"`` …)."""
    if key in KEYS:
        return KEYS[key]
    if key.startswith("ctrl+") and len(key) == len("ctrl+") + 1:
        return chr(ord(key[-1].lower()) & 0x1F)
    if len(key) == 1:
        return key
    raise ValueError(f"no terminal encoding known for key {key!r}")


class Terminal:
    """One run of a console program in a pty of ``size`` (columns, rows)."""

    def __init__(
        self,
        args: Sequence[str],
        *,
        env: Mapping[str, str] | None = None,
        size: tuple[int, int] = (120, 36),
        program: Path = CAREERTUI,
    ) -> None:
        self.columns, self.rows = size
        self.screen = pyte.Screen(self.columns, self.rows)
        self._stream = pyte.ByteStream(self.screen)
        self._lock = threading.Lock()
        self._eof = threading.Event()
        self._last_output = time.monotonic()
        #: Everything the program wrote, to look for a traceback printed after the last frame.
        self.transcript = bytearray()
        full_env = {
            **os.environ,
            "TERM": "xterm-256color",
            "COLORTERM": "truecolor",
            "COLUMNS": str(self.columns),
            "LINES": str(self.rows),
            **(env or {}),
        }
        self.child = pexpect.spawn(
            str(program),
            list(args),
            env=full_env,
            dimensions=(self.rows, self.columns),
            encoding=None,
            echo=False,
        )
        self._reader = threading.Thread(target=self._read, name="pty-reader", daemon=True)
        self._reader.start()

    # -- reading -------------------------------------------------------------------------------
    def _read(self) -> None:
        while True:
            try:
                data = self.child.read_nonblocking(size=65536, timeout=0.2)
            except pexpect.TIMEOUT:
                continue
            except (pexpect.EOF, OSError, ValueError):
                self._eof.set()
                return
            with self._lock:
                self._stream.feed(data)
                self.transcript += data
                self._last_output = time.monotonic()

    def lines(self) -> list[str]:
        """The screen as the person sees it, one string per row (trailing blanks removed)."""
        with self._lock:
            return [line.rstrip() for line in self.screen.display]

    def text(self) -> str:
        return "\n".join(self.lines())

    def dump(self) -> str:
        """The screen in a frame, for assertion messages."""
        border = "+" + "-" * self.columns + "+"
        rows = [f"|{line.ljust(self.columns)}|" for line in self.lines()]
        return "\n".join([border, *rows, border])

    def settled(self) -> bool:
        """True when the app has written nothing for a moment: the screen is a whole frame."""
        with self._lock:
            return time.monotonic() - self._last_output >= QUIET

    def wait_until(
        self,
        condition: Callable[[str], bool],
        what: str,
        timeout: float = TIMEOUT,
        *,
        settled: bool = False,
    ) -> str:
        """Poll the screen until ``condition(screen_text)`` holds (on a whole frame when
        ``settled``); returns the screen text."""
        deadline = time.monotonic() + timeout
        while True:
            quiet = self.settled()
            text = self.text()
            if (quiet or not settled) and condition(text):
                return text
            if self._eof.is_set():
                shown = self.printed()[-6000:] if self.crashed() else self.dump()
                raise AssertionError(
                    f"the program ended while waiting for {what} "
                    f"(exit status {self.exit_status()}); it showed:\n{shown}"
                )
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"{what} did not appear within {timeout:.0f}s; the screen shows:\n{self.dump()}"
                )
            time.sleep(0.05)

    def wait_for(self, *texts: str, timeout: float = TIMEOUT) -> str:
        """Wait until every one of ``texts`` is on the screen."""
        return self.wait_until(
            lambda screen: all(t in screen for t in texts),
            " and ".join(repr(t) for t in texts),
            timeout,
        )

    def wait_gone(self, text: str, timeout: float = TIMEOUT) -> str:
        """Wait until ``text`` is no longer on the screen."""
        return self.wait_until(lambda screen: text not in screen, f"{text!r} to go away", timeout)

    def row_with(self, text: str) -> str:
        """The first screen row holding ``text`` (the row is where a person's eye goes)."""
        for line in self.lines():
            if text in line:
                return line
        raise AssertionError(f"{text!r} is not on the screen:\n{self.dump()}")

    def cursor(self) -> tuple[int, int]:
        """Where the terminal's cursor is (column, row). Textual puts it at the focused input's
        text cursor, so it shows which field has the focus, as a blinking caret does."""
        with self._lock:
            return self.screen.cursor.x, self.screen.cursor.y

    def wait_cursor_leaves_row(self, row: int, timeout: float = TIMEOUT) -> None:
        """Wait until the cursor rests on another row than ``row`` (the focus moved on)."""
        self.wait_until(
            lambda _: self.cursor()[1] != row,
            f"the cursor to leave row {row}",
            timeout,
            settled=True,
        )

    def next_field(self, key: str = "enter") -> None:
        """Press ``key`` to move to the next field and wait until the focus has moved there, as
        a person watches the caret before typing on."""
        self.wait_until(lambda _: True, "the app to finish drawing", settled=True)
        _, row = self.cursor()
        self.press(key)
        self.wait_cursor_leaves_row(row)

    # -- typing --------------------------------------------------------------------------------
    def press(self, *keys: str) -> None:
        """Press keys one after another, named as Textual names them (``"enter"``, ``"J"``)."""
        for key in keys:
            self.child.send(encode(key).encode())
            if key == "escape":
                time.sleep(ESCAPE_PAUSE)

    def type(self, text: str) -> None:
        """Type ``text`` as ordinary characters."""
        self.child.send(text.encode())

    # -- ending --------------------------------------------------------------------------------
    def printed(self) -> str:
        """Everything the program wrote, without the control sequences."""
        with self._lock:
            raw = bytes(self.transcript)
        return CONTROL.sub(b"", raw).decode("utf-8", errors="replace")

    def crashed(self) -> bool:
        """True if the program printed a Python traceback (Textual prints one after a crash,
        and the process may still exit with status 0)."""
        return "Traceback (most recent call last)" in self.printed()

    def wait_exit(self, timeout: float = TIMEOUT) -> int:
        """Wait for the program to end and return its exit status; fail if it crashed."""
        if not self._eof.wait(timeout):
            raise AssertionError(f"the program did not end within {timeout:.0f}s:\n{self.dump()}")
        self.child.wait()
        if self.crashed():
            raise AssertionError(f"the program crashed:\n{self.printed()[-6000:]}")
        return self.exit_status()

    def exit_status(self) -> int | None:
        if self.child.isalive():
            return None
        if self.child.exitstatus is not None:
            return self.child.exitstatus
        return self.child.signalstatus

    def close(self) -> None:
        """Stop the program if it still runs (used by the fixture after a failed test)."""
        if self.child.isalive():
            self.child.terminate(force=True)
        self._reader.join(timeout=5)
        self.child.close(force=True)


@contextmanager
def careertui(
    data_dir: Path,
    *args: str,
    size: tuple[int, int] = (120, 36),
    env: Mapping[str, str] | None = None,
) -> Iterator[Terminal]:
    """``careertui --data-dir DATA_DIR ARGS…`` in a pty; stopped at the end if still running."""
    assert CAREERTUI.exists(), f"install the package first: {CAREERTUI} is missing"
    terminal = Terminal(["--data-dir", str(data_dir), *args], size=size, env=env)
    try:
        yield terminal
    finally:
        terminal.close()
