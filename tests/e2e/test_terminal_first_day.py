"""A first day with careertui, in a real terminal.

The installed console script runs in a pseudo-terminal on an empty data directory and the test
reads the screen through a terminal emulator (tests/e2e/terminal.py), pressing keys the way a
person would and waiting to see the result before going on: the guided start, a win with ``w``,
two gaps and one moved with ``J``, a stakeholder and a check-in, quit. Then the data file is read
through the repository, and the app is opened again to see the same things on screen.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from careertui.domain.models import GapStatus
from careertui.store.repository import Repository
from tests.e2e.terminal import Terminal, careertui

TODAY = dt.date(2026, 11, 23)  # tests/conftest.py pins CAREERTUI_TODAY
VISION = "In four years I lead product for a developer platform."
ROLE = "Director of Product"
PRIORITIES = ["Launch self-serve", "Grow net revenue retention"]
STRENGTHS = ["Customer discovery", "Clear writing", "Pricing"]
WIN = "Shipped the onboarding checklist"
GAPS = ["Public speaking", "Financial acumen"]  # short: cards are narrow
PERSON = "Maya Chen"
NOTE = "Walked through the Q3 plan"

#: What the footer shows once a pane has the focus (the person looks before pressing on).
GAP_KEYS = "n New gap"
STAKEHOLDER_KEYS = "v Grid/list"
#: Field labels of the gap form (its title, "New gap", is also the footer's text for ``n``).
GAP_FORM = ("Level now", "Target level")


def _guided_start(term: Terminal) -> None:
    term.wait_for("Guided start · step 1 of 5")
    term.type(VISION)
    term.press("ctrl+s")

    term.wait_for("step 2 of 5", "(years)  or")
    term.type(ROLE)
    term.next_field()
    term.type("4")
    term.press("enter")

    term.wait_for("step 3 of 5")
    term.type(PRIORITIES[0])
    term.next_field()
    term.type(PRIORITIES[1])
    term.press("ctrl+s")

    term.wait_for("step 4 of 5")
    for n, strength in enumerate(STRENGTHS):
        term.type(strength)
        if n < len(STRENGTHS) - 1:
            term.next_field()
    term.press("enter")
    term.wait_for("step 5 of 5")
    term.type("Alex Rivera")
    term.press("ctrl+s")
    term.wait_gone("Guided start ·")
    # The last answer is saved and the app says so; the person reads it before going on.
    term.wait_for("Your vision is on the map")


def _quick_win(term: Terminal) -> None:
    term.press("w")
    term.wait_for("Enter saves, Escape cancels")
    term.type(WIN)
    term.press("enter")
    term.wait_gone("Enter saves, Escape cancels")
    term.wait_for(WIN, "1 win this week")


def _gaps(term: Terminal) -> None:
    term.press("2")
    term.wait_for(GAP_KEYS)
    for title in GAPS:
        term.press("n")
        term.wait_for(*GAP_FORM)
        term.type(title)
        term.press("ctrl+s")
        term.wait_gone(GAP_FORM[1])
        term.wait_for(title)
    term.wait_until(
        lambda _: _above(term, GAPS[0], GAPS[1]), f"{GAPS[0]!r} above {GAPS[1]!r} in the backlog"
    )
    # g selects the first card, J moves it down one place.
    term.press("g", "J")
    term.wait_until(
        lambda _: _above(term, GAPS[1], GAPS[0]), f"{GAPS[1]!r} above {GAPS[0]!r} after J"
    )


def _stakeholder_and_check_in(term: Terminal) -> None:
    term.press("3")
    term.wait_for(STAKEHOLDER_KEYS)
    term.press("n")
    term.wait_for("New stakeholder")
    term.type(PERSON)
    term.press("ctrl+s")
    term.wait_gone("New stakeholder")
    term.wait_for(PERSON)
    term.press("c")
    term.wait_for(f"Check-in with {PERSON} (no contact on record)")
    term.type(NOTE)
    term.press("enter")
    term.wait_gone(f"Check-in with {PERSON}")
    term.wait_for(f"{PERSON} · Monitor · last {TODAY.isoformat()}")


def _above(term: Terminal, upper: str, lower: str) -> bool:
    lines = term.lines()
    rows = {
        text: next((i for i, line in enumerate(lines) if text in line), None)
        for text in (upper, lower)
    }
    return None not in rows.values() and rows[upper] < rows[lower]  # type: ignore[operator]


def test_a_first_day_in_a_real_terminal(data_dir: Path) -> None:
    with careertui(data_dir) as term:
        _guided_start(term)
        term.wait_for(ROLE)
        _quick_win(term)
        _gaps(term)
        _stakeholder_and_check_in(term)
        term.press("q")
        assert term.wait_exit() == 0

    # What is in the data file, read through the repository.
    career = Repository.at(data_dir).career()
    assert career.vision.statement == VISION
    assert career.vision.target_role == ROLE
    assert career.vision.horizon is not None and career.vision.horizon.year == TODAY.year + 4
    assert [p.title for p in sorted(career.priorities, key=lambda p: p.rank)] == PRIORITIES
    assert career.vision.strengths[:3] == STRENGTHS
    assert career.vision.profile.name == "Alex Rivera"
    assert [(w.title, w.date) for w in career.wins] == [(WIN, TODAY)]
    backlog = sorted(
        (g for g in career.gaps if g.status is GapStatus.BACKLOG), key=lambda g: g.rank
    )
    assert [g.title for g in backlog] == [GAPS[1], GAPS[0]]
    (maya,) = career.stakeholders
    assert (maya.name, maya.last_contact) == (PERSON, TODAY)
    assert [(i.stakeholder_id, i.note, i.date) for i in career.interactions] == [
        (maya.id, NOTE, TODAY)
    ]

    # Opened again, the app shows the same career; the guided start does not come back.
    with careertui(data_dir) as term:
        term.wait_for(VISION[:40], ROLE, WIN, PERSON, *GAPS)
        assert "Guided start" not in term.text()
        assert _above(term, GAPS[1], GAPS[0])
        term.press("3")
        term.wait_for(STAKEHOLDER_KEYS, f"{PERSON} · Monitor · last {TODAY.isoformat()}")
        term.press("q")
        assert term.wait_exit() == 0
