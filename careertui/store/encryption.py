"""Turning a store's encryption on and off: the data file, its backups and damaged copies.

Each file is converted with one atomic replace, under the store's lock, so a crash leaves every
file either as it was or converted. Encrypting an encrypted store converts whatever was left in
plaintext (after such a crash); nothing decrypted is ever written except by ``decrypt_store``,
which is what the user asked for.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from careertui.domain.errors import InputError
from careertui.store import backups, schema
from careertui.store.crypto import WrongPassphrase, is_encrypted, parse
from careertui.store.database import Store
from careertui.store.errors import UnreadableStore
from careertui.store.files import decode, encode, read_bytes, write_atomic


@dataclass
class Conversion:
    path: Path
    converted: list[Path] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)
    already: bool = False


def companions(store: Store) -> list[Path]:
    """The files that hold copies of the data: backups, and copies kept aside as damaged."""
    damaged = sorted(store.data_dir.glob(f"{store.path.name}.damaged-*"))
    return [*reversed(backups.list_backups(store.data_dir)), *damaged]


def encrypt_store(store: Store, *, keyring: bool = False) -> Conversion:
    """Encrypt the data file and every copy of it with the store's passphrase."""
    result = Conversion(store.path)
    with store.locked():
        raw = read_bytes(store.path)
        if raw is None:
            tables: dict = {}
            schema.stamp(tables)
            raw = encode(tables)
        if is_encrypted(raw):
            store.sealer.verify(store.path, raw)
            result.already = True
            if parse(store.path, raw)[0].keyring != keyring:
                plain = store.sealer.open(store.path, raw)
                write_atomic(store.path, store.sealer.seal(store.path, plain, keyring=keyring))
        else:
            decode(store.path, raw)  # a damaged file is never written over
            write_atomic(store.path, store.sealer.seal(store.path, raw, keyring=keyring))
        for path in companions(store):
            copy = path.read_bytes()
            if not is_encrypted(copy):
                write_atomic(path, store.sealer.seal(path, copy))
                result.converted.append(path)
    return result


def decrypt_store(store: Store) -> Conversion:
    """Write the data file and the copies the passphrase opens back as plain JSON."""
    result = Conversion(store.path)
    with store.locked():
        raw = read_bytes(store.path)
        if raw is None or not is_encrypted(raw):
            raise InputError(f"{store.path} is not encrypted; nothing to do")
        plain = store.sealer.open(store.path, raw)
        decode(store.path, plain)
        write_atomic(store.path, plain)
        for path in companions(store):
            copy = path.read_bytes()
            if not is_encrypted(copy):
                continue
            try:
                write_atomic(path, store.sealer.open(path, copy))
            except (WrongPassphrase, UnreadableStore):
                result.skipped.append(path)
                continue
            result.converted.append(path)
    return result
