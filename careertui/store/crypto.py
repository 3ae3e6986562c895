"""Encryption at rest: the envelope an encrypted data file (and each of its backups) is kept in.

An encrypted file is::

    careertui-encrypted 1\\n
    {"cipher": "AES-256-GCM", "kdf": "scrypt", "n": 32768, "r": 8, "p": 1, "salt": …,
     "nonce": …, "check": …, "keyring": false}\\n
    <AES-256-GCM ciphertext and tag>

Every write draws a fresh random salt and nonce and derives a fresh key from the passphrase with
scrypt (memory-hard); the parameters travel in the header, which is authenticated as the
cipher's associated data, so a changed byte anywhere is detected. ``check`` is a short value
derived from the key, so a wrong passphrase is told apart from a damaged file; ``sum``, a
digest of the header's other fields (no secret), tells a damaged header (a changed salt gives
a different key, so a different ``check``) apart from a wrong passphrase. Files written before
``sum`` existed open as before. Plaintext only ever exists in memory: sealing and opening work
on bytes, never on files.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from careertui.store.errors import StoreError, UnreadableStore

MAGIC = b"careertui-encrypted 1\n"
CIPHER = "AES-256-GCM"
KDF = "scrypt"

#: scrypt cost for new writes: 32 MiB of memory and a few tens of milliseconds a derivation.
DEFAULT_N = 2**15
DEFAULT_R = 8
DEFAULT_P = 1
#: Limits on what a header may ask for, so a hostile or damaged header cannot exhaust memory.
MAX_N = 2**18
MAX_R = 16
MAX_P = 4
MAX_MEMORY = 2**28 + 2**24
MIN_PASSPHRASE = 8

SALT_BYTES = 16
NONCE_BYTES = 12
KEY_BYTES = 32
CHECK_BYTES = 8
MAX_HEADER = 4096

PassphraseSource = Callable[[], str]


class WrongPassphrase(StoreError):
    """The passphrase does not open the file. Nothing was changed."""


class LockedStore(StoreError):
    """The file is encrypted and no passphrase is available."""


@dataclass(frozen=True)
class Header:
    n: int
    r: int
    p: int
    salt: bytes
    nonce: bytes
    check: bytes
    keyring: bool = False
    #: Whether the header carried its own digest (every file written since it was added).
    summed: bool = True

    def to_bytes(self) -> bytes:
        fields: dict[str, Any] = {
            "cipher": CIPHER,
            "kdf": KDF,
            "n": self.n,
            "r": self.r,
            "p": self.p,
            "salt": _b64(self.salt),
            "nonce": _b64(self.nonce),
            "check": _b64(self.check),
            "keyring": self.keyring,
        }
        fields["sum"] = _header_sum(fields)
        return orjson.dumps(fields, option=orjson.OPT_SORT_KEYS) + b"\n"


def _header_sum(fields: dict[str, Any]) -> str:
    """A digest of the header's fields (all but ``sum``), to tell damage from a wrong key."""
    canonical = orjson.dumps(fields, option=orjson.OPT_SORT_KEYS)
    return _b64(hashlib.sha256(MAGIC + canonical).digest()[:8])


def is_encrypted(raw: bytes) -> bool:
    return raw.startswith(MAGIC)


def parse(path: Path, raw: bytes) -> tuple[Header, bytes, bytes]:
    """Split an encrypted file into its header, the authenticated prefix and the ciphertext."""
    end = raw.find(b"\n", len(MAGIC), len(MAGIC) + MAX_HEADER)
    if end < 0:
        raise UnreadableStore(path, "the encrypted file's header is cut short or damaged")
    try:
        fields = orjson.loads(raw[len(MAGIC) : end])
    except orjson.JSONDecodeError as exc:
        raise UnreadableStore(path, "the encrypted file's header is damaged") from exc
    if not isinstance(fields, dict):
        raise UnreadableStore(path, "the encrypted file's header is damaged")
    summed = "sum" in fields
    stated = fields.pop("sum", None)
    if fields.get("cipher") != CIPHER or fields.get("kdf") != KDF:
        raise UnreadableStore(
            path,
            f"encrypted with {fields.get('cipher')!r}/{fields.get('kdf')!r}, which this "
            "careertui does not know",
        )
    n, r, p = fields.get("n"), fields.get("r"), fields.get("p")
    if not (type(n) is int and type(r) is int and type(p) is int):
        raise UnreadableStore(path, "the encrypted file's key parameters are damaged")
    if not (1 < n <= MAX_N and n & (n - 1) == 0 and 0 < r <= MAX_R and 0 < p <= MAX_P):
        raise UnreadableStore(path, f"the key parameters n={n} r={r} p={p} are out of range")
    try:
        salt, nonce, check = (
            base64.b64decode(fields.get(k, ""), validate=True) for k in ("salt", "nonce", "check")
        )
    except (binascii.Error, TypeError, ValueError) as exc:
        raise UnreadableStore(path, "the encrypted file's header is damaged") from exc
    if len(salt) < 8 or len(nonce) != NONCE_BYTES or len(check) != CHECK_BYTES:
        raise UnreadableStore(path, "the encrypted file's header is damaged")
    if summed and stated != _header_sum(fields):
        raise UnreadableStore(path, "the encrypted file's header is damaged")
    keyring = fields.get("keyring", False)
    header = Header(n, r, p, salt, nonce, check, keyring is True, summed)
    body = raw[end + 1 :]
    if len(body) < 16:
        raise UnreadableStore(path, "the encrypted data is cut short")
    return header, raw[: end + 1], body


