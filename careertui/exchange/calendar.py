"""Reminders for a calendar: an iCalendar file (built with the ``icalendar`` library) with a
recurring event per stakeholder check-in cadence, the weekly review, and each open interim
goal's due date.

Every event's UID is made from the record it stands for, so importing a newer file into the
same calendar updates the events rather than adding copies. All-day events, so no time zone
is assumed.
"""

from __future__ import annotations

import datetime as dt

from careertui.domain.cadence import REVIEW_EVERY_DAYS, next_check_in, review_due
from careertui.store.repository import Career

#: The domain part of every UID.
UID_DOMAIN = "careertui.local"
#: The UID of the weekly review's event.
REVIEW_UID = f"weekly-review@{UID_DOMAIN}"


def _stamp(moment: dt.datetime) -> dt.datetime:
    return (
        moment.astimezone(dt.timezone.utc)
        if moment.tzinfo
        else moment.replace(tzinfo=dt.timezone.utc)
    )


def calendar(career: Career, today: dt.date) -> str:
    """The iCalendar text of the reminders (CRLF line endings, as RFC 5545 has them)."""
    from icalendar import Calendar, Event

    cal = Calendar()
    cal.add("prodid", "-//careertui//reminders//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", "careertui")

    def event(uid: str, summary: str, start: dt.date, stamp: dt.datetime) -> Event:
        item = Event()
        item.add("uid", uid)
        item.add("summary", summary)
        item.add("dtstart", start)
        item.add("dtend", start + dt.timedelta(days=1))
        item.add("dtstamp", _stamp(stamp))
        item.add("transp", "TRANSPARENT")
        return item

    done = career.settings.review_done
    due = done is None or review_due(done, today)
    review_on = today if done is None or due else done + dt.timedelta(days=REVIEW_EVERY_DAYS)
    review = event(REVIEW_UID, "careertui weekly review", review_on, dt.datetime(2026, 1, 1))
    review.add("rrule", {"freq": "weekly"})
    review.add("description", "Wins, gaps, people, goals, then the snippet: careertui review")
    cal.add_component(review)

    for person in career.stakeholders:
        if not person.cadence_days:
            continue
        start = next_check_in(person, today) or today
        item = event(
            f"check-in-{person.id}@{UID_DOMAIN}",
            f"Check in with {person.name}",
            max(start, today),
            person.updated,
        )
        if person.cadence_days % 7 == 0:
            item.add("rrule", {"freq": "weekly", "interval": person.cadence_days // 7})
        else:
            item.add("rrule", {"freq": "daily", "interval": person.cadence_days})
        if person.moves_needle:
            item.add("description", f"What moves their needle: {person.moves_needle}")
        cal.add_component(item)

    for goal in career.goals:
        if not goal.is_open:
            continue
        item = event(f"{goal.id}@{UID_DOMAIN}", f"Goal due: {goal.title}", goal.due, goal.updated)
        if goal.measure:
            item.add("description", f"Measured by: {goal.measure}")
        cal.add_component(item)
    return cal.to_ical().decode("utf-8")
