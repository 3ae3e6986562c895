"""The README tells the truth: its key table is the app's bindings, its set-up commands are the
ones CI runs, its command-line reference names every command and option, and its screenshots
are what the app shows now."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
INSTALL = "python3 -m pip install . && careertui"
TEST = "python3 -m pip install -e '.[test]' && python3 -m pytest -n auto"


def _script(name: str) -> ModuleType:
    module_name = f"careertui_scripts_{name}"
    if module_name in sys.modules:
        return sys.modules[module_name]
    spec = importlib.util.spec_from_file_location(module_name, ROOT / "scripts" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    spec.loader.exec_module(module)
    return module


def _section(text: str, heading: str) -> str:
    match = re.search(rf"^## {re.escape(heading)}\n(.*?)(?=^## |\Z)", text, re.S | re.M)
    assert match, f"README.md has no '## {heading}' section"
    return match.group(1)


@pytest.fixture(scope="module")
def readme() -> str:
    return README.read_text(encoding="utf-8")


# -- keys ----------------------------------------------------------------------------------------
def test_the_key_table_is_the_apps_bindings(readme: str) -> None:
    keys = _script("keys")
    block = readme[readme.index(keys.START) + len(keys.START) : readme.index(keys.END)]
    assert block.strip() == keys.render(), (
        "README.md's key table differs from the app's bindings: run python scripts/keys.py"
    )


def test_the_key_table_holds_the_keys_a_person_uses_every_day() -> None:
    table = _script("keys").render()
    for row in (
        "| Everywhere | `?` | Help |",
        "| Everywhere | `ctrl+p` | Command palette: every action by name |",
        "| Dashboard | `w` | Log a win | `dashboard.log_win` |",
        "| Dashboard | `z` | Zoom | `dashboard.zoom` |",
        "| Dashboard | `q` | Quit |",
        "| Journal pane | `n` | New win | `journal.new` |",
    ):
        assert row in table
    # Every binding of every pane is there, under the pane's name.
    from textual.binding import Binding

    from careertui.tui.dashboard import DashboardScreen
    from careertui.tui.panes.gaps import GapsPane
    from careertui.tui.panes.journal import JournalPane
    from careertui.tui.panes.stakeholders import StakeholdersPane
    from careertui.tui.panes.vision import VisionPane

    for cls, where in (
        (DashboardScreen, "Dashboard"),
        (VisionPane, "Vision pane"),
        (GapsPane, "Gaps pane"),
        (StakeholdersPane, "Stakeholders pane"),
        (JournalPane, "Journal pane"),
    ):
        for binding in Binding.make_bindings(cls.__dict__.get("BINDINGS", [])):
            assert f"| {where} |" in table
            assert f"`{binding.id}`" in table, f"{where}: {binding.key} missing"


def test_the_key_check_fails_when_the_readme_drifts(
    tmp_path: Path, readme: str, capsys: pytest.CaptureFixture[str]
) -> None:
    keys = _script("keys")
    current = keys.with_table(readme, keys.render())
    copy = tmp_path / "README.md"
    copy.write_text(current, encoding="utf-8")
    assert keys.main(["--check", "--readme", str(copy)]) == 0

    copy.write_text(current.replace("| Log a win |", "| Log a loss |", 1), encoding="utf-8")
    assert keys.main(["--check", "--readme", str(copy)]) == 1
    assert "differs from the app's bindings" in capsys.readouterr().err

    assert keys.main(["--readme", str(copy)]) == 0  # rewriting puts it right
    assert copy.read_text(encoding="utf-8") == current


# -- set-up commands -----------------------------------------------------------------------------
def test_the_readme_holds_exactly_the_two_set_up_commands_ci_uses(readme: str) -> None:
    setup = _section(readme, "Set up")
    blocks = re.findall(r"```sh\n(.*?)```", setup, re.S)
    assert [b.strip() for b in blocks] == [INSTALL, TEST]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert TEST in ci.splitlines(), ".ci/run must run the README's test command verbatim"


# -- command line --------------------------------------------------------------------------------
def test_the_command_line_reference_names_every_command_and_option(readme: str) -> None:
    import argparse

    from careertui.cli import build_parser

    reference = _section(readme, "Command line")
    parser = build_parser()
    for action in parser._actions:
        for option in action.option_strings:
            if option not in ("-h", "--help"):
                assert f"`{option}" in reference, f"careertui {option} is not in the README"
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    for name, command in sub.choices.items():
        assert f"`careertui {name}" in reference, f"careertui {name} is not in the README"
        for action in command._actions:
            for option in action.option_strings:
                if option not in ("-h", "--help"):
                    assert f"`{option}" in reference, (
                        f"careertui {name} {option} is not in the README"
                    )
            if action.choices and not action.option_strings:
                assert "{" + ",".join(action.choices) + "}" in reference, (
                    f"careertui {name}'s choices {list(action.choices)} are not in the README"
                )


# -- screenshots ---------------------------------------------------------------------------------
def test_the_readme_shows_every_screenshot_and_each_exists(readme: str) -> None:
    shots = _script("screenshots").SHOTS
    assert {s.name for s in shots} >= {
        "dashboard",
        "vision",
        "gaps",
        "stakeholders",
        "journal",
        "guided-start",
    }
    for shot in shots:
        assert f"](screenshots/{shot.name}.svg)" in readme
        assert (ROOT / "screenshots" / f"{shot.name}.svg").is_file()


def test_the_screenshots_match_what_the_app_shows_now() -> None:
    stale = _script("screenshots").stale()
    assert stale == [], (
        f"screenshots out of date: {stale}; run python scripts/screenshots.py and commit them"
    )
