"""The accomplishment journal pane, driven with Pilot: keys in, screen and store out."""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
from contextlib import contextmanager
from pathlib import Path

import pytest
from textual.app import App
from textual.widgets import Input, Markdown, SelectionList, TextArea

from careertui.domain.models import Gap, Metric, Priority, Stakeholder, Win
from careertui.store.repository import Repository
from careertui.tui.screens.confirm import ConfirmScreen
from careertui.tui.screens.form import FormScreen
from careertui.tui.widgets.prose import Prose
from careertui.tui.widgets.win_list import WinList
from tests.tui.conftest import SIZE, run_command, wait_for
from tests.tui.helpers import text, toasts, visible
from tests.tui.vision_helpers import screen_text

TODAY = dt.date(2026, 11, 23)


@pytest.fixture
def journal_repo(repo: Repository) -> Repository:
    """A small career whose wins exercise every filter."""
    growth = Priority(id="pri_growth", title="Grow net revenue retention", rank=0)
    reliable = Priority(id="pri_rel", title="Platform reliability", rank=1)
    speaking = Gap(id="gap_talk", title="Public speaking")
    finance = Gap(id="gap_fin", title="Financial acumen")
    maya = Stakeholder(id="stk_maya", name="Maya Chen")
    tom = Stakeholder(id="stk_tom", name="Tom Becker")
    wins = [
        Win(
            id="win_a",
            title="Closed the Initech expansion",
            date=TODAY - dt.timedelta(days=1),
            priority_id=growth.id,
            tags=["sales", "launch"],
            starred=True,
            stakeholder_ids=[tom.id],
            impact="Biggest expansion this year",
            body="## How\n\nA **joint** plan with sales.",
            metrics=[Metric(name="expansion ARR", before="$0", after="$380k")],
        ),
        Win(
            id="win_b",
            title="Ran the incident review",
            date=TODAY - dt.timedelta(days=10),
            priority_id=reliable.id,
            tags=["incident"],
            gap_ids=[speaking.id],
            body="Walked the team through the timeline. No blame, two fixes.",
        ),
        Win(
            id="win_c",
            title="Presented the pricing model to finance",
            date=TODAY - dt.timedelta(days=40),
            gap_ids=[finance.id, speaking.id],
            stakeholder_ids=[maya.id],
            tags=["pricing"],
        ),
        Win(id="win_d", title="Mentored Grace", date=dt.date(2025, 3, 1), tags=["people"]),
    ]
    with repo.transaction():
        for record in (growth, reliable):
            repo.priorities.add(record)
        for gap in (speaking, finance):
            repo.gaps.add(gap)
        for person in (maya, tom):
            repo.stakeholders.add(person)
        for win in wins:
            repo.wins.add(win)
    return repo


@pytest.fixture
def japp(journal_repo: Repository, make):
    return make()


def titles(app: App) -> list[str]:
    return [w.title for w in app.query_one(WinList).wins]


async def open_journal(pilot) -> None:
    await pilot.press("4")
    await pilot.pause()


# -- the list and the details ------------------------------------------------------------------
async def test_newest_first_with_the_whole_selected_win_in_details(japp) -> None:
    async with japp.run_test(size=SIZE) as pilot:
        await open_journal(pilot)
        assert titles(japp) == [
            "Closed the Initech expansion",
            "Ran the incident review",
            "Presented the pricing model to finance",
            "Mentored Grace",
        ]
        row = japp.query_one(WinList).render_line(0).text
        for part in ("2026-11-22", "★", "Closed the Initech expansion", "expansion ARR"):
            assert part in row, part
        facts = text(japp.query_one("#win-facts"))
        assert "Impact: Biggest expansion this year" in facts
        assert "expansion ARR: $0 → $380k" in facts
        assert "Serves: Grow net revenue retention" in facts
        assert "With: Tom Becker" in facts
        assert "Tags: #sales #launch" in facts
        # a story with Markdown in it is shown as Markdown: the heading's mark is gone
        body = japp.query_one("#win-body", Prose)
        await wait_for(pilot, lambda: body.query(Markdown))
        markdown = body.query_one(Markdown)
        assert markdown.display and markdown.source.startswith("## How")
        heading = re.compile(r"│\s*How\s*│")  # the heading alone on its row, its mark gone
        await wait_for(pilot, lambda: heading.search(screen_text(japp)), timeout=30)
        assert "## How" not in screen_text(japp)
        await pilot.press("down")
        await pilot.pause()
        # a plain one as plain text, the Markdown widget put away
        assert not markdown.display
        await wait_for(pilot, lambda: "No blame, two fixes." in screen_text(japp), timeout=30)
        assert not heading.search(screen_text(japp))
        facts = text(japp.query_one("#win-facts"))
        assert "Gaps: Public speaking" in facts
        assert "Serves: Platform reliability" in facts


