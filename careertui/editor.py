"""Writing long text in the user's ``$EDITOR``.

The text is in a file of its own inside a new private directory (0700), so that it stays
unreadable to others even when the editor saves by writing a new file and renaming it over
the old one (with the user's umask, often 0644). The directory, with any swap or backup file
the editor left in it, is removed after use, whatever happens.
"""

from __future__ import annotations

import os
import shlex
import stat
import subprocess
import tempfile
from pathlib import Path

from careertui.domain.errors import InputError

FILE_MODE = 0o600
_CREATE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)


def editor_command() -> list[str]:
    return shlex.split(os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi")


def edit_text(initial: str = "", suffix: str = ".md") -> str:
    """Open ``initial`` in the editor and return what the user saved."""
    import shutil

    folder = Path(tempfile.mkdtemp(prefix="careertui-"))  # 0700, ours alone
    path = folder / f"careertui{suffix}"
    try:
        with os.fdopen(os.open(path, _CREATE, FILE_MODE), "w", encoding="utf-8") as handle:
            handle.write(initial)
        command = [*editor_command(), str(path)]
        try:
            result = subprocess.run(command, check=False)
        except OSError as exc:
            raise InputError(f"could not start the editor {command[0]!r}: {exc.strerror}") from exc
        if result.returncode != 0:
            raise InputError(f"the editor {command[0]!r} exited with status {result.returncode}")
        _keep_private(path)
        try:
            return path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise InputError("the editor did not save the file; nothing was written") from None
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def keep_text(text: str, name: str = "careertui-win.md") -> Path:
    """Keep ``text`` the user wrote but that could not be saved, in a file of its own (0600) in
    a new private directory (0700) of the temporary directory; return its path."""
    folder = Path(tempfile.mkdtemp(prefix="careertui-kept-"))
    path = folder / name
    with os.fdopen(os.open(path, _CREATE, FILE_MODE), "w", encoding="utf-8") as handle:
        handle.write(text)
    return path


def _keep_private(path: Path) -> None:
    """Take group and other access off a file the editor replaced with a looser one."""
    try:
        mode = stat.S_IMODE(os.lstat(path).st_mode)
    except FileNotFoundError:
        return
    if mode & 0o077:
        os.chmod(path, FILE_MODE)
