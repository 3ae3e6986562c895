"""``careertui status``: the dashboard's status line as one line of plain text, for a shell
prompt or a login message ("2 wins this week, 3 last week · last win today · …").

The figures are :func:`careertui.domain.standing.standing`'s and, with a career ladder on
record, :func:`careertui.domain.readiness.readiness`'s: the very ones the app shows. It stays
lean for a prompt: no Textual, no rich, and only the tables the figures come from (the vision,
wins, gaps, stakeholders, goals and, for readiness, priorities) are read. From a file careertui
checked, only the fields the figures need are decoded and no model is built: pydantic is never
imported. After the overdue check-ins come the reminders: whether the weekly review is due,
and the next interim goal. Nothing is written.
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
    from collections.abc import Iterable

    from careertui.domain.goals import Due
    from careertui.domain.models import Record
    from careertui.domain.readiness import Asked, Readiness
    from careertui.domain.standing import Standing

R = TypeVar("R", bound="Record")

#: Put before the figures when a newer careertui wrote the file (as the app's status line does).
READ_ONLY = "read-only: written by a newer careertui"
SEPARATOR = " · "


def _records(model: type[R], tables: dict[str, dict[str, Any]], path: Path) -> list[R]:
    """Every stored record of ``model``, validated as the app reads it."""
    from careertui.store.repository import load_record

    return [load_record(model, doc, path) for doc in tables.get(model.table, {}).values()]


def _reminders(review_done: object, goals: Iterable[Due]) -> list[str]:
    """The weekly review's due state (from the stored day of the last one) and the next
    interim goal due, in short words."""
    import datetime as dt

    from careertui.domain.cadence import review_text
    from careertui.domain.goals import goal_reminder

    on = today()
    try:
        done = dt.date.fromisoformat(review_done)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        done = None
    found = [review_text(done, on)]
    goal = goal_reminder(goals, on)
    if goal is not None:
        found.append(goal)
    return found


def _review_done(settings: dict[str, Any]) -> object:
    """The stored day of the last weekly review, as stored (None when never done)."""
    from careertui.domain.cadence import REVIEW_DONE_SETTING

    stored = settings.get(REVIEW_DONE_SETTING)
    return stored.get("value") if isinstance(stored, dict) else None


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
    readiness: Readiness[Asked] | None
    read_only: bool

    def parts(self) -> list[str]:
        parts = self.standing.parts()
        parts[3:3] = self.reminders  # after the overdue check-ins, before the gaps
        if self.readiness is None:
            return parts
        from careertui.domain.readiness import with_readiness

        return with_readiness(parts, self.readiness)


def _from_slices(folder: Path) -> _Figures | None:
    """From a checked file read in slices, without a model: every record is known valid, so
    only the fields the figures need are decoded (the wins' dates, the gaps' statuses, the
    people's cadences, the goals' due dates; with a ladder, what readiness weighs) and pydantic
    is never loaded. A field that does not decode as expected gives None: the full read."""
    import msgspec

    from careertui.domain.standing import standing_on_dates
    from careertui.store import slices as shapes

    found = shapes.read_slices(folder)
    if found is None:
        return None
    try:
        vision = found.fields("vision", shapes.Destination).get("vision", shapes.Destination())
        people = list(found.fields("stakeholders", shapes.Contact).values())
        goals = found.fields("goals", shapes.GoalDue).values()
        if vision.ladder is None:
            dates = [w.date for w in found.fields("wins", shapes.Dated).values()]
            statuses = [k.status for k in found.fields("gaps", shapes.StatusKey).values()]
            ready = None
        else:  # readiness weighs the wins, gaps and priorities too
            from careertui.domain.readiness import readiness

            wins = list(found.fields("wins", shapes.Evidence).values())
            gaps = list(found.fields("gaps", shapes.Worked).values())
            priorities = list(found.fields("priorities", shapes.Period).values())
            ready = readiness(vision, wins, gaps, people, priorities, today())
            dates = [w.date for w in wins]
            statuses = [g.status for g in gaps]
    except (msgspec.ValidationError, TypeError, ValueError):
        return None
    figures = standing_on_dates(vision, dates, statuses, people, today())
    reminders = _reminders(_review_done(found.docs("settings")), goals)
    return _Figures(figures, reminders, ready, read_only=False)


def _from_repository(args: argparse.Namespace) -> _Figures:
    """From the full read: every record the figures come from is validated."""
    from careertui.domain.models import Gap, Goal, Stakeholder, Vision, Win
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
    reminders = _reminders(_review_done(tables.get("settings", {})), _records(Goal, tables, path))
    return _Figures(figures, reminders, found, snapshot.read_only)
