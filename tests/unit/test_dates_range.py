"""Dates are checked where they come in: a range a career can span, nothing ambiguous, and no
win in the future. A store that already holds a date at the edge of the calendar still works."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from careertui.domain.dates import EARLIEST, check_range, parse_when, parse_win_date, shift
from careertui.domain.errors import InputError
from careertui.store.repository import Repository
from tests.conftest import CLI
from tests.tui.test_far_dates import give_far_dates

MONDAY = dt.date(2026, 11, 23)


def one_error_line(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), stderr
    return lines[0]


# -- at input ----------------------------------------------------------------------------------
@pytest.mark.parametrize("phrase", ["2026-13-01", "2026/13/01", "2026-02-30", "2026-00-10"])
def test_an_impossible_iso_date_is_refused_not_reread(phrase: str) -> None:
    with pytest.raises(InputError, match="is not a date"):
        parse_when(phrase, MONDAY)


@pytest.mark.parametrize("phrase", ["-1", "0", "5", "3000", "20260314", "1.5"])
def test_a_bare_number_is_not_a_date(phrase: str) -> None:
    with pytest.raises(InputError, match="is not a date"):
        parse_when(phrase, MONDAY)


@pytest.mark.parametrize("phrase", ["9999-12-31", "0001-01-01", "1969-12-31", "2076-11-24"])
def test_dates_outside_the_range_are_refused(phrase: str) -> None:
    with pytest.raises(InputError, match="out of range"):
        parse_when(phrase, MONDAY)


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("1970-01-01", EARLIEST),
        ("2026-1-5", dt.date(2026, 1, 5)),
        ("next year", dt.date(2027, 11, 23)),
        ("2076-11-23", dt.date(2076, 11, 23)),
    ],
)
def test_dates_in_the_range_are_kept(phrase: str, expected: dt.date) -> None:
    assert parse_when(phrase, MONDAY) == expected


@pytest.mark.parametrize("phrase", ["tomorrow", "next friday", "next year", "2026-11-24"])
def test_a_win_is_never_in_the_future(phrase: str) -> None:
    with pytest.raises(InputError, match=f"a win is something you did; '{phrase}' is in the"):
        parse_win_date(phrase, MONDAY)


def test_a_win_today_or_before_is_fine() -> None:
    assert parse_win_date("today", MONDAY) == MONDAY
    assert parse_win_date("last friday", MONDAY) == dt.date(2026, 11, 20)


def test_check_range_is_what_importers_call() -> None:
    assert check_range(dt.date(2020, 2, 29), MONDAY) == dt.date(2020, 2, 29)
    with pytest.raises(InputError, match="9999-12-31 is out of range"):
        check_range(dt.date(9999, 12, 31), MONDAY)
    # Without a today, the clock's (the tests pin it to 2026-11-23).
    with pytest.raises(InputError, match="to 2076-11-23"):
        check_range(dt.date(2080, 1, 1))


def test_shift_stays_on_the_calendar() -> None:
    assert shift(dt.date.max, 1) == dt.date.max
    assert shift(dt.date.min, -1) == dt.date.min
    assert shift(MONDAY, -3) == dt.date(2026, 11, 20)


@pytest.mark.parametrize(
    ("when", "says"),
    [
        ("9999-12-31", "out of range"),
        ("0001-01-01", "out of range"),
        ("2026-13-01", "is not a date"),
        ("-1", "is not a date"),
        ("tomorrow", "a win is something you did; 'tomorrow' is in the future"),
        ("next year", "a win is something you did; 'next year' is in the future"),
    ],
)
def test_win_date_refuses_and_writes_nothing(
    cli: CLI, data_dir: Path, when: str, says: str
) -> None:
    result = cli("win", "Shipped it", "--date", when)
    assert result.returncode == 2
    assert says in one_error_line(result.stderr)
    assert not (data_dir / "careertui.json").exists()


# -- a store that already holds far dates --------------------------------------------------------
@pytest.mark.parametrize(
    "command",
    [["export", "brag"], ["export", "case"], ["export", "json"], ["wins", "-n", "200"]],
    ids=" ".join,
)
def test_exports_and_listing_work_on_a_store_with_far_dates(
    cli: CLI, demo_repo: Repository, data_dir: Path, command: list[str]
) -> None:
    titles = give_far_dates(data_dir)
    result = cli(*command)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    if command[0] == "wins" or command[1] in ("brag", "json"):
        assert titles["early"] in result.stdout  # the brag document runs up to today
    if command[0] == "wins" or command[1] == "json":
        assert titles["far"] in result.stdout
    if command[1:] == ["json"]:
        dates = {w["date"] for w in json.loads(result.stdout)["wins"]}
        assert {"9999-12-31", "0001-01-01"} <= dates
