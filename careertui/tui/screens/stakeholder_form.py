"""The stakeholder form: its fields for the generic record form, in the order a user fills them
in, and the values a new stakeholder starts with."""

from __future__ import annotations

from typing import Any

from careertui.domain.models import Relationship, Stakeholder, Stance
from careertui.domain.stakeholders import HIGH_INFLUENCE
from careertui.tui.screens.form import FormField


def stakeholder_fields() -> list[FormField]:
    return [
        FormField("name", "Name"),
        FormField("title", "Title", placeholder="VP Product"),
        FormField(
            "relationship",
            "Relationship",
            kind="choice",
            choices=[(r.value, r) for r in Relationship],
        ),
        FormField(
            "influence",
            f"Influence on your next step (1–5; {HIGH_INFLUENCE} or more is high)",
            kind="int",
        ),
        FormField(
            "stance", "Stance towards you", kind="choice", choices=[(s.value, s) for s in Stance]
        ),
        FormField("cares_about", "What they care about", kind="multiline"),
        FormField("moves_needle", "What moves their needle", kind="multiline"),
        FormField("how_to_help", "How I can help them", kind="multiline"),
        FormField("cadence_days", "Check in every … days (0: no regular check-in)", kind="int"),
        FormField(
            "last_contact",
            "Last contact",
            kind="date",
            placeholder="2026-03-14, yesterday, or empty",
        ),
    ]


def new_stakeholder_defaults() -> dict[str, Any]:
    """What the form shows for a new person: the model's own defaults."""
    return {
        name: Stakeholder.model_fields[name].default
        for name in ("relationship", "influence", "stance", "cadence_days")
    }
