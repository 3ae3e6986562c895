"""A win's fields as typed on the command line, read the same way by ``careertui win`` (log one)
and ``careertui edit-win`` (change one).

Light on purpose: ``careertui win`` imports this on its lean path, so it loads nothing beyond
the domain's plain rules; the name matching (:func:`links`) runs only on the full path.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from careertui.domain.errors import InputError
from careertui.domain.metrics import metric_doc

if TYPE_CHECKING:
    from careertui.store.repository import Repository


def title_and_body(text: str) -> tuple[str, str]:
    """The first line of ``text`` as the title and the rest as the body; an InputError when
    there is no title."""
    title, _, rest = text.strip().partition("\n")
    if not title.strip():
        raise InputError(
            "the win's text is empty; say what you did, e.g. careertui win 'Shipped X'"
        )
    return title.strip(), rest.strip()


def metric_docs(args: argparse.Namespace) -> list[dict[str, str]]:
    """The ``--metric`` (output) and ``--input-metric`` options as metric documents, in that
    order."""
    metrics = [metric_doc(m, "output") for m in args.metric]
    return metrics + [metric_doc(m, "input") for m in args.input_metric]


def links(
    repo: Repository,
    *,
    priority: str | None,
    gaps: list[str],
    people: list[str],
    competencies: list[str] | None = None,
) -> dict[str, Any]:
    """The ids of the priority, gaps and stakeholders named (each by its id, its whole name or
    a unique beginning of it), for the links that were named at all."""
    from careertui.domain.matching import find_one

    found: dict[str, Any] = {}
    if priority:
        priorities = [p for p in repo.priorities.list() if p.until is None]  # in force
        found["priority_id"] = find_one(priorities, priority, lambda p: p.title, "priority").id
    if gaps:
        stored = repo.gaps.list()
        found["gap_ids"] = [find_one(stored, g, lambda g: g.title, "gap").id for g in gaps]
    if people:
        everyone = repo.stakeholders.list()
        ids = [find_one(everyone, n, lambda s: s.name, "stakeholder").id for n in people]
        found["stakeholder_ids"] = list(dict.fromkeys(ids))
    if competencies:
        found["competencies"] = competencies_of(repo, competencies)
    return found


def competencies_of(repo: Repository, typed: list[str]) -> list[str]:
    """The ladder's competencies ``--competency`` names; an InputError naming the option."""
    from careertui.domain.matching import competencies_named

    ladder = repo.vision().ladder
    known = [c.name for c in ladder.competencies] if ladder is not None else []
    try:
        return competencies_named(known, typed)
    except InputError as exc:
        raise InputError(f"--competency: {exc}") from exc
