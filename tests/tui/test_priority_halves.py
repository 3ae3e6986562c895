"""Priorities change every half, in the app: x on a company priority archives it after saying
what happens to its wins; deleting a priority with wins offers archiving instead; the archived
ones stay on the vision pane, dimmed, with their period; the journal names a win's archived
priority; the review and the guided start ask for the new half's priorities."""

from __future__ import annotations

import datetime as dt

from textual.widgets import Input

from careertui.actions.vision import add_priority, archive_priority
from careertui.actions.wins import log_win
from careertui.demo import ARCHIVED_PRIORITY
from careertui.domain.clock import today
from careertui.domain.models import Priority, Win
from careertui.store.repository import Repository
from careertui.tui.app import CareerApp, make_app
from careertui.tui.screens.choice import ChoiceScreen
from careertui.tui.screens.confirm import ConfirmScreen
from careertui.tui.screens.form import FormScreen
from careertui.tui.screens.weekly_review import WeeklyReviewScreen
from tests.tui.conftest import SIZE, wait_for
from tests.tui.helpers import toasts
from tests.tui.test_guided_start import open_from_palette, step_title
from tests.tui.vision_helpers import fill, go_to, outline, screen_text


def question(app: CareerApp, selector: str) -> str:
    return str(app.screen.query_one(selector).content)


async def test_x_archives_a_priority_after_saying_its_wins_keep_the_link(
    demo_app: CareerApp, demo_repo: Repository
) -> None:
    emea = demo_repo.career().priorities[4]
    tied = sum(w.priority_id == emea.id for w in demo_repo.wins.list())
    async with demo_app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "priorities:4")
        await pilot.press("x")
        await wait_for(pilot, lambda: isinstance(demo_app.screen, ConfirmScreen))
        asked = question(demo_app, "#confirm-question")
        assert f"Archive the priority “{emea.title}”, in force until today" in asked
        assert f"its {tied} wins keep the link" in asked
        await pilot.press("n")  # no: nothing changes
        await pilot.pause()
        assert demo_repo.career().priorities[4].id == emea.id
        await pilot.press("x")
        await wait_for(pilot, lambda: isinstance(demo_app.screen, ConfirmScreen))
        await pilot.press("y")
        await wait_for(pilot, lambda: len(demo_repo.career().priorities) == 4)
        career = demo_repo.career()
        [archived] = [p for p in career.archived_priorities if p.id == emea.id]
        assert archived.until == today()
        assert sum(w.priority_id == emea.id for w in career.wins) == tied
        await wait_for(pilot, lambda: "archived (2)" in screen_text(demo_app))
        shown = screen_text(demo_app)
        assert f"{emea.title}  until {today().isoformat()}" in shown
        assert " 5. Expand into EMEA" not in shown
        # the archived rows come after those in force: the cursor, on the row it was on, is
        # on the priority just archived
        cursor = outline(demo_app).highlighted_option
        assert cursor is not None and cursor.id == "priorities:4"
        assert f"{emea.title}  until {today().isoformat()}" in str(cursor.prompt)


async def test_an_archived_priority_is_edited_restored_and_deleted(
    demo_app: CareerApp, demo_repo: Repository
) -> None:
    title, _, began, _ = ARCHIVED_PRIORITY
    since = today() - dt.timedelta(days=began)
    old = demo_repo.career().archived_priorities[0]
    tied = sum(w.priority_id == old.id for w in demo_repo.wins.list())
    async with demo_app.run_test(size=SIZE, notifications=True) as pilot:
        await go_to(pilot, "priorities:5")  # after the five in force
        await pilot.press("J")  # archived ones keep the order they ended in
        await wait_for(pilot, lambda: "x puts one back in force" in " ".join(toasts(demo_app)))
        assert [p.id for p in demo_repo.career().archived_priorities] == [old.id]
        # e: its form, with the period it was in force; an end before its start is refused
        await pilot.press("e")
        await wait_for(pilot, lambda: isinstance(demo_app.screen, FormScreen))
        assert "Archived company priority" in screen_text(demo_app)
        end = since - dt.timedelta(days=1)
        await fill(pilot, "#field-until", end.isoformat())
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(demo_app.screen, FormScreen)  # kept open, with what was typed
        assert f"cannot end before it began ({since.isoformat()})" in screen_text(demo_app)
        assert demo_app.screen.query_one("#field-until", Input).value == end.isoformat()
        await fill(pilot, "#field-until", (since + dt.timedelta(days=30)).isoformat())
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: not isinstance(demo_app.screen, FormScreen))
        await wait_for(
            pilot,
            lambda: (
                demo_repo.career().archived_priorities[0].until == since + dt.timedelta(days=30)
            ),
        )
        # x: back in force, last, its wins still linked
        await go_to(pilot, "priorities:5")
        await pilot.press("x")
        await wait_for(pilot, lambda: not demo_repo.career().archived_priorities)
        career = demo_repo.career()
        assert [p.id for p in career.priorities][-1] == old.id
        assert sum(w.priority_id == old.id for w in career.wins) == tied
        await wait_for(pilot, lambda: f"Back in force: {title}" in " ".join(toasts(demo_app)))
        await wait_for(pilot, lambda: f" 6. {title[:20]}" in screen_text(demo_app))
        # archived again, then d deletes it after saying its wins lose the link
        await go_to(pilot, "priorities:5")
        await pilot.press("x")
        await wait_for(pilot, lambda: isinstance(demo_app.screen, ConfirmScreen))
        await pilot.press("y")
        await wait_for(pilot, lambda: len(demo_repo.career().archived_priorities) == 1)
        await go_to(pilot, "priorities:5")
        await pilot.press("d")
        await wait_for(pilot, lambda: isinstance(demo_app.screen, ConfirmScreen))
        assert question(demo_app, "#confirm-question") == (
            f"Delete the archived priority “{title}”? Its {tied} wins lose the link."
        )
        await pilot.press("y")
        await wait_for(pilot, lambda: not demo_repo.career().archived_priorities)
        assert not any(w.priority_id == old.id for w in demo_repo.wins.list())
        assert len(demo_repo.career().priorities) == 5


