"""One ``error:`` line instead of a traceback, and the user's own settings respected (issue 15,
items 10 and 14): a read-only file system, a place no store can be made, a lock or digest file
that is a folder, a passphrase that is not text or only spaces, a damaged encryption header, a
store of a newer careertui, a data directory the user made read-only, parents under umask 000,
and a run as root over another user's data."""

from __future__ import annotations

import base64
import os
import shutil
import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from careertui.cli import main
from careertui.domain.models import Win
from careertui.store import schema
from careertui.store.crypto import MAGIC
from careertui.store.database import DATA_FILE
from careertui.store.repository import Repository

CAREERTUI = Path(sys.executable).with_name("careertui")
PASSPHRASE = "a long and private passphrase"


def run(capsys, data_dir: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data_dir), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def one_error_line(code: int, err: str, *words: str) -> None:
    assert code == 2, err
    assert err.startswith("error: ") and err.count("\n") == 1, err
    for word in words:
        assert word in err, err


def files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.fixture
def store(data_dir: Path) -> Repository:
    repo = Repository.at(data_dir)
    repo.wins.add(Win(title="first"))
    return repo


# -- item 10: tracebacks -------------------------------------------------------------------------
def test_a_read_only_file_system_is_one_line(store, data_dir) -> None:
    if not shutil.which("unshare"):
        pytest.skip("needs unshare to mount a read-only file system")
    script = (
        f"mount --bind '{data_dir}' '{data_dir}' && mount -o remount,bind,ro '{data_dir}' && "
        f"'{CAREERTUI}' --data-dir '{data_dir}' win second; echo \"rc=$?\"; "
        f"'{CAREERTUI}' --data-dir '{data_dir}' wins; echo \"rc=$?\"; "
        f"'{CAREERTUI}' --data-dir '{data_dir}/new' win third; echo \"rc=$?\""
    )
    proc = subprocess.run(
        ["unshare", "--mount", "--map-root-user", "sh", "-c", script],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "CAREERTUI_TODAY": "2030-01-01"},
    )
    if "rc=" not in proc.stdout:
        pytest.skip(f"no mount namespace here: {proc.stderr.strip()}")
    assert proc.stdout.count("rc=2") == 2 and "rc=0" in proc.stdout  # wins read, no win
    assert "first" in proc.stdout
    first, second = proc.stderr.splitlines()
    assert first.startswith("error: ") and "read-only file system" in first
    assert second.startswith("error: ")
    assert "could not be created (the file system is read-only)" in second
    assert "Traceback" not in proc.stderr


def test_a_lock_file_that_is_a_folder_is_one_line(store, data_dir, capsys) -> None:
    store.store.lock_path.unlink(missing_ok=True)
    store.store.lock_path.mkdir()
    before = files(data_dir)
    code, out, err = run(capsys, data_dir, "win", "locked out")
    one_error_line(code, err, "lock file", "directory", "Nothing was changed")
    assert files(data_dir) == before


def test_a_digest_file_that_is_a_folder_does_not_hide_a_saved_win(store, data_dir, capsys):
    """Before: the win was saved, then a traceback (exit 1) said otherwise."""
    checked = data_dir / f"{DATA_FILE}.checked"
    checked.unlink()
    checked.mkdir()
    (checked / "inside").write_bytes(b"")
    code, out, err = run(capsys, data_dir, "win", "saved all the same")
    assert (code, err) == (0, ""), err
    assert out.startswith("saved win ")
    assert "saved all the same" in {w.title for w in store.wins.list()}


def test_a_passphrase_that_is_not_text_is_one_line(store, data_dir) -> None:
    bad = "caf\udce9 au lait, in Latin-1"  # the byte 0xe9 alone is not UTF-8
    for argv in (["encrypt"], ["wins"]):
        proc = subprocess.run(
            [str(CAREERTUI), "--data-dir", str(data_dir), *argv],
            capture_output=True,
            text=True,
            env={**os.environ, "CAREERTUI_PASSPHRASE": bad},
            timeout=60,
        )
        if argv == ["encrypt"]:
            one_error_line(proc.returncode, proc.stderr, "not valid text")
            assert not (data_dir / DATA_FILE).read_bytes().startswith(MAGIC)
            subprocess.run(
                [str(CAREERTUI), "--data-dir", str(data_dir), "encrypt"],
                env={**os.environ, "CAREERTUI_PASSPHRASE": PASSPHRASE},
                check=True,
                capture_output=True,
                timeout=60,
            )
        else:
            one_error_line(proc.returncode, proc.stderr, "not valid text")


