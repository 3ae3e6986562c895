"""Reading a large data file in slices, for the shell's read-only commands.

Parsing the whole file builds every document as Python objects: at 50,000 wins that is about a
second and 250 MiB before a single line is printed. When the file is exactly what careertui
last wrote and checked (its ``.checked`` digest matches), plain and of the current schema,
:func:`read_slices` instead finds where each table and each document lies in the bytes
(msgspec's ``Raw``: spans of the file, nothing decoded) and decodes only what a command asks
for: every document of a small table, or a few fields of every document of a large one
(msgspec builds just those fields and skips the rest of each document).

Anything else (a new, encrypted, edited, damaged or older file) gives None and the command
reads the file the full way, which checks, migrates, decrypts or reports as before.
Nothing here writes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import msgspec
import orjson

from careertui.domain.choices import OPEN_GOAL_STATUSES, GapStatus, Relationship, Stance
from careertui.domain.text import neutralise
from careertui.store import schema
from careertui.store.errors import UnreadableStore
from careertui.store.files import read_bytes
from careertui.store.lean import DATA_FILE, TABLE_SPANS, checked_digest, digest

S = TypeVar("S", bound=msgspec.Struct)


@dataclass(frozen=True)
class Slices:
    """The tables of a checked data file, each still a span of its bytes."""

    path: Path
    tables: dict[str, msgspec.Raw]

    def spans(self, table: str) -> dict[str, msgspec.Raw]:
        """Each document of ``table`` by id, as a span of the file (nothing decoded)."""
        found = self.tables.get(table)
        return {} if found is None else TABLE_SPANS.decode(found)

    def docs(self, table: str) -> dict[str, dict[str, Any]]:
        """Every document of ``table`` by id, decoded (for the small tables)."""
        found = self.tables.get(table)
        return {} if found is None else orjson.loads(bytes(found))

    def fields(self, table: str, shape: type[S]) -> dict[str, S]:
        """Only the fields ``shape`` declares of every document of ``table``, by id."""
        found = self.tables.get(table)
        if found is None:
            return {}
        return msgspec.json.decode(found, type=dict[str, shape])  # type: ignore[valid-type]


def doc(span: msgspec.Raw) -> dict[str, Any]:
    """One document decoded from its span."""
    found: dict[str, Any] = orjson.loads(bytes(span))
    return found


def read_slices(data_dir: Path) -> Slices | None:
    """The data file in slices, or None when it must be read the full way (see the module)."""
    path = Path(data_dir) / DATA_FILE
    try:
        raw = read_bytes(path)
    except UnreadableStore:
        return None  # the full read reports it
    if raw is None or not raw.startswith(b"{"):  # a new store, or an encrypted one
        return None
    if checked_digest(Path(data_dir)) != digest(raw):  # changed since careertui checked it
        return None
    try:
        tables = TABLE_SPANS.decode(raw)
        meta = orjson.loads(bytes(tables[schema.META_TABLE])).get(schema.SCHEMA_KEY)
    except (msgspec.DecodeError, orjson.JSONDecodeError, KeyError, AttributeError):
        return None
    if meta != {"version": schema.CURRENT_VERSION} or type(meta["version"]) is not int:
        return None
    return Slices(path, tables)


class JournalKey(msgspec.Struct):
    """What orders the journal by day, of one stored win (typed loosely, as stored)."""

    date: Any = ""


class JournalTagKey(JournalKey):
    """What orders the journal and filters it by tag."""

    tags: Any = None


class StatusKey(msgspec.Struct):
    """A stored gap's status, alone."""

    status: Any = ""


class Expectations(msgspec.Struct):
    """A competency of the stored ladder: its name and what it expects at each level."""

    name: str
    expects: dict[str, str] = {}


class Rungs(msgspec.Struct):
    """The stored ladder's competencies."""

    competencies: list[Expectations] = []


class Room(msgspec.Struct):
    """Management's stored answer on room to grow."""

    answer: str = "not asked"
    asked_on: dt.date | None = None


class Asked(msgspec.Struct):
    """A stored ask for the next step: when, and when to ask again."""

    date: dt.date
    ask_again: dt.date | None = None


class Destination(msgspec.Struct):
    """What the status line reads of the stored vision: the target role and when, and for
    readiness the ladder, the level aimed at, the room to grow and the asks."""

    target_role: str = ""
    horizon: dt.date | None = None
    ladder: Rungs | None = None
    ladder_target: str = ""
    room_to_grow: Room = msgspec.field(default_factory=Room)
    asks: list[Asked] = []

    def __post_init__(self) -> None:
        self.target_role = neutralise(self.target_role)  # as a record read from the store


class Contact(msgspec.Struct):
    """What the check-in rules and readiness read of a stored person."""

    created: dt.datetime
    cadence_days: int = 0
    last_contact: dt.date | None = None
    name: str = ""
    influence: int = 3
    stance: Stance = Stance.UNKNOWN
    relationship: Relationship = Relationship.PEER


class Dated(msgspec.Struct):
    """A stored win's day, alone."""

    date: dt.date


class Evidence(Dated):
    """What readiness reads of a stored win: its day, what it is tied to and what makes it
    strong (the metrics left undecoded: only whether there are any counts)."""

    created: dt.datetime
    competencies: list[str] = []
    gap_ids: list[str] = []
    priority_id: str | None = None
    metrics: list[msgspec.Raw] = []
    impact: str = ""
    starred: bool = False


class Worked(msgspec.Struct):
    """What readiness reads of a stored gap."""

    id: str
    status: GapStatus = GapStatus.BACKLOG
    title: str = ""
    competencies: list[str] = []


class Period(msgspec.Struct):
    """When a stored priority was in force."""

    id: str
    since: dt.date | None = None
    until: dt.date | None = None


class GoalDue(msgspec.Struct):
    """What the reminder reads of a stored interim goal."""

    title: str
    due: dt.date
    status: str = "on track"

    def __post_init__(self) -> None:
        self.title = neutralise(self.title)  # as a record read from the store

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_GOAL_STATUSES
