"""Noticing that another process changed the data file: a cheap ``os.stat`` signature."""

from __future__ import annotations

import os
from pathlib import Path

Signature = tuple[int, int, int] | None


def signature(path: Path) -> Signature:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return (stat.st_mtime_ns, stat.st_size, stat.st_ino)


class FileWatch:
    """Remembers the file's signature; :meth:`changed` says whether it moved since."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.seen: Signature = signature(path)

    def changed(self) -> bool:
        now = signature(self.path)
        if now != self.seen:
            self.seen = now
            return True
        return False

    def forget(self) -> None:
        """Make the next :meth:`changed` say yes, whatever the file's state."""
        self.seen = (-1, -1, -1)

    def mark_seen(self) -> None:
        """Call just before reading the file, so a change made after the read is noticed."""
        self.seen = signature(self.path)
