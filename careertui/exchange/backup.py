"""The JSON export (everything, with the schema version) and loading it back.

The file::

    {"format": "careertui-export", "schema": 2, "app_version": "0.1.0",
     "exported_at": "2026-11-23T09:00:00+00:00",
     "vision": {...} or null,
     "priorities": [...], "gaps": [...], "stakeholders": [...],
     "wins": [...], "feedback": [...], "interactions": [...]}

Every record keeps its id and timestamps, so an import merges by id. A file from an older
schema is migrated in memory with the store's own migrations; a file from a newer one is
refused. Control characters (ESC, BEL, NUL, …) are removed from every text of the file and
counted in the report; a timestamp without a zone is taken as UTC; a record without
``updated`` is added when new and never replaces the copy here. Every record is validated
before anything is written.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson
from pydantic import ValidationError

from careertui import __version__
from careertui.actions.imports import MODELS, NOUNS, ImportReport, merge
from careertui.domain.clock import now
from careertui.domain.errors import InputError, describe
from careertui.domain.models import Record, Vision
from careertui.domain.text import CONTROL, one_line_ending, strip_control
from careertui.exchange.files import read_json
from careertui.store import schema
from careertui.store.repository import Career, Repository

FORMAT = "careertui-export"
#: The list tables of the file, in the order they are written.
LIST_TABLES = (
    "priorities",
    "gaps",
    "stakeholders",
    "wins",
    "feedback",
    "interactions",
    "goals",
    "thanks",
)
_TIMESTAMPS = {"created", "updated"}


def _is_blank(vision: Vision) -> bool:
    """True for the vision of a store where none was ever written."""
    return vision.model_dump(exclude=_TIMESTAMPS) == Vision().model_dump(exclude=_TIMESTAMPS)


def export_data(career: Career) -> dict[str, Any]:
    """Everything in ``career`` as JSON-ready data."""
    data: dict[str, Any] = {
        "format": FORMAT,
        "schema": schema.CURRENT_VERSION,
        "app_version": __version__,
        "exported_at": now().isoformat(timespec="seconds"),
        "vision": None if _is_blank(career.vision) else career.vision.model_dump(mode="json"),
    }
    for table in LIST_TABLES:
        records = getattr(career, table)
        if table == "priorities":  # the archived ones too: their wins still name them
            records = [*records, *career.archived_priorities]
        data[table] = [r.model_dump(mode="json") for r in records]
    return data


def export_json(career: Career) -> str:
    return orjson.dumps(export_data(career), option=orjson.OPT_INDENT_2).decode() + "\n"


@dataclass
class Backup:
    """A validated export, ready to merge: records by table."""

    path: Path
    schema: int
    records: dict[str, list[Record]] = field(default_factory=dict)
    #: The records, as (table, id), the file gives no ``updated`` time.
    undated: set[tuple[str, str]] = field(default_factory=set)
    #: How many text fields of the file held control characters (removed).
    cleaned: int = 0

    def __len__(self) -> int:
        return sum(len(rs) for rs in self.records.values())


def _kind(value: object) -> str:
    if isinstance(value, bool):
        return "a boolean"
    return {
        dict: "an object",
        list: "a list",
        str: "a string",
        int: "a number",
        float: "a number",
        type(None): "null",
    }.get(type(value), type(value).__name__)


def _tables(path: Path, data: dict[str, Any]) -> dict[str, dict[str, dict[str, Any]]]:
    """The file's records in the store's shape (table → id → document), checked for shape,
    ids and duplicates."""
    tables: dict[str, dict[str, dict[str, Any]]] = {}
    vision = data.get("vision")
    if vision is not None:
        if not isinstance(vision, dict):
            raise InputError(f"{path}: vision: expected an object, found {_kind(vision)}")
        tables["vision"] = {Vision.SINGLETON_ID: {**vision, "id": Vision.SINGLETON_ID}}
    for table in LIST_TABLES:
        rows = data.get(table, [])
        if not isinstance(rows, list):
            raise InputError(f"{path}: {table}: expected a list of records, found {_kind(rows)}")
        docs: dict[str, dict[str, Any]] = {}
        for number, row in enumerate(rows, start=1):
            where = f"{path}: {NOUNS[table]} #{number}"
            if not isinstance(row, dict):
                raise InputError(f"{where}: expected an object, found {_kind(row)}")
            record_id = row.get("id")
            if not isinstance(record_id, str) or not record_id.strip():
                raise InputError(f"{where}: id: missing; every record needs its id to merge")
            if record_id in docs:
                raise InputError(f"{where}: id: {record_id!r} appears more than once")
            docs[record_id] = dict(row)
        tables[table] = docs
    return tables


def _without_control(value: Any) -> tuple[Any, int]:
    """``value`` (JSON) with control characters removed from every string in it, and how many
    strings held one (line endings alone are not counted: the models make them newlines)."""
    if isinstance(value, str):
        clean = strip_control(value)
        return clean, int(clean != one_line_ending(value))
    if isinstance(value, list):
        items = [_without_control(item) for item in value]
        return [item for item, _ in items], sum(n for _, n in items)
    if isinstance(value, dict):
        pairs = {key: _without_control(item) for key, item in value.items()}
        return {key: item for key, (item, _) in pairs.items()}, sum(n for _, n in pairs.values())
    return value, 0


#: A control character as orjson writes it when it escapes it (those below U+0020); a false
#: match (an escaped backslash before a ``b``) only costs the walk over every string.
_ESCAPED_CONTROL = re.compile(rb"\\(?:[bfr]|u00[01][0-9a-f])")


def _holds_control(value: Any) -> bool:
    """Whether any string in ``value`` (JSON) holds a control character: one encoding and two
    searches, instead of a walk over every string of a file that usually has none."""
    raw = orjson.dumps(value)
    return bool(_ESCAPED_CONTROL.search(raw)) or CONTROL.search(raw.decode()) is not None


def _cleaned(data: dict[str, Any]) -> tuple[dict[str, Any], int]:
    """The file's records with control characters removed, and how many fields held one."""
    out, total = dict(data), 0
    for key in ("vision", *LIST_TABLES):
        if key in out and _holds_control(out[key]):
            out[key], count = _without_control(out[key])
            total += count
    return out, total


