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


class WriteFailed(StoreError):
    """One file could not be written; it was left exactly as it was."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: could not be saved ({reason}); nothing was changed")


class Progress:
    """What this process has changed on disk so far, so that a command stopped half-way (by
    Ctrl-C, say) reports what is true: what was done, what was not, and how to finish.

    The store records each change as it lands; a command that changes several files sets
    :attr:`pending` to say what is left and how to finish it.
    """

    def __init__(self) -> None:
        self.saved: list[Path] = []
        self.pending: str | None = None

    def reset(self) -> None:
        """Start afresh (a new command in the same process: the tests run several)."""
        self.saved.clear()
        self.pending = None

    def record(self, path: Path) -> None:
        if path not in self.saved:
            self.saved.append(path)

    def describe(self) -> str:
        """The sentence after "interrupted; " in the message a stopped command prints."""
        if self.pending:
            return self.pending
        if not self.saved:
            return "nothing was saved"
        names = ", ".join(str(p) for p in self.saved)
        return f"the change was saved before the interruption ({names})"


#: This process's progress (one command a process).
progress = Progress()
