"""``careertui step-gap GAP [--impact N] [--level N]``: raise or lower a gap's impact or current
level.

GAP is found as ``careertui win --gap`` finds it (its id, its whole title or a unique beginning
of it, any case). Each value moves by N within its bounds (impact 1-5; the current level 1 up to
the gap's target), as the board's keys do (:func:`careertui.actions.gaps.step_gap`); both
options together change both at once. A value already at its bound stays, and the line printed
says so.
"""

from __future__ import annotations

import argparse

from careertui.commands import repository
from careertui.domain.errors import InputError
from careertui.domain.text import terminal_safe

#: Each option: the gap's field and how the messages name it.
STEPPED = (("impact", "impact", "impact"), ("level", "current_level", "current level"))


def _bound(field: str, step: int) -> str:
    """Which bound a value that did not move is at."""
    if step < 0:
        return "the lowest"
    return "the highest" if field == "impact" else "the gap's target level"


def run(args: argparse.Namespace) -> int:
    from careertui.actions.gaps import step_gap
    from careertui.domain.matching import find_one

    asked = [(field, label, getattr(args, option)) for option, field, label in STEPPED]
    steps = [(field, label, step) for field, label, step in asked if step is not None]
    if not steps:
        raise InputError("say what to change: --impact N or --level N, e.g. --impact +1")
    for _field, label, step in steps:
        if step == 0:
            raise InputError(f"a step of 0 changes no {label}; give e.g. +1 or -1")
    repo = repository(args)
    with repo.transaction():
        before = find_one(repo.gaps.list(), args.gap, lambda g: g.title, "gap")
        for field, _label, step in steps:
            step_gap(repo, before.id, field, step)
        after = repo.gaps.get(before.id) or before
    for field, label, step in steps:
        old, new = getattr(before, field), getattr(after, field)
        if new != old:
            line = f"{after.title!r}: {label} {old} → {new}"
        else:
            line = f"{after.title!r}: {label} stays {new}, {_bound(field, step)}"
        print(terminal_safe(line))
    return 0
