"""Who the documents are about, on the vision pane: shown under the destination, edited with
``e`` (the vision's own form and save), and filled in from an empty store."""

from __future__ import annotations

import datetime as dt

from careertui.domain.models import Profile, Vision
from careertui.store.repository import Repository
from careertui.tui.app import CareerApp, make_app
from careertui.tui.screens.form import FormScreen
from tests.tui.conftest import SIZE, wait_for
from tests.tui.vision_helpers import fill, go_to, screen_text


def form(app: CareerApp) -> FormScreen:
    assert isinstance(app.screen, FormScreen), app.screen
    return app.screen


async def test_the_pane_shows_the_profile_and_e_edits_it(
    demo_app: CareerApp, demo_repo: Repository
) -> None:
    before = demo_repo.vision()
    async with demo_app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "profile:0")
        await pilot.press("z")
        await pilot.pause()
        shown = screen_text(demo_app)
        assert "WHO I AM TODAY" in shown
        assert "Alex Rivera · Senior Product Manager, L6 · since 2024-11-23" in shown
        assert "Developer Platform · Lumen Cloud" in shown
        await pilot.press("e")
        await wait_for(pilot, lambda: isinstance(demo_app.screen, FormScreen))
        assert form(demo_app).form_title == "Who you are today"
        assert demo_app.screen.query_one("#field-name").value == "Alex Rivera"
        await fill(pilot, "#field-level", "L7")
        await fill(pilot, "#field-since", "2026-12-30")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "in the future" in form(demo_app).errors()["since"]
        await fill(pilot, "#field-since", "2026-11-01")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: not isinstance(demo_app.screen, FormScreen))
        await wait_for(pilot, lambda: demo_repo.vision().profile.level == "L7")
        await pilot.pause()
        assert "Senior Product Manager, L7 · since 2026-11-01" in screen_text(demo_app)
    after = demo_repo.vision()
    assert after.profile == before.profile.model_copy(
        update={"level": "L7", "since": dt.date(2026, 11, 1)}
    )
    # nothing else of the vision changed
    assert after.model_dump(exclude={"profile", "updated"}) == before.model_dump(
        exclude={"profile", "updated"}
    )


async def test_an_empty_profile_says_what_to_do_and_can_be_filled(
    repo: Repository,
) -> None:
    repo.save_vision(Vision(statement="Lead product for a platform."))
    app = make_app(repo)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "profile:-")
        await pilot.press("z")
        await pilot.pause()
        assert "your name and current role — e to fill in" in screen_text(app)
        await pilot.press("e")
        await wait_for(pilot, lambda: isinstance(app.screen, FormScreen))
        await fill(pilot, "#field-name", "Sam Lee")
        await fill(pilot, "#field-company", "Acme")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: repo.vision().profile.name == "Sam Lee")
        await pilot.pause()
        assert "Sam Lee · —" in screen_text(app)
    assert repo.vision().profile == Profile(name="Sam Lee", company="Acme")
