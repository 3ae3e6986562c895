"""The promotion case: every section, on the demo career and on a small one."""

from __future__ import annotations

import re

from careertui.domain.models import GapStatus, Stance
from careertui.domain.stakeholders import is_champion_or_sponsor, is_supportive
from careertui.exchange.case import SECTIONS, promotion_case, strongest_wins
from careertui.store.repository import Repository
from tests.exchange.conftest import TODAY, outline, section


def test_demo_case_has_every_section_in_order(demo_repo: Repository) -> None:
    career = demo_repo.career()
    doc = promotion_case(career, today=TODAY)
    heads = outline(doc)
    assert heads[0] == (1, f"Promotion case: {career.vision.target_role}")
    assert [text for level, text in heads if level == 2] == list(SECTIONS)
    level3 = [text for level, text in heads if level == 3]
    assert level3[:2] == ["Strengths", "Strongest wins"]
    assert "Champions and sponsors" in level3


def test_demo_case_role_section_says_what_the_role_means(demo_repo: Repository) -> None:
    vision = demo_repo.career().vision
    role = section(promotion_case(demo_repo.career(), today=TODAY), "The role")
    assert vision.target_role in role
    assert f"{vision.horizon.isoformat()} (4 years left)" in role
    assert "<blockquote>" in role and "<strong>B2B developer platform</strong>" in role
    for measure in vision.measures:
        assert f"<li>{measure}</li>" in role


def test_demo_case_today_shows_strengths_and_the_strongest_wins(demo_repo: Repository) -> None:
    career = demo_repo.career()
    today = section(promotion_case(career, today=TODAY), "What I do today")
    for strength in career.vision.strengths + career.vision.usps:
        assert strength in today
    praise = [f for f in career.feedback if f.kind == "strength"]
    assert praise and all(
        f.quote.replace("'", "&#x27;") in today or f.quote in today for f in praise
    )
    best = strongest_wins(career.wins, {p.id for p in career.priorities})
    assert len(best) == 5 and all(w.starred for w in best)
    shown = re.findall(r"<strong>(\d{4}-\d\d-\d\d): ", today)
    assert shown == [w.date.isoformat() for w in best]
    for win in best:
        assert str(win.headline_metric) in today


def test_demo_case_gaps_each_with_evidence_and_what_is_open(demo_repo: Repository) -> None:
    career = demo_repo.career()
    doc = promotion_case(career, today=TODAY)
    gaps_html = section(doc, "The gaps to close")
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


def test_demo_case_supporters_and_people_to_win_over(demo_repo: Repository) -> None:
    people = demo_repo.career().stakeholders
    doc = promotion_case(demo_repo.career(), today=TODAY)
    supports = section(doc, "Who supports the move")
    waiting = section(doc, "Who still needs to be won over")
    champions = [p for p in people if is_champion_or_sponsor(p)]
    assert champions
    champions_part = supports.split("<h3>Supporters</h3>")[0]
    for person in people:
        if is_champion_or_sponsor(person):
            assert person.name in champions_part
        elif is_supportive(person):
            assert person.name in supports and person.name not in champions_part
        else:
            assert person.name not in supports
            assert person.name in waiting
    # the most influential first
    order = re.findall(r"<strong>([^<(]+) \(", waiting)
    influence = {p.name: p.influence for p in people}
    assert [influence[n] for n in order] == sorted((influence[n] for n in order), reverse=True)
    assert any(p.stance is Stance.BLOCKER for p in people if p.name in order)


def test_demo_case_asks(demo_repo: Repository) -> None:
    career = demo_repo.career()
    asks = section(promotion_case(career, today=TODAY), "The asks")
    assert "<ol>" in asks
    assert "Maya Chen: is there room for Director of Product, Platform here" in asks
    assert "Promotion case accepted in the next cycle" in asks
    assert asks.count("Support to close") == 3
    assert "Help earning Daniel Okafor" in asks
    assert "speak for the case when it is decided" in asks


def test_small_case_sections_and_linked_feedback(small_repo: Repository) -> None:
    doc = promotion_case(small_repo.career(), today=TODAY)
    assert outline(doc) == [
        (1, "Promotion case: Group PM, Platform"),
        (2, "The role"),
        (2, "What I do today"),
        (3, "Strengths"),
        (3, "Strongest wins"),
        (2, "The gaps to close"),
        (3, "Executive presence (skill, level 2 → 4, working on)"),
        (3, "SQL (skill, level 2 → 3, closed)"),
        (2, "Who supports the move"),
        (3, "Champions and sponsors"),
        (3, "Supporters"),
        (2, "Who still needs to be won over"),
        (2, "The asks"),
    ]
    gaps = section(doc, "The gaps to close")
    assert "<strong>From feedback:</strong> “Lead with the ask.” (Bo Chen, 2026-06-01)" in gaps
    assert "Evidence (1 win):</strong> 2026-06-10 Shipped the onboarding flow" in gaps
    assert "next: Present the Q1 plan; due 2026-11-01 (overdue)." in gaps
    role = section(doc, "The role")
    assert "Platform roadmap: own (today: execute)" in role
    assert "Bo Chen (CTO)" in section(doc, "Who still needs to be won over")
    assert "Cy Diaz" in section(doc, "Who supports the move").split("<h3>Supporters")[0]


def test_empty_career_case_says_what_is_missing(repo: Repository) -> None:
    doc = promotion_case(repo.career(), today=TODAY)
    assert [text for level, text in outline(doc) if level == 2] == list(SECTIONS)
    assert "No target role yet" in section(doc, "The role")
    assert "No wins logged yet." in section(doc, "What I do today")
    assert "No gaps on the board yet." in section(doc, "The gaps to close")
    assert "Nobody yet who argues the case" in section(doc, "Who supports the move")
