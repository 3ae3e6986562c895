"""Deleting a stakeholder without leaving dangling ids.

Wins and gaps name stakeholders in ``stakeholder_ids``, feedback in ``giver_id`` and check-ins
in ``stakeholder_id``. :func:`delete_stakeholder` removes the person and, in the same
transaction, unlinks them everywhere: wins and gaps drop the id, feedback keeps the quote and
the giver's name as plain text, and the person's check-in log goes with them. Either all of it
is written or none of it.
"""

from __future__ import annotations

from dataclasses import dataclass

from careertui.store.repository import Career, RecordNotFound, Repository


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


def delete_stakeholder(repo: Repository, stakeholder_id: str) -> References:
    """Delete the stakeholder and unlink every record that names them, in one transaction.

    Returns what was unlinked. Raises :class:`RecordNotFound` (nothing written) when there is
    no such stakeholder.
    """
    with repo.transaction():
        person = repo.stakeholders.get(stakeholder_id)
        if person is None:
            raise RecordNotFound(f"no stakeholder with id {stakeholder_id}")
        # First, so unlinking their wins and check-ins has no last contact of theirs to move.
        repo.stakeholders.delete(stakeholder_id)
        wins = gaps = feedback = check_ins = 0
        for win in repo.wins.list():
            if stakeholder_id in win.stakeholder_ids:
                kept = [s for s in win.stakeholder_ids if s != stakeholder_id]
                repo.wins.update(win.model_copy(update={"stakeholder_ids": kept}))
                wins += 1
        for gap in repo.gaps.list():
            if stakeholder_id in gap.stakeholder_ids:
                kept = [s for s in gap.stakeholder_ids if s != stakeholder_id]
                repo.gaps.update(gap.model_copy(update={"stakeholder_ids": kept}))
                gaps += 1
        for note in repo.feedback.list():
            if note.giver_id == stakeholder_id:
                repo.feedback.update(
                    note.model_copy(
                        update={"giver_id": None, "giver_name": note.giver_name or person.name}
                    )
                )
                feedback += 1
        for interaction in repo.interactions.list():
            if interaction.stakeholder_id == stakeholder_id:
                repo.interactions.delete(interaction.id)
                check_ins += 1
    return References(wins=wins, gaps=gaps, feedback=feedback, check_ins=check_ins)
