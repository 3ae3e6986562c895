"""Importing a jrnl journal as wins: the journal file jrnl itself writes, or its JSON export.

The two are told apart by what the file holds: a JSON object is an export, anything else is
read as a journal file.

**The journal file** (jrnl's own plain-text format, as ``jrnl/journals/Journal.py`` and
``Entry.py`` read and write it)::

    [2026-11-02 09:00:00 AM] Shipped the onboarding redesign with @maya. *
    Activation went from 31% to 38%. #launch

An entry starts at a line ``[date] `` (the date in jrnl's ``timeformat``, ``%F %r`` by
default), its first line is the title (or, on one line, its first sentence) and the rest the
body. A ``*`` at the end of the first line stars it. Tags are words starting with ``#`` or
``@`` (jrnl's default ``tagsymbols``) anywhere in the entry. The dates of jrnl's default and
common time formats are read (:data:`DATE_FORMATS` × :data:`TIME_FORMATS`); a line that looks
like an entry's date but is none (``[2026-13-02 09:00] …``), text before the first entry, and
dates out of careertui's range are errors that name the line. A bracketed word that is no
date (``[TODO] call Maya``, a footnote ``[1] …``) is body text, as it is to jrnl.

**The JSON export** (``jrnl --format json``) holds ``{"tags": {...}, "entries": [{"title",
"body", "date": "YYYY-MM-DD", "time": "HH:MM", "tags": ["#tag", "@person"], "starred": bool,
"uuid"?}]}``.

Either way each entry becomes a win with its date, title, body, tags (without jrnl's tag
symbols) and star. The win's id is derived from the entry (its uuid when jrnl has one, else
its date, time to the minute and title, the same for an entry read from the journal file or
from its export), so importing the same journal again, in either form, adds nothing. Control
characters in an entry are removed and the report says where.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import string
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from careertui.actions.imports import ImportReport, merge
from careertui.domain.clock import today as clock_today
from careertui.domain.dates import check_range
from careertui.domain.errors import InputError, describe
from careertui.domain.models import Win
from careertui.domain.text import control_characters, strip_control
from careertui.store.repository import Repository

#: jrnl's tag symbols (``#@`` by default, configurable); a tag is stored without them.
TAG_SYMBOLS = string.punctuation
TITLE_LIMIT = 300
#: How jrnl finds a tag in an entry (``Entry.tag_regex``) with its default ``tagsymbols``.
TAG = re.compile(r"(?<!\S)([#@][-+*#/\w]+)")
#: An entry's first line: ``[date] `` at the start of a line (``Journal._parse``).
HEADER = re.compile(r"\[([^\]]+)\] ")
#: jrnl skips bracketed text this short: a Markdown footnote, not a date.
FOOTNOTE_LENGTH = 6
#: The date part of the ``timeformat``s read: jrnl's default (``%F``) first.
DATE_FORMATS = (
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%d.%m.%Y",
    "%d %b %Y",
    "%d %B %Y",
    "%b %d, %Y",
    "%B %d, %Y",
    "%b %d %Y",
    "%B %d %Y",
    "%a %b %d %Y",
    "%A %B %d %Y",
    "%a, %d %b %Y",
)
#: The time part: jrnl's default (``%r``: ``09:00:00 AM``), then the common ones.
TIME_FORMATS = ("%I:%M:%S %p", "%H:%M", "%H:%M:%S", "%I:%M %p", "%I:%M%p", "%I:%M:%S%p", "")
FORMATS = tuple(
    f"{day}{sep}{clock}" if clock else day
    for day in DATE_FORMATS
    for sep, clock in [(" ", t) for t in TIME_FORMATS] + [("T", "%H:%M"), ("T", "%H:%M:%S")]
)
EXAMPLE = "[2026-11-02 09:00:00 AM] Title"
#: How many places a report names before "and N more".
NAMED = 5
#: Cut the text of jrnl entries with the sentence splitter jrnl uses (``Entry.split_title``).
SENTENCE_END = re.compile(
    r"([.!?\u2026\u203C\u203D\u2047\u2048\u2049\u22EF\uFE52\uFE57]['\u2019\"\u201D]?[\]\)]*\s+)"
    r"|[\uFF01\uFF0E\uFF1F\uFF61\u3002]"
)


@dataclass
class JrnlReport(ImportReport):
    """What an import of a jrnl journal did, and the entries whose control characters were
    removed (``cleaned`` counts them; ``cleaned_at`` says where and which)."""

    cleaned_at: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        lines = super().lines()
        if self.cleaned_at:
            shown = "; ".join(self.cleaned_at[:NAMED])
            more = len(self.cleaned_at) - NAMED
            lines.append(f"cleaned in: {shown}" + (f" and {more} more" if more > 0 else ""))
        return lines


@dataclass
class Journal:
    """The wins a jrnl file holds, and where their text had control characters."""

    wins: list[Win]
    cleaned: list[str] = field(default_factory=list)


# -- shared by both formats -------------------------------------------------------------------
def _id(key: str) -> str:
    return "win_jrnl_" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def _entry_key(day: dt.date, moment: dt.datetime, title: str) -> str:
    """The key of an entry with no uuid: its date, time to the minute and jrnl's title."""
    return f"{day.isoformat()} {moment:%H:%M}\n{title}"


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