# -- the full form --------------------------------------------------------------------------
async def test_full_form_shows_messages_saves_nothing_then_saves(japp, journal_repo) -> None:
    async with japp.run_test(size=SIZE) as pilot:
        await open_journal(pilot)
        await pilot.press("n")
        await pilot.pause()
        form = japp.screen
        assert isinstance(form, FormScreen)
        # no title, a metric without a value, a bad date
        await pilot.press("tab", *"the 45th of never", "tab", *"Renewals up", "tab")
        await pilot.press(*"retention rate")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert japp.screen is form
        errors = form.errors()
        assert "at least 1 character" in errors["title"]
        assert "cannot understand the date" in errors["date"]
        assert "should look like" in errors["metrics"]
        assert visible(form.query_one("#error-title"))
        assert form.focused is form.query_one("#field-title")
        assert len(journal_repo.wins.list()) == 4
        # nothing typed was lost
        assert form.query_one("#field-date", Input).value == "the 45th of never"
        assert form.query_one("#field-metrics", TextArea).text == "retention rate"

        await pilot.press(*"Renewed Globex early")
        form.query_one("#field-date", Input).focus()
        await pilot.press("ctrl+u", *"yesterday")
        form.query_one("#field-metrics", TextArea).focus()
        await pilot.press(*": 80% -> 92%")
        # choose the second priority, the first gap and a stakeholder from their lists
        form.query_one("#field-priority_id").focus()
        await pilot.press("space", "down", "down", "enter")
        form.query_one("#field-gap_ids", SelectionList).focus()
        await pilot.press("space")
        form.query_one("#field-tags", Input).focus()
        await pilot.press(*"renewals, #Sales")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: not isinstance(japp.screen, FormScreen))
        saved = {w.title: w for w in journal_repo.wins.list()}["Renewed Globex early"]
        assert saved.date == TODAY - dt.timedelta(days=1)
        assert saved.metrics == [Metric(name="retention rate", before="80%", after="92%")]
        assert saved.priority_id == "pri_rel"
        assert saved.gap_ids == ["gap_talk"]
        assert saved.tags == ["renewals", "sales"]
        await wait_for(pilot, lambda: "Renewed Globex early" in titles(japp))


async def test_escape_closes_an_untouched_form_at_once(japp, journal_repo) -> None:
    async with japp.run_test(size=SIZE) as pilot:
        await open_journal(pilot)
        await pilot.press("n", "escape")
        await pilot.pause()
        assert japp.screen is japp.dashboard
        assert len(journal_repo.wins.list()) == 4


async def test_escape_asks_before_throwing_away_what_was_typed(japp, journal_repo) -> None:
    async with japp.run_test(size=SIZE) as pilot:
        await open_journal(pilot)
        await pilot.press("n", *"Half a thought", "escape")
        await pilot.pause()
        assert isinstance(japp.screen, ConfirmScreen)
        await pilot.press("n")  # keep it
        await pilot.pause()
        form = japp.screen
        assert isinstance(form, FormScreen)
        assert form.query_one("#field-title", Input).value == "Half a thought"
        await pilot.press("escape", "y")
        await pilot.pause()
        assert japp.screen is japp.dashboard
        assert len(journal_repo.wins.list()) == 4


async def test_a_store_error_keeps_the_form_open_with_the_text(
    japp, journal_repo, monkeypatch
) -> None:
    def full(win: Win) -> Win:
        raise OSError(28, "No space left on device", str(journal_repo.store.path))

    monkeypatch.setattr(japp.repo.wins, "add", full)
    async with japp.run_test(size=SIZE, notifications=True) as pilot:
        await open_journal(pilot)
        await pilot.press("n", *"Wrote the strategy memo", "ctrl+s")
        await wait_for(pilot, lambda: toasts(japp))
        assert any("No space left on device" in t for t in toasts(japp))
        form = japp.screen
        assert isinstance(form, FormScreen)
        assert form.query_one("#field-title", Input).value == "Wrote the strategy memo"
        assert "No space left" in form.errors()[""]
    assert len(journal_repo.wins.list()) == 4


async def test_long_text_in_editor(japp, journal_repo, monkeypatch, tmp_path: Path) -> None:
    script = tmp_path / "fake-editor"
    script.write_text('#!/bin/sh\nprintf "Written in the editor\\n\\n- with a list\\n" > "$1"\n')
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("EDITOR", str(script))
    monkeypatch.delenv("VISUAL", raising=False)

    @contextmanager
    def no_terminal_to_hand_over(self):  # the headless test driver cannot suspend
        yield

    monkeypatch.setattr(App, "suspend", no_terminal_to_hand_over)
    async with japp.run_test(size=SIZE) as pilot:
        await open_journal(pilot)
        await pilot.press("n", *"Memo")
        form = japp.screen
        form.query_one("#field-body", TextArea).focus()
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert form.query_one("#field-body", TextArea).text == (
            "Written in the editor\n\n- with a list"
        )
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: len(journal_repo.wins.list()) == 5)
    memo = {w.title: w for w in journal_repo.wins.list()}["Memo"]
    assert memo.body == "Written in the editor\n\n- with a list"
    assert os.environ["EDITOR"] == str(script)


