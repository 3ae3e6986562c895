"""The journal filter as the user types it: the list always ends on exactly the wins the final
text asks for, however fast the keys come, and whatever else changes meanwhile.

The expected wins are worked out here from how the career was built, not with the filter code.
"""

from __future__ import annotations

import datetime as dt

import pytest
from textual import events
from textual.widgets import Input

from careertui.domain.models import Win
from careertui.store.repository import Repository
from careertui.tui.widgets.win_list import WinList
from tests.tui.conftest import SIZE, wait_for
from tests.tui.helpers import text

TODAY = dt.date(2026, 11, 23)
COUNT = 240
KINDS = ["Launch", "Lunch", "Review", "Launch review"]


def title(n: int) -> str:
    return f"{KINDS[n % 4]} number {n}"


def beta(n: int) -> bool:
    return n % 3 == 0


def starred(n: int) -> bool:
    return n % 5 == 0


ALL = [title(n) for n in range(COUNT)]  # newest first: n days ago
LAUNCH = [title(n) for n in range(COUNT) if n % 4 in (0, 3)]
LUNCH = [title(n) for n in range(COUNT) if n % 4 == 1]


@pytest.fixture
def fapp(repo: Repository, make):
    with repo.transaction():
        for n in range(COUNT):
            repo.wins.add(
                Win(
                    title=title(n),
                    date=TODAY - dt.timedelta(days=n),
                    tags=["beta"] if beta(n) else [],
                    starred=starred(n),
                )
            )
    return make()


def shown(app) -> list[str]:  # noqa: ANN001
    return [w.title for w in app.query_one(WinList).wins]


def count_line(app) -> str:  # noqa: ANN001
    return text(app.query_one("#journal-count"))


async def settled_on(pilot, expected: list[str]) -> None:  # noqa: ANN001
    """Wait for the list to show ``expected``, then let the app run on and check it stays:
    a late refilter for an older text would replace it."""
    app = pilot.app
    await wait_for(pilot, lambda: shown(app) == expected)
    for _ in range(3):
        await pilot.pause(0.02)
    assert shown(app) == expected
    if len(expected) == COUNT and not app.query_one("#journal-filter", Input).value.strip():
        assert f"{COUNT} wins" in count_line(app)
    else:
        assert f"{len(expected)} of {COUNT} wins match" in count_line(app)
    if expected:
        assert app.query_one(WinList).highlighted.title in expected
        assert app.query_one(WinList).highlighted.title in text(app.query_one("#win-heading"))
    else:
        assert "No win matches the filter." in text(app.query_one("#win-heading"))


def burst(app, characters: str) -> None:  # noqa: ANN001
    """Characters arriving all at once, as from a fast typist: none waits for the screen.
    Posted where the app forwards a key, to the focused widget (the filter box)."""
    box = app.screen.focused
    assert isinstance(box, Input)
    for character in characters:
        box.post_message(events.Key(character, character))


async def open_filter(pilot) -> None:  # noqa: ANN001
    await pilot.press("4")
    await pilot.pause()
    await pilot.press("slash")
    assert pilot.app.screen.focused is pilot.app.query_one("#journal-filter", Input)


async def test_typing_a_word_shows_exactly_its_wins_at_every_step(fapp) -> None:
    async with fapp.run_test(size=SIZE) as pilot:
        await open_filter(pilot)
        steps = {
            "l": [t for t in ALL if "l" in t.lower()],
            "la": LAUNCH,
            "lau": LAUNCH,
            "launch": LAUNCH,
            "launch ": LAUNCH,
            "launch r": LAUNCH,  # "r" is in "number"
            "launch re": [title(n) for n in range(COUNT) if n % 4 == 3],
            "launch rex": [],
        }
        typed = ""
        for state, expected in steps.items():
            await pilot.press(*state[len(typed) :])
            typed = state
            assert fapp.query_one("#journal-filter", Input).value == state
            await settled_on(pilot, expected)


async def test_fast_typing_ends_on_the_result_for_the_whole_text(fapp) -> None:
    async with fapp.run_test(size=SIZE) as pilot:
        await open_filter(pilot)
        burst(fapp, "lunch")
        await settled_on(pilot, LUNCH)
        assert fapp.query_one("#journal-filter", Input).value == "lunch"
        await pilot.press("ctrl+u")
        await settled_on(pilot, ALL)
        # every step on the way shows something else: only the last text may stay
        burst(fapp, "launch review")
        await settled_on(pilot, [title(n) for n in range(COUNT) if n % 4 == 3])
        assert fapp.query_one("#journal-filter", Input).value == "launch review"
        burst(fapp, " x")
        await settled_on(pilot, [])


