"""``careertui encrypt [--keyring]`` and ``careertui decrypt``: convert the store."""

from __future__ import annotations

import argparse
import os
import sys

from careertui.commands import (
    KEYRING_SERVICE,
    ask,
    data_dir,
    keyring_account,
    keyring_module,
    passphrase_source,
)
from careertui.domain.errors import InputError
from careertui.store.crypto import check_new_passphrase, is_encrypted, keyring_flag
from careertui.store.database import DATA_FILE, PASSPHRASE_ENV, Store
from careertui.store.encryption import decrypt_store, encrypt_store
from careertui.store.errors import StoreError
from careertui.store.files import read_bytes

LOST = "Keep the passphrase safe: if it is lost, the data cannot be recovered by anyone."


def new_passphrase() -> str:
    """A new passphrase: from CAREERTUI_PASSPHRASE, or typed twice on the terminal."""
    from_env = os.environ.get(PASSPHRASE_ENV)
    if from_env:
        return check_new_passphrase(from_env)
    first = check_new_passphrase(ask("New passphrase: "))
    if ask("Repeat the passphrase: ") != first:
        raise InputError("the two passphrases differ; nothing was changed")
    return first


def run(args: argparse.Namespace) -> int:
    folder = data_dir(args)
    path = folder / DATA_FILE
    if args.direction == "decrypt":
        return _decrypt(Store(folder, passphrase=passphrase_source(path)))
    raw = read_bytes(path)
    if raw is not None and is_encrypted(raw):
        store = Store(folder, passphrase=passphrase_source(path))
        store.unlock()
    else:
        store = Store(folder, passphrase=new_passphrase())
    return _encrypt(store, keep_in_keyring=args.keyring)


def _encrypt(store: Store, *, keep_in_keyring: bool) -> int:
    saved_in_keyring = False
    if keep_in_keyring:
        keyring = keyring_module()
        if keyring is None:
            raise InputError("the keyring package is not installed; nothing was changed")
        try:
            keyring.set_password(
                KEYRING_SERVICE, keyring_account(store.path), store.sealer.passphrase(store.path)
            )
        except Exception as exc:  # noqa: BLE001 - every backend error is the same to the user
            raise StoreError(
                f"could not keep the passphrase in the OS keyring ({exc}); nothing was changed"
            ) from exc
        saved_in_keyring = True
    try:
        result = encrypt_store(store, keyring=keep_in_keyring)
    except BaseException:
        if saved_in_keyring and not _keeps_keyring(store):
            _forget(store)  # the data file does not point at the keyring: nothing relies on it
        raise
    if result.already:
        print(f"{store.path} was already encrypted")
    else:
        print(f"encrypted {store.path}")
    if result.converted:
        finished = "finished the conversion: " if result.already else ""
        print(f"{finished}encrypted {len(result.converted)} backup(s) and copies")
    if keep_in_keyring:
        print("the passphrase is kept in the OS keyring")
    print(LOST)
    return 0


def _decrypt(store: Store) -> int:
    result = decrypt_store(store)
    _forget(store)
    if result.already:
        print(f"{store.path} was already plain JSON; finishing the conversion of its copies")
    else:
        print(f"decrypted {store.path}: it is plain JSON again, readable by anyone with the file")
    if result.converted:
        print(f"decrypted {len(result.converted)} backup(s) and copies")
    for path in result.skipped:
        sys.stderr.write(f"warning: {path} did not open with this passphrase; left encrypted\n")
    return 0


def _keeps_keyring(store: Store) -> bool:
    """Whether the data file, as it is now, says its passphrase is in the keyring."""
    try:
        return keyring_flag(store.path, read_bytes(store.path))
    except StoreError:
        return False


def _forget(store: Store) -> None:
    keyring = keyring_module()
    if keyring is None:
        return
    try:
        keyring.delete_password(KEYRING_SERVICE, keyring_account(store.path))
    except Exception:  # noqa: BLE001 - nothing kept, or no backend: nothing to forget
        return
