"""The competency field of the win and gap forms: the ladder's competencies to tick, and under
them the ones the typed words suggest, with the words that suggest each. Nothing is ticked for
the user."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from careertui.domain.ladder import suggest
from careertui.domain.models import Ladder
from careertui.tui.screens.form import FormField


def competency_field(ladder: Ladder | None, words_from: Sequence[str]) -> list[FormField]:
    """The field (none without a ladder); ``words_from`` names the text fields suggestions are
    read from."""
    if ladder is None or not ladder.competencies:
        return []

    def hint(values: Mapping[str, Any]) -> str:
        text = "\n".join(str(values.get(name) or "") for name in words_from)
        found = suggest(ladder, text, tied=values.get("competencies") or ())
        if not found:
            return ""
        return "Suggested (tick to tie): " + "; ".join(s.reason for s in found)

    return [
        FormField(
            "competencies",
            "Competencies of the ladder it is evidence for",
            "multi",
            choices=[(c.name, c.name) for c in ladder.competencies],
            hint=hint,
        )
    ]
