"""Filtering the journal as the user types: :class:`WinSearch` must always give exactly what the
filter language gives over every win, however the text got there (one more character, a
backspace, a word changed in the middle, a new career)."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from careertui.domain import journal
from careertui.domain.clock import now
from careertui.domain.journal import WinSearch, parse_filter
from careertui.domain.models import Gap, Metric, Priority, Stakeholder, Win

TODAY = dt.date(2026, 11, 23)
PRIORITIES = [
    Priority(id="pri_g", title="Grow revenue"),
    Priority(id="pri_r", title="Reliability"),
    Priority(id="pri_n", title="Nonprofit outreach"),
]
GAPS = [Gap(id="gap_t", title="Public speaking"), Gap(id="gap_f", title="Financial acumen")]
PEOPLE = [Stakeholder(id="stk_m", name="Maya Chen"), Stakeholder(id="stk_t", name="Tom Becker")]

TITLES = [
    "Launched self-serve",
    "Ran the launch review",
    "Lunch and learn on pricing",
    "Incident review",
    "Coffee with Maya",
    "Mentored a new PM",
    "Wrote the *launch* memo",
]


def career_wins(count: int = 120) -> list[Win]:
    """Wins newest first, each with a mix of what the filter language looks at."""
    pick = random.Random(7)
    wins = []
    for n in range(count):
        wins.append(
            Win(
                title=f"{TITLES[n % len(TITLES)]} {n}",
                date=TODAY - dt.timedelta(days=n * 5),
                body=pick.choice(["", "A **launch** plan", "Fixed the #1 bug", "p:none of it"]),
                impact=pick.choice(["", "Revenue up", "launched early"]),
                metrics=[Metric(name="signups", before="10", after=str(n))] if n % 4 == 0 else [],
                priority_id=pick.choice([None, "pri_g", "pri_r", "pri_n"]),
                gap_ids=pick.sample(["gap_t", "gap_f"], k=n % 3),
                stakeholder_ids=["stk_m"] if n % 5 == 0 else (["stk_t"] if n % 7 == 0 else []),
                tags=pick.sample(["launch", "lunch", "people", "incident"], k=n % 3),
                starred=n % 6 == 0,
            )
        )
    return wins


WINS = career_wins()


def parse(text: str) -> journal.WinFilter:
    return parse_filter(text, priorities=PRIORITIES, gaps=GAPS, stakeholders=PEOPLE, today=TODAY)


def expected(text: str, wins: list[Win] = WINS) -> list[str]:
    """What the filter language keeps, looking at every win with nothing remembered."""
    query = parse(text)
    return [w.id for w in (query.apply(wins) if query.active else wins)]


def typed(text: str) -> list[str]:
    """Every state of the box while ``text`` is typed one character at a time."""
    return [text[:n] for n in range(1, len(text) + 1)]


def erased(text: str) -> list[str]:
    """Every state of the box while ``text`` is erased with backspace."""
    return [text[:n] for n in range(len(text) - 1, -1, -1)]


SESSIONS = [
    # the benchmark's: a word typed and erased, twice
    typed("launch") + erased("launch") + typed("launch"),
    # the text grows but the filter is not narrower: p:non looks for a priority named "non…",
    # p:none for wins tied to none; "*" keeps starred wins, "*x" is a word
    typed("p:none") + erased("p:none"),
    typed("*x") + erased("*x"),
    typed("#lunch") + ["#lunc", "#lun", "#la", "#lau", "#laun", "#launch"],
    typed("to:2026-01-01") + erased("to:2026-01-01"),
    typed("from:2025-06-01 to:2026-03") + ["from:2025-06-01 to:2026-03-31"],
    typed('gap:"public speaking" @maya') + erased('gap:"public speaking" @maya'),
    typed("g:f g:t") + ["g:f", "g:t g:f", "g:t"],
    typed("review launch") + ["review lunch", "review lunch *", "review launch *", "review"],
    typed("p:gr") + ["p:g", "p:", "p", "", "p:r", "p:re"],
    # nothing matches, then something does again
    typed("zzz") + ["zz", "z", "", "la"],
]


@pytest.mark.parametrize("session", SESSIONS, ids=lambda s: s[-1] or "(empty)")
def test_every_state_of_the_box_gives_what_the_filter_language_gives(session: list[str]) -> None:
    search = WinSearch(WINS)
    for text in session:
        assert [w.id for w in search.apply(parse(text))] == expected(text), text


def test_random_editing_never_drifts_from_the_filter_language() -> None:
    pick = random.Random(11)
    alphabet = ["l", "a", "u", "n", "c", "h", " ", "#", "*", "p:", "g:", "@", "r", "e", "m"]
    search = WinSearch(WINS)
    text = ""
    for _ in range(600):
        move = pick.random()
        if move < 0.55:
            text += pick.choice(alphabet)
        elif move < 0.9:
            text = text[:-1]
        else:
            cut = pick.randrange(len(text) + 1)
            text = text[:cut] + pick.choice(alphabet) + text[cut:]
        assert [w.id for w in search.apply(parse(text))] == expected(text), repr(text)


@pytest.mark.parametrize(
    ("narrower", "wider", "narrows"),
    [
        ("launch", "launc", True),  # one more character
        ("launch review", "launch", True),  # one more word
        ("launc", "launch", False),  # a backspace
        ("lunch", "launch", False),
        ("p:none", "p:non", False),  # a priority named "non…" is not "no priority"
        ("p:non", "p:none", False),
        ("p:grow", "p:gr", True),
        ("p:rel", "p:re", True),
        ("p:re", "p:rel", False),  # "re" is in more names than "rel"
        ("*x", "*", False),
        ("* launch", "*", True),
        ("#launch", "#", False),  # "#" alone is a word
        ("#launch #people", "#launch", True),
        ("g:f g:t", "g:f", True),
        ("g:public", "g:fin", False),
        ("g:nothing", "g:fin", True),  # a name that matches nothing keeps no win
        ('gap:"public speaking"', "gap:pub", True),
        ("from:2026-01-01", "from:2025-01-01", True),
        ("from:2025-01-01", "from:2026-01-01", False),
        ("to:2026-01-01", "to:2026-01-02", True),
        ("to:2026-01-02", "to:2026-01-01", False),
        ("from:2026-01-01", "launch", False),
        ("launch", "", True),  # nothing asked: every win
    ],
)
def test_narrows(narrower: str, wider: str, narrows: bool) -> None:
    assert parse(narrower).narrows(parse(wider)) is narrows
    if narrows:  # what narrows must never lose a win
        assert set(expected(narrower)) <= set(expected(wider))


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ids of the wins whose search text is worked out, in order."""
    seen: list[str] = []
    real = journal.search_text

    def counted(win: Win) -> str:
        seen.append(win.id)
        return real(win)

    monkeypatch.setattr(journal, "search_text", counted)
    return seen


