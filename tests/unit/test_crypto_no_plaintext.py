"""Nothing decrypted is ever written to disk: every file any part of careertui opens for writing
while it works on an encrypted store (the CLI, the app, backups, restore) is checked for the
plaintext, including temporary files at the moment they replace their target. ``$EDITOR``'s
temporary file is private and removed after use, whether the editor succeeds or fails."""

from __future__ import annotations

import os
import sys
from argparse import Namespace
from pathlib import Path

import pytest

from careertui.cli import main
from careertui.domain.models import Win
from careertui.store.backups import backup_dir
from careertui.store.database import DATA_FILE
from careertui.store.repository import Repository

PASSPHRASE = "seven pale lanterns"
MARKERS = [b"Quietly", b"Edited in vi", b"typed in the app", b"Before encryption"]


class WriteRecorder:
    """Every path opened for writing, and every temporary file at the moment of its replace."""

    active: WriteRecorder | None = None

    def __init__(self) -> None:
        self.opened: set[str] = set()
        self.replaced: list[tuple[str, bytes]] = []

    @staticmethod
    def hook(event: str, args: tuple) -> None:
        recorder = WriteRecorder.active
        if recorder is None or event != "open":
            return
        path, mode, flags = args
        if isinstance(path, int):
            return
        writing = bool(flags & (os.O_WRONLY | os.O_RDWR)) if isinstance(flags, int) else False
        writing |= isinstance(mode, str) and any(c in mode for c in "wax+")
        if writing:
            recorder.opened.add(os.fsdecode(path))


sys.addaudithook(WriteRecorder.hook)


@pytest.fixture
def recorder(monkeypatch: pytest.MonkeyPatch):
    recorder = WriteRecorder()
    real_replace = os.replace

    def replace(src, dst, *args, **kwargs):
        with open(src, "rb") as handle:
            recorder.replaced.append((os.fsdecode(src), handle.read()))
        return real_replace(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "replace", replace)
    WriteRecorder.active = recorder
    yield recorder
    WriteRecorder.active = None


def _cli(capsys, data_dir: Path, *argv: str) -> str:
    code = main(["--data-dir", str(data_dir), *argv])
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


async def test_no_plaintext_reaches_the_disk(data_dir, tmp_path, monkeypatch, capsys, recorder):
    repo = Repository.at(data_dir)
    monkeypatch.setenv("CAREERTUI_TODAY", "2026-11-22")
    repo.wins.add(Win(title="Before encryption", date="2026-11-22"))
    monkeypatch.setenv("CAREERTUI_TODAY", "2026-11-23")
    monkeypatch.setenv("CAREERTUI_PASSPHRASE", PASSPHRASE)
    _cli(capsys, data_dir, "encrypt")

    # The CLI, with an editor.
    log = tmp_path / "editor.log"
    editor = tmp_path / "fake-editor"
    editor.write_text(
        "#!/bin/sh\n"
        f'printf "%s %s\\n" "$1" "$(stat -c %a "$1")" >> "{log}"\n'
        'printf "Edited in vi\\n\\nwith a body" > "$1"\n'
    )
    editor.chmod(0o700)
    recorder.opened.clear()
    recorder.replaced.clear()
    monkeypatch.setenv("EDITOR", str(editor))
    monkeypatch.delenv("VISUAL", raising=False)
    _cli(capsys, data_dir, "win", "Quietly interviewing at Globex", "--star")
    _cli(capsys, data_dir, "win", "--edit")
    assert "Quietly interviewing" in _cli(capsys, data_dir, "wins")
    _cli(capsys, data_dir, "doctor")

    # The app, logging a win from the keyboard.
    from careertui.commands import repository
    from careertui.tui.app import make_app

    app = make_app(repository(Namespace(data_dir=str(data_dir))))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("w")
        await pilot.press(*"Notes typed in the app")
        await pilot.press("enter")
        for _ in range(200):
            await pilot.pause(0.05)
            if any(w.title == "Notes typed in the app" for w in app.repo.wins.list()):
                break
    assert any(w.title == "Notes typed in the app" for w in app.repo.wins.list())

    # Restore from a backup after damage.
    (data_dir / DATA_FILE).write_bytes(b"careertui-encrypted 1\n{")
    _cli(capsys, data_dir, "doctor", "--restore", "--yes")

    editor_files = [line.split() for line in log.read_text().splitlines()]
    assert len(editor_files) == 1
    path, mode = editor_files[0]
    assert mode == "600"
    assert not Path(path).exists(), "the editor's temporary file was left behind"
    written = recorder.opened - {path}
    assert any(p.startswith(str(backup_dir(data_dir))) for p in written)
    assert recorder.replaced, "nothing was saved: the test did not exercise the writes"
    for src, content in recorder.replaced:
        for marker in MARKERS:
            assert marker not in content, f"{src} held {marker!r} in plaintext"
    for name in written:
        if os.path.isfile(name):
            content = Path(name).read_bytes()
            for marker in MARKERS:
                assert marker not in content, f"{name} holds {marker!r} in plaintext"
    everything = b"".join(p.read_bytes() for p in data_dir.rglob("*") if p.is_file())
    assert all(marker not in everything for marker in MARKERS)


def test_the_editor_file_goes_even_when_the_editor_fails(data_dir, tmp_path, monkeypatch, capsys):
    log = tmp_path / "editor.log"
    editor = tmp_path / "failing-editor"
    editor.write_text(f'#!/bin/sh\necho "$1" >> "{log}"\necho secret > "$1"\nexit 3\n')
    editor.chmod(0o700)
    monkeypatch.setenv("EDITOR", str(editor))
    monkeypatch.delenv("VISUAL", raising=False)
    code = main(["--data-dir", str(data_dir), "win", "--edit"])
    out, err = capsys.readouterr()
    assert code == 2 and "exited with status 3" in err
    (path,) = log.read_text().split()
    assert not Path(path).exists()
    assert not (data_dir / DATA_FILE).exists()
