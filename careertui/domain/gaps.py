"""Rules of the gap board: the manual order, moving gaps within and between columns, evidence.

The manual order is one sequence over all gaps, kept in ``Gap.rank``; a column shows its gaps
in that order. Every move computes the new sequence, numbers it 0, 1, 2, … and returns only
the gaps whose rank or status changed, so a move touches as few records as it can.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable

from careertui.domain.models import Gap, GapStatus, Win

#: The board's columns, left to right.
COLUMNS: tuple[GapStatus, ...] = (GapStatus.BACKLOG, GapStatus.WORKING, GapStatus.CLOSED)


def manual_order(gaps: Iterable[Gap]) -> list[Gap]:
    """The user's order: by rank; ties (e.g. gaps added elsewhere) by age, then id."""
    return sorted(gaps, key=lambda gap: (gap.rank, gap.created, gap.id))


def column(gaps: Iterable[Gap], status: GapStatus) -> list[Gap]:
    """The gaps with ``status``, in manual order."""
    return [gap for gap in manual_order(gaps) if gap.status == status]


def neighbour_status(status: GapStatus, step: int) -> GapStatus | None:
    """The column ``step`` to the right (negative: left) of ``status``, or None past an edge."""
    index = COLUMNS.index(status) + step
    return COLUMNS[index] if 0 <= index < len(COLUMNS) else None


def _renumbered(order: list[Gap], status_of: dict[str, GapStatus] | None = None) -> list[Gap]:
    """Gaps of ``order`` whose rank (position) or status differs from what they hold."""
    status_of = status_of or {}
    changed: list[Gap] = []
    for position, gap in enumerate(order):
        status = status_of.get(gap.id, gap.status)
        if gap.rank != position or gap.status != status:
            changed.append(gap.model_copy(update={"rank": position, "status": status}))
    return changed


def move_within(gaps: Iterable[Gap], gap_id: str, step: int) -> list[Gap]:
    """Move a gap ``step`` places down (negative: up) its column, stopping at the ends.

    Returns the gaps to save (empty when nothing moves)."""
    order = manual_order(gaps)
    gap = next((g for g in order if g.id == gap_id), None)
    if gap is None or step == 0:
        return []
    same = [g for g in order if g.status == gap.status]
    here = same.index(gap)
    there = max(0, min(len(same) - 1, here + step))
    if there == here:
        return []
    target = same[there]
    order.remove(gap)
    index = order.index(target)
    order.insert(index + 1 if step > 0 else index, gap)
    return _renumbered(order)


def move_to(gaps: Iterable[Gap], gap_id: str, status: GapStatus) -> list[Gap]:
    """Move a gap to the top of the ``status`` column. Returns the gaps to save."""
    order = manual_order(gaps)
    gap = next((g for g in order if g.id == gap_id), None)
    if gap is None or gap.status == status:
        return []
    order.remove(gap)
    first = next((i for i, g in enumerate(order) if g.status == status), None)
    order.insert(len(order) if first is None else first, gap)
    return _renumbered(order, {gap.id: status})


def next_rank(gaps: Iterable[Gap]) -> int:
    """The rank that puts a new gap after every other."""
    return max((gap.rank for gap in gaps), default=-1) + 1


def evidence_counts(wins: Iterable[Win]) -> Counter[str]:
    """How many wins are evidence for each gap, by gap id."""
    return Counter(gap_id for win in wins if win.gap_ids for gap_id in set(win.gap_ids))


def evidence(gap_id: str, wins: Iterable[Win]) -> list[Win]:
    """The wins that are evidence for the gap, newest first."""
    linked = [win for win in wins if gap_id in win.gap_ids]
    return sorted(linked, key=_newest_first, reverse=True)


def evidence_by_gap(wins: Iterable[Win]) -> dict[str, list[Win]]:
    """:func:`evidence` of every gap at once, by gap id (one pass over the wins, for a
    document that lists every gap's evidence)."""
    linked: dict[str, list[Win]] = {}
    for win in sorted(wins, key=_newest_first, reverse=True):
        for gap_id in dict.fromkeys(win.gap_ids):
            linked.setdefault(gap_id, []).append(win)
    return linked


def _newest_first(win: Win) -> tuple[dt.date, dt.datetime]:
    return (win.date, win.created)


def is_overdue(gap: Gap, today: dt.date) -> bool:
    """Due before today and not closed."""
    return gap.due is not None and gap.due < today and gap.status != GapStatus.CLOSED


def closing_needs_confirmation(gap: Gap, status: GapStatus, wins: Iterable[Win]) -> bool:
    """Closing a gap with no win as evidence is allowed, but only once the user confirms."""
    if status != GapStatus.CLOSED or gap.status == GapStatus.CLOSED:
        return False
    return not any(gap.id in win.gap_ids for win in wins)


def stepped(gap: Gap, field: str, step: int) -> Gap | None:
    """The gap with ``impact`` or ``current_level`` moved ``step`` within its bounds, or None
    when it is already at the bound (impact 1–5; the current level 1 up to the target)."""
    if field == "impact":
        low, high = 1, 5
    elif field == "current_level":
        low, high = 1, gap.target_level
    else:
        raise ValueError(f"cannot step {field!r}")
    value = max(low, min(high, getattr(gap, field) + step))
    if value == getattr(gap, field):
        return None
    return gap.model_copy(update={field: value})


def limit_reason(gap: Gap, field: str, step: int) -> str:
    """Why ``stepped`` changed nothing, in words for the user."""
    if field == "impact":
        return f"impact is already {'5, the highest' if step > 0 else '1, the lowest'}"
    if step > 0:
        return (
            f"the current level is at the target ({gap.target_level}); "
            "edit the gap (e) to raise the target, or close it"
        )
    return "the current level is already 1, the lowest"
