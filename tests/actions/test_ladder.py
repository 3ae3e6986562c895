"""Importing a ladder, placing yourself on it, and recording the ask: each one transaction;
importing again keeps the ties whose competency is still there and says which were dropped."""

from __future__ import annotations

import datetime as dt

import pytest

from careertui.actions.ladder import answer_ask, import_ladder, place_on_ladder, record_ask
from careertui.actions.wins import log_win
from careertui.domain.errors import InputError
from careertui.domain.models import Gap, Profile, PromotionAsk, Vision, Win
from careertui.exchange.ladder_file import example, read_ladder
from careertui.store.repository import Repository

SMALL = """\
ladder: Small
levels: [Senior PM, Group PM]
competencies:
  - name: PRODUCT STRATEGY
    expects: {Group PM: Sets the group's strategy.}
"""


def test_import_places_you_by_your_title_and_target_role(repo: Repository) -> None:
    repo.save_vision(Vision(target_role="Group PM", profile=Profile(title="senior pm")))
    report = import_ladder(repo, example("pm"))
    vision = repo.vision()
    assert vision.ladder == example("pm")
    assert (vision.ladder_level, vision.ladder_target) == ("Senior PM", "Group PM")
    assert report.level == "Senior PM"
    assert "your level: Senior PM" in report.lines()


def test_import_refuses_a_level_the_ladder_has_not_and_writes_nothing(repo: Repository) -> None:
    with pytest.raises(InputError, match="--target: 'Staff PM' is not a level"):
        import_ladder(repo, example("pm"), target="Staff PM")
    assert repo.vision().ladder is None
    with pytest.raises(InputError, match="below your level"):
        import_ladder(repo, example("pm"), level="Group PM", target="Senior PM")


def test_import_again_keeps_ties_that_still_exist_and_says_which_were_dropped(
    repo: Repository,
) -> None:
    import_ladder(repo, example("pm"), level="Senior PM", target="Group PM")
    kept = log_win(repo, Win(title="Pricing", competencies=["Product strategy", "Execution"]))
    gap = Gap(title="Hiring", competencies=["People leadership"])
    repo.gaps.add(gap)
    report = import_ladder(repo, read_ladder(SMALL))
    assert repo.wins.get(kept.id).competencies == ["PRODUCT STRATEGY"]  # the new spelling
    assert repo.gaps.get(gap.id).competencies == []
    assert report.kept == 1
    assert report.dropped == [
        ("win 'Pricing'", "Execution"),
        ("gap 'Hiring'", "People leadership"),
    ]
    assert "dropped the tie of gap 'Hiring' to 'People leadership'" in "\n".join(report.lines())
    vision = repo.vision()
    assert (vision.ladder_level, vision.ladder_target) == ("Senior PM", "Group PM")  # kept


def test_place_on_ladder_needs_a_ladder_and_known_levels(repo: Repository) -> None:
    with pytest.raises(InputError, match="no ladder yet"):
        place_on_ladder(repo, level="PM", target=None)
    import_ladder(repo, example("pm"))
    place_on_ladder(repo, level="product manager", target="director of product")
    vision = repo.vision()
    assert (vision.ladder_level, vision.ladder_target) == ("Product Manager", "Director of Product")
    with pytest.raises(InputError, match="--level"):
        place_on_ladder(repo, level="CEO", target=None)


def test_the_ask_is_recorded_then_answered(repo: Repository) -> None:
    with pytest.raises(InputError, match="no ask on record"):
        answer_ask(repo, answer="yes")
    record_ask(repo, PromotionAsk(date=dt.date(2026, 11, 1), whom="Maya", what="Group PM"))
    record_ask(repo, PromotionAsk(date=dt.date(2026, 6, 1), whom="Ann"))  # an earlier one
    answered = answer_ask(
        repo, answer="not yet", said="after planning", ask_again=dt.date(2027, 2, 1)
    )
    assert (answered.whom, answered.answer, answered.said) == ("Maya", "not yet", "after planning")
    asks = repo.vision().asks
    assert [a.whom for a in asks] == ["Ann", "Maya"]
    assert asks[-1].ask_again == dt.date(2027, 2, 1)
    with pytest.raises(InputError, match="ask_again: must be after"):
        answer_ask(repo, answer="no", ask_again=dt.date(2026, 10, 1))
    assert repo.vision().asks[-1].answer == "not yet"


def test_the_lean_win_ties_competencies_as_the_ladder_spells_them(
    repo: Repository, data_dir
) -> None:
    from careertui.actions.lean_win import append_win
    from careertui.domain.win_record import new_win

    import_ladder(repo, example("pm"))
    repo.wins.add(Win(title="so the store has been written and checked"))
    doc = new_win(title="Pricing memo", date=dt.date(2026, 11, 20))
    stored = append_win(data_dir, doc, competencies=["product s", "execution"])
    assert stored is not None and stored["competencies"] == ["Product strategy", "Execution"]
    assert repo.wins.get(doc["id"]).competencies == ["Product strategy", "Execution"]
    with pytest.raises(InputError, match="--competency: no competency named 'hiring'"):
        append_win(
            data_dir, new_win(title="x", date=dt.date(2026, 11, 20)), competencies=["hiring"]
        )
