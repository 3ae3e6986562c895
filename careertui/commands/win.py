"""``careertui win TEXT …``: log a win from the shell, with nothing written on bad input.

This is the command people run many times a day, so it stays lean: it never loads the whole
career. Everything typed is parsed before the store is touched; then one transaction takes
the lock, reads the file once, looks up only the tables an option names (priorities, gaps,
stakeholders, never the wins), adds the win and writes once. The editor, natural-language
dates and the fuzzy "did you mean" hints are imported only when used.
"""

from __future__ import annotations

import argparse
import sys

from careertui.commands import repository
from careertui.domain.clock import today
from careertui.domain.errors import InputError


def _title_and_body(args: argparse.Namespace) -> tuple[str, str]:
    text = args.text or ""
    if text == "-":
        text = sys.stdin.read()
    if args.edit:
        from careertui.editor import edit_text

        text = edit_text(text)
    title, _, rest = text.strip().partition("\n")
    if not title.strip():
        raise InputError(
            "the win's text is empty; say what you did, e.g. careertui win 'Shipped X'"
        )
    return title.strip(), rest.strip()


def run(args: argparse.Namespace) -> int:
    title, body = _title_and_body(args)
    when = today()
    if args.date:
        from careertui.domain.dates import parse_when

        when = parse_when(args.date, when)
    from pydantic import ValidationError

    from careertui.domain.errors import describe
    from careertui.domain.matching import find_one
    from careertui.domain.metrics import parse_metric
    from careertui.domain.models import Win

    metrics = [parse_metric(m, "output") for m in args.metric]
    metrics += [parse_metric(m, "input") for m in args.input_metric]
    try:  # validated before the store is touched; the links are filled in below
        win = Win(
            date=when,
            title=title,
            body="\n".join(p for p in (body, args.body or "") if p),
            impact=args.impact or "",
            metrics=metrics,
            tags=args.tag,
            starred=args.star,
        )
    except ValidationError as exc:
        raise InputError(describe(exc)) from exc
    repo = repository(args)
    with repo.transaction():
        links: dict[str, object] = {}
        if args.priority:
            priorities = repo.priorities.list()
            links["priority_id"] = find_one(
                priorities, args.priority, lambda p: p.title, "priority"
            ).id
        if args.gap:
            gaps = repo.gaps.list()
            links["gap_ids"] = [find_one(gaps, g, lambda g: g.title, "gap").id for g in args.gap]
        if args.with_:
            people = repo.stakeholders.list()
            ids = [find_one(people, n, lambda s: s.name, "stakeholder").id for n in args.with_]
            links["stakeholder_ids"] = list(dict.fromkeys(ids))
        # The ids come from stored records, so the copy needs no second validation.
        win = repo.log_win(win.model_copy(update=links) if links else win)
    star = " ★" if win.starred else ""
    print(f"saved win {win.id} on {win.date.isoformat()}{star}: {win.title}")
    return 0
