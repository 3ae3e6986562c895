"""``careertui win TEXT …``: log a win from the shell, with nothing written on bad input."""

from __future__ import annotations

import argparse
import sys

from pydantic import ValidationError

from careertui.commands import repository
from careertui.domain.clock import today
from careertui.domain.dates import parse_when
from careertui.domain.errors import InputError, describe
from careertui.domain.matching import find_one
from careertui.domain.metrics import parse_metric
from careertui.domain.models import Priority, Win
from careertui.editor import edit_text


def _title_and_body(args: argparse.Namespace) -> tuple[str, str]:
    text = args.text or ""
    if text == "-":
        text = sys.stdin.read()
    if args.edit:
        text = edit_text(text)
    title, _, rest = text.strip().partition("\n")
    if not title.strip():
        raise InputError("the win's text is empty; say what you did, e.g. careertui win 'Shipped X'")
    return title.strip(), rest.strip()


def run(args: argparse.Namespace) -> int:
    title, body = _title_and_body(args)
    repo = repository(args)
    career = repo.career()
    when = parse_when(args.date, today()) if args.date else today()
    metrics = [parse_metric(m, "output") for m in args.metric]
    metrics += [parse_metric(m, "input") for m in args.input_metric]
    priority: Priority | None = None
    if args.priority:
        priority = find_one(career.priorities, args.priority, lambda p: p.title, "priority")
    gaps = [find_one(career.gaps, g, lambda g: g.title, "gap") for g in args.gap]
    people = [find_one(career.stakeholders, n, lambda s: s.name, "stakeholder") for n in args.with_]
    try:
        win = Win(
            date=when,
            title=title,
            body="\n".join(p for p in (body, args.body or "") if p),
            impact=args.impact or "",
            metrics=metrics,
            priority_id=priority.id if priority else None,
            gap_ids=[g.id for g in gaps],
            stakeholder_ids=list(dict.fromkeys(s.id for s in people)),
            tags=args.tag,
            starred=args.star,
        )
    except ValidationError as exc:
        raise InputError(describe(exc)) from exc

    repo.log_win(win)
    star = " ★" if win.starred else ""
    print(f"saved win {win.id} on {win.date.isoformat()}{star}: {win.title}")
    return 0
