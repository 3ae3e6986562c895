"""``w`` in the journal filter's shorthand: what it stores, what the line under the input says,
and the question before what was typed is thrown away."""

from __future__ import annotations

import pytest

from careertui.domain.models import Gap, Priority, Stakeholder
from careertui.store.repository import Repository
from careertui.tui.app import make_app
from careertui.tui.screens.confirm import ConfirmScreen
from careertui.tui.screens.quick_win import QuickWinScreen
from tests.tui.conftest import SIZE, wait_for
from tests.tui.helpers import text

EXAMPLE = 'Ran the churn review with @tom and @sara #churn p:retention g:"exec comm"'


@pytest.fixture
def people_repo(repo: Repository) -> Repository:
    repo.priorities.add(Priority(title="Retention"))
    repo.gaps.add(Gap(title="Exec communication"))
    for name in ("Tom Becker", "Sara Lind"):
        repo.stakeholders.add(Stakeholder(name=name))
    return repo


def understood(app) -> str:
    return text(app.screen.query_one("#quick-win-understood"))


async def test_the_shorthand_stores_title_tag_people_priority_and_gap(people_repo) -> None:
    app = make_app(people_repo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("w", *EXAMPLE)
        await pilot.pause()
        line = understood(app)
        assert line.startswith("Understood:")
        assert "“Ran the churn review with Tom and Sara”" in line
        assert "with Tom Becker, Sara Lind" in line
        assert "priority “Retention”" in line
        assert "gap “Exec communication”" in line
        assert "#churn" in line
        await pilot.press("enter")
        await wait_for(pilot, lambda: people_repo.wins.list())
    [win] = people_repo.wins.list()
    names = {s.id: s.name for s in people_repo.stakeholders.list()}
    assert win.title == "Ran the churn review with Tom and Sara"
    assert win.tags == ["churn"]
    assert [names[i] for i in win.stakeholder_ids] == ["Tom Becker", "Sara Lind"]
    assert win.priority_id == people_repo.priorities.list()[0].id
    assert win.gap_ids == [people_repo.gaps.list()[0].id]


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("Lunch with @s", "'s' matches 2 stakeholders: 'Sara Lind', 'Sofia Alvarez'"),
        ("Lunch with @omar", "no stakeholder named 'omar'"),
        ("Shipped p:growth", "no priority named 'growth'"),
        ("Shipped g:speaking", "no gap named 'speaking'"),
    ],
)
async def test_an_ambiguous_or_unknown_name_blocks_saving(people_repo, typed, said) -> None:
    people_repo.stakeholders.add(Stakeholder(name="Sofia Alvarez"))
    app = make_app(people_repo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("w", *typed)
        await pilot.pause()
        assert understood(app).startswith("Cannot save yet:")
        assert said in understood(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, QuickWinScreen)
        error = text(app.screen.query_one("#quick-win-error"))
        assert error == "Not saved: fix what the line above says, or Escape to cancel"
        assert said in understood(app)
        assert people_repo.wins.list() == []
        # fixing the name lets it through
        await pilot.press("ctrl+u", *"Lunch with @tom", "enter")
        await wait_for(pilot, lambda: people_repo.wins.list())
    assert [w.title for w in people_repo.wins.list()] == ["Lunch with Tom"]


async def test_escape_with_text_asks_before_discarding(people_repo) -> None:
    app = make_app(people_repo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("w", *"Half a thought", "escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "Discard the win you typed?" in text(app.screen.query_one("#confirm-question"))
        await pilot.press("n")  # keep it
        await pilot.pause()
        assert isinstance(app.screen, QuickWinScreen)
        assert app.screen.query_one("#quick-win-title").value == "Half a thought"
        await pilot.press("escape", "y")  # discard it
        await pilot.pause()
        assert app.screen is app.dashboard
    assert people_repo.wins.list() == []


async def test_escape_on_an_empty_line_closes_without_a_question(people_repo) -> None:
    app = make_app(people_repo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("w", "escape")
        await pilot.pause()
        assert app.screen is app.dashboard
