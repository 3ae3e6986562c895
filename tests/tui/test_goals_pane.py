"""Interim goals on the vision pane: added with a 30/60/90-day horizon, their status changed
with one key, edited and deleted; each change read back from the store."""

from __future__ import annotations

import datetime as dt

import pytest

from careertui.actions.goals import add_goal
from careertui.domain.clock import today
from careertui.domain.models import Goal, Priority, Vision
from careertui.store.repository import Repository
from careertui.tui.app import make_app
from tests.tui.conftest import wait_for
from tests.tui.vision_helpers import fill, go_to, outline, screen_text

SIZE = (120, 36)


@pytest.fixture
def goal_repo(repo: Repository) -> Repository:
    """A vision and a priority, so the guided start does not open by itself."""
    with repo.transaction():
        repo.save_vision(
            Vision(statement="Lead product.", target_role="Director", values=["Candour"])
        )
        repo.priorities.add(Priority(title="Revenue", rank=0))
    return repo


def stored(repo: Repository) -> list[tuple[str, dt.date, str]]:
    return [(g.title, g.due, g.status) for g in Repository.at(repo.store.data_dir).career().goals]


async def test_add_a_goal_with_a_horizon(goal_repo: Repository) -> None:
    repo = goal_repo
    app = make_app(repo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await go_to(pilot, "goals:-")
        await pilot.press("a")
        await pilot.pause()
        await fill(pilot, "#field-title", "Publish the API plan")
        await fill(pilot, "#field-due", "60")
        await fill(pilot, "#field-measure", "Two teams commit")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: stored(repo) != [])
        assert stored(repo) == [
            ("Publish the API plan", today() + dt.timedelta(days=60), "on track")
        ]
        await pilot.pause()
        rows = [str(option.prompt) for option in outline(app).options]
        assert any("Publish the API plan · due in 60 days" in row for row in rows)


async def test_a_bad_due_date_is_refused_next_to_the_field(goal_repo: Repository) -> None:
    repo = goal_repo
    app = make_app(repo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await go_to(pilot, "goals:-")
        await pilot.press("a")
        await pilot.pause()
        await fill(pilot, "#field-title", "Something")
        await fill(pilot, "#field-due", "45")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "a horizon is 30, 60 or 90 days, not 45" in screen_text(app)
        assert stored(repo) == []


async def test_status_cycles_and_delete_asks(goal_repo: Repository) -> None:
    repo = goal_repo
    goal = add_goal(repo, Goal(title="Quarterly memo", due=today() + dt.timedelta(days=12)))
    app = make_app(repo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await go_to(pilot, "goals:0")
        await pilot.press("s")
        await wait_for(pilot, lambda: stored(repo)[0][2] == "at risk")
        await pilot.press("s")
        await wait_for(pilot, lambda: stored(repo)[0][2] == "done")
        await pilot.press("e")
        await pilot.pause()
        await fill(pilot, "#field-title", "Quarterly memo to the exec team")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: stored(repo)[0][0] == "Quarterly memo to the exec team")
        assert stored(repo)[0][2] == "done"
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await wait_for(pilot, lambda: stored(repo) == [])
        assert Repository.at(repo.store.data_dir).goals.get(goal.id) is None
