"""The gap priority score: explainable, term by term, with its weights in one place.

A gap's score is the sum of five terms, each shown to the user in the gap's details:

* **impact** — how much closing it matters (1–5), the strongest term;
* **gap size** — the levels between where the user is and the target;
* **effort** — subtracted: the same benefit for less work ranks higher;
* **urgency** — grows as the due date nears, full once it is due or overdue;
* **influence** — the influence of the stakeholders linked to the gap.

Ordering by score is stable: gaps with equal scores keep their manual order.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from careertui.domain.gaps import manual_order
from careertui.domain.models import Gap, GapStatus, Stakeholder


@dataclass(frozen=True)
class Weights:
    """How much each term counts. The one place these numbers live."""

    #: Points per impact level (1–5).
    impact: float = 3.0
    #: Points per level between the current and the target level (0–4).
    gap_size: float = 2.0
    #: Points taken off per effort level above the lowest (1–5).
    effort: float = 1.5
    #: Points when the gap is due today or overdue; they fade linearly to nothing
    #: ``urgency_horizon_days`` before the due date.
    urgency: float = 8.0
    urgency_horizon_days: int = 90
    #: Points per influence level of each linked stakeholder, counting at most
    #: ``influence_cap`` levels in all (two very influential people, or several lesser ones).
    influence: float = 0.5
    influence_cap: int = 10


WEIGHTS = Weights()


@dataclass(frozen=True)
class Term:
    """One term of a score: what it is, what it was computed from, and what it adds."""

    key: str
    label: str
    basis: str
    points: float
    #: How the points follow from the basis, e.g. "3 per level".
    rule: str = ""

    def __str__(self) -> str:
        rule = f" [{self.rule}]" if self.rule else ""
        return f"{self.label:<10} {self.points:+6.1f}  {self.basis}{rule}"


@dataclass(frozen=True)
class Score:
    """A gap's score with its breakdown; ``total`` is the sum of the terms' points."""

    terms: tuple[Term, ...]

    @property
    def total(self) -> float:
        return round(sum(term.points for term in self.terms), 2)

    def term(self, key: str) -> Term:
        for term in self.terms:
            if term.key == key:
                return term
        raise KeyError(key)

    def lines(self) -> list[str]:
        """The breakdown as text, one term a line, then the total."""
        return [str(term) for term in self.terms] + [f"{'Score':<10} {self.total:6.1f}"]


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def urgency_factor(due: dt.date | None, today: dt.date, weights: Weights = WEIGHTS) -> float:
    """0 with no due date or one beyond the horizon, rising to 1 on the due date and after."""
    if due is None:
        return 0.0
    days = (due - today).days
    if days <= 0:
        return 1.0
    return max(0.0, 1.0 - days / weights.urgency_horizon_days)


def _urgency_basis(due: dt.date | None, today: dt.date) -> str:
    if due is None:
        return "no due date"
    days = (due - today).days
    if days < 0:
        return f"overdue by {_plural(-days, 'day')} ({due.isoformat()})"
    if days == 0:
        return f"due today ({due.isoformat()})"
    return f"due in {_plural(days, 'day')} ({due.isoformat()})"


def score(
    gap: Gap,
    stakeholders: Mapping[str, Stakeholder],
    today: dt.date,
    weights: Weights = WEIGHTS,
) -> Score:
    """The score of ``gap`` on ``today``, given the stakeholders by id.

    A closed gap is no longer urgent: its urgency term is 0 whatever its due date."""
    linked = [stakeholders[i] for i in gap.stakeholder_ids if i in stakeholders]
    influence_levels = min(sum(person.influence for person in linked), weights.influence_cap)
    if linked:
        influence_basis = ", ".join(f"{p.name} {p.influence}" for p in linked)
        if sum(p.influence for p in linked) > weights.influence_cap:
            influence_basis += f" (counted up to {weights.influence_cap})"
    else:
        influence_basis = "no stakeholders linked"
    size = max(gap.size, 0)
    closed = gap.status == GapStatus.CLOSED
    terms = (
        Term(
            "impact",
            "Impact",
            f"impact {gap.impact} of 5",
            round(weights.impact * gap.impact, 2),
            f"{weights.impact:g} per level",
        ),
        Term(
            "gap_size",
            "Gap size",
            f"level {gap.current_level} → {gap.target_level}: {_plural(size, 'level')} to go",
            round(weights.gap_size * size, 2),
            f"{weights.gap_size:g} per level to go",
        ),
        Term(
            "effort",
            "Effort",
            f"effort {gap.effort} of 5",
            round(-weights.effort * (gap.effort - 1), 2) + 0.0,
            f"−{weights.effort:g} per level above 1",
        ),
        Term(
            "urgency",
            "Urgency",
            "closed" if closed else _urgency_basis(gap.due, today),
            0.0 if closed else round(weights.urgency * urgency_factor(gap.due, today, weights), 2),
            f"up to {weights.urgency:g}, rising over the {weights.urgency_horizon_days} days "
            "before the due date",
        ),
        Term(
            "influence",
            "Influence",
            influence_basis,
            round(weights.influence * influence_levels, 2),
            f"{weights.influence:g} per influence level, up to {weights.influence_cap} levels",
        ),
    )
    return Score(terms)


def scores(
    gaps: Iterable[Gap],
    stakeholders: Iterable[Stakeholder],
    today: dt.date,
    weights: Weights = WEIGHTS,
) -> dict[str, Score]:
    """Every gap's score by gap id."""
    by_id = {person.id: person for person in stakeholders}
    return {gap.id: score(gap, by_id, today, weights) for gap in gaps}


def by_score(
    gaps: Iterable[Gap],
    stakeholders: Iterable[Stakeholder],
    today: dt.date,
    weights: Weights = WEIGHTS,
) -> list[Gap]:
    """Highest score first; equal scores keep their manual order."""
    ordered = manual_order(gaps)
    computed = scores(ordered, stakeholders, today, weights)
    return sorted(ordered, key=lambda gap: -computed[gap.id].total)