def _in_range(day: dt.date, where: str) -> dt.date:
    try:
        return check_range(day, clock_today())
    except InputError as exc:
        raise InputError(f"{where}: {exc}; nothing was imported") from None


def _win(
    key: str,
    day: dt.date,
    moment: dt.datetime,
    title: str,
    body: str,
    tags: list[str],
    starred: bool,
    where: str,
) -> Win:
    title, body = _split_title(title, body)
    # jrnl's times are local wall-clock times; stored as the same moment in UTC.
    stamp = moment.astimezone(dt.timezone.utc)
    try:
        return Win(
            id=_id(key),
            date=day,
            title=title,
            body=body.strip(),
            # jrnl lists tags in no fixed order: sorted, the same entry makes the same win
            tags=sorted({t.lstrip(TAG_SYMBOLS).lower() for t in tags}),
            starred=starred,
            created=stamp,
            updated=stamp,
        )
    except ValidationError as exc:
        raise InputError(f"{where}: {describe(exc)}; nothing was imported") from exc


def _unique(wins: list[Win]) -> list[Win]:
    """Two entries at the same minute with the same title are one win (the first)."""
    seen: set[str] = set()
    unique: list[Win] = []
    for win in wins:
        if win.id not in seen:
            seen.add(win.id)
            unique.append(win)
    return unique


def _note(where: str, texts: list[str], cleaned: list[str]) -> None:
    """Note in ``cleaned`` which control characters ``texts`` hold, if any."""
    found = list(dict.fromkeys(c for text in texts for c in control_characters(text)))
    if found:
        cleaned.append(f"{where} ({' '.join(found)})")


# -- jrnl's JSON export -----------------------------------------------------------------------
def _json_key(entry: dict[str, Any]) -> str:
    uuid = entry.get("uuid")
    if isinstance(uuid, str) and uuid:
        return f"uuid:{uuid}"
    return f"{entry.get('date')} {entry.get('time', '')}\n{entry.get('title', '')}"


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
    day = _in_range(day, f"{where}: date")
    return day, dt.datetime.combine(day, clock)


def entry_to_win(entry: object, number: int, path: Path, cleaned: list[str] | None = None) -> Win:
    """One entry of jrnl's JSON export as a win (control characters removed and noted in
    ``cleaned``)."""
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
    _note(f"entry #{number}", [title, body, *tags], cleaned if cleaned is not None else [])
    title, body, tags = strip_control(title), strip_control(body), [strip_control(t) for t in tags]
    return _win(_json_key(entry), day, moment, title, body, tags, starred, where)


def _from_json(data: object, path: Path) -> Journal:
    entries = data.get("entries") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise InputError(
            f'{path}: not a jrnl JSON export (expected an object with a list of "entries"); '
            "make one with: jrnl --format json --file FILE, or import the journal file itself"
        )
    cleaned: list[str] = []
    wins = [entry_to_win(entry, n, path, cleaned) for n, entry in enumerate(entries, start=1)]
    return Journal(_unique(wins), cleaned)


# -- jrnl's journal file ----------------------------------------------------------------------
def jrnl_split_title(text: str) -> tuple[str, str]:
    """The title and body of an entry's text, split as jrnl splits them: at the first newline,
    or with none, after the first sentence."""
    sep = re.search("\n", text.lstrip()) or SENTENCE_END.search(text)
    if not sep:
        return text, ""
    return text[: sep.end()].strip(), text[sep.end() :].strip()


