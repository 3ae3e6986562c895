"""A person with a cadence and no contact yet falls due one cadence after they were added, not
on the day they are added (issue 14, item 5)."""

from __future__ import annotations

import datetime as dt

from careertui.domain.cadence import days_overdue, is_overdue, next_check_in
from careertui.domain.models import Stakeholder
from careertui.domain.stakeholders import WarningKind, overdue_text, warnings

TODAY = dt.date(2026, 11, 23)


def added(on: dt.date, **kw: object) -> Stakeholder:
    """Someone added to the map at noon local time on ``on``."""
    moment = dt.datetime.combine(on, dt.time(12, 0)).astimezone()
    return Stakeholder(name="Dana", created=moment, updated=moment, **kw)


def test_someone_added_today_with_a_cadence_is_not_overdue() -> None:
    dana = added(TODAY, cadence_days=14)
    assert next_check_in(dana, TODAY) == TODAY + dt.timedelta(days=14)
    assert not is_overdue(dana, TODAY)
    assert days_overdue(dana, TODAY) is None
    assert overdue_text(dana, TODAY) == ""
    assert not any(w.kind is WarningKind.OVERDUE for w in warnings([dana], TODAY))


def test_the_first_check_in_falls_due_one_cadence_after_they_were_added() -> None:
    dana = added(dt.date(2026, 11, 1), cadence_days=14)
    assert next_check_in(dana, TODAY) == dt.date(2026, 11, 15)
    assert days_overdue(dana, TODAY) == 8
    assert overdue_text(dana, TODAY) == "never contacted, 8 days overdue"
    (warning,) = [w for w in warnings([dana], TODAY) if w.kind is WarningKind.OVERDUE]
    assert warning.text == "1 check-in overdue: Dana"


def test_due_on_the_day_is_not_yet_overdue() -> None:
    dana = added(TODAY - dt.timedelta(days=7), cadence_days=7)
    assert next_check_in(dana, TODAY) == TODAY
    assert not is_overdue(dana, TODAY)
    assert days_overdue(added(TODAY - dt.timedelta(days=8), cadence_days=7), TODAY) == 1


def test_a_contact_on_record_still_counts_from_the_contact() -> None:
    dana = added(dt.date(2020, 1, 1), cadence_days=30, last_contact=TODAY - dt.timedelta(days=3))
    assert next_check_in(dana, TODAY) == TODAY + dt.timedelta(days=27)
    assert not is_overdue(dana, TODAY)


def test_no_cadence_is_never_due_whenever_they_were_added() -> None:
    assert next_check_in(added(dt.date(2020, 1, 1)), TODAY) is None


def test_dates_at_the_edge_of_the_calendar_do_not_crash() -> None:
    late = Stakeholder(
        name="Z",
        cadence_days=3650,
        created=dt.datetime(9999, 12, 31, 23, 0, tzinfo=dt.timezone.utc),
    )
    assert not is_overdue(late, TODAY)
    early = Stakeholder(
        name="A", cadence_days=7, created=dt.datetime(1, 1, 1, 0, 30, tzinfo=dt.timezone.utc)
    )
    assert is_overdue(early, TODAY)
