"""``careertui move-gap GAP --up | --down | --to COLUMN [--force]``: move a gap on the board.

GAP is found as ``careertui win --gap`` finds it (its id, its whole title or a unique beginning
of it, any case). ``--up``/``--down`` move it one place within its column and ``--to`` to the top
of another column, as the board's keys do (:func:`careertui.actions.gaps.move_gap`,
:func:`careertui.actions.gaps.move_gap_to`). Closing a gap no win is evidence for is refused
unless ``--force``: the app asks first, and the shell has no one to ask.
"""

from __future__ import annotations

import argparse

from careertui.commands import repository
from careertui.domain.errors import InputError
from careertui.domain.models import GapStatus
from careertui.domain.text import terminal_safe

#: ``--to``'s names of the board's columns.
COLUMN_NAMED = {
    "backlog": GapStatus.BACKLOG,
    "working": GapStatus.WORKING,
    "closed": GapStatus.CLOSED,
}


def run(args: argparse.Namespace) -> int:
    from careertui.actions.gaps import move_gap, move_gap_to
    from careertui.commands.gaps import column_title
    from careertui.domain.gaps import closing_needs_confirmation, column
    from careertui.domain.matching import find_one

    if args.force and args.to != "closed":
        raise InputError("--force goes with --to closed (see 'careertui move-gap --help')")
    repo = repository(args)
    with repo.transaction():
        gap = find_one(repo.gaps.list(), args.gap, lambda g: g.title, "gap")
        if args.to is not None:
            status = COLUMN_NAMED[args.to]
            if closing_needs_confirmation(gap, status, repo.wins.list()) and not args.force:
                raise InputError(
                    f"no win is evidence for {gap.title!r} yet, so it stays open; log one with "
                    f"careertui win --gap, or close it anyway with --force"
                )
            changed = move_gap_to(repo, gap.id, status)
        else:
            changed = move_gap(repo, gap.id, -1 if args.up else 1)
        board = repo.gaps.list()
    moved = next(g for g in board if g.id == gap.id)
    same = column(board, moved.status)
    place = same.index(moved) + 1
    where = f"{place} of {len(same)} in {column_title(moved.status)}"
    if changed:
        print(terminal_safe(f"moved {moved.title!r}: {where}"))
    elif args.to is not None:
        print(terminal_safe(f"{moved.title!r} is already in {column_title(moved.status)}"))
    else:
        end = "first" if args.up else "last"
        print(terminal_safe(f"{moved.title!r} is already {end} in {column_title(moved.status)}"))
    return 0
