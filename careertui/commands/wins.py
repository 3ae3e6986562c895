"""``careertui wins``: the latest wins, newest first, for a terminal or as JSON.

Each line starts with the win's date and the start of its id, enough to name it to
``careertui edit-win`` and ``careertui delete-win``. Lean like ``careertui win``: one read of
the file, the wins chosen and ordered on their stored fields, and only the wins printed are
loaded as models (each is still validated, so a damaged record that would be shown is reported,
never printed half-read).
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import os
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from careertui.commands import data_dir, repository
from careertui.domain.clock import today
from careertui.domain.errors import InputError
from careertui.domain.text import json_terminal_safe, terminal_safe

#: How many characters of a win's id ``careertui wins`` shows at least ("win_" and 6 digits).
SHORT_ID = 10
_OLDEST = dt.datetime.min.replace(tzinfo=dt.timezone.utc)
#: Fractional seconds of any length, and a "Z" zone: what Python 3.10's fromisoformat refuses.
_FRACTION = re.compile(r"\.(\d+)")


def _created(doc: dict[str, Any]) -> dt.datetime:
    return _created_at(doc.get("created", ""))


def _created_at(value: Any) -> dt.datetime:
    text = str(value).replace("Z", "+00:00")
    text = _FRACTION.sub(lambda m: "." + m.group(1)[:6].ljust(6, "0"), text, count=1)
    try:
        created = dt.datetime.fromisoformat(text)
    except ValueError:
        return _OLDEST
    return created if created.tzinfo else created.replace(tzinfo=dt.timezone.utc)


def newest_first(docs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Stored wins in the journal's order (date, then time logged, newest first).

    ISO dates order as text, so only the ``created`` timestamps are parsed."""
    return sorted(docs, key=lambda d: (str(d.get("date", "")), _created(d)), reverse=True)


@dataclass(frozen=True)
class _Picked:
    """What the command prints, taken from the stored wins: the documents of the newest
    matching wins, their short ids, the priorities' documents, and whether any win is
    stored and any matched."""

    docs: list[dict[str, Any]]
    shown: dict[str, str]
    priorities: dict[str, dict[str, Any]]
    stored: bool
    matched: bool
    path: Path


Matches = Callable[[Any], bool]  # a win's keys (.date, .tags) -> shown or not


def _pick(
    keys: dict[str, Any],
    fetch: Callable[[list[str]], list[dict[str, Any]]],
    priorities: Callable[[], dict[str, dict[str, Any]]],
    path: Path,
    n: int,
    matches: Matches,
) -> _Picked:
    """The newest ``n`` matching wins: chosen on the dates' text, then only the wins that
    make the cut are fetched (``fetch``: their documents, by id) and ordered by time logged,
    as the journal orders them (:func:`newest_first`)."""
    matching = [key for key, k in keys.items() if matches(k)]
    candidates = _latest_dates(matching, keys, n)
    shown = short_ids(list(keys), candidates)
    stored = bool(keys)
    keys.clear()  # what the cut was made on is no longer needed; the documents are
    docs = newest_first(fetch(candidates))[:n]
    return _Picked(
        docs,
        {d["id"]: shown[d["id"]] for d in docs},
        priorities() if docs else {},
        stored,
        bool(matching),
        path,
    )


def _latest_dates(ids: list[str], keys: dict[str, Any], n: int) -> list[str]:
    """The ids of the ``n`` wins with the latest dates, and every other win on the last of
    those dates (their time logged decides between them)."""
    by_date = sorted(ids, key=lambda k: str(keys[k].date), reverse=True)
    if len(by_date) <= n:
        return by_date
    if n == 0:
        return []
    last, cut = str(keys[by_date[n - 1]].date), n
    while cut < len(by_date) and str(keys[by_date[cut]].date) == last:
        cut += 1
    return by_date[:cut]


def _from_slices(folder: Path, n: int, matches: Matches, tags: bool) -> _Picked | None:
    """From a checked file read in slices: each win's date (and tags, when they filter),
    then only the candidates' documents. No pydantic is loaded here, so the file's bytes are
    let go before the printed wins are loaded as models."""
    from careertui.store.slices import JournalKey, JournalTagKey, doc, read_slices

    slices = read_slices(folder)
    if slices is None:
        return None

    def fetch(ids: list[str]) -> list[dict[str, Any]]:
        spans = slices.spans("wins") if ids else {}
        return [doc(spans[key]) for key in ids]

    keys = slices.fields("wins", JournalTagKey if tags else JournalKey)
    return _pick(keys, fetch, lambda: slices.docs("priorities"), slices.path, n, matches)


