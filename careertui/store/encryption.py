"""Turning a store's encryption on and off: the data file, its backups and damaged copies.

Each file is converted with one atomic replace, under the store's lock, so a crash leaves every
file either as it was or converted. The data file goes first; its copies follow one by one.
A conversion stopped half-way (Ctrl-C, a full disk) says exactly where it stopped, and running
the same command again finishes it: ``encrypt`` on an encrypted store converts whatever copies
are still plain, ``decrypt`` on a plain store the copies still encrypted. Nothing decrypted is
ever written except by ``decrypt_store``, which is what the user asked for.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from careertui.domain.errors import InputError
from careertui.store import backups, schema
from careertui.store.crypto import MAGIC, WrongPassphrase, is_encrypted, parse
from careertui.store.database import Store
from careertui.store.drafts import DRAFT_FILE
from careertui.store.errors import (
    ReadOnlyStore,
    StoreError,
    UnreadableStore,
    WriteFailed,
    progress,
)
from careertui.store.files import (
    Tables,
    decode,
    encode,
    interrupts_held,
    read_bytes,
    regular_file_problem,
    write_atomic,
)


@dataclass
class Conversion:
    path: Path
    converted: list[Path] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)
    already: bool = False


@dataclass(frozen=True)
class Mixture:
    """How a data directory stands: the data file's state and its copies' states."""

    encrypted: bool | None  # None: no data file
    plain_copies: list[Path]
    encrypted_copies: list[Path]

    @property
    def half_converted(self) -> str | None:
        """What is unfinished and how to finish it, or None when every file agrees."""
        if self.encrypted and self.plain_copies:
            return (
                f"the data file is encrypted but {len(self.plain_copies)} backup(s) or copies "
                "are still plain; run 'careertui encrypt' to finish"
            )
        if self.encrypted is False and self.encrypted_copies:
            return (
                f"the data file is plain but {len(self.encrypted_copies)} backup(s) or copies "
                "are still encrypted; run 'careertui decrypt' to finish (copies the passphrase "
                "does not open stay encrypted)"
            )
        return None


def companions(store: Store) -> list[Path]:
    """The files that hold copies of the data: backups, copies kept aside as damaged, and the
    draft a crash kept (regular files only: never a symlink, a pipe or a folder)."""
    damaged = []
    kept = [
        *sorted(store.data_dir.glob(f"{store.path.name}.damaged-*")),
        store.data_dir / DRAFT_FILE,
    ]
    for path in kept:
        try:
            if regular_file_problem(os.lstat(path).st_mode) is None:
                damaged.append(path)
        except OSError:
            continue
    return [*reversed(backups.list_backups(store.data_dir)), *damaged]


def mixture(store: Store, raw: bytes | None) -> Mixture:
    """The state of the data file ``raw`` and of each copy (from their first bytes only)."""
    plain: list[Path] = []
    sealed: list[Path] = []
    for path in companions(store):
        (sealed if is_encrypted(_head(path)) else plain).append(path)
    return Mixture(None if raw is None else is_encrypted(raw), plain, sealed)


def _refuse_newer(store: Store, tables: Tables) -> None:
    version = schema.version_of(tables) if tables else schema.CURRENT_VERSION
    if version > schema.CURRENT_VERSION:
        raise ReadOnlyStore(
            f"{store.path}: written by a newer careertui (schema {version}, this one knows "
            f"{schema.CURRENT_VERSION}); it is open read-only. Upgrade careertui to change "
            "it; nothing was changed"
        )


def _tables(store: Store, plain: bytes) -> Tables:
    tables = decode(store.path, plain)  # a damaged file is never written over
    try:
        _refuse_newer(store, tables)
    except schema.SchemaError as exc:
        raise UnreadableStore(store.path, str(exc)) from exc
    return tables


def encrypt_store(store: Store, *, keyring: bool = False) -> Conversion:
    """Encrypt the data file and every copy of it with the store's passphrase."""
    result = Conversion(store.path)
    with store.locked():
        raw = read_bytes(store.path)
        if raw is None:
            tables: Tables = {}
            schema.stamp(tables)
            raw = encode(tables)
        if is_encrypted(raw):
            store.sealer.verify(store.path, raw)
            result.already = True
            plain = store.sealer.open(store.path, raw)
            _tables(store, plain)
            if parse(store.path, raw)[0].keyring != keyring:
                _replace(store, store.sealer.seal(store.path, plain, keyring=keyring), "encrypt")
        else:
            _tables(store, raw)
            _replace(store, store.sealer.seal(store.path, raw, keyring=keyring), "encrypt")
        _convert_copies(store, result, "encrypt")
    return result