def test_each_wins_search_text_is_worked_out_once_not_per_keystroke(calls: list[str]) -> None:
    search = WinSearch(WINS)
    for text in ["#launch", "#launch *"]:  # no free words: no search text needed
        search.apply(parse(text))
    assert calls == []
    for text in typed("launch review") + erased("launch review") + typed("memo"):
        search.apply(parse(text))
    assert sorted(calls) == sorted(w.id for w in WINS)


def test_a_new_career_reuses_the_text_of_unchanged_wins_and_sees_the_changed_one(
    calls: list[str],
) -> None:
    before = WinSearch(WINS)
    assert before.apply(parse("launch")) != []
    assert before.apply(parse("quarterly")) == []
    # the career read again after one win was edited: new objects, one with a new ``updated``
    edited = WINS[3].model_copy(update={"title": "Quarterly business review", "updated": now()})
    again = [w.model_copy() for w in WINS]
    again[3] = edited
    calls.clear()  # from here, only what the new career works out
    after = WinSearch(again, previous=before)
    assert [w.id for w in after.apply(parse("quarterly"))] == [edited.id]
    assert calls == [edited.id]
    # a third career, read before any free word was typed, still takes the texts over
    latest = WinSearch([w.model_copy() for w in again], previous=WinSearch(again, previous=after))
    assert [w.id for w in latest.apply(parse("quarterly"))] == [edited.id]
    assert calls == [edited.id]
