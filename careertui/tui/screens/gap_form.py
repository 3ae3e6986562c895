"""The form for adding or editing a gap: the shared record form with the gap's fields."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from careertui.domain.models import Gap, GapCategory, GapStatus, Ladder, Stakeholder
from careertui.tui.screens.competency_field import competency_field
from careertui.tui.screens.form import FormField, FormScreen
from careertui.tui.widgets.levels import level_dots

_LEVELS = [(f"{n} {level_dots(n)}", n) for n in range(1, 6)]
_SCALE = [(f"{n} of 5", n) for n in range(1, 6)]


def gap_fields(
    stakeholders: Sequence[Stakeholder], ladder: Ladder | None = None
) -> list[FormField]:
    """The gap's fields; the stakeholders offered for linking come from the career, and the
    competencies from the ladder, if there is one."""
    people = [
        (f"{p.name}{f' ({p.title})' if p.title else ''} · influence {p.influence}", p.id)
        for p in stakeholders
    ]
    return [
        FormField("title", "Gap", placeholder="e.g. Executive communication"),
        FormField("category", "Category", "choice", choices=[(c.value, c) for c in GapCategory]),
        FormField(
            "status",
            "Column",
            "choice",
            choices=[
                ("Backlog", GapStatus.BACKLOG),
                ("Working on", GapStatus.WORKING),
                ("Closed", GapStatus.CLOSED),
            ],
        ),
        FormField("current_level", "Level now", "choice", choices=_LEVELS),
        FormField(
            "target_level",
            "Target level",
            "choice",
            choices=_LEVELS,
            help="What the role in your vision asks for.",
        ),
        FormField("impact", "Impact on your next step", "choice", choices=_SCALE),
        FormField("effort", "Effort to close it", "choice", choices=_SCALE),
        FormField("due", "Due", "date", placeholder="2027-03-31, 'in 3 months', or empty"),
        FormField("why", "Why it matters", "multiline"),
        FormField("next_action", "Next action", placeholder="The next concrete step"),
        FormField(
            "stakeholder_ids",
            "Stakeholders who can help or must be convinced",
            "multi",
            choices=people,
        ),
        *competency_field(ladder, ("title", "why")),
    ]


def new_gap_values(status: GapStatus = GapStatus.BACKLOG) -> dict[str, Any]:
    """What a new gap's form starts with: the model's defaults, in the backlog (a new gap is
    something to work on, not something closed; the form's Column field moves it)."""
    fields = {field.name for field in gap_fields([])}
    defaults = {
        name: info.get_default(call_default_factory=True)
        for name, info in Gap.model_fields.items()
        if name in fields and name != "title"
    }
    return {**defaults, "status": status}


def gap_form(
    title: str,
    stakeholders: Sequence[Stakeholder],
    initial: Gap | Mapping[str, Any] | None = None,
    *,
    typed: Gap | None = None,
    error: str = "",
    ladder: Ladder | None = None,
) -> FormScreen[Gap]:
    """A form that dismisses with a valid :class:`Gap`; ``typed`` and ``error`` open it again
    with what the user entered before a save that failed, and why."""
    return FormScreen(
        title, Gap, gap_fields(stakeholders, ladder), initial=initial, typed=typed, error=error
    )
