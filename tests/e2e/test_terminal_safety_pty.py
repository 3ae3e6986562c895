"""The installed app in a real pseudo-terminal over a store whose titles hold a clipboard write
(OSC 52), a title change (OSC 0) and a screen clear: the bytes it writes to the terminal never
carry them, and the records are on screen."""

from __future__ import annotations

from pathlib import Path

import orjson

from careertui.store.repository import Repository
from tests.e2e.terminal import careertui
from tests.unit.test_terminal_safety import poisoned_store

RETITLE = "\x1b]0;pwned\x07"


def test_the_app_never_writes_the_stored_escapes_to_the_terminal(data_dir: Path) -> None:
    repo: Repository = poisoned_store(data_dir)
    tables = orjson.loads(repo.store.path.read_bytes())
    tables["gaps"]["gap_1"]["title"] += RETITLE
    repo.store.path.write_bytes(orjson.dumps(tables))
    with careertui(data_dir, size=(120, 36)) as term:
        term.wait_for("Shipped onboarding", "Executive presence", "Ana Ruiz", "cm0gLXJmIH4=")
        term.press("q")
        term.wait_exit()
        raw = bytes(term.transcript)
    assert b"\x1b]52" not in raw, "the app wrote the stored clipboard escape"
    assert b"\x1b]0;pwned" not in raw, "the app wrote the stored title escape"
    assert "\ufffd]52;c;cm0gLXJmIH4=".encode() in raw
