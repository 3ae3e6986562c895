"""A bug in a real terminal: the installed ``careertui`` in a pty (tests/e2e/terminal.py) with a bug
planted in the quick-win line. The terminal is given back clean (no traceback, no locals), the
exit status says it failed, and one line says where the details are."""

from __future__ import annotations

from pathlib import Path

from careertui.store.drafts import CRASH_LOG, DRAFT_FILE
from careertui.store.repository import Repository
from tests.e2e.terminal import careertui

#: Loaded by Python at start-up (PYTHONPATH): the quick-win line's Enter meets a bug.
PLANTED_BUG = """
from careertui.tui.screens import quick_win

def broken(self, event):
    raise RuntimeError("a planted bug")

quick_win.QuickWinScreen.on_input_submitted = broken
"""


def test_a_bug_leaves_the_terminal_clean_and_says_where_the_log_is(
    repo: Repository, data_dir: Path, tmp_path: Path
) -> None:
    repo.set_setting("vision.guided_start", "skipped")  # straight to the dashboard
    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(PLANTED_BUG)
    with careertui(data_dir, env={"PYTHONPATH": str(hook)}) as term:
        term.wait_for("4 Journal")
        term.press("w")
        term.wait_for("Enter saves, Escape cancels")
        term.type("Half a win")
        term.press("enter")
        status = term.wait_exit()  # fails if a traceback reached the terminal
    assert status == 1
    printed = term.printed()
    message = printed[printed.rindex("error: careertui stopped") :]
    assert "kept and offered back at the next start" in message
    assert str(data_dir / CRASH_LOG) in "".join(message.split("\r\n"))
    raw = bytes(term.transcript)
    assert raw.rindex(b"\x1b[?1049l") < raw.rindex(b"error: careertui stopped")
    assert (data_dir / DRAFT_FILE).exists()
    assert "a planted bug" in (data_dir / CRASH_LOG).read_text()
