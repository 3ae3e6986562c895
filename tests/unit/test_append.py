"""The lean append's lock and names agree with the Store's: it contends with filelock on the same
lock file, both ways, and gives up with the Store's message."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import filelock
import pytest

from careertui.domain.models import Win
from careertui.store import lean as lean_store
from careertui.store.database import Store
from careertui.store.errors import StoreBusy
from careertui.store.files import ensure_private_dir
from careertui.store.repository import Repository


def test_the_lean_path_uses_the_stores_files_and_digest(data_dir: Path) -> None:
    repo = Repository.at(data_dir)
    store = repo.store
    assert data_dir / lean_store.DATA_FILE == store.path
    assert data_dir / f"{lean_store.DATA_FILE}.lock" == store.lock_path
    assert data_dir / f"{lean_store.DATA_FILE}.checked" == store.checked_path
    repo.wins.add(Win(title="Checked by the store"))
    # what the Store wrote beside the file is what the lean path will compare against
    state = lean_store.checked_state(data_dir)
    assert state == (lean_store.digest(store.path.read_bytes()), True)


HOLDER = textwrap.dedent(
    """
    import os, sys, time, filelock
    lock = filelock.FileLock(sys.argv[1], mode=0o600)
    lock.acquire()
    marker = sys.argv[1] + ".held"
    open(marker, "w").close()
    print("held", flush=True)
    time.sleep(float(sys.argv[2]))
    os.unlink(marker)
    lock.release()
    """
)


def hold_with_filelock(lock_path: Path, seconds: float) -> subprocess.Popen:
    """Another process holding the Store's lock through filelock, as the app or a full-path
    command would; returns once the lock is held. ``<lock>.held`` exists while it is."""
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(lock_path), str(seconds)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
    return proc


def test_a_filelock_holder_keeps_the_lean_lock_waiting_then_busy(data_dir: Path) -> None:
    ensure_private_dir(data_dir)
    store = Store(data_dir, lock_timeout=0.3)
    holder = hold_with_filelock(store.lock_path, 30)
    try:
        with pytest.raises(StoreBusy) as lean, lean_store.store_lock(data_dir, timeout=0.3):
            pass
        with pytest.raises(StoreBusy) as full, store._lock():
            pass
        assert str(lean.value) == str(full.value)
        assert "held the lock for more than 0.3 seconds" in str(lean.value)
    finally:
        holder.kill()
        holder.wait()


def test_the_lean_lock_is_taken_once_the_holder_lets_go(data_dir: Path) -> None:
    ensure_private_dir(data_dir)
    lock_path = data_dir / f"{lean_store.DATA_FILE}.lock"
    holder = hold_with_filelock(lock_path, 0.5)
    try:
        assert lock_path.with_name(lock_path.name + ".held").exists()
        with lean_store.store_lock(data_dir, timeout=20):
            assert not lock_path.with_name(lock_path.name + ".held").exists()  # it let go first
    finally:
        holder.kill()
        holder.wait()


LEAN_HOLDER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from careertui.store.lean import store_lock
    with store_lock(Path(sys.argv[1])):
        print("held", flush=True)
        time.sleep(30)
    """
)


def test_filelock_waits_for_the_lean_lock(data_dir: Path) -> None:
    ensure_private_dir(data_dir)
    proc = subprocess.Popen(
        [sys.executable, "-c", LEAN_HOLDER, str(data_dir)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
        with pytest.raises(filelock.Timeout):
            filelock.FileLock(data_dir / f"{lean_store.DATA_FILE}.lock", timeout=0.3).acquire()
    finally:
        proc.kill()
        proc.wait()
    lock = filelock.FileLock(data_dir / f"{lean_store.DATA_FILE}.lock", timeout=5)
    lock.acquire()  # a killed holder's flock goes with it
    lock.release()
    assert (data_dir / f"{lean_store.DATA_FILE}.lock").stat().st_mode & 0o777 == 0o600


def test_the_writers_temporary_files_are_private_and_found_by_the_stale_sweep(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """write_atomic makes its own temporary names (no tempfile import); a writer killed before
    the replace leaves one that remove_stale_temps recognises and removes."""
    from careertui.store import files

    target = tmp_path / "careertui.json"
    seen: list[str] = []

    def killed(src: str, dst: object) -> None:
        seen.append(src)
        raise KeyboardInterrupt  # not an OSError: the temporary file is cleaned up anyway

    monkeypatch.setattr(files.os, "replace", killed)
    with pytest.raises(KeyboardInterrupt):
        files.write_atomic(target, b"{}")
    monkeypatch.undo()
    name = Path(seen[0]).name
    assert name.startswith(".careertui.json.ctui-") and name.endswith(".tmp") and len(name) == 33
    assert not Path(seen[0]).exists() and not target.exists()
    left = Path(seen[0])
    left.write_bytes(b"half")  # as if the process had died before cleaning up
    assert files.remove_stale_temps(target) == [left]
    files.write_atomic(target, b"{}")
    assert target.read_bytes() == b"{}" and target.stat().st_mode & 0o777 == 0o600
