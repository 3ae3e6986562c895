"""The schema version kept in the ``_meta`` table, and the migrations between versions."""

from __future__ import annotations

from collections.abc import Callable

from careertui.store.files import Tables

META_TABLE = "_meta"
SCHEMA_KEY = "schema"

#: The version this careertui writes.
CURRENT_VERSION = 2


def _v1_to_v2(tables: Tables) -> None:
    """Schema 2: the vision gains "scope today" and "room to grow"; a gap may name the
    feedback it was made from. Every existing value is kept as it was."""
    for doc in tables.get("vision", {}).values():
        scope = doc.get("scope")
        doc["scope"] = scope if isinstance(scope, list) else []
        room = doc.get("room_to_grow")
        doc["room_to_grow"] = room if isinstance(room, dict) else {"answer": "not asked"}
    for doc in tables.get("gaps", {}).values():
        doc.setdefault("source_feedback_id", None)


#: ``MIGRATIONS[n]`` turns the tables of version ``n`` into version ``n + 1``, in place.
MIGRATIONS: dict[int, Callable[[Tables], None]] = {1: _v1_to_v2}


class SchemaError(ValueError):
    """The ``_meta`` record is not something this careertui understands."""


def version_of(tables: Tables) -> int:
    """The schema version a file was written with; a file with no ``_meta`` is version 1."""
    meta = tables.get(META_TABLE, {}).get(SCHEMA_KEY)
    if meta is None:
        return 1
    version = meta.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise SchemaError(f"the schema version {version!r} in {META_TABLE!r} is not valid")
    return version


def stamp(tables: Tables, version: int | None = None) -> None:
    """Record ``version`` (by default the current one) in the ``_meta`` table."""
    current = CURRENT_VERSION if version is None else version
    tables.setdefault(META_TABLE, {})[SCHEMA_KEY] = {"version": current}


def migrate(tables: Tables) -> int:
    """Bring ``tables`` up to :data:`CURRENT_VERSION`; return the version it started at."""
    start = version_of(tables)
    for version in range(start, CURRENT_VERSION):
        MIGRATIONS[version](tables)
        stamp(tables, version + 1)
    stamp(tables)
    return start