def _from_repository(args: argparse.Namespace, matches: Matches) -> _Picked:
    """From the full read (checked, migrated, decrypted as needed)."""
    from types import SimpleNamespace

    repo = repository(args)
    tables = repo.tables()
    stored = tables.get("wins", {})
    keys = {
        key: SimpleNamespace(date=d.get("date", ""), tags=d.get("tags"))
        for key, d in stored.items()
    }
    return _pick(
        keys,
        lambda ids: [stored[key] for key in ids],
        lambda: tables.get("priorities", {}),
        repo.store.path,
        args.n,
        matches,
    )


def short_ids(ids: list[str], wanted: list[str] | None = None) -> dict[str, str]:
    """Each id (of ``wanted``, default all) cut to the shortest start that no other id shares,
    and never shorter than :data:`SHORT_ID` characters: enough to name the win to
    ``careertui edit-win``/``delete-win`` (as git abbreviates commit ids).

    Only an id's neighbours in sorted order can share the longest start with it."""
    ordered = sorted(ids)
    cut = {}
    for key in ordered if wanted is None else wanted:
        at = bisect.bisect_left(ordered, key)
        around = ordered[max(at - 1, 0) : at] + ordered[at + 1 : at + 2]
        shared = max((len(os.path.commonprefix([key, other])) for other in around), default=0)
        cut[key] = key[: max(SHORT_ID, shared + 1)]
    return cut


def run(args: argparse.Namespace) -> int:
    if args.n < 0:
        raise InputError("-n must be 0 or more")
    start = end = None
    if args.from_ or args.to:
        from careertui.domain.dates import parse_when

        start = parse_when(args.from_, today()).isoformat() if args.from_ else None
        end = parse_when(args.to, today()).isoformat() if args.to else None
    tag = args.tag.strip().lstrip("#").lower() if args.tag else None

    def matches(keys: Any) -> bool:
        date = str(keys.date)
        return (
            (start is None or date >= start)
            and (end is None or date <= end)
            and (tag is None or tag in (keys.tags or []))
        )

    picked = _from_slices(data_dir(args), args.n, matches, tag is not None) or _from_repository(
        args, matches
    )
    from careertui.domain.models import Priority, Win
    from careertui.store.repository import load_record

    wins = [load_record(Win, doc, picked.path) for doc in picked.docs]
    if args.json:
        import orjson

        payload = [w.model_dump(mode="json") for w in wins]
        text = orjson.dumps(payload, option=orjson.OPT_INDENT_2).decode()
        sys.stdout.write(json_terminal_safe(text) + "\n")
        return 0
    priorities = {}
    if any(w.priority_id for w in wins):
        docs = picked.priorities
        priorities = {
            w.priority_id: load_record(Priority, docs[w.priority_id], picked.path).title
            for w in wins
            if w.priority_id in docs
        }
    shown = picked.shown
    width = max((len(shown[w.id]) for w in wins), default=0)
    for win in wins:
        star = "★" if win.starred else " "
        extras = [f"[{priorities[win.priority_id]}]"] if win.priority_id in priorities else []
        if win.headline_metric:
            extras.append(str(win.headline_metric))
        extras += [f"#{t}" for t in win.tags]
        line = f"{win.date.isoformat()} {shown[win.id]:<{width}} {star} {win.title}"
        print(terminal_safe(f"{line}  {'  '.join(extras)}" if extras else line))
    if not picked.stored:
        print("no wins yet: log one with careertui win 'what you did'", file=sys.stderr)
    elif not picked.matched:
        print(f"no wins match {_filters(args)}", file=sys.stderr)
    return 0


def _filters(args: argparse.Namespace) -> str:
    """The filters as typed, to say which ones matched nothing."""
    typed = [
        (f"--from {args.from_}" if args.from_ else ""),
        (f"--to {args.to}" if args.to else ""),
        (f"--tag {args.tag}" if args.tag else ""),
    ]
    return terminal_safe(" ".join(t for t in typed if t))
