"""Synthetic careers for the benchmark, written through the Repository in one transaction.

Deterministic (seeded), realistic in shape and size: wins with bodies, impact statements,
metrics, tags and links to priorities, gaps and stakeholders. Only ever called with a
temporary directory.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from pathlib import Path

from careertui.domain.models import (
    Feedback,
    Gap,
    GapCategory,
    GapStatus,
    Metric,
    Priority,
    Record,
    Relationship,
    Stakeholder,
    Stance,
    Vision,
    Win,
)
from careertui.store.repository import Repository


@dataclass(frozen=True)
class Shape:
    """How much of each record a synthetic career holds."""

    wins: int
    gaps: int = 150
    stakeholders: int = 300
    feedback: int = 60
    priorities: int = 5


#: Ten years of a busy career: a win a day, and everything around it.
TEN_YEARS = Shape(wins=3650)

_VERBS = (
    "Shipped",
    "Led",
    "Launched",
    "Negotiated",
    "Cut",
    "Rebuilt",
    "Unblocked",
    "Mentored",
    "Presented",
    "Designed",
    "Migrated",
    "Closed",
    "Hired",
    "Simplified",
    "Automated",
)
_THINGS = (
    "the onboarding flow",
    "the pricing page experiment",
    "the quarterly roadmap review",
    "the enterprise SSO integration",
    "the churn dashboard",
    "the partner API",
    "the checkout redesign",
    "the data retention policy",
    "the mobile release train",
    "the customer advisory board",
    "the incident review process",
    "the search relevance model",
    "the billing migration",
    "the analytics event schema",
    "the accessibility audit",
)
_WITH = (
    "with the platform team",
    "ahead of schedule",
    "across three teams",
    "for the EMEA launch",
    "in two sprints",
    "with no downtime",
    "for the board meeting",
    "with legal and finance",
)
_METRICS = (
    ("activation rate", "%"),
    ("weekly active teams", ""),
    ("time to first value", " days"),
    ("support tickets", "/week"),
    ("conversion", "%"),
    ("NPS", ""),
    ("p95 latency", " ms"),
    ("ARR", "k"),
    ("churn", "%"),
    ("release lead time", " days"),
)
_TAGS = (
    "launch",
    "growth",
    "platform",
    "leadership",
    "hiring",
    "strategy",
    "customers",
    "quality",
    "data",
    "pricing",
    "mentoring",
    "process",
)
_GAP_TOPICS = (
    "executive communication",
    "P&L ownership",
    "pricing strategy",
    "people management",
    "ML product sense",
    "public speaking",
    "board-level storytelling",
    "platform strategy",
    "enterprise sales",
    "hiring a team",
    "SQL and analytics",
    "design critique",
    "negotiation",
    "org design",
    "international launches",
)
_FIRST = (
    "Ada",
    "Ben",
    "Chloe",
    "Dev",
    "Elena",
    "Farid",
    "Grace",
    "Hiro",
    "Ines",
    "Jonas",
    "Kofi",
    "Lena",
    "Mateo",
    "Nadia",
    "Omar",
    "Priya",
    "Quinn",
    "Rosa",
    "Sami",
    "Tara",
)
_LAST = (
    "Okafor",
    "Lindqvist",
    "Moreau",
    "Tanaka",
    "Silva",
    "Kowalski",
    "Haddad",
    "Nguyen",
    "Fischer",
    "Reyes",
    "Patel",
    "O'Brien",
    "Mensah",
    "Rossi",
    "Novak",
)
_ROLES = (
    "VP Product",
    "Director of Engineering",
    "CPO",
    "Head of Sales",
    "Staff Engineer",
    "Design Lead",
    "CFO",
    "Product Manager",
    "Customer Success Lead",
    "CEO",
)
_LOREM = (
    "We started from the support backlog and three customer interviews. ",
    "The first version was cut in half to ship before the quarter closed. ",
    "Finance and legal signed off after one review instead of the usual three. ",
    "The rollout went to ten percent of accounts first, then to everyone a week later. ",
    "I wrote the one-pager, ran the kickoff and kept the decision log. ",
    "The hardest part was agreeing on what not to build. ",
)


def _when(day: int, start: dt.date) -> dt.datetime:
    return dt.datetime.combine(start + dt.timedelta(days=day), dt.time(17, 30), dt.timezone.utc)


def synthetic_career(shape: Shape, today: dt.date, seed: int = 2026) -> dict[str, list[Record]]:
    """The records of a career of ``shape`` whose newest win is dated ``today``."""
    rnd = random.Random(seed)
    start = today - dt.timedelta(days=max(shape.wins, 1) - 1)
    stamp = _when(0, start)
    priorities = [
        Priority(
            title=f"Company priority {i + 1}: {rnd.choice(_THINGS)}",
            rank=i,
            description="One of this year's top priorities.",
            created=stamp,
            updated=stamp,
        )
        for i in range(shape.priorities)
    ]
    people = [
        Stakeholder(
            name=f"{_FIRST[i % len(_FIRST)]} {_LAST[(i // len(_FIRST)) % len(_LAST)]} {i}",
            title=rnd.choice(_ROLES),
            relationship=rnd.choice(list(Relationship)),
            influence=rnd.randint(1, 5),
            stance=rnd.choice(list(Stance)),
            cares_about="Predictable delivery and fewer surprises in the quarterly review.",
            cadence_days=rnd.choice((0, 7, 14, 30, 90)),
            last_contact=today - dt.timedelta(days=rnd.randint(0, 400)),
            created=stamp,
            updated=stamp,
        )
        for i in range(shape.stakeholders)
    ]
    gaps = []
    for i in range(shape.gaps):
        current = rnd.randint(1, 4)
        gaps.append(
            Gap(
                title=f"{_GAP_TOPICS[i % len(_GAP_TOPICS)].capitalize()} ({i + 1})",
                why="The next role expects it and the last review said so.",
                category=rnd.choice(list(GapCategory)),
                current_level=current,
                target_level=rnd.randint(current, 5),
                impact=rnd.randint(1, 5),
                effort=rnd.randint(1, 5),
                status=rnd.choice(list(GapStatus)),
                next_action="Ask for the next stretch assignment.",
                rank=i,
                stakeholder_ids=[p.id for p in rnd.sample(people, min(2, len(people)))],
                created=stamp,
                updated=stamp,
            )
        )
    wins = []
    for i in range(shape.wins):
        name, unit = rnd.choice(_METRICS)
        before = rnd.randint(5, 60)
        created = _when(i, start)
        wins.append(
            Win(
                date=created.date(),
                title=f"{rnd.choice(_VERBS)} {rnd.choice(_THINGS)} {rnd.choice(_WITH)}",
                body="".join(rnd.sample(_LOREM, 3)),
                impact=f"Moved {name} and freed the team for the next priority.",
                metrics=[
                    Metric(
                        name=name,
                        before=f"{before}{unit}",
                        after=f"{before + rnd.randint(1, 20)}{unit}",
                    )
                ],
                priority_id=rnd.choice(priorities).id
                if priorities and rnd.random() < 0.7
                else None,
                gap_ids=[rnd.choice(gaps).id] if gaps and rnd.random() < 0.4 else [],
                stakeholder_ids=[p.id for p in rnd.sample(people, min(2, len(people)))]
                if rnd.random() < 0.5
                else [],
                tags=rnd.sample(_TAGS, rnd.randint(0, 3)),
                starred=rnd.random() < 0.1,
                created=created,
                updated=created,
            )
        )
    feedback = [
        Feedback(
            quote="Clear thinking under pressure; wants more room to set direction.",
            giver_id=rnd.choice(people).id if people else None,
            date=today - dt.timedelta(days=rnd.randint(0, 3650)),
            theme=rnd.choice(("communication", "strategy", "execution", "leadership")),
            kind=rnd.choice(("strength", "gap")),
            created=stamp,
            updated=stamp,
        )
        for _ in range(shape.feedback)
    ]
    return {
        "priorities": priorities,
        "stakeholders": people,
        "gaps": gaps,
        "wins": wins,
        "feedback": feedback,
    }


def write_career(data_dir: Path, shape: Shape, today: dt.date, seed: int = 2026) -> Repository:
    """Write a synthetic career of ``shape`` into ``data_dir`` (one durable write)."""
    from tinydb.table import Document

    repo = Repository.at(data_dir)
    records = synthetic_career(shape, today, seed)
    vision = Vision(
        statement="Lead a product organisation that customers love and engineers want to join.",
        horizon=today.replace(year=today.year + 4),
        target_role="VP Product",
        values=["Candour", "Craft", "Customers first"],
        methods=["Own a P&L", "Build a bench of product leads"],
        obstacles=["Little exposure to the board"],
        measures=["Promoted to Director by next year"],
    )
    with repo.transaction():
        repo.save_vision(vision)
        for table, rows in records.items():
            docs = [Document(r.model_dump(mode="json"), doc_id=r.id) for r in rows]

            def insert(db, table=table, docs=docs):  # noqa: ANN001 - TinyDB's own type
                db.table(table).insert_multiple(docs)

            repo.run(insert)
    return repo
