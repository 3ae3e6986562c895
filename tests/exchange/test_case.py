"""The promotion case: every section, shareable and private, on the demo career and on a small
one."""

from __future__ import annotations

import dataclasses
import re

from careertui.domain.models import GapStatus, Vision
from careertui.exchange import documents
from careertui.exchange.case import (
    EVIDENCE,
    PRIVATE_SECTIONS,
    SECTIONS,
    SupportRole,
    promotion_case,
    support_role,
)
from careertui.store.repository import Repository
from tests.exchange.conftest import TODAY, outline, section


def test_demo_case_has_every_section_in_order(demo_repo: Repository) -> None:
    career = demo_repo.career()
    ladder = f"Against the ladder: {career.vision.ladder_target}"  # the demo has a ladder
    for private, expected in ((False, SECTIONS), (True, PRIVATE_SECTIONS)):
        heads = outline(promotion_case(career, today=TODAY, private=private))
        assert heads[0] == (1, f"Promotion case: Alex Rivera for {career.vision.target_role}")
        sections = list(expected)
        sections.insert(sections.index(EVIDENCE), ladder)
        assert [text for level, text in heads if level == 2] == sections
    assert "Who still needs to be won over" not in SECTIONS
    without = dataclasses.replace(career, vision=career.vision.model_copy(update={"ladder": None}))
    heads = outline(promotion_case(without, today=TODAY))
    assert [text for level, text in heads if level == 2] == list(SECTIONS)


def test_demo_case_role_section_says_what_the_role_means(demo_repo: Repository) -> None:
    vision = demo_repo.career().vision
    role = section(promotion_case(demo_repo.career(), today=TODAY), "The role and why now")
    assert vision.target_role in role
    assert "<blockquote>" in role and "<strong>B2B developer platform</strong>" in role
    for measure in vision.measures:
        assert f"<li>{measure}</li>" in role
    assert "wins in the last twelve months" in role
    assert "years left" not in role  # the horizon is the person's own plan
    private = section(
        promotion_case(demo_repo.career(), today=TODAY, private=True), "The role and why now"
    )
    assert f"{vision.horizon.isoformat()} (4 years left)" in private


def test_demo_case_next_level_shows_strengths_and_the_strongest_wins(
    demo_repo: Repository,
) -> None:
    career = demo_repo.career()
    today = section(promotion_case(career, today=TODAY), "Already working at the next level")
    for strength in career.vision.strengths + career.vision.usps:
        assert strength in today
    best = documents.strongest(career.wins)
    assert len(best) == 5
    shown = re.findall(r"<strong>([^<]+)</strong> \((\d{4}-\d\d-\d\d)\)", today)
    assert shown == [(w.title, w.date.isoformat()) for w in best]
    for win in best:
        assert str(win.headline_metric) in today


def test_demo_case_feedback_is_quoted_with_giver_and_date(demo_repo: Repository) -> None:
    career = demo_repo.career()
    said = section(promotion_case(career, today=TODAY), "What others say").replace("&#x27;", "'")
    for item in career.feedback:
        line = f"“{item.quote}” ({item.giver_name}, {item.date.isoformat()})"
        assert (line in said) == (item.kind == "strength"), line


def test_demo_case_gaps_each_with_evidence_and_what_is_open(demo_repo: Repository) -> None:
    career = demo_repo.career()
    doc = promotion_case(career, today=TODAY, private=True)
    gaps_html = section(doc, "Evidence for each growth area")
    open_gaps = [g for g in career.gaps if g.status != GapStatus.CLOSED]
    assert f"{len(open_gaps)} of {len(career.gaps)} still open." in gaps_html
    headings = [t for level, t in outline(doc) if level == 3]
    for gap in career.gaps:
        title = (
            f"{gap.title} ({gap.category.value}, level {gap.current_level} → "
            f"{gap.target_level}, {gap.status.value})"
        )
        assert title in headings
        evidence = sum(gap.id in w.gap_ids for w in career.wins)
        block = gaps_html.split(f"<h3>{title.replace('&', '&amp;')}</h3>", 1)[1].split("<h3>")[0]
        if evidence:
            assert f"Evidence ({evidence} win" in block
        else:
            assert "<strong>Evidence:</strong> no win yet." in block
        if gap.status == GapStatus.CLOSED:
            assert "<strong>Still open:</strong> nothing; closed." in block
        else:
            assert f"{gap.target_level - gap.current_level} level" in block
            assert gap.next_action.rstrip(".") in block.replace("&#x27;", "'")
    assert "(overdue)" in gaps_html  # the demo's sales-leadership gap is past its date


