"""fsync fails, ``os.replace`` fails, the disk is full: the user gets one clear line, the data
file is byte-identical and no temporary file is left behind."""

from __future__ import annotations

import errno
import io
import os
import resource
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from careertui.cli import main
from careertui.domain.models import Win
from careertui.store.database import DATA_FILE
from careertui.store.repository import Repository

CAREERTUI = Path(sys.executable).with_name("careertui")


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.fixture
def stored(data_dir: Path) -> dict[str, bytes]:
    """A store with a few wins and today's backup already taken; its files' bytes."""
    repo = Repository.at(data_dir)
    repo.wins.add(Win(title="first"))
    repo.wins.add(Win(title="second"))
    assert (data_dir / "backups").is_dir()
    return _files(data_dir)


def _win(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> str:
    code = main(["--data-dir", str(data_dir), "win", "Shipped the thing"])
    out, err = capsys.readouterr()
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("error: ")
    assert "Traceback" not in err
    return err


def _fail_with(code: int):
    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(code, os.strerror(code))

    return fail


def test_fsync_failure(data_dir, stored, monkeypatch, capsys) -> None:
    monkeypatch.setattr(os, "fsync", _fail_with(errno.EIO))
    err = _win(data_dir, capsys)
    assert f"{data_dir / DATA_FILE}: could not be saved (Input/output error)" in err
    assert "nothing was changed" in err
    assert _files(data_dir) == stored


def test_replace_failure(data_dir, stored, monkeypatch, capsys) -> None:
    monkeypatch.setattr(os, "replace", _fail_with(errno.EACCES))
    err = _win(data_dir, capsys)
    assert "could not be saved (Permission denied); nothing was changed" in err
    assert _files(data_dir) == stored


class _FullDisk(io.FileIO):
    def write(self, data: object) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def test_disk_full(data_dir, stored, monkeypatch, capsys) -> None:
    monkeypatch.setattr(os, "fdopen", lambda fd, mode="r", *a, **k: _FullDisk(fd, "wb"))
    err = _win(data_dir, capsys)
    assert "could not be saved (the disk is full); nothing was changed" in err
    assert _files(data_dir) == stored


def test_failure_while_taking_the_days_first_backup(data_dir, monkeypatch, capsys) -> None:
    """The backup is written before the data file; if it fails, neither changes."""
    Repository.at(data_dir).wins.add(Win(title="only"))  # no daily backup yet: nothing before
    before = _files(data_dir)
    assert not list((data_dir / "backups").glob("daily-*"))
    monkeypatch.setattr(os, "fsync", _fail_with(errno.EIO))
    err = _win(data_dir, capsys)
    assert "backups" in err and "could not be saved" in err
    after = _files(data_dir)
    assert after == before


def test_file_size_limit_in_a_real_process(data_dir, stored) -> None:
    """RLIMIT_FSIZE just above the current file: the new, larger file cannot be written."""
    limit = len(stored[DATA_FILE]) + 16

    def small_disk() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    proc = subprocess.run(
        [str(CAREERTUI), "--data-dir", str(data_dir), "win", "A" * 200, "--body", "B" * 500],
        capture_output=True,
        text=True,
        preexec_fn=small_disk,
        timeout=60,
    )
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert proc.stderr == (
        f"error: {data_dir / DATA_FILE}: could not be saved (the file is larger than this "
        "system allows (file size limit reached)); nothing was changed\n"
    )
    assert _files(data_dir) == stored
