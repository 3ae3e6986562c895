"""Starting careertui where it cannot run: no terminal, a file where the data directory should
be, a ``CAREERTUI_TODAY`` that is not a date. Each is one ``error:`` line and exit status 2,
never a traceback, never a process spinning forever, and nothing written."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.conftest import CAREERTUI, CLI
from tests.e2e.terminal import careertui

#: Long enough for a cold start on a busy machine; the old behaviour never ended at all.
TIMEOUT = 30


def without_terminal(*args: str) -> subprocess.CompletedProcess[str]:
    """``careertui ARGS…`` with stdin from /dev/null and output to pipes, as from cron or CI."""
    return subprocess.run(
        [str(CAREERTUI), *args],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        env=dict(os.environ),
    )


def one_error_line(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), stderr
    return lines[0]


def test_the_dashboard_without_a_terminal_says_so_and_stops(cli: CLI, data_dir: Path) -> None:
    assert cli("win", "Shipped the importer").returncode == 0

    result = without_terminal("--data-dir", str(data_dir))

    assert result.returncode == 2
    line = one_error_line(result.stderr)
    assert "careertui needs a terminal" in line
    assert "careertui win" in line


def test_the_demo_without_a_terminal_says_so_and_writes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "demo"

    result = without_terminal("--data-dir", str(target), "demo")

    assert result.returncode == 2
    assert "careertui needs a terminal" in one_error_line(result.stderr)
    assert "--no-open" in result.stderr
    assert not target.exists()


# -- a file where the data directory should be ------------------------------------------------
COMMANDS = [
    [],
    ["win", "Shipped it"],
    ["wins"],
    ["where"],
    ["doctor"],
    ["doctor", "--restore"],
    ["demo", "--no-open"],
    ["export", "brag"],
    ["import", "jrnl", "journal.json"],
    ["encrypt"],
    ["decrypt"],
]


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a) or "dashboard")
def test_a_file_given_as_the_data_directory_is_one_clear_error(
    cli: CLI, tmp_path: Path, args: list[str]
) -> None:
    blocker = tmp_path / "notes.txt"
    blocker.write_text("my notes\n", encoding="utf-8")
    (tmp_path / "journal.json").write_text('{"entries": []}', encoding="utf-8")

    result = subprocess.run(
        [str(CAREERTUI), "--data-dir", str(blocker), *args],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        cwd=tmp_path,
        env={**os.environ, "CAREERTUI_PASSPHRASE": "correct horse battery"},
    )

    assert result.returncode == 2
    assert one_error_line(result.stderr) == (
        f"error: {blocker} is a file, not a directory; --data-dir (or CAREERTUI_DATA_DIR) "
        "names the directory that holds careertui's data"
    )
    assert blocker.read_text(encoding="utf-8") == "my notes\n"


# -- CAREERTUI_TODAY ---------------------------------------------------------------------------
@pytest.mark.parametrize("pinned", ["2026-02-30", "someday", "9999-12-31"])
def test_an_unusable_careertui_today_is_one_error_line(cli: CLI, pinned: str) -> None:
    result = cli("export", "brag", env={"CAREERTUI_TODAY": pinned})
    assert result.returncode == 2
    assert "CAREERTUI_TODAY" in one_error_line(result.stderr)


def test_the_app_with_an_unusable_careertui_today_stops_with_one_line(data_dir: Path) -> None:
    with careertui(data_dir, env={"CAREERTUI_TODAY": "2026-02-30"}) as term:
        status = term.wait_exit()
        printed = term.printed()
    assert status == 2
    assert "error: CAREERTUI_TODAY='2026-02-30' is not a date" in printed
