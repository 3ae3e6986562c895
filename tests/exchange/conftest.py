"""Helpers for the exchange tests: Markdown outlines read with a CommonMark parser, and a small
career written through the repository."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from careertui.domain.models import (
    Feedback,
    Gap,
    GapStatus,
    Interaction,
    Metric,
    Priority,
    Relationship,
    Stakeholder,
    Stance,
    Vision,
    Win,
)
from careertui.store.repository import Repository

TODAY = dt.date(2026, 11, 23)


def parse(markdown: str) -> list:
    return MarkdownIt("commonmark").parse(markdown)


def outline(markdown: str) -> list[tuple[int, str]]:
    """Every heading as (level, plain text), read by a CommonMark parser."""
    tokens = parse(markdown)
    found = []
    for opening, inline in zip(tokens, tokens[1:], strict=False):
        if opening.type == "heading_open":
            text = "".join(
                child.content
                for child in inline.children or []
                if child.type in ("text", "code_inline")
            )
            found.append((int(opening.tag[1]), text))
    return found


def section(markdown: str, title: str) -> str:
    """The rendered HTML of the level-2 section called ``title`` (up to the next level-2)."""
    md = MarkdownIt("commonmark")
    html = md.render(markdown)
    start = html.index(f"<h2>{title}</h2>")
    end = html.find("<h2>", start + 1)
    return html[start : end if end != -1 else len(html)]


def digest(path: Path) -> str | None:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else None


@pytest.fixture
def small_repo(repo: Repository) -> Repository:
    """Two priorities, three people, two gaps, four wins (one with no priority), a quiet
    August and September 2026."""
    with repo.transaction():
        repo.save_vision(
            Vision(
                statement="Lead product for a *platform* team.",
                target_role="Group PM, Platform",
                horizon=dt.date(2029, 1, 1),
                measures=["Own the platform roadmap"],
                strengths=["Writing"],
                usps=["Engineer turned PM"],
                scope=[
                    Vision.ScopeItem(
                        responsibility="Platform roadmap", today="execute", target="own"
                    )
                ],
            )
        )
        growth = repo.priorities.add(Priority(id="pri_growth", title="Grow revenue", rank=0))
        repo.priorities.add(Priority(id="pri_rel", title="Reliability <first>", rank=1))
        repo.stakeholders.add(
            Stakeholder(
                id="stk_ana",
                name="Ana Ruiz",
                title="VP Product",
                relationship=Relationship.MANAGER,
                influence=5,
                stance=Stance.SUPPORTER,
                cares_about="Revenue",
            )
        )
        repo.stakeholders.add(
            Stakeholder(
                id="stk_bo",
                name="Bo Chen",
                title="CTO",
                relationship=Relationship.EXECUTIVE,
                influence=5,
                stance=Stance.SKEPTIC,
                cares_about="Architecture",
                moves_needle="Clear options",
                how_to_help="Bring two designs",
            )
        )
        repo.stakeholders.add(
            Stakeholder(
                id="stk_cy",
                name="Cy Diaz",
                title="Board advisor",
                relationship=Relationship.SPONSOR,
                influence=4,
                stance=Stance.CHAMPION,
            )
        )
        repo.feedback.add(
            Feedback(
                id="fb_1",
                quote="Lead with the ask.",
                giver_id="stk_bo",
                giver_name="Bo Chen",
                kind="gap",
                date=dt.date(2026, 6, 1),
            )
        )
        repo.feedback.add(
            Feedback(
                id="fb_2",
                quote="Best writer on the team.",
                giver_id="stk_ana",
                giver_name="Ana Ruiz",
                date=dt.date(2026, 7, 1),
            )
        )
        repo.gaps.add(
            Gap(
                id="gap_exec",
                title="Executive presence",
                rank=0,
                current_level=2,
                target_level=4,
                status=GapStatus.WORKING,
                next_action="Present the Q1 plan",
                due=dt.date(2026, 11, 1),
                source_feedback_id="fb_1",
                stakeholder_ids=["stk_bo"],
            )
        )
        repo.gaps.add(
            Gap(
                id="gap_sql",
                title="SQL",
                rank=1,
                current_level=2,
                target_level=3,
                status=GapStatus.CLOSED,
            )
        )
        repo.wins.add(
            Win(
                id="win_onb",
                date=dt.date(2026, 6, 10),
                title="Shipped the onboarding flow",
                impact="More teams activate in week one.",
                priority_id=growth.id,
                metrics=[
                    Metric(name="activation rate", before="31%", after="38%"),
                    Metric(name="experiments", kind="input", after="6"),
                ],
                stakeholder_ids=["stk_ana"],
                gap_ids=["gap_exec"],
                tags=["launch"],
                starred=True,
            )
        )
        repo.wins.add(
            Win(
                id="win_inc",
                date=dt.date(2026, 7, 2),
                title="Halved incident time",
                priority_id="pri_rel",
                metrics=[Metric(name="MTTR", before="4h", after="2h")],
            )
        )
        repo.wins.add(
            Win(
                id="win_talk",
                date=dt.date(2026, 10, 5),
                title="Spoke at *ProductCon*",
                body="# Notes\nIt went well.",
            )
        )
        repo.wins.add(Win(id="win_old", date=dt.date(2025, 1, 5), title="Old win"))
        repo.interactions.add(
            Interaction(id="int_1", stakeholder_id="stk_ana", date=dt.date(2026, 11, 1), note="1:1")
        )
    return repo
