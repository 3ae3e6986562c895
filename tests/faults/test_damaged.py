"""Damaged data files (truncated, trailing garbage, flipped bits, empty, the wrong shape), plain
and encrypted: never written over, and ``careertui doctor --restore`` brings back the newest
backup that loads (skipping a newer backup that is damaged too): the version the last save
left, so nothing saved is lost."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from careertui.actions.wins import log_win
from careertui.cli import main
from careertui.domain.models import Win
from careertui.store.backups import backup_dir
from careertui.store.database import DATA_FILE
from careertui.store.repository import Repository

PASSPHRASE = "a long and private passphrase"
DAYS = ["2026-11-20", "2026-11-21", "2026-11-22", "2026-11-23"]


def _flip(raw: bytes, at: int, bits: int) -> bytes:
    return raw[:at] + bytes([raw[at] ^ bits]) + raw[at + 1 :]


def _flip_date(raw: bytes) -> bytes:
    at = raw.index(b'"date":"2026-11-') + len(b'"date":"2026-')
    return _flip(raw, at, 0x08)  # month 11 -> 91: still JSON, no longer a date


PLAIN_DAMAGE: dict[str, Callable[[bytes], bytes]] = {
    "truncated": lambda raw: raw[: len(raw) // 2],
    "trailing garbage": lambda raw: raw + b'\n{"wins": {}}\x00garbage',
    "flipped bit in the structure": lambda raw: _flip(raw, raw.rindex(b"}"), 0x02),
    "flipped bit in a date": _flip_date,
    "empty": lambda raw: b"",
    "wrong shape": lambda raw: b'{"wins": ["' + raw[:40].replace(b'"', b"'") + b'"]}',
}

ENCRYPTED_DAMAGE: dict[str, Callable[[bytes], bytes]] = {
    "truncated": lambda raw: raw[: len(raw) - 40],
    "trailing garbage": lambda raw: raw + b"garbage",
    "flipped bit in the ciphertext": lambda raw: _flip(raw, len(raw) - 100, 0x01),
    "flipped bit in the header": lambda raw: _flip(raw, raw.index(b'"n":') + 4, 0x01),
    "empty": lambda raw: b"",
}


def _run(capsys: pytest.CaptureFixture[str], data_dir: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data_dir), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def _history(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, bytes]:
    """A win a day for four days; returns each day's backup bytes by day."""
    repo = Repository.at(data_dir)
    for number, day in enumerate(DAYS):
        monkeypatch.setenv("CAREERTUI_TODAY", day)
        log_win(repo, Win(title=f"win {number}", date=day))
    folder = backup_dir(data_dir)
    return {day: (folder / f"daily-{day}.json").read_bytes() for day in DAYS[1:]}


def _check_refused_then_restored(
    data_dir: Path, damage: Callable[[bytes], bytes], capsys: pytest.CaptureFixture[str]
) -> None:
    path = data_dir / DATA_FILE
    folder = backup_dir(data_dir)
    newest = folder / f"daily-{DAYS[-1]}.json"
    broken = damage(path.read_bytes())
    path.write_bytes(broken)
    newest.write_bytes(damage(newest.read_bytes()))  # the newest backup is damaged too
    os.utime(newest, (4e9, 4e9))
    # The newest backup that loads: the version the last save left (nothing saved is lost).
    last_version = sorted(folder.glob("version-*.json"))[-1]
    usable = last_version.read_bytes()

    for argv in (["win", "one more"], ["wins"], [], ["doctor"]):
        code, out, err = _run(capsys, data_dir, *argv)
        assert code == 2, argv
        assert err.count("\n") == 1 and err.startswith("error: "), err
        assert str(path) in err and "Traceback" not in err
        assert path.read_bytes() == broken, f"{argv} wrote over the damaged file"
        assert not [p for p in data_dir.rglob("*") if p.name.endswith(".tmp")]
    assert "DAMAGED" in out  # doctor says so on stdout too

    code, out, err = _run(capsys, data_dir, "doctor", "--restore", "--yes")
    assert code == 0, err
    assert f"restored {path} from {last_version}" in out
    assert path.read_bytes() == usable
    kept = list(data_dir.glob(f"{DATA_FILE}.damaged-*"))
    assert [p.read_bytes() for p in kept] == [broken]
    code, out, err = _run(capsys, data_dir, "wins")
    assert code == 0, err
    assert all(f"win {n}" in out for n in range(len(DAYS)))
    titles = [w.title for w in Repository.at(data_dir).career().wins]
    assert titles == [f"win {n}" for n in reversed(range(len(DAYS)))]


@pytest.mark.parametrize("kind", list(PLAIN_DAMAGE))
def test_a_damaged_file_is_refused_and_restored(data_dir, monkeypatch, capsys, kind) -> None:
    _history(data_dir, monkeypatch)
    _check_refused_then_restored(data_dir, PLAIN_DAMAGE[kind], capsys)


@pytest.mark.parametrize("kind", list(ENCRYPTED_DAMAGE))
def test_a_damaged_encrypted_file_is_refused_and_restored(
    data_dir, monkeypatch, capsys, kind
) -> None:
    _history(data_dir, monkeypatch)
    monkeypatch.setenv("CAREERTUI_PASSPHRASE", PASSPHRASE)
    assert _run(capsys, data_dir, "encrypt")[0] == 0
    for backup in backup_dir(data_dir).iterdir():
        assert backup.read_bytes().startswith(b"careertui-encrypted")
    _check_refused_then_restored(data_dir, ENCRYPTED_DAMAGE[kind], capsys)
    assert (data_dir / DATA_FILE).read_bytes().startswith(b"careertui-encrypted")
