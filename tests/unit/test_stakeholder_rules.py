"""The stakeholder map's rules: quadrants, check-in cadence and warnings."""

from __future__ import annotations

import datetime as dt

import pytest

from careertui.domain.cadence import days_overdue, is_overdue, next_check_in
from careertui.domain.models import Relationship, Stakeholder, Stance
from careertui.domain.stakeholders import (
    STANCE_MARKS,
    Quadrant,
    WarningKind,
    by_quadrant,
    overdue_text,
    quadrant,
    warnings,
)

TODAY = dt.date(2026, 11, 23)


def person(**kw: object) -> Stakeholder:
    kw.setdefault("name", "Alex")
    return Stakeholder(**kw)


SUPPORTIVE = {Stance.CHAMPION, Stance.SUPPORTER}


@pytest.mark.parametrize("influence", [1, 2, 3, 4, 5])
@pytest.mark.parametrize("stance", list(Stance))
def test_every_influence_and_stance_has_its_quadrant(influence: int, stance: Stance) -> None:
    got = quadrant(person(influence=influence, stance=stance))
    high = influence >= 4
    supportive = stance in SUPPORTIVE
    expected = {
        (True, True): Quadrant.KEEP_CLOSE,
        (True, False): Quadrant.WIN_OVER,
        (False, True): Quadrant.KEEP_INFORMED,
        (False, False): Quadrant.MONITOR,
    }[(high, supportive)]
    assert got is expected


def test_the_threshold_of_high_influence_is_four() -> None:
    assert quadrant(person(influence=3, stance=Stance.CHAMPION)) is Quadrant.KEEP_INFORMED
    assert quadrant(person(influence=4, stance=Stance.CHAMPION)) is Quadrant.KEEP_CLOSE
    assert quadrant(person(influence=3, stance=Stance.UNKNOWN)) is Quadrant.MONITOR
    assert quadrant(person(influence=4, stance=Stance.NEUTRAL)) is Quadrant.WIN_OVER


def test_each_stance_has_a_distinct_mark() -> None:
    assert set(STANCE_MARKS) == set(Stance)
    assert len(set(STANCE_MARKS.values())) == len(Stance)


def test_by_quadrant_places_everyone_once_most_influential_first() -> None:
    people = [
        person(name="b", influence=4, stance=Stance.CHAMPION),
        person(name="a", influence=5, stance=Stance.SUPPORTER),
        person(name="c", influence=1, stance=Stance.BLOCKER),
        person(name="d", influence=5, stance=Stance.UNKNOWN),
    ]
    placed = by_quadrant(people)
    assert [p.name for p in placed[Quadrant.KEEP_CLOSE]] == ["a", "b"]
    assert [p.name for p in placed[Quadrant.WIN_OVER]] == ["d"]
    assert placed[Quadrant.KEEP_INFORMED] == []
    assert [p.name for p in placed[Quadrant.MONITOR]] == ["c"]


# -- next check-in and overdue -----------------------------------------------------------------
def test_next_check_in_is_last_contact_plus_cadence() -> None:
    p = person(cadence_days=14, last_contact=dt.date(2026, 11, 1))
    assert next_check_in(p, TODAY) == dt.date(2026, 11, 15)
    assert days_overdue(p, TODAY) == 8
    assert is_overdue(p, TODAY)
    assert overdue_text(p, TODAY) == "8 days overdue"


def test_due_today_or_later_is_not_overdue() -> None:
    due_today = person(cadence_days=7, last_contact=TODAY - dt.timedelta(days=7))
    assert next_check_in(due_today, TODAY) == TODAY
    assert not is_overdue(due_today, TODAY)
    later = person(cadence_days=7, last_contact=TODAY - dt.timedelta(days=2))
    assert next_check_in(later, TODAY) == TODAY + dt.timedelta(days=5)
    assert days_overdue(later, TODAY) is None
    assert overdue_text(later, TODAY) == ""


def test_one_day_late_is_one_day() -> None:
    p = person(cadence_days=7, last_contact=TODAY - dt.timedelta(days=8))
    assert overdue_text(p, TODAY) == "1 day overdue"


