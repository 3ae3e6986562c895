"""``careertui status``: the dashboard's status line as one line of plain text, for a shell
prompt or a login message ("2 wins this week, 3 last week · last win today · …").

The figures are :func:`careertui.domain.standing.standing`'s, the very ones the app shows. It
stays lean for a prompt: no Textual, no rich, and only the tables the figures come from
(the vision, wins, gaps, stakeholders and goals) are read as records. After the overdue
check-ins come the reminders: whether the weekly review is due, and the next interim goal.
Nothing is written.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from careertui.commands import data_dir, repository
from careertui.domain.clock import today
from careertui.domain.text import terminal_safe

if TYPE_CHECKING:
    from careertui.domain.models import Record
    from careertui.domain.readiness import Readiness
    from careertui.domain.standing import Standing

R = TypeVar("R", bound="Record")

#: Put before the figures when a newer careertui wrote the file (as the app's status line does).
READ_ONLY = "read-only: written by a newer careertui"
SEPARATOR = " · "


def _records(model: type[R], tables: dict[str, dict[str, Any]], path: Path) -> list[R]:
    """Every stored record of ``model``, validated as the app reads it."""
    from careertui.store.repository import load_record

    return [load_record(model, doc, path) for doc in tables.get(model.table, {}).values()]


def _reminders(tables: dict[str, dict[str, Any]], path: Path) -> list[str]:
    """The weekly review's due state and the next interim goal due, in short words."""
    import datetime as dt

    from careertui.domain.goals import goal_reminder
    from careertui.domain.models import Goal
    from careertui.domain.settings import Settings
    from careertui.domain.weekly import review_text

    on = today()
    stored = tables.get("settings", {}).get(Settings.stored_key("review_done"), {})
    try:
        done = dt.date.fromisoformat(stored.get("value") or "")
    except (TypeError, ValueError):
        done = None
    found = [review_text(done, on)]
    goal = goal_reminder(_records(Goal, tables, path), on)
    if goal is not None:
        found.append(goal)
    return found


def run(args: argparse.Namespace) -> int:
    found = _from_slices(data_dir(args)) or _from_repository(args)
    line = SEPARATOR.join(found.parts())
    if found.read_only:
        line = f"{READ_ONLY}  {line}"
    sys.stdout.write(terminal_safe(line) + "\n")
    return 0


@dataclass(frozen=True)
class _Figures:
    standing: Standing
    reminders: list[str]
    readiness: Readiness | None
    read_only: bool

    def parts(self) -> list[str]:
        parts = self.standing.parts()
        parts[3:3] = self.reminders  # after the overdue check-ins, before the gaps
        if self.readiness is None:
            return parts
        from careertui.domain.readiness import with_readiness

        return with_readiness(parts, self.readiness)


def _from_slices(folder: Path) -> _Figures | None:
    """From a checked file read in slices: the wins' dates and the gaps' statuses only (every
    record is known valid), the vision and the stakeholders as records. The file's bytes are
    let go before pydantic is loaded."""
    import datetime as dt

    from careertui.store.slices import JournalKey, StatusKey, read_slices

    slices = read_slices(folder)
    if slices is None:
        return None
    dates = [dt.date.fromisoformat(k.date) for k in slices.fields("wins", JournalKey).values()]
    statuses = [k.status for k in slices.fields("gaps", StatusKey).values()]
    vision_doc = slices.docs("vision").get("vision")
    people = slices.docs("stakeholders")
    small = {table: slices.docs(table) for table in ("settings", "goals")}
    path = slices.path
    del slices

    from careertui.domain.models import GapStatus, Stakeholder, Vision
    from careertui.domain.standing import standing_on_dates
    from careertui.store.repository import load_record

    vision = Vision() if vision_doc is None else load_record(Vision, vision_doc, path)
    if vision.ladder is not None:  # readiness weighs every win: the full read
        return None
    stakeholders = [load_record(Stakeholder, doc, path) for doc in people.values()]
    figures = standing_on_dates(
        vision, dates, [GapStatus(s) for s in statuses], stakeholders, today()
    )
    return _Figures(figures, _reminders(small, path), None, read_only=False)


def _from_repository(args: argparse.Namespace) -> _Figures:
    """From the full read: every record the figures come from is validated."""
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
    found = None
    if vision.ladder is not None:  # as the app's status line shows it
        from careertui.domain.models import Priority
        from careertui.domain.readiness import readiness

        found = readiness(
            vision,
            _records(Win, tables, path),
            _records(Gap, tables, path),
            _records(Stakeholder, tables, path),
            _records(Priority, tables, path),
            today(),
        )
    return _Figures(figures, _reminders(tables, path), found, snapshot.read_only)