class Sealer:
    """Seals and opens files with one passphrase, asked for once, when first needed.

    Derived keys are kept in memory for the salts seen, so re-reading an unchanged file costs
    no key derivation.
    """

    def __init__(self, source: PassphraseSource | str | None = None) -> None:
        if isinstance(source, str):
            passphrase = source
            self._source: PassphraseSource | None = lambda: passphrase
        else:
            self._source = source
        self._passphrase: str | None = None
        self._keys: OrderedDict[tuple[bytes, int, int, int], tuple[bytes, bytes]] = OrderedDict()

    def passphrase(self, path: Path) -> str:
        if self._passphrase is None:
            if self._source is None:
                raise LockedStore(
                    f"{path} is encrypted; give its passphrase (run careertui in a terminal, "
                    "or set CAREERTUI_PASSPHRASE)"
                )
            passphrase = self._source()
            try:
                passphrase.encode("utf-8")
            except UnicodeEncodeError as exc:
                raise LockedStore(
                    "the passphrase is not valid text (it holds bytes that are not UTF-8); "
                    "nothing was changed"
                ) from exc
            self._passphrase = passphrase
        return self._passphrase

    def _derive(self, path: Path, salt: bytes, n: int, r: int, p: int) -> tuple[bytes, bytes]:
        cache_key = (salt, n, r, p)
        if cache_key in self._keys:
            self._keys.move_to_end(cache_key)
            return self._keys[cache_key]
        secret = self.passphrase(path).encode("utf-8")
        try:
            material = hashlib.scrypt(
                secret, salt=salt, n=n, r=r, p=p, maxmem=MAX_MEMORY, dklen=KEY_BYTES * 2
            )
        except (ValueError, MemoryError) as exc:
            raise UnreadableStore(path, f"the key could not be derived ({exc})") from exc
        key = material[:KEY_BYTES]
        check = hmac.new(material[KEY_BYTES:], b"careertui passphrase check", "sha256").digest()
        derived = (key, check[:CHECK_BYTES])
        self._keys[cache_key] = derived
        while len(self._keys) > 8:
            self._keys.popitem(last=False)
        return derived

    def verify(self, path: Path, raw: bytes) -> None:
        """Raise WrongPassphrase if the passphrase does not match ``raw``'s header."""
        header, _, _ = parse(path, raw)
        _, check = self._derive(path, header.salt, header.n, header.r, header.p)
        if not hmac.compare_digest(check, header.check):
            raise _wrong(path, header)

    def open(self, path: Path, raw: bytes) -> bytes:
        """The plaintext inside ``raw``; plaintext input is returned as it is."""
        if not is_encrypted(raw):
            return raw
        from cryptography.exceptions import InvalidTag
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        header, prefix, body = parse(path, raw)
        key, check = self._derive(path, header.salt, header.n, header.r, header.p)
        try:
            return AESGCM(key).decrypt(header.nonce, body, prefix)
        except InvalidTag as exc:
            if not hmac.compare_digest(check, header.check):
                raise _wrong(path, header) from exc
            raise UnreadableStore(
                path, "the encrypted data failed its integrity check (it was changed or damaged)"
            ) from exc

    def seal(self, path: Path, plain: bytes, *, keyring: bool = False) -> bytes:
        """``plain`` in a fresh envelope: new salt, new key, new nonce."""
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        salt = os.urandom(SALT_BYTES)
        key, check = self._derive(path, salt, DEFAULT_N, DEFAULT_R, DEFAULT_P)
        header = Header(
            DEFAULT_N, DEFAULT_R, DEFAULT_P, salt, os.urandom(NONCE_BYTES), check, keyring
        )
        prefix = MAGIC + header.to_bytes()
        return prefix + AESGCM(key).encrypt(header.nonce, plain, prefix)


def _wrong(path: Path, header: Header) -> WrongPassphrase:
    if header.summed:
        return WrongPassphrase(f"{path}: the passphrase is wrong; nothing was changed")
    return WrongPassphrase(  # a file from before ``sum``: a damaged salt looks the same
        f"{path}: the passphrase is wrong, or the file's header is damaged; nothing was changed"
    )


def keyring_flag(path: Path, raw: bytes | None) -> bool:
    """Whether the user chose to keep this encrypted file's passphrase in the OS keyring."""
    if raw is None or not is_encrypted(raw):
        return False
    try:
        return parse(path, raw)[0].keyring
    except UnreadableStore:
        return False


def check_new_passphrase(passphrase: str) -> str:
    from careertui.domain.errors import InputError

    if not passphrase.strip():
        raise InputError(
            "the passphrase is only spaces; use at least "
            f"{MIN_PASSPHRASE} characters (a few unrelated words make a good one)"
        )
    try:
        passphrase.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InputError(
            "the passphrase is not valid text (it holds bytes that are not UTF-8); nothing "
            "was changed"
        ) from exc
    if len(passphrase.strip()) < MIN_PASSPHRASE:
        raise InputError(
            f"the passphrase is too short; use at least {MIN_PASSPHRASE} characters "
            "(a few unrelated words make a good one)"
        )
    return passphrase


def _b64(value: bytes) -> str:
    return base64.b64encode(value).decode("ascii")