def test_shareable_case_shows_only_gaps_with_evidence_and_their_strongest_wins(
    demo_repo: Repository,
) -> None:
    career = demo_repo.career()
    doc = promotion_case(career, today=TODAY)
    gaps_html = section(doc, "Evidence for each growth area")
    headings = [t for level, t in outline(doc) if level == 3]
    for gap in career.gaps:
        evidence = [w for w in career.wins if gap.id in w.gap_ids]
        assert (gap.title in headings) == bool(evidence), gap.title
        if not evidence:
            continue
        block = gaps_html.split(f"<h3>{gap.title}</h3>", 1)[1].split("<h3>")[0]
        shown = re.findall(r"<strong>([^<]+)</strong> \((\d{4}-\d\d-\d\d)\)", block)
        strongest = documents.by_strength(evidence)[:3]
        assert shown == [(w.title, w.date.isoformat()) for w in strongest]
        assert gap.why not in block and "still open" not in block.casefold()


def test_demo_case_supporters_placed_by_stance_and_relationship(demo_repo: Repository) -> None:
    people = demo_repo.career().stakeholders
    doc = promotion_case(demo_repo.career(), today=TODAY)
    supports = section(doc, "Who supports the move")
    for person in people:
        role = support_role(person)
        if role is None:
            assert person.name not in supports
            continue
        heading = f"<h3>{role.value}</h3>"
        part = supports.split(heading, 1)[1].split("<h3>")[0]
        assert person.name in part, (person.name, role)
    mentor = next(p for p in people if p.relationship.value == "mentor")
    assert support_role(mentor) is not SupportRole.SPONSOR
    waiting = section(
        promotion_case(demo_repo.career(), today=TODAY, private=True),
        "Who still needs to be won over",
    )
    order = re.findall(r"<strong>([^<(]+) \(", waiting)
    influence = {p.name: p.influence for p in people}
    assert order and [influence[n] for n in order] == sorted(
        (influence[n] for n in order), reverse=True
    )


def test_demo_case_asks_whether_there_is_room_when_nobody_was_asked(
    demo_repo: Repository,
) -> None:
    demo = demo_repo.career()
    not_asked = demo.vision.model_copy(update={"room_to_grow": Vision.RoomToGrow()})
    career = dataclasses.replace(demo, vision=not_asked)
    asks = section(promotion_case(career, today=TODAY), "The ask")
    assert "<ol>" in asks
    assert "Maya Chen: is there room for Director of Product, Platform here" in asks
    assert "Promotion case accepted in the next cycle" in asks
    assert "Support to close" not in asks  # coaching, private
    private = section(promotion_case(career, today=TODAY, private=True), "The ask")
    assert private.count("Support to close") == 3
    assert "Help earning the support of Daniel Okafor" in private
    assert "speak for the case when it is decided" in private


def test_small_case_sections_and_linked_feedback(small_repo: Repository) -> None:
    doc = promotion_case(small_repo.career(), today=TODAY, private=True)
    assert outline(doc) == [
        (1, "Promotion case: Group PM, Platform"),
        (2, "The role and why now"),
        (2, "Already working at the next level"),
        (3, "Strengths"),
        (3, "Wins that show it"),
        (2, "Evidence for each growth area"),
        (3, "Executive presence (skill, level 2 → 4, working on)"),
        (3, "SQL (skill, level 2 → 3, closed)"),
        (2, "Interim goals"),
        (2, "What others say"),
        (2, "Who supports the move"),
        (3, "Sponsors"),
        (3, "Supporters"),
        (2, "Who still needs to be won over"),
        (2, "The ask"),
    ]
    gaps = section(doc, "Evidence for each growth area")
    assert "<strong>From feedback:</strong> “Lead with the ask.” (Bo Chen, 2026-06-01)" in gaps
    assert "Evidence (1 win):</strong>" in gaps and "Shipped the onboarding flow" in gaps
    assert "next: Present the Q1 plan; due 2026-11-01 (overdue)." in gaps
    assert "Bo Chen (CTO)" in section(doc, "Who still needs to be won over")
    assert "Cy Diaz" in section(doc, "Who supports the move").split("<h3>Supporters")[0]


def test_empty_career_case_says_what_is_missing(repo: Repository) -> None:
    doc = promotion_case(repo.career(), today=TODAY)
    assert [text for level, text in outline(doc) if level == 2] == list(SECTIONS)
    assert "No target role yet" in section(doc, "The role and why now")
    assert "No wins logged yet." in section(doc, "Already working at the next level")
    assert "No gaps on the board yet." in section(doc, "Evidence for each growth area")
    assert "Nobody on record supports the move yet." in section(doc, "Who supports the move")
