"""One module a command, each with ``run(args) -> int``; imported only when its command runs.

Every command opens the store here. An encrypted store's passphrase comes from
``CAREERTUI_PASSPHRASE`` (scripts, tests), else from the OS keyring if the user chose to keep it
there (``careertui encrypt --keyring``), else it is asked for on the terminal; it is checked
before the command does anything.
"""

from __future__ import annotations

import argparse
import contextlib
import os
from collections.abc import Callable
from pathlib import Path

from careertui import paths

KEYRING_SERVICE = "careertui"


def data_dir(args: argparse.Namespace) -> Path:
    """The data directory the command works in; an InputError when a file is in its place."""
    folder = paths.data_dir(args.data_dir)
    blocker = next((p for p in (folder, *folder.parents) if os.path.lexists(p)), None)
    if blocker is not None and not blocker.is_dir():
        from careertui.domain.errors import InputError

        raise InputError(
            f"{blocker} is a file, not a directory; --data-dir (or {paths.ENV_VAR}) names the "
            "directory that holds careertui's data"
        )
    return folder


def repository(args: argparse.Namespace):  # -> Repository, imported lazily
    from careertui.store.crypto import Sealer
    from careertui.store.database import DATA_FILE, Store
    from careertui.store.repository import Repository

    folder = data_dir(args)
    path = folder / DATA_FILE
    store = Store(folder, passphrase=passphrase_source(path))
    store.unlock()
    if not store.encrypted():
        # Plain now: if another process encrypts it while this one runs (the app, say), never
        # prompt on a terminal the app owns; the environment or the keyring, or a clear error.
        store.sealer = Sealer(passphrase_source(path, interactive=False))
    return Repository(store)


def keyring_account(path: Path) -> str:
    return str(Path(os.path.abspath(path)))


def keyring_module():
    """The ``keyring`` package, or None where it is not installed."""
    try:
        import keyring
    except ImportError:  # pragma: no cover - keyring ships with careertui's dependencies
        return None
    return keyring


def passphrase_from_keyring(path: Path) -> str | None:
    keyring = keyring_module()
    if keyring is None:
        return None
    try:
        return keyring.get_password(KEYRING_SERVICE, keyring_account(path))
    except Exception:  # noqa: BLE001 - any backend failure means "not available here"
        return None


def terminal_available() -> bool:
    """Whether there is a terminal to ask on (the one getpass uses), even if stdin is a pipe."""
    if os.name == "nt":
        import sys

        return sys.stdin is not None and sys.stdin.isatty()
    try:
        fd = os.open("/dev/tty", os.O_RDWR | getattr(os, "O_NOCTTY", 0))
    except OSError:
        return False
    os.close(fd)
    return True


def ask(prompt: str) -> str:
    """Read a secret from the terminal, without echo."""
    import getpass

    from careertui.store.crypto import LockedStore

    if not terminal_available():
        raise LockedStore(
            "no terminal to ask for the passphrase on; set CAREERTUI_PASSPHRASE instead"
        )
    try:
        return getpass.getpass(prompt)
    except EOFError as exc:
        raise LockedStore("no passphrase was given; nothing was changed") from exc


def confirm(prompt: str) -> bool:
    """Ask a yes/no question on the terminal (the answer is shown); True only for yes.

    Raises InputError when there is no terminal to ask on."""
    from careertui.domain.errors import InputError

    if not terminal_available():
        raise InputError("no terminal to ask for confirmation on; nothing was changed")
    if os.name == "nt":  # pragma: no cover - no /dev/tty there
        answer = input(prompt)
    else:
        fd = os.open("/dev/tty", os.O_RDWR | getattr(os, "O_NOCTTY", 0))
        try:
            os.write(fd, prompt.encode("utf-8", "replace"))
            with open(fd, "rb", buffering=0, closefd=False) as tty:
                answer = tty.readline().decode("utf-8", "replace")
        finally:
            os.close(fd)
    return answer.strip().lower() in ("y", "yes")


def passphrase_source(path: Path, *, interactive: bool = True) -> Callable[[], str]:
    """Where the passphrase of the encrypted file ``path`` comes from, asked only when needed."""

    def source() -> str:
        from careertui.store.crypto import keyring_flag
        from careertui.store.database import PASSPHRASE_ENV
        from careertui.store.files import read_bytes

        from_env = os.environ.get(PASSPHRASE_ENV)
        if from_env:
            return from_env
        raw = None
        with contextlib.suppress(Exception):
            raw = read_bytes(path)
        if keyring_flag(path, raw):
            stored = passphrase_from_keyring(path)
            if stored:
                return stored
        if not interactive:
            from careertui.store.crypto import LockedStore

            raise LockedStore(
                f"{path} was encrypted while careertui was running; start careertui again to "
                "give the passphrase"
            )
        return ask(f"Passphrase for {path}: ")

    return source
