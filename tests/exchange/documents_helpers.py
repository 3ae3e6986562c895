"""Helpers for the document tests: every document in every mode and format, a career with a
marker planted in every private field, and a check that an HTML page reaches nothing outside
itself."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from html.parser import HTMLParser

from careertui.domain.models import (
    Gap,
    GapStatus,
    Profile,
    Relationship,
    Stakeholder,
    Stance,
    Vision,
    Win,
)
from careertui.export_kinds import EXPORT_KINDS, FORMATS, ExportKind
from careertui.store.repository import Career, Repository
from tests.exchange.conftest import TODAY

DOCUMENTS: tuple[ExportKind, ...] = tuple(kind for kind in EXPORT_KINDS if kind.is_document)
MODES = (False, True)

#: The markers planted in private fields, by what the field is.
MARKERS = {
    "cares_about": "ZQCARES",
    "moves_needle": "ZQNEEDLE",
    "how_to_help": "ZQHELP",
    "target_company": "ZQTARGETCO",
    "gap_why": "ZQWHY",
    "gap_next_action": "ZQCOACH",
}
#: Words that give a stakeholder's stance away.
STANCE_WORDS = ("skeptic", "blocker", "neutral", "influence")
#: Which private document shows which markers (each marker shows in at least one).
PRIVATE_HOMES = {
    "case": set(MARKERS),
    "review": {"gap_why", "gap_next_action"},
    "brag": set(),
}

PROFILE = Profile(
    name="Jo Rivera",
    title="Senior Product Manager",
    level="L6",
    since=dt.date(2024, 3, 1),
    company="Acme Corp",
    team="Growth",
)


def render_all(career: Career) -> Iterator[tuple[ExportKind, bool, str, str]]:
    """Every document of ``career`` in both modes and both formats: (kind, private, format,
    text)."""
    for kind in DOCUMENTS:
        for private in MODES:
            for fmt in FORMATS:
                yield kind, private, fmt, kind.render(career, today=TODAY, private=private, fmt=fmt)


def with_profile(repo: Repository, profile: Profile = PROFILE, **vision: object) -> None:
    """Give the career ``profile`` (and any other vision fields)."""
    current = repo.career().vision
    repo.save_vision(
        Vision.model_validate({**current.model_dump(), "profile": profile.model_dump(), **vision})
    )


def plant_markers(repo: Repository) -> None:
    """A marker in every private field: each stakeholder's notes, a target company other than
    the current one, a worked-on gap's framing and coaching; people of every stance."""
    with repo.transaction():
        with_profile(
            repo,
            company_kinds=["Acme Corp", f"{MARKERS['target_company']} Industries"],
            target_role="Group PM",
        )
        for n, stance in enumerate(Stance):
            repo.stakeholders.add(
                Stakeholder(
                    id=f"stk_mark{n}",
                    name=f"Person {n}",
                    relationship=Relationship.PEER,
                    influence=5,
                    stance=stance,
                    cares_about=f"{MARKERS['cares_about']} {n}",
                    moves_needle=f"{MARKERS['moves_needle']} {n}",
                    how_to_help=f"{MARKERS['how_to_help']} {n}",
                )
            )
        repo.gaps.add(
            Gap(
                id="gap_mark",
                title="Pricing",
                why=f"{MARKERS['gap_why']} framing",
                next_action=f"{MARKERS['gap_next_action']} step",
                status=GapStatus.WORKING,
                rank=9,
            )
        )
        repo.wins.add(
            Win(
                id="win_mark",
                date=TODAY - dt.timedelta(days=3),
                title="Priced the team plan",
                impact="Conversion up.",
                gap_ids=["gap_mark"],
                stakeholder_ids=[f"stk_mark{n}" for n in range(len(Stance))],
            )
        )


class _References(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.references: list[str] = []
        self.styles: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self._in_style = tag == "style"
        for name, value in attrs:
            if name in ("src", "href", "srcset", "action", "data", "poster") and value:
                self.references.append(value)
            if name == "style" and value:
                self.styles.append(value)

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.styles.append(data)


_REMOTE = re.compile(r"^\s*(?:https?:)?//", re.IGNORECASE)


def external_references(page: str) -> list[str]:
    """Whatever in an HTML page would make a browser fetch something: src/href to http(s) or
    //, a remote @import or url() in a style; and every script, link, img or iframe tag."""
    parser = _References()
    parser.feed(page)
    parser.close()
    found = [ref for ref in parser.references if _REMOTE.match(ref)]
    for style in parser.styles:
        found += re.findall(r"@import[^;]*|url\([^)]*\)", style, re.IGNORECASE)
    found += [f"<{tag}>" for tag in parser.tags if tag in ("script", "link", "img", "iframe")]
    return found


def tags(page: str) -> list[str]:
    parser = _References()
    parser.feed(page)
    return parser.tags
