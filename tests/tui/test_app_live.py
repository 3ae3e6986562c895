"""The file watch behind "live": a cheap stat signature that notices another process's write."""

from __future__ import annotations

import os
from pathlib import Path

from careertui.tui.live import FileWatch


def test_notices_a_replaced_file_once(tmp_path: Path) -> None:
    path = tmp_path / "careertui.json"
    watch = FileWatch(path)
    assert not watch.changed()  # missing, and still missing
    path.write_text("{}")
    assert watch.changed()
    assert not watch.changed()
    replacement = tmp_path / "new.json"
    replacement.write_text("{}")  # same size, new inode: an atomic replace
    os.replace(replacement, path)
    assert watch.changed()


def test_mark_seen_and_forget(tmp_path: Path) -> None:
    path = tmp_path / "careertui.json"
    path.write_text("{}")
    watch = FileWatch(path)
    path.write_text('{"a": 1}')
    watch.mark_seen()  # our own write: already known
    assert not watch.changed()
    watch.forget()
    assert watch.changed()
    assert not watch.changed()