async def test_the_demo_shows_its_archived_priority_with_its_period(
    demo_app: CareerApp,
) -> None:
    title, _, began, ended = ARCHIVED_PRIORITY
    period = (
        f"{(today() - dt.timedelta(days=began)).isoformat()} to "
        f"{(today() - dt.timedelta(days=ended)).isoformat()}"
    )
    async with demo_app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "priorities:4")
        await pilot.press("z")
        await pilot.pause()
        shown = screen_text(demo_app)
        assert "archived (1): their wins keep the link" in shown
        assert f"{title}  {period}" in shown
        await go_to(pilot, "goals:0")  # on a goal, x says where it works
        await pilot.press("x")
        await pilot.pause()
        assert not isinstance(demo_app.screen, ConfirmScreen)
        assert len(demo_app.career.archived_priorities) == 1  # nothing archived


async def test_deleting_a_priority_with_wins_offers_archiving_instead(repo: Repository) -> None:
    add_priority(repo, Priority(title="Revenue"))
    add_priority(repo, Priority(title="Reliability"))
    revenue = repo.career().priorities[0]
    log_win(repo, Win(title="Closed Globex", priority_id=revenue.id))
    log_win(repo, Win(title="Closed Initech", priority_id=revenue.id))
    app = make_app(repo)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "priorities:0")
        await pilot.press("d")
        await wait_for(pilot, lambda: isinstance(app.screen, ChoiceScreen))
        asked = question(app, "#choice-question")
        assert "“Revenue” has 2 wins tied to it. Archive it instead?" in asked
        assert "Archive it: its 2 wins keep the link (a)" in screen_text(app)
        assert "Delete it: its 2 wins lose the link (d)" in screen_text(app)
        await pilot.press("a")
        await wait_for(pilot, lambda: len(repo.career().archived_priorities) == 1)
        career = repo.career()
        assert [p.title for p in career.priorities] == ["Reliability"]
        assert [p.title for p in career.archived_priorities] == ["Revenue"]
        assert {w.priority_id for w in career.wins} == {revenue.id}
        # a priority with no win is deleted after a plain yes/no
        await go_to(pilot, "priorities:0")
        await pilot.press("d")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        assert question(app, "#confirm-question") == "Delete the priority “Reliability”?"
        await pilot.press("y")
        await wait_for(pilot, lambda: not repo.career().priorities)
        assert len(repo.priorities.list()) == 1  # the archived one stays


async def test_the_journal_names_the_archived_priority_of_a_win(repo: Repository) -> None:
    add_priority(repo, Priority(title="Launch self-serve"))
    launch = repo.career().priorities[0]
    log_win(repo, Win(title="Shipped the wizard", date=dt.date(2026, 5, 2), priority_id=launch.id))
    archive_priority(repo, launch.id, dt.date(2026, 6, 30))
    app = make_app(repo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "z")
        await wait_for(pilot, lambda: "Shipped the wizard" in screen_text(app))
        shown = screen_text(app)
        assert "Launch self-serve (archived)" in shown  # the row's priority column
        assert "Serves: Launch self-serve (archived, until 2026-06-30)" in shown  # details


async def test_the_review_and_the_guided_start_ask_for_the_new_half(repo: Repository) -> None:
    old_since = today() - dt.timedelta(days=200)
    for title in ("Grow NRR", "Launch self-serve"):
        add_priority(repo, Priority(title=title, since=old_since))
    launch = repo.career().priorities[1]
    log_win(repo, Win(title="Shipped the wizard", priority_id=launch.id))
    app = make_app(repo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await wait_for(pilot, lambda: isinstance(app.screen, WeeklyReviewScreen))
        await pilot.pause()
        shown = screen_text(app)
        assert f"a new half: the company priorities date from {old_since.isoformat()}" in shown
        assert "“Guided start”" in shown
        await pilot.press("escape")
        await pilot.pause()
        await open_from_palette(pilot)
        await pilot.press("ctrl+s", "ctrl+s")  # statement and destination left as they are
        await pilot.pause()
        assert step_title(app).endswith("The company's top priorities")
        asked = str(app.screen.query_one("#gs-question").render())
        assert "A new half:" in asked and "In force now: Grow NRR; Launch self-serve" in asked
        assert app.screen.query_one("#gs-priority-0").value == ""  # blank for the new ones
        await fill(pilot, "#gs-priority-0", "Expand into EMEA")
        await fill(pilot, "#gs-priority-1", "Grow NRR")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: len(repo.career().archived_priorities) == 1)
        career = repo.career()
        assert [(p.title, p.since) for p in career.priorities] == [
            ("Expand into EMEA", today()),
            ("Grow NRR", old_since),
        ]
        assert [(p.title, p.until) for p in career.archived_priorities] == [
            ("Launch self-serve", today())
        ]
        assert career.wins[0].priority_id == launch.id
        await pilot.press("escape")
        await pilot.pause()
        if isinstance(app.screen, ChoiceScreen):  # "save or discard what was typed?"
            await pilot.press("escape")
        await pilot.pause()
