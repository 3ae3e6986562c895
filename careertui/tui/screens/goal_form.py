"""The interim goal form: a title, a due date (30, 60 or 90 days, or a date), how it will be
measured, its status, and the gaps and priorities it serves."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from pydantic import BaseModel

from careertui.domain.clock import today
from careertui.domain.goals import due_from
from careertui.domain.models import GOAL_STATUSES, Gap, GapStatus, Goal, Priority
from careertui.tui.screens.form import FormField, FormScreen


def _due(value: object) -> dt.date:
    return due_from(str(value or ""), today())


def _shown_due(value: object) -> str:
    return value.isoformat() if isinstance(value, dt.date) else str(value or "")


def goal_form(
    goal: Goal | None,
    gaps: Sequence[Gap],
    priorities: Sequence[Priority],
    *,
    typed: BaseModel | None = None,
    error: str = "",
) -> FormScreen[Goal]:
    return FormScreen(
        "Interim goal" if goal else "Add an interim goal",
        Goal,
        [
            FormField("title", "Goal", placeholder="e.g. Publish the platform API plan"),
            FormField(
                "due",
                "Due (30, 60 or 90 days, or a date)",
                placeholder="30, 60, 90, 2027-01-31",
                parse=_due,
                format=_shown_due,
            ),
            FormField("measure", "How it will be measured", placeholder="e.g. two teams commit"),
            FormField("status", "Status", "choice", choices=[(s, s) for s in GOAL_STATUSES]),
            FormField(
                "gap_ids",
                "Gaps it serves",
                "multi",
                choices=[
                    (g.title, g.id)
                    for g in gaps
                    if g.status is not GapStatus.CLOSED or (goal and g.id in goal.gap_ids)
                ],
            ),
            FormField(
                "priority_ids",
                "Company priorities it serves",
                "multi",
                choices=[(p.title, p.id) for p in priorities],
            ),
        ],
        initial=goal if goal is not None else {"due": today() + dt.timedelta(days=30)},
        typed=typed,
        error=error,
    )
