"""Store errors: each names the file and what is wrong, in words a user can act on."""

from __future__ import annotations

from pathlib import Path

from careertui.domain.errors import CareerError


class StoreError(CareerError):
    """The store could not do what was asked; nothing was changed."""


class UnreadableStore(StoreError):
    """The data file exists but cannot be read as a careertui store. It is left untouched."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(
            f"{path}: cannot read the data file: {reason}. It was left untouched; "
            "run 'careertui doctor' to see backups, or 'careertui doctor --restore'"
        )


class ReadOnlyStore(StoreError):
    """The file was written by a newer careertui; it may be read but not written."""


class StoreBusy(StoreError):
    """Another process held the lock for too long."""
