"""``careertui review``, ``export snippet``, ``export ics`` and ``win --told``, run as the user
runs them, on the demo career (today pinned to 2026-11-23)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from icalendar import Calendar

from careertui.store.repository import Repository
from tests.conftest import CLI, TODAY


@pytest.fixture
def demo_cli(cli: CLI, demo_repo: Repository) -> CLI:
    return cli


def test_review_prints_the_five_steps_and_done_clears_it(
    demo_cli: CLI, demo_repo: Repository
) -> None:
    result = demo_cli("review")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    steps = ["1. This week's wins", "2. Gaps", "3. People", "4. Interim goals", "5. The snippet"]
    assert [out.index(s) for s in steps] == sorted(out.index(s) for s in steps)
    assert "review due" in out.splitlines()[0]
    assert "Quarterly platform memo to the exec team · due in 12 days · at risk" in out
    assert "check in with" in out
    assert demo_cli("status").stdout.count("review due") == 1
    done = demo_cli("review", "--done")
    assert done.returncode == 0 and "review done" in done.stdout
    assert Repository.at(demo_cli.data_dir).settings().review_done == dt.date.fromisoformat(TODAY)
    status = demo_cli("status").stdout
    assert "review in 7 days" in status
    assert "goal: Quarterly platform memo to the exec team due in 12 days" in status


def test_export_snippet_is_the_weeks_markdown(demo_cli: CLI, demo_repo: Repository) -> None:
    result = demo_cli("export", "snippet")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "# Week of 2026-11-23"
    assert "## Goals" in lines and "## Next" in lines
    career = demo_repo.career()
    this_week = [w.title for w in career.wins if w.date >= dt.date(2026, 11, 23)]
    assert all(any(title in line for line in lines) for title in this_week)
    earlier = demo_cli("export", "snippet", "--week", "2026-11-10")
    assert earlier.stdout.startswith("# Week of 2026-11-09")
    refused = demo_cli("export", "brag", "--week", "2026-11-10")
    assert refused.returncode == 2 and refused.stderr.startswith("error: --week")
    assert refused.stdout == ""


def test_export_ics_parses_back_with_recurrence_and_stable_uids(
    demo_cli: CLI, demo_repo: Repository, tmp_path: Path
) -> None:
    out = tmp_path / "reminders.ics"
    result = demo_cli("export", "ics", "--out", str(out))
    assert result.returncode == 0, result.stderr
    cal = Calendar.from_ical(out.read_bytes())
    events = cal.walk("VEVENT")
    by_uid = {str(e["UID"]): e for e in events}
    review = by_uid["weekly-review@careertui.local"]
    assert review["RRULE"]["FREQ"] == ["WEEKLY"]
    career = demo_repo.career()
    cadenced = [p for p in career.stakeholders if p.cadence_days]
    for person in cadenced:
        event = by_uid[f"check-in-{person.id}@careertui.local"]
        assert str(event["SUMMARY"]) == f"Check in with {person.name}"
        rule = event["RRULE"]
        days = person.cadence_days
        assert (rule["FREQ"], rule["INTERVAL"]) in ((["WEEKLY"], [days // 7]), (["DAILY"], [days]))
    open_goals = [g for g in career.goals if g.is_open]
    for goal in open_goals:
        event = by_uid[f"{goal.id}@careertui.local"]
        assert event.decoded("DTSTART") == goal.due
    assert len(events) == 1 + len(cadenced) + len(open_goals)
    again = tmp_path / "again.ics"
    demo_cli("export", "ics", "--out", str(again))
    uids = {str(e["UID"]) for e in Calendar.from_ical(again.read_bytes()).walk("VEVENT")}
    assert uids == set(by_uid)


def test_win_told_records_whom_and_today(demo_cli: CLI, demo_repo: Repository) -> None:
    result = demo_cli("win", "Closed the Acme renewal", "--told", "Daniel", "--told", "Maya")
    assert result.returncode == 0, result.stderr
    career = Repository.at(demo_cli.data_dir).career()
    win = next(w for w in career.wins if w.title == "Closed the Acme renewal")
    names = {p.id: p.name for p in career.stakeholders}
    assert sorted(names[t.stakeholder_id] for t in win.told) == ["Daniel Okafor", "Maya Chen"]
    assert {t.date for t in win.told} == {dt.date.fromisoformat(TODAY)}
    bad = demo_cli("win", "Another", "--told", "Nobody")
    assert bad.returncode == 2 and bad.stderr.startswith("error: no stakeholder named 'Nobody'")
