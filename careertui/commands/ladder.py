"""``careertui ladder [--json]``: the evidence for each expectation of the target level, the
table the app's ladder view shows; ``--level``/``--target`` place you on the ladder first."""

from __future__ import annotations

import argparse
import json
import sys

from careertui.commands import repository
from careertui.commands.table import Column, cell, output_width, render, shorten
from careertui.domain.clock import today
from careertui.domain.text import terminal_safe

#: The most cells the strongest win's title takes, so the expectation keeps room.
STRONGEST_WIDTH = 28
COLUMNS = (
    Column("Competency"),
    Column("Expects", flexible=True),
    Column("Wins", right=True),
    Column("Strongest"),
    Column("Latest"),
    Column("Mark"),
)


def run(args: argparse.Namespace) -> int:
    from careertui.domain.ladder import evidence
    from careertui.exchange.documents import strength

    repo = repository(args)
    if args.level or args.target:
        from careertui.actions.ladder import place_on_ladder

        place_on_ladder(repo, level=args.level, target=args.target)
    career = repo.career()
    vision = career.vision
    rows = evidence(vision, career.wins, career.gaps, today(), strength)
    if args.json:
        data = {
            "ladder": vision.ladder.ladder if vision.ladder else None,
            "level": vision.ladder_level or None,
            "target": vision.ladder_target or None,
            "rows": [
                {
                    "competency": r.competency,
                    "expects": r.expects,
                    "wins": len(r.wins),
                    "strongest": r.strongest.title if r.strongest else None,
                    "latest": r.latest.isoformat() if r.latest else None,
                    "mark": r.mark,
                }
                for r in rows
            ],
        }
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return 0
    if vision.ladder is None:
        print("no ladder yet; import one with: careertui import ladder FILE (or --example pm)")
        return 0
    if not vision.ladder_target:
        print(
            terminal_safe(
                f"ladder {vision.ladder.ladder!r}: no target level yet; set one with "
                "careertui ladder --target LEVEL"
            )
        )
        return 0
    now = f"from {vision.ladder_level} " if vision.ladder_level else ""
    print(terminal_safe(f"{vision.ladder.ladder}: {now}to {vision.ladder_target}"))
    if not rows:
        print(terminal_safe(f"the ladder expects nothing at {vision.ladder_target}"))
        return 0
    table = [
        (
            r.competency,
            r.expects,
            len(r.wins),
            shorten(cell(r.strongest.title), STRONGEST_WIDTH) if r.strongest else "—",
            r.latest.isoformat() if r.latest else "—",
            f"! {r.mark_text}" if r.mark else "",
        )
        for r in rows
    ]
    for line in render(COLUMNS, table, output_width()):
        print(line)
    return 0
