"""The vision pane's forms, built on the generic record form: one a section.

Each function returns a :class:`FormScreen` that validates by building the model, shows each
message next to its field and dismisses with it; ``typed`` and ``error`` open it again with
what the user entered before a save that failed, and why.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from careertui.domain.clock import today
from careertui.domain.errors import InputError
from careertui.domain.models import Feedback, Priority, Profile, Stakeholder, Vision
from careertui.domain.vision import parse_horizon
from careertui.tui.screens.form import FormField, FormScreen

#: A section that is a list of text on the vision record: its label and form help.
LIST_LABELS: dict[str, tuple[str, str]] = {
    "values": ("Values", "What matters to you, most important first. One a line."),
    "methods": ("Methods", "How you will get there, most important first. One a line."),
    "obstacles": ("Obstacles", "What stands in the way. One a line; g on one makes it a gap."),
    "measures": ("Measures", "How you will know you got there. One a line."),
    "strengths": ("Strengths", "What you are known for today. One a line."),
    "usps": ("Unique selling points", "What few others around you bring. One a line."),
    "underused_skills": ("Under-used skills", "What you can do but rarely get to. One a line."),
    "company_kinds": ("Companies I want to serve", "Kinds of company or stage. One a line."),
}

LEVEL_CHOICES = [
    ("own — I decide and answer for it", "own"),
    ("execute — I do it, someone else decides", "execute"),
    ("influence — I only shape it", "influence"),
    ("out — not in my scope", "out"),
]
ANSWER_CHOICES = [
    ("not asked yet", "not asked"),
    ("yes — there is room", "yes"),
    ("not yet — maybe later", "not yet"),
    ("no — not here", "no"),
    ("unclear", "unclear"),
]


#: The longest line a list section takes: a value or an obstacle is a line, not an essay.
ITEM_LENGTH = 300


def _short_lines(items: list[str]) -> list[str]:
    for number, item in enumerate(items, 1):
        if len(item) > ITEM_LENGTH:
            raise ValueError(
                f"line {number} has {len(item)} characters; keep each line to {ITEM_LENGTH}"
            )
    return items


class ListEntry(BaseModel):
    """One new line for a list section."""

    model_config = ConfigDict(str_strip_whitespace=True)

    text: Annotated[str, Field(min_length=1, max_length=ITEM_LENGTH)]


def _horizon(raw: str) -> dt.date | None:
    return parse_horizon(raw, today())


def _not_future(value: dt.date | None) -> dt.date | None:
    if value is not None and value > today():
        raise InputError("that date is in the future; when did you ask?")
    return value


def _since(value: dt.date | None) -> dt.date | None:
    if value is not None and value > today():
        raise InputError("that date is in the future; since when do you hold the role?")
    return value


def destination_form(
    vision: Vision, *, typed: BaseModel | None = None, error: str = ""
) -> FormScreen[Vision]:
    label, help_text = LIST_LABELS["company_kinds"]
    return FormScreen(
        "The destination",
        Vision,
        [
            FormField(
                "statement", "Vision statement (Markdown; where you are in 3–5 years)", "multiline"
            ),
            FormField("target_role", "Target role", placeholder="e.g. Director of Product"),
            FormField(
                "horizon",
                "Horizon",
                placeholder="a date (2030-06-30) or years (4)",
                help="When the vision should be true: 3–5 years out is usual.",
                parse=_horizon,
                format=lambda d: d.isoformat() if d else "",
            ),
            FormField("company_kinds", label, "lines", help=help_text, parse=_short_lines),
        ],
        initial=vision,
        typed=typed,
        error=error,
    )


def list_form(
    section: str, vision: Vision, *, typed: BaseModel | None = None, error: str = ""
) -> FormScreen[Vision]:
    label, help_text = LIST_LABELS[section]
    return FormScreen(
        label,
        Vision,
        [FormField(section, label, "lines", help=help_text, parse=_short_lines)],
        initial=vision,
        typed=typed,
        error=error,
    )


def list_entry_form(
    section: str, *, typed: BaseModel | None = None, error: str = ""
) -> FormScreen[ListEntry]:
    label, _ = LIST_LABELS[section]
    return FormScreen(
        f"Add to {label.lower()}",
        ListEntry,
        [FormField("text", label)],
        typed=typed,
        error=error,
    )


def _an_end(day: dt.date | None) -> dt.date:
    """An archived priority's last day in force: never empty (x puts it back in force)."""
    if day is None:
        raise ValueError("In force until: enter the last day it was in force (x restores it)")
    return day


