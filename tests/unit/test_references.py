"""Deleting a stakeholder unlinks them everywhere, in one transaction: no dangling ids."""

from __future__ import annotations

import pytest

from careertui.actions.people import delete_stakeholder
from careertui.domain.models import Feedback, Gap, Interaction, Stakeholder, Win
from careertui.store.references import References, references_in
from careertui.store.repository import RecordNotFound, Repository


def all_ids(repo: Repository) -> set[str]:
    career = repo.career()
    named: set[str] = set()
    for w in career.wins:
        named.update(w.stakeholder_ids)
    for g in career.gaps:
        named.update(g.stakeholder_ids)
    named.update(f.giver_id for f in career.feedback if f.giver_id)
    named.update(i.stakeholder_id for i in career.interactions)
    return named


@pytest.fixture
def people(repo: Repository) -> tuple[Stakeholder, Stakeholder]:
    gone = repo.stakeholders.add(Stakeholder(name="Tom Becker"))
    kept = repo.stakeholders.add(Stakeholder(name="Maya Chen"))
    with repo.transaction():
        repo.wins.add(Win(title="Both", stakeholder_ids=[gone.id, kept.id]))
        repo.wins.add(Win(title="Only Tom", stakeholder_ids=[gone.id]))
        repo.wins.add(Win(title="Nobody"))
        repo.gaps.add(Gap(title="EMEA", stakeholder_ids=[gone.id]))
        repo.gaps.add(Gap(title="Exec", stakeholder_ids=[kept.id]))
        repo.feedback.add(Feedback(quote="Dates please", giver_id=gone.id))
        repo.feedback.add(Feedback(quote="Named", giver_id=gone.id, giver_name="T. Becker"))
        repo.feedback.add(Feedback(quote="Good", giver_id=kept.id))
        repo.interactions.add(Interaction(stakeholder_id=gone.id, note="call"))
        repo.interactions.add(Interaction(stakeholder_id=kept.id, note="1:1"))
    return gone, kept


def test_references_are_counted_and_described(repo: Repository, people) -> None:
    gone, kept = people
    refs = references_in(repo.career(), gone.id)
    assert refs == References(wins=2, gaps=1, feedback=2, check_ins=1)
    assert refs.describe() == "2 wins, 1 gap, 2 feedback notes and 1 check-in"
    assert references_in(repo.career(), "stk_nobody").describe() == ""
    assert References(gaps=1).describe() == "1 gap"


def test_delete_unlinks_everything_and_keeps_the_records(repo: Repository, people) -> None:
    gone, kept = people
    result = delete_stakeholder(repo, gone.id)
    assert result == References(wins=2, gaps=1, feedback=2, check_ins=1)
    career = repo.career()
    assert [s.name for s in career.stakeholders] == ["Maya Chen"]
    assert gone.id not in all_ids(repo)
    assert all_ids(repo) == {kept.id}
    wins = {w.title: w.stakeholder_ids for w in career.wins}
    assert wins == {"Both": [kept.id], "Only Tom": [], "Nobody": []}
    assert {g.title: g.stakeholder_ids for g in career.gaps} == {"EMEA": [], "Exec": [kept.id]}
    quotes = {f.quote: (f.giver_id, f.giver_name) for f in career.feedback}
    assert quotes == {
        "Dates please": (None, "Tom Becker"),
        "Named": (None, "T. Becker"),
        "Good": (kept.id, ""),
    }
    assert [i.note for i in career.interactions] == ["1:1"]


def test_deleting_someone_unknown_writes_nothing(repo: Repository, people) -> None:
    before = repo.store.path.read_bytes()
    with pytest.raises(RecordNotFound):
        delete_stakeholder(repo, "stk_nobody")
    assert repo.store.path.read_bytes() == before


def test_a_failure_half_way_leaves_everything_as_it_was(
    repo: Repository, people, monkeypatch: pytest.MonkeyPatch
) -> None:
    gone, _ = people
    before = repo.store.path.read_bytes()

    def broken(record_id: str) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(repo.stakeholders, "delete", broken)
    with pytest.raises(RuntimeError):
        delete_stakeholder(repo, gone.id)
    assert repo.store.path.read_bytes() == before
    assert gone.id in all_ids(repo)


def test_delete_on_the_demo_leaves_no_dangling_ids(demo_repo: Repository) -> None:
    career = demo_repo.career()
    busiest = max(career.stakeholders, key=lambda s: references_in(career, s.id).total)
    assert references_in(career, busiest.id).total > 0
    delete_stakeholder(demo_repo, busiest.id)
    assert busiest.id not in all_ids(demo_repo)
    known = {s.id for s in demo_repo.career().stakeholders}
    assert all_ids(demo_repo) <= known
