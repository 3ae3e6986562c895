"""``careertui export --out`` and ``careertui win --edit``: the files careertui writes outside the
store go only where the user meant, never through a link someone planted, never over the live
data, and leave nothing readable or half-written behind."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from careertui.store.repository import Repository
from tests.conftest import CLI

LINK_REFUSED = (
    "is a symbolic link; careertui does not write through links — remove it or choose another name"
)


def one_error_line(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), stderr
    return lines[0]


# -- a link planted at the output path -------------------------------------------------------
def test_export_out_refuses_a_planted_link_and_leaves_its_target_alone(
    cli: CLI, demo_repo: Repository, tmp_path: Path
) -> None:
    victim = tmp_path / "victim" / ".bashrc"
    victim.parent.mkdir()
    victim.write_text("alias ll='ls -l'\n", encoding="utf-8")
    shared = tmp_path / "shared"
    shared.mkdir()
    link = shared / "brag.md"
    link.symlink_to(victim)

    result = cli("export", "brag", "--out", str(link))

    assert result.returncode == 2
    assert one_error_line(result.stderr) == f"error: {link} {LINK_REFUSED}"
    assert victim.read_text(encoding="utf-8") == "alias ll='ls -l'\n"
    assert link.is_symlink() and os.readlink(link) == str(victim)


def test_export_out_refuses_a_dangling_link_and_creates_nothing_at_its_target(
    cli: CLI, demo_repo: Repository, tmp_path: Path
) -> None:
    target = tmp_path / "victim" / ".profile"
    target.parent.mkdir()
    link = tmp_path / "case.md"
    link.symlink_to(target)

    result = cli("export", "case", "--out", str(link))

    assert result.returncode == 2
    assert LINK_REFUSED in one_error_line(result.stderr)
    assert not target.exists()


# -- never over the store --------------------------------------------------------------------
def test_export_json_refuses_to_overwrite_the_live_data_file(
    cli: CLI, demo_repo: Repository, data_dir: Path
) -> None:
    store = data_dir / "careertui.json"
    before = store.read_bytes()

    result = cli("export", "json", "--out", str(store))

    assert result.returncode == 2
    assert "careertui's own data file" in one_error_line(result.stderr)
    assert store.read_bytes() == before
    assert cli("wins", "-n", "1").returncode == 0


def test_export_json_refuses_to_write_among_the_backups(
    cli: CLI, demo_repo: Repository, data_dir: Path
) -> None:
    backups = data_dir / "backups"
    backups.mkdir(mode=0o700, exist_ok=True)
    before = sorted(p.name for p in backups.iterdir())

    result = cli("export", "json", "--out", str(backups / "careertui-2026-11-23.json"))

    assert result.returncode == 2
    assert "backups" in one_error_line(result.stderr)
    assert sorted(p.name for p in backups.iterdir()) == before


# -- paths that cannot be written: one line, no traceback -------------------------------------
def test_an_out_path_the_system_refuses_is_one_error_line(
    cli: CLI, demo_repo: Repository, tmp_path: Path
) -> None:
    too_long = tmp_path / ("a" * 300) / "brag.md"

    result = cli("export", "brag", "--out", str(too_long))

    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "cannot write" in one_error_line(result.stderr)


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="root may search any directory")
def test_an_out_directory_without_access_is_one_error_line(
    cli: CLI, demo_repo: Repository, tmp_path: Path
) -> None:
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o000)
    try:
        result = cli("export", "brag", "--out", str(locked / "brag.md"))
    finally:
        locked.chmod(0o700)
    assert result.returncode == 2
    assert "cannot write" in one_error_line(result.stderr)


# -- a killed export -------------------------------------------------------------------------
#: ``careertui export`` killed (SIGKILL) just as it would put its finished file in place.
KILLED_EXPORT = """\
import os, signal, sys
from careertui import cli

target = os.path.basename(sys.argv[-1])
real_replace = os.replace

def replace(src, dst, *args, **kwargs):
    if os.path.basename(dst) == target:
        os.kill(os.getpid(), signal.SIGKILL)
    return real_replace(src, dst, *args, **kwargs)

os.replace = replace
sys.exit(cli.main(sys.argv[1:]))
"""


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL")
def test_the_next_export_clears_what_a_killed_export_left(
    cli: CLI, demo_repo: Repository, data_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    target = out / "backup.json"
    killed = subprocess.run(
        [
            sys.executable,
            "-c",
            KILLED_EXPORT,
            "--data-dir",
            str(data_dir),
            "export",
            "json",
            "--out",
            str(target),
        ],
        capture_output=True,
        timeout=60,
    )
    assert killed.returncode == -9
    leftovers = [p.name for p in out.iterdir() if p.name != "backup.json"]
    assert leftovers and all(name.startswith(".backup.json.") for name in leftovers)

    result = cli("export", "json", "--out", str(target))

    assert result.returncode == 0, result.stderr
    assert [p.name for p in out.iterdir()] == ["backup.json"]
    assert json.loads(target.read_text(encoding="utf-8"))["wins"]


# -- the editor's temporary file -------------------------------------------------------------
#: An editor that saves by writing a new file (with a permissive umask) and renaming it over the
#: one it was given, as vim with 'backupcopy=no' and many GUI editors do; it reports where the
#: file was and how open it was to others.
RENAMING_EDITOR = """\
import json, os, stat, sys
path = sys.argv[1]
os.umask(0o022)
new = path + ".new"
with open(new, "w", encoding="utf-8") as handle:
    handle.write("Told the VP about the outage review\\n")
os.replace(new, path)
folder = os.path.dirname(path)
with open(os.environ["EDITOR_LOG"], "w", encoding="utf-8") as log:
    json.dump({"folder": folder, "folder_mode": stat.S_IMODE(os.stat(folder).st_mode)}, log)
"""


def test_win_edit_keeps_the_text_private_when_the_editor_saves_by_rename(
    cli: CLI, tmp_path: Path, data_dir: Path
) -> None:
    editor = tmp_path / "editor.py"
    editor.write_text(RENAMING_EDITOR, encoding="utf-8")
    log = tmp_path / "editor.json"
    command = f"{sys.executable} {editor}"

    result = cli(
        "win", "--edit", env={"VISUAL": command, "EDITOR": command, "EDITOR_LOG": str(log)}
    )

    assert result.returncode == 0, result.stderr
    seen = json.loads(log.read_text(encoding="utf-8"))
    folder = Path(seen["folder"])
    # The file sat in a folder of its own that nobody else can enter, and it is gone now.
    assert seen["folder_mode"] == 0o700
    assert folder != Path(tempfile.gettempdir())
    assert not folder.exists()
    wins = Repository.at(data_dir).wins.list()
    assert [w.title for w in wins] == ["Told the VP about the outage review"]