def _missing(doc: dict[str, Any], name: str) -> bool:
    return doc.get(name) is None


def _fill_timestamps(doc: dict[str, Any]) -> bool:
    """Give ``doc`` the timestamps it lacks, from each other or from now; True when it has no
    ``updated`` of its own (it then cannot be said to be newer than anything)."""
    undated = _missing(doc, "updated")
    if undated and _missing(doc, "created"):
        doc["created"] = doc["updated"] = now()
    elif undated:
        doc["updated"] = doc["created"]
    elif _missing(doc, "created"):
        doc["created"] = doc["updated"]
    return undated


def _in_utc(record: Record) -> Record:
    """``record`` with a ``created`` or ``updated`` that has no zone taken as UTC."""
    naive = {
        name: moment.replace(tzinfo=dt.timezone.utc)
        for name in _TIMESTAMPS
        if (moment := getattr(record, name)).tzinfo is None
    }
    return record.model_copy(update=naive) if naive else record


def _schema_version(path: Path, data: dict[str, Any]) -> int:
    version = data.get("schema")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise InputError(f"{path}: schema: {version!r} is not a schema version")
    if version > schema.CURRENT_VERSION:
        raise InputError(
            f"{path}: schema: written by a newer careertui (schema {version}; this one knows "
            f"{schema.CURRENT_VERSION}); upgrade careertui to import it"
        )
    return version


def load_backup(path: Path) -> Backup:
    """Read and validate an export; raise InputError naming the record and field on any
    problem. Nothing is written."""
    path = Path(path).expanduser()
    data = read_json(path)
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        found = "" if isinstance(data, dict) else f", found {_kind(data)}"
        raise InputError(
            f"{path}: not a careertui JSON export (expected an object with "
            f'"format": "{FORMAT}"{found}); make one with careertui export json'
        )
    version = _schema_version(path, data)
    data, cleaned = _cleaned(data)
    tables = _tables(path, data)
    schema.stamp(tables, version)
    try:
        schema.migrate(tables)
    except Exception as exc:  # a migration tripped over a malformed record
        raise InputError(
            f"{path}: cannot be brought from schema {version} to {schema.CURRENT_VERSION}: {exc}"
        ) from exc
    backup = Backup(path, version, cleaned=cleaned)
    problems: list[str] = []
    for table, model in MODELS.items():
        records: list[Record] = []
        for number, (record_id, doc) in enumerate(tables.get(table, {}).items(), start=1):
            undated = _fill_timestamps(doc)
            try:
                record = _in_utc(model.model_validate(doc))
            except ValidationError as exc:
                label = "vision" if table == "vision" else f"{NOUNS[table]} #{number}"
                problems.append(f"{label} {record_id!r}: {describe(exc)}")
                continue
            records.append(record)
            if undated:
                backup.undated.add((table, record.id))
        backup.records[table] = records
    if problems:
        more = f" (and {len(problems) - 1} more invalid records)" if len(problems) > 1 else ""
        raise InputError(f"{path}: {problems[0]}{more}; nothing was imported")
    return backup


def import_backup(repo: Repository, path: Path) -> ImportReport:
    """Validate the export at ``path`` and merge it into ``repo`` by id, all or nothing."""
    backup = load_backup(path)
    report = merge(repo, backup.records, str(backup.path), undated=backup.undated)
    report.cleaned = backup.cleaned
    return report
