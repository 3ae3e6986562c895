"""Writing long text in the user's ``$EDITOR``.

The temporary file is private (0600) and removed after use, whatever happens.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import tempfile
from pathlib import Path

from careertui.domain.errors import InputError


def editor_command() -> list[str]:
    return shlex.split(os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi")


def edit_text(initial: str = "", suffix: str = ".md") -> str:
    """Open ``initial`` in the editor and return what the user saved."""
    fd, name = tempfile.mkstemp(prefix="careertui-", suffix=suffix)
    path = Path(name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(initial)
        command = [*editor_command(), str(path)]
        try:
            result = subprocess.run(command, check=False)
        except OSError as exc:
            raise InputError(f"could not start the editor {command[0]!r}: {exc.strerror}") from exc
        if result.returncode != 0:
            raise InputError(f"the editor {command[0]!r} exited with status {result.returncode}")
        return path.read_text(encoding="utf-8")
    finally:
        path.unlink(missing_ok=True)
