"""``ctrl+e`` hands the real terminal to ``$EDITOR`` and takes it back with the text.

Only a real terminal can show this: the app suspends (leaves the alternate screen and raw mode),
the editor owns the keyboard, and the app comes back with what was saved. The "editor" here is a
tiny program that shows a line, reads what the person types and saves it to the file.
"""

from __future__ import annotations

import sys
from pathlib import Path

from careertui.store.repository import Repository
from tests.e2e.terminal import careertui

VISION = "In five years I run product for a developer platform."
EDITOR = """\
import sys
print("fake editor: type the text and press Enter", flush=True)
with open(sys.argv[1], "a", encoding="utf-8") as handle:
    handle.write(sys.stdin.readline())
"""


def test_ctrl_e_writes_the_vision_in_the_editor_and_the_guided_start_keeps_it(
    tmp_path: Path, data_dir: Path
) -> None:
    editor = tmp_path / "editor.py"
    editor.write_text(EDITOR, encoding="utf-8")
    command = f"{sys.executable} {editor}"
    with careertui(data_dir, env={"VISUAL": command, "EDITOR": command}) as term:
        term.wait_for("Guided start · step 1 of 5")
        term.press("ctrl+e")
        term.wait_for("fake editor: type the text and press Enter")
        term.type(VISION)
        term.press("enter")
        # The app is back, with the editor's text in the field.
        term.wait_for("Guided start · step 1 of 5", VISION)
        term.press("ctrl+s")
        term.wait_for("step 2 of 5")
        term.press("escape")
        term.wait_for("Guided start skipped")
        term.press("q")
        assert term.wait_exit() == 0

    assert Repository.at(data_dir).vision().statement == VISION
