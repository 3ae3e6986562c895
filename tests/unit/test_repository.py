"""Repository round-trips for every kind, transactions and multi-record rules."""

from __future__ import annotations

import datetime as dt

import pytest

from careertui.actions.people import check_in
from careertui.actions.wins import log_win
from careertui.domain.models import (
    Feedback,
    Gap,
    Interaction,
    Priority,
    Record,
    Stakeholder,
    Vision,
    Win,
)
from careertui.store.repository import RecordNotFound, Repository

SAMPLES: list[tuple[str, Record, dict]] = [
    ("priorities", Priority(title="Grow NRR", rank=1), {"title": "Grow NRR to 120%"}),
    ("gaps", Gap(title="Exec comms", impact=4), {"impact": 5}),
    ("stakeholders", Stakeholder(name="Maya", cadence_days=7), {"stance": "champion"}),
    ("wins", Win(title="Shipped", tags=["launch"]), {"starred": True}),
    ("feedback", Feedback(quote="Clear writer"), {"theme": "writing"}),
    ("interactions", Interaction(stakeholder_id="stk_x", note="1:1"), {"note": "skip-level"}),
]


@pytest.mark.parametrize(("collection", "record", "change"), SAMPLES, ids=[s[0] for s in SAMPLES])
def test_round_trip_for_every_kind(
    repo: Repository, collection: str, record: Record, change: dict
) -> None:
    records = getattr(repo, collection)
    records.add(record)
    assert records.get(record.id) == record
    assert records.list() == [record]

    changed = record.model_copy(update=change)
    saved = records.update(changed)
    assert saved.updated > record.updated
    reread = Repository.at(repo.store.data_dir)  # a second process's view
    got = getattr(reread, collection).get(record.id)
    assert got == saved
    stored = got.model_dump(mode="json")
    assert all(stored[key] == value for key, value in change.items())

    records.delete(record.id)
    assert records.get(record.id) is None and records.list() == []


def test_vision_round_trip(repo: Repository) -> None:
    assert repo.vision().statement == "" and repo.vision().id == "vision"
    vision = Vision(statement="Lead product", horizon=dt.date(2030, 6, 1), values=["a", "b"])
    repo.save_vision(vision)
    got = Repository.at(repo.store.data_dir).vision()
    assert got.statement == "Lead product" and got.values == ["a", "b"]
    assert got.id == "vision"


def test_missing_records(repo: Repository) -> None:
    with pytest.raises(RecordNotFound):
        repo.wins.update(Win(title="never saved"))
    with pytest.raises(RecordNotFound):
        repo.wins.delete("win_nope")


def test_a_failed_transaction_writes_nothing(repo: Repository) -> None:
    repo.wins.add(Win(title="kept"))
    before = repo.store.path.read_bytes()
    with pytest.raises(RuntimeError), repo.transaction():
        repo.wins.add(Win(title="lost"))
        repo.gaps.add(Gap(title="lost too"))
        raise RuntimeError("boom")
    assert repo.store.path.read_bytes() == before
    assert [w.title for w in repo.wins.list()] == ["kept"]


def test_transaction_sees_its_own_changes_and_writes_once(repo: Repository) -> None:
    with repo.transaction():
        person = repo.stakeholders.add(Stakeholder(name="Ana"))
        assert repo.stakeholders.get(person.id) == person
        assert not repo.store.path.exists()
    assert repo.stakeholders.get(person.id) == person


def test_log_win_moves_last_contact_forward_only(repo: Repository) -> None:
    ana = repo.stakeholders.add(Stakeholder(name="Ana", last_contact=dt.date(2026, 11, 1)))
    log_win(repo, Win(title="old win", date=dt.date(2026, 10, 1), stakeholder_ids=[ana.id]))
    assert repo.stakeholders.get(ana.id).last_contact == dt.date(2026, 11, 1)
    log_win(repo, Win(title="new win", date=dt.date(2026, 11, 20), stakeholder_ids=[ana.id]))
    assert repo.stakeholders.get(ana.id).last_contact == dt.date(2026, 11, 20)


def test_log_win_with_an_unknown_stakeholder_writes_nothing(repo: Repository) -> None:
    with pytest.raises(RecordNotFound):
        log_win(repo, Win(title="x", stakeholder_ids=["stk_ghost"]))
    assert repo.wins.list() == []


def test_log_check_in(repo: Repository) -> None:
    ana = repo.stakeholders.add(Stakeholder(name="Ana"))
    check_in(repo, Interaction(stakeholder_id=ana.id, note="coffee"))
    assert repo.stakeholders.get(ana.id).last_contact == dt.date(2026, 11, 23)
    assert [i.note for i in repo.interactions.list()] == ["coffee"]


def test_settings(repo: Repository) -> None:
    assert repo.setting("theme", "textual-dark") == "textual-dark"
    repo.set_setting("theme", "nord")
    assert Repository.at(repo.store.data_dir).setting("theme") == "nord"


def test_career_snapshot_is_sorted(repo: Repository) -> None:
    repo.priorities.add(Priority(title="second", rank=1))
    repo.priorities.add(Priority(title="first", rank=0))
    repo.wins.add(Win(title="older", date=dt.date(2026, 1, 1)))
    repo.wins.add(Win(title="newer", date=dt.date(2026, 2, 1)))
    career = repo.career()
    assert [p.title for p in career.priorities] == ["first", "second"]
    assert [w.title for w in career.wins] == ["newer", "older"]
    assert career.read_only is False


def test_demo_populates_a_whole_career(demo_repo: Repository) -> None:
    career = demo_repo.career()
    assert career.vision.target_role
    assert len(career.priorities) == 5
    assert 10 <= len(career.gaps) <= 14
    assert len(career.stakeholders) == 15
    assert len(career.wins) > 80
    assert career.feedback and career.interactions
    known = {s.id for s in career.stakeholders}
    assert all(set(w.stakeholder_ids) <= known for w in career.wins)
