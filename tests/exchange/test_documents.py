"""The documents a person takes into the room (brag document, promotion case, self-review):
each in both modes and both formats on the demo career and on a fresh one; nothing private in
a shareable one; the HTML a self-contained page; the strongest wins, the ask and the supporters
as a promotion committee would expect them."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from careertui.domain.models import (
    FROM_STORE,
    Feedback,
    Gap,
    GapStatus,
    Metric,
    Relationship,
    Stakeholder,
    Stance,
    Vision,
    Win,
)
from careertui.exchange import html
from careertui.exchange.brag import brag_document
from careertui.exchange.case import SupportRole, promotion_case, support_role
from careertui.exchange.exports import save_export
from careertui.exchange.review import NO_EVIDENCE, self_review
from careertui.store.repository import Repository
from tests.exchange.conftest import TODAY, outline, section
from tests.exchange.documents_helpers import (
    MARKERS,
    PRIVATE_HOMES,
    STANCE_WORDS,
    external_references,
    plant_markers,
    render_all,
    tags,
    with_profile,
)

TITLES = {"brag": "Brag document", "case": "Promotion case", "review": "Self-review"}


@pytest.mark.parametrize("store", ["demo", "fresh"])
def test_every_document_in_both_modes_and_both_formats(
    store: str, demo_repo: Repository, repo: Repository
) -> None:
    career = (demo_repo if store == "demo" else repo).career()
    for kind, private, fmt, text in render_all(career):
        where = (kind.name, private, fmt)
        if fmt == "markdown":
            assert outline(text)[0][1].startswith(TITLES[kind.name]), where
            assert not text.lstrip().startswith("<"), where
        else:
            assert text.startswith("<!DOCTYPE html>"), where
            assert f"<h1>{TITLES[kind.name]}" in text and "@media print" in text, where
            assert external_references(text) == [], where
        if store == "demo":
            assert "Closed the" in text or "Shipped" in text or "Won" in text, where


def test_demo_private_adds_to_the_shareable_document(demo_repo: Repository) -> None:
    career = demo_repo.career()
    done = {(k.name, p, f): t for k, p, f, t in render_all(career)}
    for name in TITLES:
        shareable, private = done[(name, False, "markdown")], done[(name, True, "markdown")]
        assert len(private) > len(shareable), name
    assert "Tags:" in done[("brag", True, "markdown")]
    assert "Tags:" not in done[("brag", False, "markdown")]
    assert "Evidence for:" not in done[("brag", False, "markdown")]  # no gap names
    gap_titles = [g.title for g in career.gaps]
    assert not any(t in done[("brag", False, "markdown")] for t in gap_titles)


def test_a_marker_in_every_private_field_is_in_no_shareable_export(repo: Repository) -> None:
    plant_markers(repo)
    seen: dict[str, set[str]] = {}
    for kind, private, fmt, text in render_all(repo.career()):
        found = {field for field, marker in MARKERS.items() if marker in text}
        if not private:
            assert found == set(), (kind.name, fmt, found)
            lowered = text.casefold()
            assert not [w for w in STANCE_WORDS if w in lowered], (kind.name, fmt)
            continue
        assert PRIVATE_HOMES[kind.name] <= found, (kind.name, fmt, found)
        seen.setdefault(kind.name, set()).update(found)
    assert set().union(*seen.values()) == set(MARKERS)
    case = promotion_case(repo.career(), today=TODAY, private=True)
    for word in ("skeptic", "blocker", "neutral"):
        assert word in case
    shareable = promotion_case(repo.career(), today=TODAY)
    assert "Acme Corp" in section(shareable, "The role and why now")  # the current company


def test_the_person_is_named_in_every_document(repo: Repository) -> None:
    with_profile(repo)
    for kind, _, fmt, text in render_all(repo.career()):
        if fmt == "markdown":
            assert "Jo Rivera" in outline(text)[0][1], kind.name
            assert "Senior Product Manager (L6) · Growth, Acme Corp" in text, kind.name
            assert "since 2024-03-01 (2 years and 8 months)" in text, kind.name


def test_old_stores_load_with_an_empty_profile(repo: Repository) -> None:
    vision = Vision.model_validate({"statement": "Lead a platform."}, context=FROM_STORE)
    assert vision.profile.is_blank
    assert promotion_case(repo.career(), today=TODAY).startswith("# Promotion case\n")


# -- strongest wins -------------------------------------------------------------------------
def _ranked_wins(repo: Repository) -> None:
    with repo.transaction():
        repo.wins.add(Win(title="Starred only", starred=True, date=TODAY))
        repo.wins.add(Win(title="Impact only", impact="Saved the launch.", date=TODAY))
        repo.wins.add(
            Win(title="Metric, no baseline", metrics=[Metric(name="NPS", after="40")], date=TODAY)
        )
        repo.wins.add(
            Win(
                title="Small move",
                metrics=[Metric(name="churn", before="10%", after="9.5%")],
                date=TODAY - dt.timedelta(days=40),
            )
        )
        repo.wins.add(
            Win(
                title="Big move",
                metrics=[Metric(name="activation", before="20%", after="35%")],
                date=TODAY - dt.timedelta(days=50),
            )
        )
        repo.wins.add(Win(title="Nothing to show", date=TODAY))


def test_the_strongest_wins_are_ranked_by_measured_impact(repo: Repository) -> None:
    _ranked_wins(repo)
    doc = brag_document(repo.career(), today=TODAY)
    listed = re.findall(r"^\d\. \*\*(.+?)\*\*", section_md(doc, "Strongest wins"), re.M)
    assert listed == [
        "Big move",
        "Small move",
        "Metric, no baseline",
        "Impact only",
        "Starred only",
    ]
    case = promotion_case(repo.career(), today=TODAY)
    assert "Big move" in section(case, "Already working at the next level").split("Small")[0]


def test_a_larger_measured_change_outranks_a_star_and_an_impact_statement(
    repo: Repository,
) -> None:
    repo.wins.add(
        Win(
            title="Starred, a little moved",
            impact="Nudged churn",
            starred=True,
            metrics=[Metric(name="churn", before="10%", after="9.8%")],
            date=TODAY - dt.timedelta(days=3),
        )
    )
    repo.wins.add(
        Win(
            title="Halved the tickets",
            metrics=[Metric(name="tickets per week", before="40", after="20")],
            date=TODAY - dt.timedelta(days=30),
        )
    )
    doc = brag_document(repo.career(), today=TODAY)
    listed = re.findall(r"^\d\. \*\*(.+?)\*\*", section_md(doc, "Strongest wins"), re.M)
    assert listed == ["Halved the tickets", "Starred, a little moved"]


def section_md(doc: str, title: str) -> str:
    """The Markdown of the level-2 section ``title``."""
    part = doc.split(f"\n## {title}\n", 1)[1]
    return part.split("\n## ", 1)[0]


# -- the ask ------------------------------------------------------------------------------------
ROOM = {
    "yes": "Put the case for Group PM forward in the next promotion cycle",
    "not yet": "What would make it a yes for Group PM",
    "no": "Which scope here would grow toward Group PM",
    "unclear": "A clear answer from Ana Ruiz: is there room for Group PM here",
}


@pytest.mark.parametrize("answer", list(ROOM))
def test_the_ask_follows_the_recorded_room_to_grow_answer(
    small_repo: Repository, answer: str
) -> None:
    room = {
        "answer": answer,
        "asked_on": "2026-10-01",
        "asked_whom": "Ana Ruiz",
        "management_said": "Show the platform roadmap",
    }
    with_profile(small_repo, room_to_grow=room, target_role="Group PM")
    for private in (False, True):
        ask = section(promotion_case(small_repo.career(), today=TODAY, private=private), "The ask")
        assert ROOM[answer] in ask
        assert "When I asked Ana Ruiz on 2026-10-01" in ask
        assert "“Show the platform roadmap”" in ask
        if answer != "unclear":
            assert "is there room" not in ask


def test_the_ask_asks_whether_there_is_room_until_someone_answered(
    small_repo: Repository,
) -> None:
    ask = section(promotion_case(small_repo.career(), today=TODAY), "The ask")
    assert "Ana Ruiz: is there room for Group PM, Platform here, and on what timeline?" in ask
    assert "When I asked" not in ask


# -- who supports the move -------------------------------------------------------------------
def _person(relationship: Relationship, stance: Stance, influence: int = 5) -> Stakeholder:
    return Stakeholder(
        name=f"{relationship.value} {stance.value}",
        relationship=relationship,
        stance=stance,
        influence=influence,
    )


def test_supporters_are_placed_by_stance_and_relationship() -> None:
    assert support_role(_person(Relationship.SPONSOR, Stance.SUPPORTER)) is SupportRole.SPONSOR
    assert support_role(_person(Relationship.SPONSOR, Stance.SKEPTIC)) is None
    assert support_role(_person(Relationship.MENTOR, Stance.CHAMPION)) is SupportRole.CHAMPION
    assert support_role(_person(Relationship.MENTOR, Stance.SUPPORTER)) is SupportRole.MENTOR
    assert support_role(_person(Relationship.PEER, Stance.CHAMPION, 2)) is SupportRole.CHAMPION
    assert support_role(_person(Relationship.MANAGER, Stance.SUPPORTER)) is SupportRole.SUPPORTER
    assert support_role(_person(Relationship.EXECUTIVE, Stance.NEUTRAL)) is None


def test_a_mentor_is_never_listed_as_a_sponsor(repo: Repository) -> None:
    with repo.transaction():
        repo.stakeholders.add(_person(Relationship.MENTOR, Stance.SUPPORTER))
        repo.stakeholders.add(_person(Relationship.SPONSOR, Stance.CHAMPION))
    supports = section(promotion_case(repo.career(), today=TODAY), "Who supports the move")
    sponsors = supports.split("<h3>Sponsors</h3>", 1)[1].split("<h3>")[0]
    mentors = supports.split("<h3>Mentors</h3>", 1)[1].split("<h3>")[0]
    assert "sponsor champion" in sponsors and "mentor supporter" not in sponsors
    assert "mentor supporter" in mentors


# -- the self-review ---------------------------------------------------------------------------
def test_self_review_tells_star_stories_per_gap_being_worked_on(small_repo: Repository) -> None:
    with small_repo.transaction():
        small_repo.wins.add(
            Win(
                title="Ran the pricing review",
                date=dt.date(2026, 9, 1),
                body="Context: churn was rising in the SMB plan.\n\n- notes",
                impact="Churn down.",
                metrics=[
                    Metric(name="interviews", kind="input", after="12"),
                    Metric(name="churn", before="4%", after="3%"),
                ],
                priority_id="pri_growth",
                gap_ids=["gap_exec"],
            )
        )
        small_repo.gaps.add(Gap(title="Hiring", status=GapStatus.WORKING, rank=5))
    doc = self_review(
        small_repo.career(), start=dt.date(2026, 8, 1), end=dt.date(2026, 11, 1), today=TODAY
    )
    heads = outline(doc)
    assert heads[0] == (1, "Self-review: 2026-08-01 to 2026-11-01")
    level2 = [text for level, text in heads if level == 2]
    assert level2 == ["Executive presence", "Hiring", "Feedback received"]
    story = section(doc, "Executive presence")
    assert "<strong>Situation:</strong> churn was rising in the SMB plan." in story
    assert "<strong>Task:</strong> Deliver on the company priority “Grow revenue”." in story
    assert "<strong>Action:</strong> Ran the pricing review (interviews: 12)" in story
    assert "<strong>Result:</strong> Churn down; churn: 4% → 3%" in story
    assert "Shipped the onboarding flow" not in story  # June: outside the period
    assert NO_EVIDENCE in section(doc, "Hiring")
    assert "SQL" not in doc  # closed: not being worked on
    assert "No feedback received in this period." in section(doc, "Feedback received")
    june = self_review(
        small_repo.career(), start=dt.date(2026, 5, 1), end=dt.date(2026, 7, 31), today=TODAY
    )
    received = section(june, "Feedback received")
    assert "“Lead with the ask.” (Bo Chen, 2026-06-01)" in received
    assert "“Best writer on the team.” (Ana Ruiz, 2026-07-01)" in received


def test_self_review_private_adds_the_gap_framing_and_coaching(small_repo: Repository) -> None:
    private = self_review(small_repo.career(), today=TODAY, private=True)
    shareable = self_review(small_repo.career(), today=TODAY)
    assert "Present the Q1 plan" in private and "Present the Q1 plan" not in shareable
    assert "2 → 4" in private and "2 → 4" not in shareable


# -- HTML ---------------------------------------------------------------------------------------
HOSTILE = "<script>alert(1)</script> <img src=https://evil.example/p.png> [x](https://evil.example)"


def test_text_from_the_store_cannot_put_html_or_references_in_the_page(repo: Repository) -> None:
    with repo.transaction():
        with_profile(repo, target_role="<b>Lead</b>", statement="![pixel](//evil.example/p.gif)")
        repo.wins.add(
            Win(
                title=HOSTILE,
                impact="<iframe src='http://evil.example'></iframe>",
                body="<http://evil.example>\n\n[ref]: https://evil.example\n\n<style>x</style>",
                gap_ids=["gap_h"],
                date=TODAY,
            )
        )
        repo.gaps.add(Gap(id="gap_h", title=HOSTILE, status=GapStatus.WORKING))
        repo.feedback.add(Feedback(quote=HOSTILE, giver_name="<a href=http://x>", date=TODAY))
    for kind, private, fmt, text in render_all(repo.career()):
        if fmt != "html":
            continue
        where = (kind.name, private)
        assert external_references(text) == [], where
        assert set(tags(text)) <= set(ALLOWED_TAGS), (where, set(tags(text)) - ALLOWED_TAGS)
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text, where


ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "main", "h1", "h2", "h3", "h4", "p",
    "ul", "ol", "li", "strong", "em", "blockquote", "code", "pre", "br", "hr",
}  # fmt: skip


def test_the_page_is_self_contained_and_prints_cleanly() -> None:
    page = html.page("# Title\n\nText.", title="A <b>title</b>")
    assert "<title>A &lt;b&gt;title&lt;/b&gt;</title>" in page
    assert "@page" in page and "@media print" in page
    assert external_references(page) == []


def test_the_app_saves_a_private_html_document(small_repo: Repository, tmp_path) -> None:
    path = save_export(
        "case", small_repo.career(), tmp_path / "data", today=TODAY, private=True, fmt="html"
    )
    assert path.name == f"promotion-case-{TODAY.isoformat()}.html"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and "Who still needs to be won over" in text
    markdown = save_export("review", small_repo.career(), tmp_path / "data", today=TODAY)
    assert markdown.suffix == ".md" and "Who still" not in markdown.read_text(encoding="utf-8")
