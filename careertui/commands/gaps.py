"""``careertui gaps``: the gap board from the shell, in the board's order, with each gap's
priority score; ``--explain`` shows the score term by term, as the gap's details do in the app;
``--json`` gives the same for scripts.

The board's order is its columns left to right (Backlog, Working on, Closed), each in the
user's manual order (:func:`careertui.domain.gaps.column`). Nothing is written.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import textwrap
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from careertui.commands import repository
from careertui.commands.table import Column, output_width, render
from careertui.domain.clock import today
from careertui.domain.text import json_terminal_safe, terminal_safe

if TYPE_CHECKING:
    from careertui.domain.models import Gap, GapStatus, Stakeholder
    from careertui.domain.scoring import Score

EMPTY_HINT = "No gaps yet: add one in the app (2, n)"
#: Where the score's terms start under their gap with ``--explain``.
EXPLAIN_INDENT = "    "
COLUMNS = (
    Column("Status"),
    Column("Score", right=True),
    Column("Wins", right=True),
    Column("Due"),
    Column("Title", flexible=True),
)


def column_title(status: GapStatus) -> str:
    """The board's heading of the ``status`` column ("Backlog", "Working on", "Closed")."""
    return status.value.capitalize()


def board_order(gaps: list[Gap]) -> list[Gap]:
    """The gaps as the board shows them: column by column, each in the manual order."""
    from careertui.domain.gaps import COLUMNS as BOARD_COLUMNS
    from careertui.domain.gaps import column

    return [gap for status in BOARD_COLUMNS for gap in column(gaps, status)]


def _due(gap: Gap, day: dt.date) -> str:
    from careertui.domain.gaps import is_overdue

    if gap.due is None:
        return "—"
    return f"{gap.due.isoformat()} overdue" if is_overdue(gap, day) else gap.due.isoformat()


def as_json(
    gap: Gap, score: Score, evidence: int, people: Mapping[str, Stakeholder], day: dt.date
) -> dict[str, Any]:
    """One gap as ``careertui gaps --json`` gives it (the fields its help lists)."""
    from careertui.domain.gaps import is_overdue

    return {
        "id": gap.id,
        "title": gap.title,
        "status": gap.status.value,
        "category": gap.category.value,
        "impact": gap.impact,
        "effort": gap.effort,
        "current_level": gap.current_level,
        "target_level": gap.target_level,
        "due": gap.due.isoformat() if gap.due else None,
        "overdue": is_overdue(gap, day),
        "next_action": gap.next_action,
        "evidence": evidence,
        "stakeholders": [people[i].name for i in gap.stakeholder_ids if i in people],
        "score": score.total,
        "terms": [
            {
                "key": term.key,
                "label": term.label,
                "points": term.points,
                "basis": term.basis,
                "rule": term.rule,
            }
            for term in score.terms
        ],
    }


def explanation(score: Score, width: int) -> list[str]:
    """The score term by term under its gap, each term wrapped to ``width``."""
    lines = []
    hanging = EXPLAIN_INDENT + " " * 19  # under the basis: label (10), points (7), two spaces
    for line in score.lines():
        lines += textwrap.wrap(
            terminal_safe(line),
            width=max(width, 40),
            initial_indent=EXPLAIN_INDENT,
            subsequent_indent=hanging,
            break_on_hyphens=False,
        )
    return lines


def run(args: argparse.Namespace) -> int:
    from careertui.domain.gaps import evidence_counts
    from careertui.domain.scoring import scores

    career = repository(args).career()
    day = today()
    gaps = board_order(career.gaps)
    scored = scores(gaps, career.stakeholders, day)
    counts = evidence_counts(career.wins)
    if args.json:
        import orjson

        people = {person.id: person for person in career.stakeholders}
        payload = [as_json(g, scored[g.id], counts[g.id], people, day) for g in gaps]
        text = orjson.dumps(payload, option=orjson.OPT_INDENT_2).decode()
        sys.stdout.write(json_terminal_safe(text) + "\n")
        return 0
    if not gaps:
        print(EMPTY_HINT)
        return 0
    width = output_width()
    rows = [
        (
            column_title(gap.status),
            f"{scored[gap.id].total:.1f}",
            counts[gap.id],
            _due(gap, day),
            gap.title,
        )
        for gap in gaps
    ]
    header, *lines = render(COLUMNS, rows, width)
    if not args.explain:
        print("\n".join([header, *lines]))
        return 0
    blocks = [
        "\n".join([line, *explanation(scored[gap.id], width)])
        for gap, line in zip(gaps, lines, strict=True)
    ]
    print(header)
    print("\n\n".join(blocks))  # a blank line between gaps
    return 0
