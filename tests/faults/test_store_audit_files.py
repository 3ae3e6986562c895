"""What lies in the data directory that careertui did not make (issue 15): a data file that is
a symlink to some other file, named pipes in place of the data file, a backup or the digest,
symlinks among the backups, other programs' temporary files. careertui never writes through
them, never hangs on them, and says in one line what is wrong."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from careertui.domain.models import Win
from careertui.store.backups import backup_dir
from careertui.store.database import DATA_FILE
from careertui.store.repository import Repository

CAREERTUI = Path(sys.executable).with_name("careertui")
TIMEOUT = 30  # a command that blocks on a pipe never finishes; a refusal takes a second


def careertui(data_dir: Path, *argv: str, env: dict[str, str] | None = None):
    return subprocess.run(
        [str(CAREERTUI), "--data-dir", str(data_dir), *argv],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        env={**os.environ, **(env or {})},
        timeout=TIMEOUT,
    )


def files(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in folder.rglob("*")
        if p.is_file() and not p.is_symlink()
    }


@pytest.fixture
def store(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Repository:
    """Two days of wins: a daily backup and the versions of each save."""
    repo = Repository.at(data_dir)
    monkeypatch.setenv("CAREERTUI_TODAY", "2026-11-22")
    repo.wins.add(Win(title="saturday", date="2026-11-22"))
    monkeypatch.setenv("CAREERTUI_TODAY", "2026-11-23")
    repo.wins.add(Win(title="sunday", date="2026-11-23"))
    return repo


def one_error_line(proc: subprocess.CompletedProcess, *words: str) -> None:
    assert proc.returncode == 2, (proc.stdout, proc.stderr)
    assert proc.stderr.startswith("error: ") and proc.stderr.count("\n") == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    for word in words:
        assert word in proc.stderr, proc.stderr


# -- item 3: a symlinked data file -----------------------------------------------------------------
def test_restore_never_writes_through_a_symlink_into_another_file(store, data_dir, tmp_path):
    """Before: win refused, then doctor --restore replaced the link's target with a backup."""
    other = tmp_path / "notes.txt"
    other.write_bytes(b"my own notes, not a careertui store\n")
    store.store.path.unlink()
    store.store.path.symlink_to(other)

    one_error_line(careertui(data_dir, "win", "one more"), "cannot read the data file")
    proc = careertui(data_dir, "doctor", "--restore", "--yes")
    assert proc.returncode == 0, proc.stderr
    assert f"a symbolic link to {other}" in proc.stdout
    assert "that file is left as it is" in proc.stdout
    assert other.read_bytes() == b"my own notes, not a careertui store\n"
    assert not store.store.path.is_symlink()
    assert {w.title for w in store.wins.list()} == {"saturday", "sunday"}
    assert not list(data_dir.glob(f"{DATA_FILE}.damaged-*"))  # the target itself stays


def test_a_backup_named_by_a_dangling_symlink_is_never_written_through(
    store, data_dir, tmp_path, monkeypatch
):
    """Before: today's backup was written through a dangling link, creating a file elsewhere."""
    outside = tmp_path / "elsewhere" / "planted.json"
    outside.parent.mkdir()
    (backup_dir(data_dir) / "daily-2026-11-24.json").symlink_to(outside)
    proc = careertui(data_dir, "win", "monday", env={"CAREERTUI_TODAY": "2026-11-24"})
    one_error_line(proc, "symbolic link", "Nothing was changed")
    assert not outside.exists()
    assert "monday" not in {w.title for w in store.wins.list()}


