"""Dates the user types, relative to a fixed Monday."""

from __future__ import annotations

import datetime as dt

import pytest

from careertui.domain.dates import parse_when
from careertui.domain.errors import InputError
from careertui.domain.matching import find_one
from careertui.domain.metrics import parse_metric

MONDAY = dt.date(2026, 11, 23)


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("2026-03-14", dt.date(2026, 3, 14)),
        ("today", MONDAY),
        ("yesterday", dt.date(2026, 11, 22)),
        ("last friday", dt.date(2026, 11, 20)),
        ("friday", dt.date(2026, 11, 20)),
        ("3 days ago", dt.date(2026, 11, 20)),
        ("2 weeks ago", dt.date(2026, 11, 9)),
        ("Nov 3", dt.date(2026, 11, 3)),
        ("14 March 2026", dt.date(2026, 3, 14)),
    ],
)
def test_phrases(phrase: str, expected: dt.date) -> None:
    assert parse_when(phrase, MONDAY) == expected


@pytest.mark.parametrize("phrase", ["", "   ", "the day after never", "2026-13-45x"])
def test_nonsense_is_an_input_error(phrase: str) -> None:
    with pytest.raises(InputError, match="date"):
        parse_when(phrase, MONDAY)


@pytest.mark.parametrize(
    ("text", "name", "before", "after"),
    [
        ("activation rate: 31% -> 38%", "activation rate", "31%", "38%"),
        ("NPS: 20 → 42", "NPS", "20", "42"),
        ("ARR: 1.2M", "ARR", "", "1.2M"),
    ],
)
def test_metrics(text: str, name: str, before: str, after: str) -> None:
    metric = parse_metric(text)
    assert (metric.name, metric.before, metric.after) == (name, before, after)


@pytest.mark.parametrize("text", ["no colon here", ": 1 -> 2", "x:", "x: 1 -> ", "x: 1 -> 2 -> 3"])
def test_malformed_metrics(text: str) -> None:
    with pytest.raises(InputError, match="metric"):
        parse_metric(text)


def test_find_one_by_name_prefix_and_closest_matches() -> None:
    names = ["Grow NRR", "Launch self-serve", "Reliability"]
    assert find_one(names, "grow nrr", str, "priority") == "Grow NRR"
    assert find_one(names, "launch", str, "priority") == "Launch self-serve"
    with pytest.raises(InputError, match="closest: 'Reliability'"):
        find_one(names, "reliabilty", str, "priority")
    with pytest.raises(InputError, match="no gaps yet"):
        find_one([], "x", str, "gap")