# -- edit, delete, undo, star -------------------------------------------------------------------
async def test_edit_changes_the_selected_win(japp, journal_repo) -> None:
    async with japp.run_test(size=SIZE) as pilot:
        await open_journal(pilot)
        await pilot.press("down", "e")
        await pilot.pause()
        form = japp.screen
        assert isinstance(form, FormScreen)
        assert form.query_one("#field-title", Input).value == "Ran the incident review"
        await pilot.press("end", "ctrl+u", *"Led the incident review", "ctrl+s")
        await wait_for(pilot, lambda: not isinstance(japp.screen, FormScreen))
        edited = journal_repo.wins.get("win_b")
        assert edited.title == "Led the incident review"
        assert edited.priority_id == "pri_rel" and edited.tags == ["incident"]
        assert len(journal_repo.wins.list()) == 4
        await wait_for(pilot, lambda: "Led the incident review" in titles(japp))


async def test_delete_after_confirmation_and_undo(japp, journal_repo) -> None:
    async with japp.run_test(size=SIZE) as pilot:
        await open_journal(pilot)
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(japp.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert journal_repo.wins.get("win_a") is not None
        await pilot.press("d", "y")
        await wait_for(pilot, lambda: journal_repo.wins.get("win_a") is None)
        await wait_for(pilot, lambda: "Closed the Initech expansion" not in titles(japp))
        await pilot.press("u")
        await wait_for(pilot, lambda: journal_repo.wins.get("win_a") is not None)
        restored = journal_repo.wins.get("win_a")
        assert restored.starred and restored.metrics[0].after == "$380k"
        await wait_for(pilot, lambda: titles(japp)[0] == "Closed the Initech expansion")


async def test_star_toggles(japp, journal_repo) -> None:
    async with japp.run_test(size=SIZE) as pilot:
        await open_journal(pilot)
        await pilot.press("down", "asterisk")
        await wait_for(pilot, lambda: journal_repo.wins.get("win_b").starred)
        await wait_for(pilot, lambda: "★" in japp.query_one(WinList).render_line(1).text)
        await pilot.press("asterisk")
        await wait_for(pilot, lambda: not journal_repo.wins.get("win_b").starred)


async def test_told_records_whom_a_win_was_shared_with_today(japp, journal_repo) -> None:
    async with japp.run_test(size=SIZE) as pilot:
        await open_journal(pilot)
        await pilot.press("down", "o")  # "Ran the incident review"
        await wait_for(pilot, lambda: isinstance(japp.screen, FormScreen))
        assert "Ran the incident review" in japp.screen.form_title
        await pilot.press("T")  # Tom Becker, by the start of his name
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: journal_repo.wins.get("win_b").told)
        told = journal_repo.wins.get("win_b").told
        assert [(t.stakeholder_id, t.date) for t in told] == [("stk_tom", TODAY)]
        # the details say who heard about it and when, on the same win
        await wait_for(
            pilot, lambda: "Told: Tom Becker (2026-11-23)" in text(japp.query_one("#win-facts"))
        )
        assert japp.query_one(WinList).highlighted.id == "win_b"
        # the next time, those who have not heard about it come first
        await pilot.press("o")
        await wait_for(pilot, lambda: isinstance(japp.screen, FormScreen))
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: len(journal_repo.wins.get("win_b").told) == 2)
        await wait_for(
            pilot,
            lambda: (
                "Told: Tom Becker (2026-11-23), Maya Chen (2026-11-23)"
                in text(japp.query_one("#win-facts"))
            ),
        )


async def test_told_with_nobody_to_tell_says_so(repo: Repository, make) -> None:
    from careertui.actions.wins import log_win

    log_win(repo, Win(title="Shipped it", date=TODAY))
    app = make()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_journal(pilot)
        await pilot.press("o")
        await wait_for(pilot, lambda: toasts(app))
        assert any("No stakeholders yet" in t for t in toasts(app))
        assert not isinstance(app.screen, FormScreen)


