"""The weekly review in the app: ``r`` opens it, each step can be skipped, Escape leaves it and
``r`` resumes where it was left; a thanks and "told" take one key each; the snippet is copied
with a key; a gap's level change shows as its trend."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, SelectionList, Static

from careertui.actions.gaps import add_gap
from careertui.actions.goals import add_goal
from careertui.actions.people import add_stakeholder
from careertui.actions.vision import add_priority
from careertui.actions.wins import log_win
from careertui.domain.clock import today
from careertui.domain.models import Gap, GapStatus, Goal, Priority, Stakeholder, Win
from careertui.domain.shorthand import gap_shorthand, parse_quick_win
from careertui.exchange.snippet import snippet
from careertui.store.repository import Repository
from careertui.tui.app import CareerApp, make_app
from careertui.tui.panes.gaps import GapsPane
from careertui.tui.screens.confirm import ConfirmScreen
from careertui.tui.screens.form import FormScreen
from careertui.tui.screens.quick_win import QuickWinScreen
from careertui.tui.screens.weekly_review import WeeklyReviewScreen
from careertui.tui.status import StatusLine
from tests.tui.conftest import wait_for
from tests.tui.helpers import text

SIZE = (120, 36)


@pytest.fixture
def loop_repo(repo: Repository) -> Repository:
    maya = add_stakeholder(repo, Stakeholder(name="Maya Chen"))
    add_stakeholder(repo, Stakeholder(name="Lee Park", moves_needle="enterprise churn reduction"))
    gap = add_gap(
        repo,
        Gap(title="Public speaking", status=GapStatus.WORKING, current_level=2, target_level=4),
    )
    log_win(repo, Win(title="Ran the launch review", stakeholder_ids=[maya.id], gap_ids=[gap.id]))
    log_win(repo, Win(title="Cut enterprise churn reduction time", impact="Saved two accounts"))
    add_goal(
        repo,
        Goal(title="Quarterly memo", due=today() + dt.timedelta(days=30), measure="Sent to CEO"),
    )
    return repo


def review(pilot: Pilot) -> WeeklyReviewScreen:
    screen = pilot.app.screen
    assert isinstance(screen, WeeklyReviewScreen)
    return screen


def step_title(pilot: Pilot) -> str:
    return str(review(pilot).query_one("#review-step", Static).render())


def lines(pilot: Pilot) -> list[str]:
    listing = review(pilot).query_one(OptionList)
    return [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]


async def open_review(pilot: Pilot) -> None:
    await pilot.pause()
    await pilot.press("r")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, WeeklyReviewScreen))
    await pilot.pause()


async def highlight(pilot: Pilot, starts: str) -> None:
    listing = review(pilot).query_one(OptionList)
    listing.highlighted = next(i for i, line in enumerate(lines(pilot)) if line.startswith(starts))
    await pilot.pause()


async def test_each_step_in_turn_and_each_skippable(loop_repo: Repository) -> None:
    app = make_app(loop_repo)
    async with app.run_test(size=SIZE) as pilot:
        await open_review(pilot)
        assert step_title(pilot).startswith("Step 1 of 5 · This week's wins")
        assert any("Ran the launch review" in line for line in lines(pilot))
        assert any(line.startswith("tie to a priority") for line in lines(pilot))
        await pilot.press("n")
        assert step_title(pilot).startswith("Step 2 of 5 · Gaps")
        assert lines(pilot)[0].startswith("Public speaking: level 2/4")
        await pilot.press("n")
        assert step_title(pilot).startswith("Step 3 of 5 · People")
        assert "thank Maya Chen for 'Ran the launch review'" in lines(pilot)
        assert any(line.startswith("tell Lee Park about 'Cut enterprise") for line in lines(pilot))
        await pilot.press("n")
        assert step_title(pilot).startswith("Step 4 of 5 · Interim goals")
        assert lines(pilot) == ["Quarterly memo · due in 30 days · on track"]
        await pilot.press("n")
        assert step_title(pilot).startswith("Step 5 of 5 · The snippet")
        assert lines(pilot)[0] == f"# Week of {today() - dt.timedelta(days=today().weekday())}"
        await pilot.press("n")  # no step after the last
        assert step_title(pilot).startswith("Step 5 of 5")
        await pilot.press("p", "p")
        assert step_title(pilot).startswith("Step 3 of 5")


async def test_leave_and_resume_where_it_was_left(
    loop_repo: Repository, make: Callable[[], CareerApp]
) -> None:
    app = make_app(loop_repo)
    async with app.run_test(size=SIZE) as pilot:
        await open_review(pilot)
        await pilot.press("n", "n", "n")
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(pilot.app.screen, WeeklyReviewScreen))
        await wait_for(
            pilot, lambda: Repository.at(loop_repo.store.data_dir).settings().review_step == 3
        )
    async with make().run_test(size=SIZE) as pilot:
        await open_review(pilot)
        assert step_title(pilot).startswith("Step 4 of 5 · Interim goals")


async def test_thanks_and_told_take_one_key(loop_repo: Repository) -> None:
    app = make_app(loop_repo)
    async with app.run_test(size=SIZE) as pilot:
        await open_review(pilot)
        await pilot.press("n", "n")
        await highlight(pilot, "thank Maya")
        await pilot.press("t")
        await wait_for(pilot, lambda: len(app.career.thanks) == 1)
        maya = next(p for p in app.career.stakeholders if p.name == "Maya Chen")
        thanked = app.career.thanks[0]
        assert thanked.stakeholder_id == maya.id and thanked.date == today()
        await wait_for(pilot, lambda: not any(line.startswith("thank") for line in lines(pilot)))
        await highlight(pilot, "tell Lee Park")
        await pilot.press("o")
        lee = next(p for p in app.career.stakeholders if p.name == "Lee Park")

        def told() -> bool:
            win = next(w for w in app.career.wins if w.title.startswith("Cut enterprise"))
            return [t.stakeholder_id for t in win.told] == [lee.id]

        await wait_for(pilot, told)
        await wait_for(pilot, lambda: not any(line.startswith("tell") for line in lines(pilot)))
        assert lines(pilot) == ["nobody is waiting on you"]


async def test_snippet_copied_and_review_finished(loop_repo: Repository) -> None:
    app = make_app(loop_repo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "review due" in text(app.query_one(StatusLine))
        await open_review(pilot)
        await pilot.press("c")  # not at the snippet yet: nothing copied
        assert app.clipboard == ""
        await pilot.press("n", "n", "n", "n", "c")
        assert app.clipboard == snippet(app.career, today())
        assert "Ran the launch review" in app.clipboard
        await pilot.press("d")
        await wait_for(pilot, lambda: app.career.settings.review_done == today())
        assert app.career.settings.review_step is None
        assert not isinstance(app.screen, WeeklyReviewScreen)
        # the status line's reminder moves on a week
        await wait_for(pilot, lambda: "review in 7 days" in text(app.query_one(StatusLine)))
        assert "review due" not in text(app.query_one(StatusLine))


async def test_a_level_raised_on_the_board_shows_as_a_trend(loop_repo: Repository) -> None:
    app = make_app(loop_repo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("2")
        await pilot.press("right")  # the "Working on" column
        await pilot.press("right_square_bracket")
        await wait_for(pilot, lambda: app.career.gaps[0].current_level == 3)
        history = app.career.gaps[0].level_history
        assert [c.level for c in history] == [2, 3] and history[-1].date == today()
        cards = app.dashboard.query_one(GapsPane).cards(GapStatus.WORKING)
        assert "↑1 today" in cards[0].plain()
        await open_review(pilot)
        await pilot.press("n")
        assert lines(pilot)[0].startswith("Public speaking: level 3/4 ↑1")


async def test_the_palette_opens_the_review(loop_repo: Repository) -> None:
    app = make_app(loop_repo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Weekly review")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, WeeklyReviewScreen))
        await pilot.pause()
        assert step_title(pilot).startswith("Step 1 of 5")


# -- step 1, done from inside the review: tie, star, capture ------------------------------------
@pytest.fixture
def wins_repo(loop_repo: Repository) -> Repository:
    """The loop career with a company priority and a second gap being worked on, with no win
    this week."""
    add_priority(loop_repo, Priority(title="Enterprise retention"))
    add_gap(loop_repo, Gap(title="Hiring", status=GapStatus.WORKING, current_level=1))
    return loop_repo


def win_named(app: CareerApp, title: str) -> Win:
    return next(w for w in app.career.wins if w.title == title)


async def test_step_one_ties_a_win_to_a_priority_and_gaps(wins_repo: Repository) -> None:
    app = make_app(wins_repo)
    async with app.run_test(size=SIZE) as pilot:
        await open_review(pilot)
        assert "l ties · * stars · w captures a win" in step_title(pilot)
        await highlight(pilot, "tie to a priority and a gap: Cut enterprise")
        await pilot.press("l")
        await wait_for(pilot, lambda: isinstance(app.screen, FormScreen))
        form = app.screen
        assert isinstance(form, FormScreen)
        assert [f.name for f in form.fields] == ["priority_id", "gap_ids"]
        await pilot.press("E")  # the priority, by the start of its title
        await pilot.press("enter")  # on to the gaps
        gaps = form.query_one(SelectionList)
        hiring = next(g.id for g in app.career.gaps if g.title == "Hiring")
        while gaps.get_option_at_index(gaps.highlighted or 0).value != hiring:
            await pilot.press("down")
        await pilot.press("space", "ctrl+s")
        await wait_for(pilot, lambda: win_named(app, TITLE_UNTIED).gap_ids == [hiring])
        win = win_named(app, TITLE_UNTIED)
        assert win.priority_id == app.career.priorities[0].id
        assert win.impact == "Saved two accounts"  # the rest of the win as it was
        # back in the review, at the same step, showing the career as saved
        await wait_for(pilot, lambda: isinstance(app.screen, WeeklyReviewScreen))
        await wait_for(pilot, lambda: not any("Cut enterprise" in x for x in ties(pilot)))
        assert step_title(pilot).startswith("Step 1 of 5")
        assert not any("no win for 'Hiring'" in line for line in lines(pilot))


TITLE_UNTIED = "Cut enterprise churn reduction time"


def ties(pilot: Pilot) -> list[str]:
    return [line for line in lines(pilot) if line.startswith("tie to")]


async def test_step_one_stars_and_unstars_the_highlighted_win(wins_repo: Repository) -> None:
    app = make_app(wins_repo)
    async with app.run_test(size=SIZE) as pilot:
        await open_review(pilot)
        await highlight(pilot, f"  {today().isoformat()}  Ran the launch review")
        place = review(pilot).query_one(OptionList).highlighted
        await pilot.press("asterisk")
        await wait_for(pilot, lambda: win_named(app, "Ran the launch review").starred)
        await wait_for(
            pilot, lambda: f"★ {today().isoformat()}  Ran the launch review" in lines(pilot)
        )
        # the same line stays highlighted, so the same key takes the star back
        assert review(pilot).query_one(OptionList).highlighted == place
        await pilot.press("s")
        await wait_for(pilot, lambda: not win_named(app, "Ran the launch review").starred)
        assert isinstance(app.screen, WeeklyReviewScreen)
        assert step_title(pilot).startswith("Step 1 of 5")


async def test_step_one_captures_a_win_for_a_gap_with_none_this_week(
    wins_repo: Repository,
) -> None:
    app = make_app(wins_repo)
    async with app.run_test(size=SIZE) as pilot:
        await open_review(pilot)
        assert "no win for 'Hiring' this week: capture one" in lines(pilot)
        await highlight(pilot, "no win for 'Hiring'")
        await pilot.press("w")
        await wait_for(pilot, lambda: isinstance(app.screen, QuickWinScreen))
        box = app.screen.query_one(Input)
        assert box.value == 'g:"Hiring" '
        understood = str(app.screen.query_one("#quick-win-understood", Static).render())
        assert understood == "Understood: gap “Hiring” · now say what you did"
        await pilot.press(*"Ran the first structured hiring loop", "enter")
        await wait_for(
            pilot,
            lambda: any(w.title == "Ran the first structured hiring loop" for w in app.career.wins),
        )
        hiring = next(g for g in app.career.gaps if g.title == "Hiring")
        assert win_named(app, "Ran the first structured hiring loop").gap_ids == [hiring.id]
        await wait_for(pilot, lambda: isinstance(app.screen, WeeklyReviewScreen))
        await wait_for(
            pilot, lambda: not any("no win for 'Hiring'" in line for line in lines(pilot))
        )
        assert any("Ran the first structured hiring loop" in line for line in lines(pilot))
        assert step_title(pilot).startswith("Step 1 of 5")


async def test_a_capture_left_as_it_was_opened_closes_at_once(wins_repo: Repository) -> None:
    app = make_app(wins_repo)
    async with app.run_test(size=SIZE) as pilot:
        await open_review(pilot)
        await highlight(pilot, "no win for 'Hiring'")
        await pilot.press("w")
        await wait_for(pilot, lambda: isinstance(app.screen, QuickWinScreen))
        await pilot.press("escape")  # nothing typed: no "discard?" question
        await wait_for(pilot, lambda: isinstance(app.screen, WeeklyReviewScreen))
        await pilot.press("w")
        await wait_for(pilot, lambda: isinstance(app.screen, QuickWinScreen))
        await pilot.press(*"Half")
        await pilot.press("escape")  # something typed: asked first
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("y")
        await wait_for(pilot, lambda: isinstance(app.screen, WeeklyReviewScreen))
        assert len(app.career.wins) == 2


async def test_step_one_keys_act_only_on_step_one(wins_repo: Repository) -> None:
    app = make_app(wins_repo)
    async with app.run_test(size=SIZE) as pilot:
        await open_review(pilot)
        await pilot.press("n")  # the gaps
        await pilot.press("l", "asterisk", "w")
        await pilot.pause()
        assert isinstance(app.screen, WeeklyReviewScreen)
        assert step_title(pilot).startswith("Step 2 of 5")
        assert not any(w.starred for w in app.career.wins)
        assert not any(review(pilot).check_action(name, ()) for name in ("tie", "star", "capture"))


def test_a_gap_is_named_in_the_shorthand_the_quick_win_reads_back() -> None:
    talk = Gap(id="gap_a", title="Public speaking")
    twin = Gap(id="gap_b", title="Public speaking")
    quoted = Gap(id="gap_c", title='The "exec" memo')
    assert gap_shorthand(talk, [talk]) == 'g:"Public speaking"'
    assert gap_shorthand(talk, [talk, twin]) == "g:gap_a"  # the same title twice: the id
    assert gap_shorthand(quoted, [quoted]) == "g:gap_c"
    for gap, gaps in ((talk, [talk]), (talk, [talk, twin]), (quoted, [quoted, talk])):
        read = parse_quick_win(f"Spoke {gap_shorthand(gap, gaps)}", gaps=gaps)
        assert read.gaps == [gap] and read.title == "Spoke"