async def test_backspacing_to_empty_shows_every_win(fapp) -> None:
    async with fapp.run_test(size=SIZE) as pilot:
        await open_filter(pilot)
        await pilot.press(*"launch")
        await settled_on(pilot, LAUNCH)
        for erased in range(1, 7):
            await pilot.press("backspace")
            left = "launch"[: 6 - erased]
            await settled_on(pilot, [t for t in ALL if left in t.lower()] if left else ALL)
        assert "/ filters" in count_line(fapp)
        # and the same word again, after the way back
        burst(fapp, "launch")
        await settled_on(pilot, LAUNCH)
        await pilot.press(*["backspace"] * 6)
        await settled_on(pilot, ALL)


async def test_words_tags_and_stars_combine_whatever_order_they_are_typed(fapp) -> None:
    def wins(word: str = "", tag: bool = False, star: bool = False) -> list[str]:
        return [
            title(n)
            for n in range(COUNT)
            if word in title(n).lower() and (beta(n) or not tag) and (starred(n) or not star)
        ]

    async with fapp.run_test(size=SIZE) as pilot:
        await open_filter(pilot)
        await pilot.press(*"launch")
        await settled_on(pilot, wins("launch"))
        await pilot.press(*" #beta")
        await settled_on(pilot, wins("launch", tag=True))
        # a star put in front of what is typed, not at the end
        await pilot.press("home", "asterisk", "space")
        assert fapp.query_one("#journal-filter", Input).value == "* launch #beta"
        await settled_on(pilot, wins("launch", tag=True, star=True))
        # the word changed in the middle: lunch instead of launch
        await pilot.press("right", "delete")
        assert fapp.query_one("#journal-filter", Input).value == "* lunch #beta"
        await settled_on(pilot, wins("lunch", tag=True, star=True))
        await pilot.press("end", *["backspace"] * 6)
        await settled_on(pilot, wins("lunch", star=True))
        # a tag that no win has, then the star alone
        burst(fapp, " #gamma")
        await settled_on(pilot, [])
        assert f"0 of {COUNT} wins match" in count_line(fapp)
        await pilot.press("ctrl+u", "asterisk")  # Input: delete to the start of the line
        await settled_on(pilot, wins(star=True))


async def test_a_win_logged_while_filtering_is_filtered_with_what_is_typed(fapp, cli) -> None:
    async with fapp.run_test(size=SIZE) as pilot:
        await open_filter(pilot)
        await pilot.press(*"lunch")
        await settled_on(pilot, LUNCH)
        result = cli("win", "Lunch with the design team")
        assert result.returncode == 0, result.stderr
        await wait_for(pilot, lambda: shown(fapp)[:1] == ["Lunch with the design team"])
        expected = ["Lunch with the design team", *LUNCH]
        await wait_for(
            pilot, lambda: f"{len(expected)} of {COUNT + 1} wins match" in count_line(fapp)
        )
        assert shown(fapp) == expected
        result = cli("win", "Shipped the billing page")  # does not match: not shown
        assert result.returncode == 0, result.stderr
        await wait_for(pilot, lambda: f"of {COUNT + 2} wins match" in count_line(fapp))
        assert shown(fapp) == expected
        # the filter keeps narrowing the new career, and widening it finds the new wins
        await pilot.press("backspace", "backspace", "backspace", "backspace")
        assert fapp.query_one("#journal-filter", Input).value == "l"
        with_l = len([t for t in ALL if "l" in t.lower()]) + 2  # "billing" has an l too
        await wait_for(pilot, lambda: f"{with_l} of {COUNT + 2} wins match" in count_line(fapp))
        assert len(shown(fapp)) == with_l
        assert {"Lunch with the design team", "Shipped the billing page"} <= set(shown(fapp))
        await pilot.press("backspace")
        await wait_for(pilot, lambda: len(shown(fapp)) == COUNT + 2)
        assert f"{COUNT + 2} wins" in count_line(fapp)
        assert fapp.screen.focused is fapp.query_one("#journal-filter", Input)


async def test_enter_and_escape_act_on_the_text_typed_last(fapp, repo: Repository) -> None:
    async with fapp.run_test(size=SIZE) as pilot:
        await open_filter(pilot)
        burst(fapp, "review")
        await pilot.press("enter")
        await settled_on(pilot, [title(n) for n in range(COUNT) if n % 4 in (2, 3)])
        assert fapp.screen.focused is fapp.query_one(WinList)
        await pilot.press("down", "asterisk")  # the second review: number 3
        await wait_for(
            pilot, lambda: any(w.starred and w.title == title(3) for w in repo.wins.list())
        )
        await pilot.press("slash", "ctrl+u", *"lunch")
        await settled_on(pilot, LUNCH)
        await pilot.press("escape")
        await settled_on(pilot, ALL)
        assert fapp.screen.focused is fapp.query_one(WinList)
        assert fapp.query_one("#journal-filter", Input).value == ""