# -- filter -------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("pricing", ["Presented the pricing model to finance"]),
        ("380k", ["Closed the Initech expansion"]),  # metrics are searched too
        ("#incident", ["Ran the incident review"]),
        ("priority:retention", ["Closed the Initech expansion"]),
        ("priority:none", ["Presented the pricing model to finance", "Mentored Grace"]),
        (
            'gap:"public speaking"',
            ["Ran the incident review", "Presented the pricing model to finance"],
        ),
        ("with:maya", ["Presented the pricing model to finance"]),
        ("@tom", ["Closed the Initech expansion"]),
        ("*", ["Closed the Initech expansion"]),
        (
            "from:2026-01-01 to:2026-11-15",
            ["Ran the incident review", "Presented the pricing model to finance"],
        ),
        ('to:"1 year ago"', ["Mentored Grace"]),
        ("gap:speaking #pricing", ["Presented the pricing model to finance"]),
    ],
)
async def test_every_kind_of_filter(japp, typed: str, expected: list[str]) -> None:
    async with japp.run_test(size=SIZE) as pilot:
        await open_journal(pilot)
        await pilot.press("slash", *typed)
        # the list follows the box once the typed character is on screen
        await wait_for(
            pilot,
            lambda: f"{len(expected)} of 4 wins match" in text(japp.query_one("#journal-count")),
        )
        assert titles(japp) == expected


async def test_filter_says_what_it_cannot_use_and_escape_clears(japp) -> None:
    async with japp.run_test(size=SIZE) as pilot:
        await open_journal(pilot)
        await pilot.press("slash", *"priority:hiring")
        await wait_for(pilot, lambda: titles(japp) == [])
        assert "no priority matches 'hiring'" in text(japp.query_one("#journal-count"))
        assert "No win matches" in text(japp.query_one("#win-heading"))
        await pilot.press("escape")
        await pilot.pause()
        assert len(titles(japp)) == 4
        assert not visible(japp.query_one("#journal-filter"))
        assert japp.screen.focused is japp.query_one(WinList)


async def test_enter_keeps_the_filter_and_returns_to_the_list(japp, journal_repo) -> None:
    async with japp.run_test(size=SIZE) as pilot:
        await open_journal(pilot)
        await pilot.press("slash", *"#incident", "enter", "asterisk")
        await wait_for(pilot, lambda: journal_repo.wins.get("win_b").starred)
        assert titles(japp) == ["Ran the incident review"]


# -- at a glance ----------------------------------------------------------------------------
async def test_glance_shows_weekly_wins_and_priority_share(japp) -> None:
    async with japp.run_test(size=SIZE) as pilot:
        await open_journal(pilot)
        weeks = japp.query_one("#journal-weeks").data
        assert len(weeks) == 26 and sum(weeks) == 3
        assert weeks[-1] == 0 and weeks[-2] == 1  # yesterday was Sunday of last week
        # of the three wins in the last 90 days, two serve a priority
        alignment = japp.query_one("#journal-alignment")
        assert "67% of 90-day wins on a priority" in text(alignment)
        assert "(2 of 3)" in str(alignment.tooltip)


# -- ten years of daily wins -----------------------------------------------------------------
async def test_ten_years_of_daily_wins_stay_a_virtual_list(repo: Repository, make) -> None:
    with repo.transaction():
        for n in range(3650):
            repo.wins.add(
                Win(
                    title=f"Daily win {n}",
                    date=TODAY - dt.timedelta(days=n),
                    tags=["daily"] + (["odd"] if n % 2 else []),
                )
            )
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await open_journal(pilot)
        win_list = app.query_one(WinList)
        assert len(win_list.wins) == 3650
        assert len(win_list.children) == 0  # drawn line by line, no widget a win
        assert "Daily win 0" in win_list.render_line(0).text
        await pilot.press("end")
        await pilot.pause()
        assert win_list.highlighted.title == "Daily win 3649"
        assert "Daily win 3649" in text(app.query_one("#win-heading"))
        await pilot.press("slash", *"#odd")
        await wait_for(
            pilot, lambda: "1825 of 3650 wins match" in text(app.query_one("#journal-count"))
        )
        assert all(int(w.title.split()[-1]) % 2 for w in win_list.wins)


async def test_palette_stars_the_selected_win(japp, journal_repo) -> None:
    async with japp.run_test(size=SIZE) as pilot:
        await open_journal(pilot)
        await pilot.press("down")
        await run_command(pilot, "Star the selected win")
        await wait_for(pilot, lambda: journal_repo.wins.get("win_b").starred)


async def test_filter_completes_names_with_the_right_arrow(japp) -> None:
    async with japp.run_test(size=SIZE) as pilot:
        await open_journal(pilot)
        await pilot.press("slash", *"with:to")
        box = japp.query_one("#journal-filter", Input)
        # the suggestion is worked out in the background; right accepts it once it is shown
        for _ in range(100):
            await pilot.press("right")
            if box.value != "with:to":
                break
            await pilot.pause(0.05)
        assert box.value == "with:tom"
        assert titles(japp) == ["Closed the Initech expansion"]
