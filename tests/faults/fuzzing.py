"""Shared ground for the fuzz tests: strategies for hostile inputs, a realistic store to mutate,
and a watchdog that turns a hang into a failure.

The watchdog is a hang detector, not a speed check: an example normally takes milliseconds and
is given a minute.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import signal
import tempfile
from collections.abc import Iterator
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

HANG_SECONDS = 60


class Hang(Exception):
    pass


@contextlib.contextmanager
def watchdog(seconds: int = HANG_SECONDS) -> Iterator[None]:
    def fire(signum, frame):
        raise Hang(f"no answer within {seconds}s: a hang")

    previous = signal.signal(signal.SIGALRM, fire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def fuzz_settings(examples: int) -> settings:
    return settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


@functools.cache
def demo_tables() -> dict:
    """The demo career's tables, three records a table (kept small so each example is quick)."""
    import orjson

    from careertui.demo import populate
    from careertui.store.repository import Repository

    with tempfile.TemporaryDirectory() as folder:
        repo = Repository.at(Path(folder))
        populate(repo, dt.date(2026, 11, 23))
        tables = orjson.loads(repo.store.path.read_bytes())
    small = {name: dict(list(rows.items())[:3]) for name, rows in tables.items()}
    return _without_dangling_links(small)


def _without_dangling_links(tables: dict) -> dict:
    """Drop links to the records trimmed away, so the small store is a consistent one."""
    ids = {key for name, rows in tables.items() if name != "_meta" for key in rows}
    for rows in tables.values():
        for key, doc in list(rows.items()):
            for field, value in list(doc.items()):
                if field.endswith("_ids") and isinstance(value, list):
                    doc[field] = [v for v in value if v in ids]
                elif field.endswith("_id") and isinstance(value, str) and value not in ids:
                    if field == "stakeholder_id":
                        del rows[key]
                        break
                    doc[field] = None
    return tables


@functools.cache
def demo_bytes() -> bytes:
    from careertui.store.files import encode

    return encode(demo_tables())


def dumps(value: object) -> bytes:
    """JSON for any generated value (the standard library takes integers of any size)."""
    import json

    return json.dumps(value).encode()


scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False)
    | st.text(max_size=40)
    | st.sampled_from(
        [
            "2026-11-23",
            "2026-02-30",
            "2026-11-23T10:00:00Z",
            "2026-11-23T10:00:00",
            "",
            " ",
            "win_abc",
            "yes",
            "own",
            "high",
            "output",
            "\x00",
            "9" * 400,
        ]
    )
)
json_values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=12), inner, max_size=5)
    ),
    max_leaves=25,
)


@st.composite
def mutated_documents(draw) -> object:
    """A real record from the demo with some fields replaced, removed or added."""
    tables = demo_tables()
    table = draw(st.sampled_from(sorted(tables)))
    rows = tables[table]
    doc = dict(rows[draw(st.sampled_from(sorted(rows)))])
    for _ in range(draw(st.integers(0, 4))):
        action = draw(st.sampled_from(["replace", "remove", "add"]))
        if action == "replace" and doc:
            doc[draw(st.sampled_from(sorted(doc)))] = draw(json_values)
        elif action == "remove" and doc:
            doc.pop(draw(st.sampled_from(sorted(doc))))
        else:
            doc[draw(st.text(max_size=10))] = draw(json_values)
    return table, doc


@st.composite
def mutated_stores(draw) -> object:
    """The demo store with a few records mutated, or tables swapped for random values."""
    import copy

    tables = copy.deepcopy(demo_tables())
    for _ in range(draw(st.integers(1, 3))):
        if draw(st.booleans()):
            table, doc = draw(mutated_documents())
            key = doc.get("id") if isinstance(doc.get("id"), str) else draw(st.text(max_size=8))
            if not isinstance(tables.get(table), dict):
                tables[table] = {}
            tables[table][key] = doc
        else:
            tables[draw(st.sampled_from([*sorted(tables), "x"]))] = draw(json_values)
    return tables


@st.composite
def mutated_bytes(draw, base: bytes | None = None) -> bytes:
    """A valid file cut, flipped, spliced or padded at random places."""
    raw = bytearray(demo_bytes() if base is None else base)
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, max(0, len(raw) - 1)))
        action = draw(st.sampled_from(["truncate", "flip", "insert", "delete"]))
        if action == "truncate":
            del raw[at:]
        elif action == "flip" and raw:
            raw[at] ^= 1 << draw(st.integers(0, 7))
        elif action == "insert":
            raw[at:at] = draw(st.binary(min_size=1, max_size=16))
        else:
            del raw[at : at + draw(st.integers(1, 64))]
    return bytes(raw)
