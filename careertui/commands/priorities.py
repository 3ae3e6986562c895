"""``careertui priorities [--json]``: the company priorities in force, in rank order, then the
archived ones, the most recently ended first, each with the period it was in force and how
many wins are tied to it. A line under them says when the new half's priorities are due
(:func:`careertui.domain.priorities.renewal_due`). Nothing is written.

``careertui priorities archive NAME [--until WHEN]``: archive the priority NAME (the whole
title or a unique beginning, any case, or its id) as in force until WHEN (default today; never
in the future) with :func:`careertui.actions.vision.archive_priority`: it leaves the list in
force and its wins keep the link, so documents and the alignment share read each win against
the priorities of its own time.

``careertui priorities restore NAME``: put an archived priority back in force, last in rank
(:func:`careertui.actions.vision.restore_priority`): archived by mistake, or in force again.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import TYPE_CHECKING, Any

from careertui.commands import repository
from careertui.commands.table import Column, output_width, render
from careertui.domain.clock import today
from careertui.domain.errors import InputError
from careertui.domain.text import json_terminal_safe, terminal_safe

if TYPE_CHECKING:
    from careertui.domain.models import Priority
    from careertui.store.repository import Career

EMPTY_HINT = "No company priorities yet: add them in the app (1, then a on Company priorities)"
COLUMNS = (
    Column("#", right=True),
    Column("Priority", flexible=True),
    Column("Status"),
    Column("In force"),
    Column("Wins", right=True),
)


def period(priority: Priority) -> str:
    """When the priority was in force, as the list shows it."""
    from careertui.domain.priorities import period_text

    if priority.until is not None:
        return period_text(priority)
    return f"since {priority.since.isoformat()}" if priority.since else "now"


def _wins(career: Career) -> dict[str, int]:
    counts: dict[str, int] = {}
    for win in career.wins:
        if win.priority_id:
            counts[win.priority_id] = counts.get(win.priority_id, 0) + 1
    return counts


def as_json(priority: Priority, wins: int) -> dict[str, Any]:
    """One priority as ``careertui priorities --json`` gives it."""
    return {
        "id": priority.id,
        "title": priority.title,
        "description": priority.description,
        "rank": None if priority.archived else priority.rank + 1,
        "archived": priority.archived,
        "since": priority.since.isoformat() if priority.since else None,
        "until": priority.until.isoformat() if priority.until else None,
        "wins": wins,
    }


def archive_date(typed: str | None, day: dt.date) -> dt.date:
    """The last day in force: ``day`` unless the user typed one, which is never after it."""
    if typed is None:
        return day
    from careertui.domain.dates import parse_past

    return parse_past(typed, day, "archive a priority once it has ended")


def _list(args: argparse.Namespace) -> int:
    from careertui.domain.priorities import renewal_due, renewal_how

    if args.until is not None:
        raise InputError(
            "--until goes with 'archive': careertui priorities archive NAME --until WHEN"
        )
    career = repository(args).career()
    wins = _wins(career)
    every = [*career.priorities, *career.archived_priorities]
    if args.json:
        import orjson

        payload = [as_json(p, wins.get(p.id, 0)) for p in every]
        text = orjson.dumps(payload, option=orjson.OPT_INDENT_2).decode()
        sys.stdout.write(json_terminal_safe(text) + "\n")
        return 0
    if not every:
        print(EMPTY_HINT)
        return 0
    rows = [
        (
            "" if p.archived else p.rank + 1,
            p.title,
            "archived" if p.archived else "in force",
            period(p),
            wins.get(p.id, 0),
        )
        for p in every
    ]
    print("\n".join(render(COLUMNS, rows, output_width())))
    due = renewal_due(career.priorities, career.archived_priorities, today())
    if due:
        how = renewal_how(bool(career.priorities), shell=True)
        print(terminal_safe(f"\nA new half: {due} ({how})."))
    return 0


def _archive(args: argparse.Namespace) -> int:
    from careertui.actions.vision import archive_priority
    from careertui.domain.matching import find_one

    if not args.name:
        raise InputError("name the priority to archive: careertui priorities archive NAME")
    day = today()
    until = archive_date(args.until, day)
    repo = repository(args)
    career = repo.career()
    try:
        priority = find_one(career.priorities, args.name, lambda p: p.title, "priority")
    except InputError:
        # not in force: say so when it is one of the archived ones
        try:
            ended = find_one(career.archived_priorities, args.name, lambda p: p.title, "priority")
        except InputError:
            ended = None
        if ended is not None:
            raise InputError(f"{ended.title!r} is archived already ({period(ended)})") from None
        raise
    archived = archive_priority(repo, priority.id, until)
    tied = sum(w.priority_id == archived.id for w in career.wins)
    kept = (
        f"its {tied} win{'s' if tied != 1 else ''} keep the link"
        if tied
        else "no win is tied to it"
    )
    print(terminal_safe(f"archived {archived.title!r}: in force {period(archived)}; {kept}"))
    return 0


def _restore(args: argparse.Namespace) -> int:
    from careertui.actions.vision import restore_priority
    from careertui.domain.matching import find_one

    if not args.name:
        raise InputError("name the priority to restore: careertui priorities restore NAME")
    if args.until is not None:
        raise InputError("--until goes with 'archive': a restored priority is in force")
    repo = repository(args)
    career = repo.career()
    try:
        ended = find_one(career.archived_priorities, args.name, lambda p: p.title, "priority")
    except InputError:
        try:
            find_one(career.priorities, args.name, lambda p: p.title, "priority")
        except InputError:
            raise InputError(f"no archived priority is called {args.name!r}") from None
        raise InputError(f"{args.name!r} is in force already") from None
    restored = restore_priority(repo, ended.id)
    print(terminal_safe(f"restored {restored.title!r}: in force again, ranked {restored.rank + 1}"))
    return 0


def run(args: argparse.Namespace) -> int:
    if args.action == "archive":
        return _archive(args)
    if args.action == "restore":
        return _restore(args)
    if args.action is not None:
        raise InputError(
            f"{args.action!r} is not something 'priorities' does: careertui priorities "
            "(the list), careertui priorities archive NAME or careertui priorities restore NAME"
        )
    return _list(args)