def test_cadence_zero_means_no_check_in_ever_due() -> None:
    long_ago = person(cadence_days=0, last_contact=dt.date(2020, 1, 1))
    never = person(cadence_days=0)
    for p in (long_ago, never):
        assert next_check_in(p, TODAY) is None
        assert not is_overdue(p, TODAY)


def test_a_cadence_with_no_contact_falls_due_one_cadence_after_they_were_added() -> None:
    # issue 14 item 5: this used to say "due today, overdue, never contacted" on the day the
    # person was added; the first check-in now falls due one cadence after ``created``.
    added = dt.datetime(2026, 10, 1, 12, 0).astimezone()
    p = person(cadence_days=30, created=added)
    assert next_check_in(p, TODAY) == dt.date(2026, 10, 31)
    assert is_overdue(p, TODAY)
    assert days_overdue(p, TODAY) == 23
    assert overdue_text(p, TODAY) == "never contacted, 23 days overdue"


# -- warnings ----------------------------------------------------------------------------------
def champion() -> Stakeholder:
    return person(name="Priya", influence=5, stance=Stance.CHAMPION, cadence_days=0)


def kinds(found: list) -> list[WarningKind]:
    return [w.kind for w in found]


def test_a_healthy_map_has_no_warnings() -> None:
    people = [
        champion(),
        person(
            name="Maya",
            relationship=Relationship.MANAGER,
            stance=Stance.SUPPORTER,
            cadence_days=7,
            last_contact=TODAY - dt.timedelta(days=3),
        ),
    ]
    assert warnings(people, TODAY) == []


def test_overdue_check_ins_are_named_most_overdue_first() -> None:
    people = [
        champion(),
        person(name="Late", cadence_days=7, last_contact=TODAY - dt.timedelta(days=10)),
        person(name="Later", cadence_days=7, last_contact=TODAY - dt.timedelta(days=30)),
        person(name="Fine", cadence_days=7, last_contact=TODAY),
    ]
    found = warnings(people, TODAY)
    assert kinds(found) == [WarningKind.OVERDUE]
    assert found[0].text == "2 check-ins overdue: Later, Late"
    assert found[0].stakeholder_ids == (people[2].id, people[1].id)


def test_many_overdue_are_summarised() -> None:
    people = [champion()] + [
        person(name=f"P{i}", cadence_days=7, last_contact=TODAY - dt.timedelta(days=20 + i))
        for i in range(5)
    ]
    (found,) = warnings(people, TODAY)
    assert found.text == "5 check-ins overdue: P4, P3, P2 and 2 more"


@pytest.mark.parametrize(
    ("kw", "warned"),
    [
        ({"influence": 5, "stance": Stance.CHAMPION}, False),
        ({"influence": 4, "stance": Stance.SUPPORTER, "relationship": Relationship.SPONSOR}, False),
        ({"influence": 5, "stance": Stance.SUPPORTER}, True),
        ({"influence": 3, "stance": Stance.CHAMPION}, True),
        ({"influence": 5, "stance": Stance.SKEPTIC, "relationship": Relationship.SPONSOR}, True),
        ({"influence": 5, "stance": Stance.UNKNOWN, "relationship": Relationship.SPONSOR}, True),
    ],
)
def test_no_high_influence_champion_or_sponsor(kw: dict, warned: bool) -> None:
    found = warnings([person(**kw)], TODAY)
    assert (WarningKind.NO_CHAMPION in kinds(found)) is warned


def test_nobody_at_all_means_nobody_to_push_your_case() -> None:
    assert kinds(warnings([], TODAY)) == [WarningKind.NO_CHAMPION]


@pytest.mark.parametrize("stance", list(Stance))
def test_a_manager_whose_stance_is_unknown(stance: Stance) -> None:
    boss = person(name="Maya", relationship=Relationship.MANAGER, stance=stance)
    found = warnings([champion(), boss], TODAY)
    if stance is Stance.UNKNOWN:
        assert kinds(found) == [WarningKind.MANAGER_UNKNOWN]
        assert "Maya" in found[0].text
        assert found[0].stakeholder_ids == (boss.id,)
    else:
        assert found == []


def test_an_unknown_peer_is_not_a_manager_warning() -> None:
    assert warnings([champion(), person(stance=Stance.UNKNOWN)], TODAY) == []
