"""Validation of every model: good values pass, bad values fail with a message naming the field."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from careertui.domain.errors import field_errors
from careertui.domain.models import (
    Feedback,
    Gap,
    GapCategory,
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


def errors_of(model: type, **data: object) -> dict[str, str]:
    with pytest.raises(ValidationError) as caught:
        model(**data)
    return field_errors(caught.value)


def test_every_record_gets_a_stable_string_id_and_timestamps() -> None:
    first, second = Win(title="a"), Win(title="b")
    assert first.id.startswith("win_") and second.id.startswith("win_")
    assert first.id != second.id
    assert first.created.tzinfo is not None and first.updated >= first.created
    again = Win.model_validate(first.model_dump(mode="json"))
    assert again == first


def test_vision_good_values_and_list_cleaning() -> None:
    vision = Vision(
        statement="Lead product",
        horizon=dt.date(2030, 1, 1),
        target_role="Director",
        values=[" Write it down ", "", "  "],
    )
    assert vision.values == ["Write it down"]
    assert vision.years_left(dt.date(2026, 1, 1)) == 4.0
    assert Vision().years_left() is None


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"horizon": "someday"}, "horizon"),
        ({"target_role": "x" * 301}, "target_role"),
        ({"values": "not a list"}, "values"),
    ],
)
def test_vision_bad_values_name_the_field(data: dict, field: str) -> None:
    assert field in errors_of(Vision, **data)


def test_priority() -> None:
    assert Priority(title="Grow NRR", rank=2).rank == 2
    assert "title" in errors_of(Priority, title="")
    assert "rank" in errors_of(Priority, title="x", rank=-1)


def test_gap_good_values() -> None:
    gap = Gap(
        title="Exec communication",
        category="scope/title",
        current_level=2,
        target_level=4,
        status="working on",
        due="2026-12-31",
    )
    assert gap.category is GapCategory.SCOPE and gap.status is GapStatus.WORKING
    assert gap.size == 2 and gap.due == dt.date(2026, 12, 31)


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"title": ""}, "title"),
        ({"title": "x", "category": "charisma"}, "category"),
        ({"title": "x", "current_level": 0}, "current_level"),
        ({"title": "x", "target_level": 6}, "target_level"),
        ({"title": "x", "impact": 9}, "impact"),
        ({"title": "x", "effort": "lots"}, "effort"),
        ({"title": "x", "status": "done-ish"}, "status"),
        ({"title": "x", "due": "2026-13-40"}, "due"),
        ({"title": "x", "current_level": 4, "target_level": 2}, "target_level"),
    ],
)
def test_gap_bad_values_name_the_field(data: dict, field: str) -> None:
    assert field in errors_of(Gap, **data)


def test_stakeholder() -> None:
    person = Stakeholder(name="Maya", relationship="skip-level", stance="champion", influence=5)
    assert person.relationship is Relationship.SKIP_LEVEL and person.stance is Stance.CHAMPION
    assert person.cadence_days == 0 and person.last_contact is None


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"name": ""}, "name"),
        ({"name": "x", "relationship": "frenemy"}, "relationship"),
        ({"name": "x", "influence": 6}, "influence"),
        ({"name": "x", "stance": "hostile"}, "stance"),
        ({"name": "x", "cadence_days": -1}, "cadence_days"),
        ({"name": "x", "last_contact": "tomorrowish"}, "last_contact"),
    ],
)
def test_stakeholder_bad_values_name_the_field(data: dict, field: str) -> None:
    assert field in errors_of(Stakeholder, **data)


def test_win_tags_metrics_and_headline() -> None:
    win = Win(
        title="Shipped onboarding",
        tags=["#Launch", "launch", " growth "],
        metrics=[
            {"name": "experiments", "kind": "input", "before": "2", "after": "6"},
            {"name": "activation", "before": "31%", "after": "38%"},
        ],
    )
    assert win.tags == ["launch", "growth"]
    assert str(win.headline_metric) == "activation: 31% → 38%"
    assert win.date == dt.date(2026, 11, 23)  # pinned by CAREERTUI_TODAY


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"title": ""}, "title"),
        ({"title": "x", "date": "not a date"}, "date"),
        ({"title": "x", "tags": ["two words"]}, "tags"),
        ({"title": "x", "metrics": [{"name": "", "after": "1"}]}, "metrics.0.name"),
        (
            {"title": "x", "metrics": [{"name": "a", "kind": "sideways", "after": "1"}]},
            "metrics.0.kind",
        ),
        ({"title": "x", "starred": "very"}, "starred"),
    ],
)
def test_win_bad_values_name_the_field(data: dict, field: str) -> None:
    assert field in errors_of(Win, **data)


def test_metric_requires_an_after_value() -> None:
    assert "after" in errors_of(Metric, name="x")


def test_feedback() -> None:
    assert Feedback(quote="Great memo", kind="gap").kind == "gap"
    assert "quote" in errors_of(Feedback, quote="")
    assert "kind" in errors_of(Feedback, quote="x", kind="meh")


def test_interaction() -> None:
    assert Interaction(stakeholder_id="stk_1", note="1:1").date == dt.date(2026, 11, 23)
    assert "stakeholder_id" in errors_of(Interaction, stakeholder_id="")
    assert "date" in errors_of(Interaction, stakeholder_id="s", date="31/31/31")
