"""Importing a journal exported with ``jrnl --format json`` as wins.

jrnl writes ``{"tags": {...}, "entries": [{"title", "body", "date": "YYYY-MM-DD",
"time": "HH:MM", "tags": ["#tag", "@person"], "starred": bool, "uuid"?}]}``. Each entry becomes a
win with its date, title, body, tags (without jrnl's tag symbols) and star. The win's id is
derived from the entry (its uuid when jrnl has one, else its date, time and title), so importing
the same journal again adds nothing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import string
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from careertui.domain.errors import InputError, describe
from careertui.domain.models import Win
from careertui.exchange.files import read_json
from careertui.exchange.merge import ImportReport, merge
from careertui.store.repository import Repository

#: jrnl's tag symbols (``#@`` by default, configurable); a tag is stored without them.
TAG_SYMBOLS = string.punctuation
TITLE_LIMIT = 300


def _id(entry: dict[str, Any]) -> str:
    uuid = entry.get("uuid")
    key = f"uuid:{uuid}" if isinstance(uuid, str) and uuid else (
        f"{entry.get('date')} {entry.get('time', '')}\n{entry.get('title', '')}"
    )
    return "win_jrnl_" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def _split_title(title: str, body: str) -> tuple[str, str]:
    """A title that fits (≤ 300 characters), the rest moved to the top of the body."""
    title = " ".join(title.split())
    if not title and body.strip():
        first, _, rest = body.strip().partition("\n")
        title, body = " ".join(first.split()), rest
    if len(title) <= TITLE_LIMIT:
        return title, body
    cut = title.rfind(" ", 0, TITLE_LIMIT - 1)
    cut = cut if cut > 0 else TITLE_LIMIT - 1
    head, tail = title[:cut].rstrip() + "…", title[cut:].strip()
    return head, f"{tail}\n\n{body}".strip() if body.strip() else tail


def _when(entry: dict[str, Any], where: str) -> tuple[dt.date, dt.datetime]:
    raw_date, raw_time = entry.get("date"), entry.get("time") or "00:00"
    if not isinstance(raw_date, str):
        raise InputError(f"{where}: date: missing (jrnl writes YYYY-MM-DD)")
    try:
        day = dt.date.fromisoformat(raw_date)
    except ValueError:
        raise InputError(f"{where}: date: {raw_date!r} is not a date (YYYY-MM-DD)") from None
    try:
        clock = dt.time.fromisoformat(str(raw_time))
    except ValueError:
        raise InputError(f"{where}: time: {raw_time!r} is not a time (HH:MM)") from None
    # jrnl's times are local wall-clock times; stored as the same moment in UTC.
    moment = dt.datetime.combine(day, clock).astimezone(dt.timezone.utc)
    return day, moment


def entry_to_win(entry: object, number: int, path: Path) -> Win:
    where = f"{path}: entry #{number}"
    if not isinstance(entry, dict):
        raise InputError(f"{where}: expected an object, found {type(entry).__name__}")
    title, body = entry.get("title", ""), entry.get("body", "")
    if not isinstance(title, str):
        raise InputError(f"{where}: title: expected text")
    if not isinstance(body, str):
        raise InputError(f"{where}: body: expected text")
    day, moment = _when(entry, where)
    where = f"{where} ({day.isoformat()} {title[:40]!r})"
    tags = entry.get("tags", [])
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise InputError(f"{where}: tags: expected a list of tags")
    starred = entry.get("starred", False)
    if not isinstance(starred, bool):
        raise InputError(f"{where}: starred: expected true or false")
    title, body = _split_title(title, body)
    try:
        return Win(
            id=_id(entry),
            date=day,
            title=title,
            body=body.strip(),
            # jrnl lists tags in no fixed order: sorted, the same entry makes the same win
            tags=sorted({t.lstrip(TAG_SYMBOLS).lower() for t in tags}),
            starred=starred,
            created=moment,
            updated=moment,
        )
    except ValidationError as exc:
        raise InputError(f"{where}: {describe(exc)}; nothing was imported") from exc


def load_jrnl(path: Path) -> list[Win]:
    """Every entry of a jrnl JSON export as a win, validated; nothing is written."""
    path = Path(path).expanduser()
    data = read_json(path)
    entries = data.get("entries") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise InputError(
            f"{path}: not a jrnl JSON export (expected an object with a list of \"entries\"); "
            "make one with: jrnl --format json --file FILE"
        )
    wins = [entry_to_win(entry, n, path) for n, entry in enumerate(entries, start=1)]
    seen: dict[str, int] = {}
    unique: list[Win] = []
    for win in wins:  # two entries at the same minute with the same title are one win
        if win.id not in seen:
            seen[win.id] = len(unique)
            unique.append(win)
    return unique


def import_jrnl(repo: Repository, path: Path) -> ImportReport:
    """Import the jrnl export at ``path`` as wins, merged by id, all or nothing."""
    return merge(repo, {"wins": load_jrnl(path)}, str(Path(path).expanduser()))
