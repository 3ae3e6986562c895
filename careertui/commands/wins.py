"""``careertui wins``: the latest wins, newest first, for a terminal or as JSON.

Each line starts with the win's date and the start of its id, enough to name it to
``careertui edit-win`` and ``careertui delete-win``. Lean like ``careertui win``: one read of
the file, the wins chosen and ordered on their stored fields, and only the wins printed are
loaded as models (each is still validated, so a damaged record that would be shown is reported,
never printed half-read).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import sys
from typing import Any

from careertui.commands import repository
from careertui.domain.clock import today
from careertui.domain.errors import InputError
from careertui.domain.text import json_terminal_safe, terminal_safe

#: How many characters of a win's id ``careertui wins`` shows at least ("win_" and 6 digits).
SHORT_ID = 10
_OLDEST = dt.datetime.min.replace(tzinfo=dt.timezone.utc)
#: Fractional seconds of any length, and a "Z" zone: what Python 3.10's fromisoformat refuses.
_FRACTION = re.compile(r"\.(\d+)")


def _created(doc: dict[str, Any]) -> dt.datetime:
    text = str(doc.get("created", "")).replace("Z", "+00:00")
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


def short_ids(ids: list[str]) -> dict[str, str]:
    """Each id cut to the shortest start that no other id shares, and never shorter than
    :data:`SHORT_ID` characters: enough to name the win to ``careertui edit-win``/``delete-win``
    (as git abbreviates commit ids)."""
    ordered = sorted(ids)
    shared = dict.fromkeys(ordered, 0)
    for before, after in zip(ordered, ordered[1:], strict=False):
        common = len(os.path.commonprefix([before, after]))
        shared[before] = max(shared[before], common)
        shared[after] = max(shared[after], common)
    return {key: key[: max(SHORT_ID, shared[key] + 1)] for key in ordered}


def run(args: argparse.Namespace) -> int:
    if args.n < 0:
        raise InputError("-n must be 0 or more")
    start = end = None
    if args.from_ or args.to:
        from careertui.domain.dates import parse_when

        start = parse_when(args.from_, today()).isoformat() if args.from_ else None
        end = parse_when(args.to, today()).isoformat() if args.to else None
    tag = args.tag.strip().lstrip("#").lower() if args.tag else None
    from careertui.domain.models import Priority, Win
    from careertui.store.repository import load_record

    repo = repository(args)
    tables = repo.tables()
    stored = tables.get(Win.table, {})
    matching = [
        doc
        for doc in newest_first(list(stored.values()))
        if (start is None or str(doc.get("date", "")) >= start)
        and (end is None or str(doc.get("date", "")) <= end)
        and (tag is None or tag in (doc.get("tags") or []))
    ]
    wins = [load_record(Win, doc, repo.store.path) for doc in matching[: args.n]]
    if args.json:
        import orjson

        payload = [w.model_dump(mode="json") for w in wins]
        text = orjson.dumps(payload, option=orjson.OPT_INDENT_2).decode()
        sys.stdout.write(json_terminal_safe(text) + "\n")
        return 0
    priorities = {}
    if any(w.priority_id for w in wins):
        docs = tables.get(Priority.table, {})
        priorities = {
            w.priority_id: load_record(Priority, docs[w.priority_id], repo.store.path).title
            for w in wins
            if w.priority_id in docs
        }
    shown = short_ids(list(stored))
    width = max((len(shown[w.id]) for w in wins), default=0)
    for win in wins:
        star = "★" if win.starred else " "
        extras = [f"[{priorities[win.priority_id]}]"] if win.priority_id in priorities else []
        if win.headline_metric:
            extras.append(str(win.headline_metric))
        extras += [f"#{t}" for t in win.tags]
        line = f"{win.date.isoformat()} {shown[win.id]:<{width}} {star} {win.title}"
        print(terminal_safe(f"{line}  {'  '.join(extras)}" if extras else line))
    if not stored:
        print("no wins yet: log one with careertui win 'what you did'", file=sys.stderr)
    elif not matching:
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
