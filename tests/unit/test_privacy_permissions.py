"""Every file careertui creates is private: data, lock, backups (daily, before a migration,
damaged copies kept aside), exports, encrypted conversions (0600), and every directory it makes
(0700), even under a permissive umask."""

from __future__ import annotations

import os
import shutil
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from careertui.cli import main
from careertui.store.database import DATA_FILE

V1_STORE = Path(__file__).parent / "data" / "store_v1.json"


@pytest.fixture
def open_umask() -> Iterator[None]:
    previous = os.umask(0)
    try:
        yield
    finally:
        os.umask(previous)


def _cli(capsys, data_dir: Path, *argv: str) -> None:
    code = main(["--data-dir", str(data_dir), *argv])
    _, err = capsys.readouterr()
    assert code == 0, err


def _modes(folder: Path) -> dict[str, int]:
    found = {str(folder): stat.S_IMODE(folder.stat().st_mode)}
    for path in folder.rglob("*"):
        found[str(path.relative_to(folder))] = stat.S_IMODE(path.lstat().st_mode)
    return found


def test_everything_created_is_private(tmp_path, monkeypatch, capsys, open_umask) -> None:
    data = tmp_path / "home" / "careertui-data"
    monkeypatch.setenv("CAREERTUI_TODAY", "2026-11-21")
    _cli(capsys, data, "win", "First")
    monkeypatch.setenv("CAREERTUI_TODAY", "2026-11-22")
    _cli(capsys, data, "win", "Second")  # the day's backup
    _cli(capsys, data, "export", "brag", "--out", str(data.parent / "brag.md"))
    _cli(capsys, data, "export", "case", "--out", str(data.parent / "case.md"))
    _cli(capsys, data, "export", "json", "--out", str(data.parent / "export.json"))
    _cli(capsys, data, "import", "json", str(data.parent / "export.json"))

    # A backup before a migration, in a store written by an older careertui.
    old = tmp_path / "old"
    old.mkdir(mode=0o700)
    shutil.copy(V1_STORE, old / DATA_FILE)
    os.chmod(old / DATA_FILE, 0o600)
    _cli(capsys, old, "win", "After the upgrade")

    # A damaged file kept aside by a restore; then the whole store encrypted.
    (data / DATA_FILE).write_bytes(b"{damaged")
    _cli(capsys, data, "doctor", "--restore", "--yes")
    monkeypatch.setenv("CAREERTUI_PASSPHRASE", "a private passphrase")
    _cli(capsys, data, "encrypt")
    monkeypatch.setenv("CAREERTUI_TODAY", "2026-11-23")
    _cli(capsys, data, "win", "Third")

    modes = _modes(data)
    names = set(modes)
    assert {
        DATA_FILE,
        f"{DATA_FILE}.lock",
        "backups",
        "backups/daily-2026-11-22.json",
        "backups/daily-2026-11-23.json",
    } <= names
    assert any(name.startswith(f"{DATA_FILE}.damaged-") for name in names)
    old_modes = _modes(old)
    assert any(name.startswith("backups/pre-migration-v1") for name in old_modes)
    for folder in (data, old):
        for name, mode in _modes(folder).items():
            kind = "directory" if Path(folder / name).is_dir() else "file"
            expected = 0o700 if kind == "directory" else 0o600
            assert mode == expected, f"{kind} {name} is {oct(mode)}"
    for export in ("brag.md", "case.md", "export.json"):
        assert stat.S_IMODE((data.parent / export).stat().st_mode) == 0o600, export


def test_the_demo_directory_is_private(tmp_path, monkeypatch, capsys, open_umask) -> None:
    target = tmp_path / "demo"
    _cli(capsys, target, "demo", "--no-open")
    for name, mode in _modes(target).items():
        path = target / name if name != str(target) else target
        assert mode == (0o700 if path.is_dir() else 0o600), f"{name} is {oct(mode)}"


def test_the_editor_file_is_private(tmp_path, monkeypatch, capsys, open_umask) -> None:
    log = tmp_path / "modes"
    editor = tmp_path / "editor"
    editor.write_text(f'#!/bin/sh\nstat -c %a "$1" > "{log}"\necho "Wrote it" > "$1"\n')
    editor.chmod(0o700)
    monkeypatch.setenv("EDITOR", str(editor))
    monkeypatch.delenv("VISUAL", raising=False)
    _cli(capsys, tmp_path / "data", "win", "--edit")
    assert log.read_text().strip() == "600"