# -- item 14: the user's settings, and the user's files ---------------------------------------
def test_a_data_directory_made_read_only_stays_so(store, data_dir, capsys) -> None:
    """Before: a 0500 data directory was silently made 0700 again."""
    data_dir.chmod(0o500)
    try:
        code, out, err = run(capsys, data_dir, "win", "with the folder read-only")
        assert (data_dir.stat().st_mode & 0o777) == 0o500
        if os.geteuid() != 0:  # root writes anyway; anyone else is told, nothing written
            one_error_line(code, err, "cannot write in this directory", "0500")
    finally:
        data_dir.chmod(0o700)


def test_group_and_other_bits_are_still_taken_off(store, data_dir, capsys) -> None:
    data_dir.chmod(0o755)
    assert run(capsys, data_dir, "win", "tightened")[0] == 0
    assert (data_dir.stat().st_mode & 0o777) == 0o700


def test_missing_parents_are_made_private_whatever_the_umask(tmp_path) -> None:
    """Before: under umask 000 the parents were made 0777 (only the last folder 0700)."""
    target = tmp_path / "a" / "b" / "careertui"
    proc = subprocess.run(
        [str(CAREERTUI), "--data-dir", str(target), "win", "deep"],
        capture_output=True,
        text=True,
        preexec_fn=lambda: os.umask(0),
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    for folder in (tmp_path / "a", tmp_path / "a" / "b", target):
        assert (folder.stat().st_mode & 0o777) == 0o700, folder


def test_encrypt_refuses_a_store_of_a_newer_careertui(store, data_dir, capsys, monkeypatch):
    """Before: the read-only store (newer schema) was rewritten, encrypted."""
    tables = orjson.loads(store.store.path.read_bytes())
    tables["_meta"]["schema"]["version"] = schema.CURRENT_VERSION + 1
    store.store.path.write_bytes(orjson.dumps(tables))
    before = files(data_dir)
    monkeypatch.setenv("CAREERTUI_PASSPHRASE", PASSPHRASE)
    code, out, err = run(capsys, data_dir, "encrypt")
    one_error_line(code, err, "newer careertui", "read-only")
    assert files(data_dir) == before


@pytest.mark.parametrize("spaces", [" " * 12, "\t \u3000 " * 4])
def test_a_passphrase_of_only_spaces_is_refused(store, data_dir, capsys, monkeypatch, spaces):
    monkeypatch.setenv("CAREERTUI_PASSPHRASE", spaces)
    before = files(data_dir)
    code, out, err = run(capsys, data_dir, "encrypt")
    one_error_line(code, err, "only spaces")
    assert files(data_dir) == before


def test_a_changed_byte_in_the_salt_is_damage_not_a_wrong_passphrase(store, data_dir, capsys):
    os.environ["CAREERTUI_PASSPHRASE"] = PASSPHRASE
    try:
        assert run(capsys, data_dir, "encrypt")[0] == 0
        raw = store.store.path.read_bytes()
        header = orjson.loads(raw[len(MAGIC) : raw.index(b"\n", len(MAGIC))])
        salt = base64.b64decode(header["salt"])
        other = base64.b64encode(bytes([salt[0] ^ 1]) + salt[1:])
        store.store.path.write_bytes(raw.replace(header["salt"].encode(), other, 1))
        code, out, err = run(capsys, data_dir, "wins")
        one_error_line(code, err, "header is damaged")
        assert "passphrase is wrong" not in err
    finally:
        del os.environ["CAREERTUI_PASSPHRASE"]


def test_root_will_not_write_a_store_another_user_owns(store, data_dir, capsys, monkeypatch):
    """``sudo careertui win …`` keeping HOME: before, the user's store became root's."""
    if os.geteuid() == 0:
        os.chown(data_dir, 65534, 65534)
    else:
        monkeypatch.setattr(os, "geteuid", lambda: 0)
    before = files(data_dir)
    code, out, err = run(capsys, data_dir, "win", "as root")
    one_error_line(code, err, "running as root", "belongs to another user", "without sudo")
    assert files(data_dir) == before
    if os.geteuid() == 0:
        os.chown(data_dir, 0, 0)
