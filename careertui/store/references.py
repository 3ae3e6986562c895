"""What names a stakeholder: wins and gaps in ``stakeholder_ids``, feedback in ``giver_id``
and check-ins in ``stakeholder_id``. Counted before a delete, so the question can say what will
be unlinked (:func:`careertui.actions.people.delete_stakeholder` does the unlinking).
"""

from __future__ import annotations

from dataclasses import dataclass

from careertui.store.repository import Career


@dataclass(frozen=True)
class References:
    """The records that name one stakeholder."""

    wins: int = 0
    gaps: int = 0
    feedback: int = 0
    check_ins: int = 0

    @property
    def total(self) -> int:
        return self.wins + self.gaps + self.feedback + self.check_ins

    def describe(self) -> str:
        """E.g. "2 wins, 1 gap, 1 feedback note and 3 check-ins"; "" when there are none."""
        parts = [
            _count(self.wins, "win"),
            _count(self.gaps, "gap"),
            _count(self.feedback, "feedback note"),
            _count(self.check_ins, "check-in"),
        ]
        named = [p for p in parts if p]
        if not named:
            return ""
        if len(named) == 1:
            return named[0]
        return ", ".join(named[:-1]) + " and " + named[-1]


def _count(n: int, noun: str) -> str:
    return "" if n == 0 else f"{n} {noun}{'s' if n != 1 else ''}"


def references_in(career: Career, stakeholder_id: str) -> References:
    """Count what names the stakeholder in an already-read career (no file access)."""
    return References(
        wins=sum(stakeholder_id in w.stakeholder_ids for w in career.wins),
        gaps=sum(stakeholder_id in g.stakeholder_ids for g in career.gaps),
        feedback=sum(f.giver_id == stakeholder_id for f in career.feedback),
        check_ins=sum(i.stakeholder_id == stakeholder_id for i in career.interactions),
    )
