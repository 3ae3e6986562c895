"""The data-file loader fuzzed: random bytes, random JSON, the demo store with mutated records,
and the demo file cut, flipped and spliced, plain and encrypted. Each input either loads or
raises a CareerError (a clean one-line error); never anything else, never a hang. A file that
does not load is never written over."""

from __future__ import annotations

import contextlib
import functools
import tempfile
from collections.abc import Iterator
from pathlib import Path

from hypothesis import event, given
from hypothesis import strategies as st

from careertui.domain.errors import CareerError
from careertui.domain.models import Win
from careertui.store import crypto
from careertui.store.crypto import MAGIC, Sealer
from careertui.store.database import DATA_FILE, Store
from careertui.store.doctor import check_bytes, diagnose
from careertui.store.files import decode
from careertui.store.repository import Repository
from tests.faults import counts
from tests.faults.fuzzing import (
    demo_bytes,
    dumps,
    fuzz_settings,
    json_values,
    mutated_bytes,
    mutated_stores,
    watchdog,
)

PATH = Path("fuzzed.json")
PASSPHRASE = "fuzzing passphrase"

raw_inputs = (
    st.binary(max_size=400) | json_values.map(dumps) | mutated_stores().map(dumps) | mutated_bytes()
)


@fuzz_settings(counts.FUZZ)
@given(raw_inputs)
def test_decode_loads_or_refuses_cleanly(raw: bytes) -> None:
    with watchdog():
        try:
            tables = decode(PATH, raw)
        except CareerError:
            return
    assert isinstance(tables, dict)


def _load_every_way(folder: Path, raw: bytes, passphrase: str | None = None) -> None:
    """Read the file through every loader; then try to write. Raises only CareerError."""
    path = folder / DATA_FILE
    folder.mkdir(exist_ok=True)
    path.write_bytes(raw)
    store = Store(folder, passphrase=passphrase)
    repo = Repository(store)
    outcomes = []
    for load in (
        store.read,
        repo.career,
        repo.vision,
        repo.wins.list,
        lambda: diagnose(store),
        lambda: check_bytes(path, raw, store.sealer),
    ):
        try:
            load()
            outcomes.append(True)
        except CareerError:
            outcomes.append(False)
    event(f"loaded: {outcomes}")
    try:
        repo.wins.add(Win(title="written after fuzzing"))
    except CareerError:
        assert path.read_bytes() == raw, "a file that did not load was written over"
        return
    assert all(outcomes[:2]), "a file that does not load was written to"


@fuzz_settings(counts.FUZZ_SLOW)
@given(raw_inputs)
def test_the_store_and_repository_load_or_refuse_cleanly(raw: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder, watchdog():
        _load_every_way(Path(folder) / "data", raw)


@contextlib.contextmanager
def cheap_keys() -> Iterator[None]:
    """A low scrypt cost while fuzzing the parser (the cost is read from each file's header)."""
    saved = crypto.DEFAULT_N
    crypto.DEFAULT_N = 2**4
    try:
        yield
    finally:
        crypto.DEFAULT_N = saved


@functools.cache
def sealed_demo() -> bytes:
    with cheap_keys():
        return Sealer(PASSPHRASE).seal(PATH, demo_bytes())


@fuzz_settings(counts.FUZZ_SLOW)
@given(st.data())
def test_an_encrypted_file_loads_or_refuses_cleanly(data: st.DataObject) -> None:
    sealed = sealed_demo()
    raw = data.draw(
        mutated_bytes(sealed)
        | st.binary(max_size=200).map(lambda tail: MAGIC + tail)
        | json_values.map(lambda header: MAGIC + dumps(header) + b"\n" + sealed[-300:])
    )
    with tempfile.TemporaryDirectory() as folder, watchdog(), cheap_keys():
        _load_every_way(Path(folder) / "data", raw, PASSPHRASE)


_header_fields = st.fixed_dictionaries(
    {},
    optional={
        "cipher": st.sampled_from(["AES-256-GCM", "ROT13"]) | json_values,
        "kdf": st.sampled_from(["scrypt"]) | json_values,
        "n": st.sampled_from([2, 4, 1024, 3, 0, -1, 2**40, True]) | json_values,
        "r": st.sampled_from([1, 8, 0, 99]) | json_values,
        "p": st.sampled_from([1, 2, 0, 99]) | json_values,
        "salt": st.sampled_from(["AAAAAAAAAAAAAAAAAAAAAA==", "!!", ""]) | json_values,
        "nonce": st.sampled_from(["AAAAAAAAAAAAAAAA", "AA=="]) | json_values,
        "check": st.sampled_from(["AAAAAAAAAAA=", "x"]) | json_values,
        "keyring": json_values,
    },
)


@fuzz_settings(counts.FUZZ)
@given(_header_fields, st.binary(max_size=64))
def test_encrypted_headers_are_parsed_cleanly(header: dict, body: bytes) -> None:
    raw = MAGIC + dumps(header) + b"\n" + body
    with watchdog():
        try:
            Sealer(PASSPHRASE).open(PATH, raw)
        except CareerError:
            return
    raise AssertionError("a forged envelope opened")
