"""``careertui status``: the dashboard's status line as one line of plain text, for a shell
prompt or a login message ("2 wins this week, 3 last week · last win today · …").

The figures are :func:`careertui.domain.standing.standing`'s, the very ones the app shows. It
stays lean for a prompt: no Textual, no rich, and only the four tables the figures come from
(the vision, wins, gaps and stakeholders) are read as records. Nothing is written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from careertui.commands import repository
from careertui.domain.clock import today
from careertui.domain.text import terminal_safe

if TYPE_CHECKING:
    from careertui.domain.models import Record

R = TypeVar("R", bound="Record")

#: Put before the figures when a newer careertui wrote the file (as the app's status line does).
READ_ONLY = "read-only: written by a newer careertui"
SEPARATOR = " · "


def _records(model: type[R], tables: dict[str, dict[str, Any]], path: Path) -> list[R]:
    """Every stored record of ``model``, validated as the app reads it."""
    from careertui.store.repository import load_record

    return [load_record(model, doc, path) for doc in tables.get(model.table, {}).values()]


def run(args: argparse.Namespace) -> int:
    from careertui.domain.models import Gap, Stakeholder, Vision, Win
    from careertui.domain.standing import standing
    from careertui.store.repository import load_record

    repo = repository(args)
    snapshot = repo.store.snapshot()
    tables, path = snapshot.tables, repo.store.path

    stored_vision = tables.get(Vision.table, {}).get(Vision.SINGLETON_ID)
    vision = Vision() if stored_vision is None else load_record(Vision, stored_vision, path)
    figures = standing(
        vision,
        _records(Win, tables, path),
        [gap.status for gap in _records(Gap, tables, path)],
        _records(Stakeholder, tables, path),
        today(),
    )
    parts = figures.parts()
    if vision.ladder is not None:  # as the app's status line shows it
        from careertui.domain.models import Priority
        from careertui.domain.readiness import readiness, with_readiness

        found = readiness(
            vision,
            _records(Win, tables, path),
            _records(Gap, tables, path),
            _records(Stakeholder, tables, path),
            _records(Priority, tables, path),
            today(),
        )
        parts = with_readiness(parts, found)
    line = SEPARATOR.join(parts)
    if snapshot.read_only:
        line = f"{READ_ONLY}  {line}"
    sys.stdout.write(terminal_safe(line) + "\n")
    return 0
