"""Interrupted conversions and interruptions after a save (issue 15, items 7 and 8): every
message about the outcome is true (what was done, what was not, how to finish), ``encrypt``
and ``decrypt`` finish a conversion a Ctrl-C or a full disk stopped, and ``doctor`` reports a
half-converted data directory."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from careertui.cli import main
from careertui.domain.models import Win
from careertui.store import encryption
from careertui.store import lean as lean_store
from careertui.store.backups import backup_dir
from careertui.store.crypto import MAGIC
from careertui.store.database import DATA_FILE
from careertui.store.errors import WriteFailed
from careertui.store.repository import Repository

PASSPHRASE = "a long and private passphrase"
CAREERTUI = Path(sys.executable).with_name("careertui")


def run(capsys, data_dir: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data_dir), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def encrypted(path: Path) -> bool:
    return path.read_bytes().startswith(MAGIC)


def copies(data_dir: Path) -> list[Path]:
    return sorted(p for p in backup_dir(data_dir).iterdir() if p.is_file())


@pytest.fixture
def history(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A week of wins: daily backups and versions, copies to convert."""
    repo = Repository.at(data_dir)
    for day in range(17, 24):
        monkeypatch.setenv("CAREERTUI_TODAY", f"2026-11-{day}")
        repo.wins.add(Win(title=f"win of the {day}th", date=f"2026-11-{day}"))
    monkeypatch.setenv("CAREERTUI_PASSPHRASE", PASSPHRASE)
    assert len(copies(data_dir)) >= 6
    return data_dir


def _stop_at_the_third_copy(monkeypatch, failure: BaseException) -> None:
    real = encryption.write_atomic
    seen: list[Path] = []

    def write(path, payload, **kw):
        if Path(path).parent.name == "backups":
            seen.append(Path(path))
            if len(seen) == 3:
                raise failure
        return real(path, payload, **kw)

    monkeypatch.setattr(encryption, "write_atomic", write)


def test_a_full_disk_half_way_through_encrypt_says_what_is_done(history, monkeypatch, capsys):
    """Before: "nothing was changed", with the data file already encrypted."""
    _stop_at_the_third_copy(monkeypatch, WriteFailed(Path("/x/backups/b.json"), "the disk is full"))
    code, out, err = run(capsys, history, "encrypt")
    assert code == 2 and err.count("\n") == 1
    total = len(copies(history))
    assert "nothing was changed" not in err
    assert "could not be written (the disk is full)" in err
    still = f"the data file is encrypted; {total - 2} of {total} backup(s) and copies are still"
    assert f"{still} plain" in err
    assert "Run 'careertui encrypt' again to finish" in err
    assert encrypted(history / DATA_FILE)
    assert sum(encrypted(p) for p in copies(history)) == 2

    code, out, err = run(capsys, history, "doctor")
    assert "unfinished: the data file is encrypted but" in out and "careertui encrypt" in out

    monkeypatch.undo()
    monkeypatch.setenv("CAREERTUI_PASSPHRASE", PASSPHRASE)
    code, out, err = run(capsys, history, "encrypt")
    assert code == 0, err
    assert f"finished the conversion: encrypted {total - 2} backup(s)" in out
    assert all(encrypted(p) for p in copies(history))
    assert "unfinished" not in run(capsys, history, "doctor")[1]


def test_an_interrupted_decrypt_is_finished_by_decrypt(history, monkeypatch, capsys) -> None:
    """Before: once the data file was plain, decrypt said "nothing to do" and the backups
    stayed encrypted for good."""
    assert run(capsys, history, "encrypt")[0] == 0
    _stop_at_the_third_copy(monkeypatch, KeyboardInterrupt())
    code, out, err = run(capsys, history, "decrypt")
    assert code == 130
    total = len(copies(history))
    assert err == (
        f"error: interrupted; the data file is decrypted; {total - 2} of {total} backup(s) and "
        "copies are still encrypted. Run 'careertui decrypt' again to finish\n"
    )
    assert not encrypted(history / DATA_FILE)
    assert sum(not encrypted(p) for p in copies(history)) == 2

    code, out, err = run(capsys, history, "doctor")
    assert "unfinished: the data file is plain but" in out and "careertui decrypt" in out

    monkeypatch.undo()
    monkeypatch.setenv("CAREERTUI_PASSPHRASE", PASSPHRASE)
    code, out, err = run(capsys, history, "decrypt")
    assert code == 0, err
    assert f"decrypted {total - 2} backup(s)" in out
    assert not any(encrypted(p) for p in copies(history))
    code, out, err = run(capsys, history, "decrypt")
    assert (code, err) == (2, f"error: {history / DATA_FILE} is not encrypted; nothing to do\n")


def test_ctrl_c_after_the_win_landed_says_it_was_saved(history, monkeypatch, capsys) -> None:
    """Before: "interrupted; nothing was saved", with the win in the file."""
    real = lean_store.remember_checked

    def then_ctrl_c(*args, **kwargs):
        real(*args, **kwargs)
        raise KeyboardInterrupt

    monkeypatch.setattr(lean_store, "remember_checked", then_ctrl_c)
    code, out, err = run(capsys, history, "win", "landed")
    assert code == 130
    assert "nothing was saved" not in err
    assert err == (
        f"error: interrupted; the change was saved before the interruption "
        f"({history / DATA_FILE})\n"
    )
    monkeypatch.undo()
    assert "landed" in {w.title for w in Repository.at(history).wins.list()}


def test_ctrl_c_before_anything_was_written_says_so(history, monkeypatch, capsys) -> None:
    before = (history / DATA_FILE).read_bytes()

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(lean_store, "encode", interrupted)
    code, out, err = run(capsys, history, "win", "never written")
    assert (code, err) == (130, "error: interrupted; nothing was saved\n")
    assert (history / DATA_FILE).read_bytes() == before


def test_real_ctrl_cs_during_encrypt_are_reported_truthfully(history) -> None:
    """SIGINT at moments spread over the whole of ``encrypt``: each message matches the files
    (before: 24 of 24 said nothing changed with the data file encrypted). ``encrypt`` run
    again always finishes the conversion."""
    env = {**os.environ, "CAREERTUI_PASSPHRASE": PASSPHRASE}
    for delay in (0.3, 0.6, 0.9, 1.2):
        proc = subprocess.Popen(
            [str(CAREERTUI), "--data-dir", str(history), "encrypt"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            text=True,
            env=env,
        )
        time.sleep(delay)
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=60)
        data_encrypted = encrypted(history / DATA_FILE)
        plain_copies = [p for p in copies(history) if not encrypted(p)]
        if "error: interrupted" not in err and proc.returncode != 0:
            # Stopped while Python itself was starting, before careertui ran: nothing to say.
            assert not data_encrypted and "careertui/" not in err, err
        elif proc.returncode == 130:
            assert "Traceback" not in err
            if "nothing was saved" in err:
                assert not data_encrypted, err
            else:
                assert data_encrypted, err
                if plain_copies:
                    assert f"{len(plain_copies)} of" in err and "again to finish" in err, err
        else:
            assert proc.returncode == 0, err
        # Whatever happened, encrypt again finishes, then decrypt undoes all, for the next try.
        again = subprocess.run(
            [str(CAREERTUI), "--data-dir", str(history), "encrypt"],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
        )
        assert again.returncode == 0, again.stderr
        assert encrypted(history / DATA_FILE) and all(encrypted(p) for p in copies(history))
        back = subprocess.run(
            [str(CAREERTUI), "--data-dir", str(history), "decrypt"],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
        )
        assert back.returncode == 0, back.stderr