def parse_date(blob: str) -> dt.datetime | None:
    """The moment in an entry's ``[date]``, in any of :data:`FORMATS`, or None."""
    blob = " ".join(blob.split())
    for fmt in FORMATS:
        try:
            return dt.datetime.strptime(blob, fmt)
        except ValueError:
            continue
    return None


@dataclass
class _Entry:
    line: int
    moment: dt.datetime
    text: str = ""


def _entries(text: str, path: Path) -> Iterator[_Entry]:
    """The entries of a journal file, each with the line it starts on."""
    entry: _Entry | None = None
    body: list[str] = []
    for number, line in enumerate(text.split("\n"), start=1):
        header = HEADER.match(line)
        moment = parse_date(header.group(1)) if header else None
        if header and moment is None:
            blob = header.group(1)
            looks_dated = len(blob) > FOOTNOTE_LENGTH and any(c.isdigit() for c in blob)
            if looks_dated or entry is None:
                raise InputError(
                    f"{path}: line {number}: cannot read the date [{blob}] (jrnl's default "
                    f"looks like {EXAMPLE}; or import jrnl --format json); nothing was imported"
                )
        if moment is not None:
            if entry is not None:
                entry.text = "\n".join(body)
                yield entry
            entry, body = _Entry(number, moment), [line[header.end() :] if header else ""]
        elif entry is not None:
            body.append(line)
        elif line.strip():
            raise InputError(
                f"{path}: line {number}: not a jrnl journal: an entry starts with its date, "
                f"like {EXAMPLE}"
                + (
                    "; the file looks encrypted: decrypt it with jrnl --decrypt first"
                    if line.startswith("gAAAAA")
                    else ""
                )
                + "; nothing was imported"
            )
    if entry is not None:
        entry.text = "\n".join(body)
        yield entry


def _entry_to_win(entry: _Entry, path: Path, cleaned: list[str]) -> Win:
    where = f"{path}: line {entry.line}"
    day = _in_range(entry.moment.date(), where)
    _note(f"line {entry.line}", [entry.text], cleaned)
    raw = strip_control(entry.text)
    lines = raw.splitlines()
    starred = bool(lines) and lines[0].strip().endswith("*")
    text = lines[0].strip("\n *") + "\n" + "\n".join(lines[1:]) if starred else raw
    title, body = jrnl_split_title(text)
    where = f"{where} ({day.isoformat()} {' '.join(title.split())[:40]!r})"
    tags = TAG.findall(raw)
    moment = entry.moment.replace(second=0, microsecond=0)  # to the minute, as jrnl exports
    key = _entry_key(day, moment, title)
    return _win(key, day, moment, title, body, tags, starred, where)


def _from_text(text: str, path: Path) -> Journal:
    cleaned: list[str] = []
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    wins = [_entry_to_win(entry, path, cleaned) for entry in _entries(text, path)]
    if not wins:
        raise InputError(f"{path}: no jrnl entries in the file (an entry starts like {EXAMPLE})")
    return Journal(_unique(wins), cleaned)


# -- reading a file -----------------------------------------------------------------------------
def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, not a file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from exc


def read_jrnl(path: Path) -> Journal:
    """Every entry of a jrnl journal file or JSON export as a win, validated; nothing is
    written."""
    path = Path(path).expanduser()
    raw = _read(path)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(
            f"{path}: not a jrnl journal (not UTF-8 text); an encrypted journal must be "
            "decrypted first (jrnl --decrypt)"
        ) from None
    if not text.strip():
        raise InputError(f"{path}: the file is empty")
    if text.lstrip().startswith("{"):
        import orjson

        try:
            data = orjson.loads(text)
        except orjson.JSONDecodeError as exc:
            raise InputError(f"{path}: not valid JSON ({exc})") from exc
        return _from_json(data, path)
    return _from_text(text, path)


def load_jrnl(path: Path) -> list[Win]:
    """Every entry of a jrnl journal file or JSON export as a win, validated; nothing is
    written."""
    return read_jrnl(path).wins


def import_jrnl(repo: Repository, path: Path) -> JrnlReport:
    """Import the jrnl journal or export at ``path`` as wins, merged by id, all or nothing."""
    journal = read_jrnl(path)
    report = merge(repo, {"wins": journal.wins}, str(Path(path).expanduser()))
    found = {**vars(report), "cleaned": len(journal.cleaned)}
    return JrnlReport(**found, cleaned_at=journal.cleaned)