def decrypt_store(store: Store) -> Conversion:
    """Write the data file and the copies the passphrase opens back as plain JSON.

    On a plain data file, the copies a stopped ``decrypt`` left encrypted are finished."""
    result = Conversion(store.path)
    with store.locked():
        raw = read_bytes(store.path)
        if raw is None or not is_encrypted(raw):
            if not mixture(store, raw).encrypted_copies:
                raise InputError(f"{store.path} is not encrypted; nothing to do")
            result.already = True
        else:
            plain = store.sealer.open(store.path, raw)
            _tables(store, plain)
            _replace(store, plain, "decrypt")
        _convert_copies(store, result, "decrypt")
        if result.already and not result.converted and result.skipped:
            raise WrongPassphrase(
                f"{result.skipped[0]}: the passphrase is wrong for every encrypted backup; "
                "nothing was changed"
            )
    return result


def _replace(store: Store, payload: bytes, direction: str) -> None:
    """Convert the data file; until its copies follow, an interruption says so."""
    with interrupts_held():
        write_atomic(store.path, payload)
        progress.record(store.path)
        progress.pending = (
            f"the data file is {direction}ed but its backups were not converted yet. Run "
            f"'careertui {direction}' again to finish"
        )


def _convert_copies(store: Store, result: Conversion, direction: str) -> None:
    """Convert each copy still in the other state, saying at every step what is left."""
    sealer = store.sealer
    todo = [
        path for path in companions(store) if is_encrypted(_head(path)) == (direction == "decrypt")
    ]
    state = "encrypted" if direction == "encrypt" else "decrypted"
    other = "plain" if direction == "encrypt" else "encrypted"

    def left(done: int) -> str:
        return (
            f"the data file is {state}; {len(todo) - done} of {len(todo)} backup(s) and copies "
            f"are still {other}. Run 'careertui {direction}' again to finish"
        )

    if todo:
        progress.pending = left(0)
    for done, path in enumerate(todo):
        try:
            copy = read_bytes(path, follow_symlink=False)
            if copy is None:
                continue
            if direction == "encrypt":
                payload = sealer.seal(path, copy)
            else:
                try:
                    payload = sealer.open(path, copy)
                except (WrongPassphrase, UnreadableStore):
                    result.skipped.append(path)
                    continue
            with interrupts_held():
                write_atomic(path, payload, follow_symlink=False)
                result.converted.append(path)
                progress.pending = left(done + 1)
        except WriteFailed as exc:
            raise StoreError(
                f"{exc.path}: could not be written ({exc.reason}); {left(done)}"
            ) from exc
        except UnreadableStore as exc:
            if direction == "decrypt":
                result.skipped.append(path)
                continue
            raise StoreError(f"{exc.path}: {exc.reason}; {left(done)}") from exc
    progress.pending = f"the conversion was finished: the data file and its copies are {state}"


def _head(path: Path) -> bytes:
    """The first bytes of a regular file (never blocking on a pipe put in its place)."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return b""
    try:
        if regular_file_problem(os.fstat(fd).st_mode):
            return b""
        return os.read(fd, len(MAGIC))
    except OSError:
        return b""
    finally:
        os.close(fd)
