"""The promotion case and the self-review organised per competency when a ladder with a target
level is on record: every expectation of the target level has its section, with its evidence
or a plain "none yet"."""

from __future__ import annotations

import dataclasses

from careertui.domain.ladder import expectation
from careertui.exchange.case import promotion_case
from careertui.exchange.review import self_review
from careertui.store.repository import Repository
from tests.exchange.conftest import TODAY, outline


def test_the_case_lists_every_expectation_of_the_target_level(demo_repo: Repository) -> None:
    career = demo_repo.career()
    case = promotion_case(career, today=TODAY)
    heads = outline(case)
    assert (2, "Against the ladder: Group PM") in heads
    ladder = career.vision.ladder
    assert ladder is not None
    expected = [c.name for c in ladder.competencies if expectation(c, "Group PM")]
    start = heads.index((2, "Against the ladder: Group PM"))
    listed = []
    for level, text in heads[start + 1 :]:
        if level == 2:
            break
        listed.append(text)
    assert listed == expected
    assert "5 of 6 expectations of Group PM" in case
    stakeholder_part = case.split("Stakeholder management", 1)[1].split("##", 1)[0]
    assert "none yet" in stakeholder_part


def test_the_review_has_a_section_per_expectation_with_stories_or_none(
    demo_repo: Repository,
) -> None:
    career = demo_repo.career()
    review = self_review(career, today=TODAY, start=TODAY.replace(month=9, day=1))
    heads = outline(review)
    competencies = [text for level, text in heads if text.startswith("Competency: ")]
    assert competencies[0] == "Competency: Product strategy"
    assert "Competency: Stakeholder management" in competencies
    rest = review.split("Competency: Stakeholder management", 1)[1]
    assert "No evidence yet in this period." in rest.split("Competency:", 1)[0]
    customer = review.split("Competency: Customer insight", 1)[1].split("Competency:", 1)[0]
    assert "No evidence yet in this period." in customer  # its evidence is older


def test_without_a_ladder_the_documents_have_no_ladder_section(demo_repo: Repository) -> None:
    career = demo_repo.career()
    bare = dataclasses.replace(career, vision=career.vision.model_copy(update={"ladder": None}))
    assert "Against the ladder" not in promotion_case(bare, today=TODAY)
    assert "Competency:" not in self_review(bare, today=TODAY)