def test_a_dangling_symlink_or_a_folder_among_the_backups_is_ignored(store, data_dir, tmp_path):
    """Before: a traceback from listing the backups (the link) or reading one (the folder)."""
    folder = backup_dir(data_dir)
    (folder / "daily-2026-01-01.json").symlink_to(tmp_path / "gone.json")
    (folder / "daily-2026-01-02.json").mkdir()
    for argv in (["doctor"], ["win", "still fine"], ["wins"]):
        proc = careertui(data_dir, *argv)
        assert proc.returncode == 0, (argv, proc.stderr)
        assert "Traceback" not in proc.stderr
    proc = careertui(data_dir, "doctor")
    assert "ignored daily-2026-01-01.json: it is a symbolic link" in proc.stdout
    assert "ignored daily-2026-01-02.json: it is a directory" in proc.stdout
    proc = careertui(data_dir, "encrypt", env={"CAREERTUI_PASSPHRASE": "a long passphrase"})
    assert proc.returncode == 0, proc.stderr
    assert (folder / "daily-2026-01-01.json").is_symlink()
    assert not (tmp_path / "gone.json").exists()


def test_backups_being_a_file_is_one_clear_line(store, data_dir) -> None:
    folder = backup_dir(data_dir)
    for path in folder.iterdir():
        path.unlink()
    folder.rmdir()
    folder.write_bytes(b"not a folder")
    before = files(data_dir)
    proc = careertui(data_dir, "win", "monday", env={"CAREERTUI_TODAY": "2026-11-24"})
    one_error_line(proc, "backups", "not a directory")
    assert files(data_dir) == before
    proc = careertui(data_dir, "doctor")
    assert proc.returncode == 0 and "is not a directory" in proc.stdout


# -- item 11: named pipes ------------------------------------------------------------------------
@pytest.mark.parametrize(
    "argv",
    [
        ["win", "x"],
        ["wins"],
        ["doctor"],
        ["doctor", "--restore", "--yes"],
        ["export", "json"],
        ["encrypt"],
        ["decrypt"],
    ],
)
def test_a_fifo_in_place_of_the_data_file_hangs_nothing(store, data_dir, argv) -> None:
    """Before: every command blocked opening the pipe (and a blocked win held the lock)."""
    store.store.path.unlink()
    os.mkfifo(store.store.path)
    proc = careertui(data_dir, *argv, env={"CAREERTUI_PASSPHRASE": "a long passphrase"})
    one_error_line(proc, "named pipe")
    assert Path(store.store.path).is_fifo()


def test_a_fifo_among_the_backups_or_as_the_digest_hangs_nothing(store, data_dir) -> None:
    os.mkfifo(backup_dir(data_dir) / "daily-2026-01-01.json")
    checked = data_dir / f"{DATA_FILE}.checked"
    checked.unlink()
    os.mkfifo(checked)
    proc = careertui(data_dir, "win", "past the pipes")
    assert proc.returncode == 0, proc.stderr
    proc = careertui(data_dir, "doctor")
    assert proc.returncode == 0 and "ignored daily-2026-01-01.json: it is a named pipe" in (
        proc.stdout
    )
    store.store.path.write_bytes(b"{damaged")
    proc = careertui(data_dir, "doctor", "--restore", "--yes")
    assert proc.returncode == 0, proc.stderr
    assert "past the pipes" in {w.title for w in store.wins.list()}
    proc = careertui(data_dir, "encrypt", env={"CAREERTUI_PASSPHRASE": "a long passphrase"})
    assert proc.returncode == 0, proc.stderr


# -- item 13: other programs' temporary files ----------------------------------------------------
def test_other_programs_temporary_files_are_left_alone(store, data_dir) -> None:
    """Before: any ``.<name>.<8 characters>.tmp`` in the directory was deleted."""
    theirs = [
        data_dir / ".syncthing.notes.md.abcd1234.tmp",
        data_dir / ".~lock.report.docx.abcdefgh.tmp",
        data_dir / ".careertui.json.abcdefgh.tmp",  # no careertui mark: maybe a sync tool's
        backup_dir(data_dir) / ".photo.jpg.12345678.tmp",
    ]
    ours = [
        data_dir / ".careertui.json.ctui-a1b2c3d4.tmp",
        backup_dir(data_dir) / ".version-2026-11-23T101010000000.json.ctui-zzzzzzzz.tmp",
    ]
    for path in theirs + ours:
        path.write_bytes(b"half a file")
    assert careertui(data_dir, "win", "a save sweeps").returncode == 0
    assert all(p.exists() for p in theirs)
    assert not any(p.exists() for p in ours)
