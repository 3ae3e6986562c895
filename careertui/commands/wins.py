"""``careertui wins``: the latest wins, newest first, for a terminal or as JSON."""

from __future__ import annotations

import argparse
import sys

from careertui.commands import repository
from careertui.domain.clock import today
from careertui.domain.dates import parse_when
from careertui.domain.errors import InputError


def run(args: argparse.Namespace) -> int:
    if args.n < 0:
        raise InputError("-n must be 0 or more")
    start = parse_when(args.from_, today()) if args.from_ else None
    end = parse_when(args.to, today()) if args.to else None
    tag = args.tag.strip().lstrip("#").lower() if args.tag else None
    career = repository(args).career()
    wins = [
        w
        for w in career.wins
        if (start is None or w.date >= start)
        and (end is None or w.date <= end)
        and (tag is None or tag in w.tags)
    ][: args.n]
    if args.json:
        import orjson

        payload = [w.model_dump(mode="json") for w in wins]
        sys.stdout.write(orjson.dumps(payload, option=orjson.OPT_INDENT_2).decode() + "\n")
        return 0
    priorities = {p.id: p.title for p in career.priorities}
    for win in wins:
        star = "★" if win.starred else " "
        extras = [f"[{priorities[win.priority_id]}]"] if win.priority_id in priorities else []
        if win.headline_metric:
            extras.append(str(win.headline_metric))
        extras += [f"#{t}" for t in win.tags]
        line = f"{win.date.isoformat()} {star} {win.title}"
        print(f"{line}  {'  '.join(extras)}" if extras else line)
    if not wins:
        print("no wins yet: log one with careertui win 'what you did'", file=sys.stderr)
    return 0