def priority_form(
    priority: Priority | None,
    rank: int,
    *,
    typed: BaseModel | None = None,
    error: str = "",
) -> FormScreen[Priority]:
    fields = [
        FormField("title", "Priority", placeholder="e.g. Grow net revenue retention"),
        FormField("description", "What it means (Markdown)", "multiline"),
        FormField("since", "In force from", "date", placeholder="2026-07-01, or empty if unknown"),
    ]
    archived = priority is not None and priority.archived
    if archived:  # its end can be put right; x on the pane puts it back in force
        fields.append(FormField("until", "In force until", "date", parse=_an_end))
    return FormScreen(
        "Archived company priority"
        if archived
        else "Company priority"
        if priority
        else "Add a company priority",
        Priority,
        fields,
        initial=priority if priority is not None else {"rank": rank},
        typed=typed,
        error=error,
    )


def feedback_form(
    feedback: Feedback | None,
    people: Sequence[Stakeholder],
    *,
    typed: BaseModel | None = None,
    error: str = "",
) -> FormScreen[Feedback]:
    return FormScreen(
        "360 feedback" if feedback else "Add 360 feedback",
        Feedback,
        [
            FormField("quote", "What they said", "multiline"),
            FormField(
                "kind",
                "Strength or gap",
                "choice",
                choices=[("strength", "strength"), ("gap", "gap")],
            ),
            FormField("theme", "Theme", placeholder="e.g. executive presence"),
            FormField(
                "giver_id",
                "Who gave it (from the stakeholder map)",
                "choice",
                choices=[(p.name, p.id) for p in people],
            ),
            FormField("giver_name", "…or their name", placeholder="e.g. Anonymous 360 reviewer"),
            FormField("date", "Date", "date", placeholder="2026-10-02, yesterday, last friday"),
        ],
        initial=feedback if feedback is not None else {"date": today(), "kind": "strength"},
        typed=typed,
        error=error,
    )


def scope_form(
    item: Vision.ScopeItem | None, *, typed: BaseModel | None = None, error: str = ""
) -> FormScreen[Vision.ScopeItem]:
    return FormScreen(
        "Scope today" if item else "Add a responsibility",
        Vision.ScopeItem,
        [
            FormField("responsibility", "Responsibility", placeholder="e.g. Pricing decisions"),
            FormField("today", "Today I…", "choice", choices=LEVEL_CHOICES),
            FormField("target", "In the target role I…", "choice", choices=LEVEL_CHOICES),
        ],
        initial=item if item is not None else {"today": "execute", "target": "own"},
        typed=typed,
        error=error,
    )


def room_form(
    room: Vision.RoomToGrow, *, typed: BaseModel | None = None, error: str = ""
) -> FormScreen[Vision.RoomToGrow]:
    return FormScreen(
        "Room to grow",
        Vision.RoomToGrow,
        [
            FormField(
                "answer",
                "Is there room for the next step, on your terms?",
                "choice",
                choices=ANSWER_CHOICES,
            ),
            FormField(
                "asked_on",
                "When you asked",
                "date",
                parse=_not_future,
                placeholder="2026-10-02, last month",
            ),
            FormField("asked_whom", "Whom you asked", placeholder="e.g. Maya (manager)"),
            FormField("management_said", "What management said (Markdown)", "multiline"),
            FormField("openings", "Open roles or budget", "multiline"),
        ],
        initial=room,
        typed=typed,
        error=error,
    )


def profile_form(
    profile: Profile, *, typed: BaseModel | None = None, error: str = ""
) -> FormScreen[Profile]:
    """Who the documents are about: name, current title and level, since when, company, team."""
    return FormScreen(
        "Who you are today",
        Profile,
        [
            FormField("name", "Your name", placeholder="as your documents should show it"),
            FormField("title", "Current title", placeholder="e.g. Senior Product Manager"),
            FormField("level", "Level", placeholder="as the company writes it, e.g. L6"),
            FormField(
                "since",
                "In this role since",
                "date",
                parse=_since,
                placeholder="2024-03-01, two years ago",
            ),
            FormField("company", "Company"),
            FormField("team", "Team"),
        ],
        initial=profile,
        typed=typed,
        error=error,
    )
