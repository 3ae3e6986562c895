"""The guided start: one question at a time, each answer saved as it is given; skippable;
reopened from the command palette."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from contextlib import contextmanager

from textual.app import App
from textual.widgets import Input, TextArea

from careertui.actions.settings import GUIDED_START as GUIDED_START_SETTING
from careertui.store.repository import Repository
from careertui.tui.app import CareerApp
from careertui.tui.screens.choice import ChoiceScreen
from careertui.tui.screens.guided_start import GuidedStartScreen
from tests.tui.conftest import SIZE, wait_for
from tests.tui.vision_helpers import fill, screen_text


async def open_from_palette(pilot) -> GuidedStartScreen:  # noqa: ANN001
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*"Guided start")
    await pilot.pause(0.2)
    await pilot.press("enter")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, GuidedStartScreen))
    return pilot.app.screen


def step_title(app: CareerApp) -> str:
    return str(app.screen.query_one("#gs-title").content)


async def test_it_opens_from_the_command_palette_at_the_first_step(app: CareerApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_from_palette(pilot)
        assert step_title(app) == "Guided start · step 1 of 5 · Your vision"
        assert isinstance(app.focused, TextArea)


async def test_answers_are_saved_as_given_and_kept_when_quitting_halfway(
    app: CareerApp, make: Callable[[], CareerApp], repo: Repository
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_from_palette(pilot)
        await fill(pilot, "#gs-statement", "I lead product for a **developer platform**.")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: repo.vision().statement != "")
        assert step_title(app) == "Guided start · step 2 of 5 · Target role and horizon"
        await fill(pilot, "#gs-target_role", "Director of Product")
        await pilot.press("enter")  # on to the horizon
        assert app.focused is app.screen.query_one("#gs-horizon", Input)
        await pilot.press("4", "enter")
        await wait_for(pilot, lambda: repo.vision().target_role != "" and not app.saving)
        assert "step 3 of 5" in step_title(app)
        await fill(pilot, "#gs-priority-0", "Grow revenue")  # typed, never given
        await pilot.press("ctrl+q")
    vision = repo.vision()
    assert vision.statement == "I lead product for a **developer platform**."
    assert vision.target_role == "Director of Product"
    assert vision.horizon == dt.date(2030, 11, 23)
    assert repo.priorities.list() == []
    again = make()
    async with again.run_test(size=SIZE) as pilot:
        await pilot.press("1")
        await pilot.pause()
        assert not isinstance(again.screen, GuidedStartScreen)
        assert "Director of Product" in screen_text(again)


async def test_an_invalid_answer_shows_why_and_keeps_the_step(
    app: CareerApp, repo: Repository
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_from_palette(pilot)
        await pilot.press("ctrl+s")  # a blank step saves nothing and moves on
        await fill(pilot, "#gs-target_role", "Head of Product")
        await fill(pilot, "#gs-horizon", "2019-05-01")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "step 2 of 5" in step_title(app)
        error = app.screen.query_one("#gs-horizon-error")
        assert str(error.content) == "the horizon must be in the future"
        assert app.screen.query_one("#gs-horizon", Input).value == "2019-05-01"
        assert app.screen.query_one("#gs-target_role", Input).value == "Head of Product"
        await pilot.pause(0.2)
        assert repo.vision().target_role == ""


async def test_skipping_saves_nothing_more_and_it_can_be_reopened(
    app: CareerApp, repo: Repository
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_from_palette(pilot)
        await fill(pilot, "#gs-statement", "Typed, then skipped")
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, ChoiceScreen))
        await pilot.press("d")  # discard it
        await wait_for(pilot, lambda: repo.setting(GUIDED_START_SETTING) == "skipped")
        assert app.screen is not screen
        assert repo.vision().statement == ""
        await open_from_palette(pilot)
        assert "step 1 of 5" in step_title(app)


async def test_skipping_a_step_with_text_asks_and_can_save_it_or_go_back(
    app: CareerApp, repo: Repository
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_from_palette(pilot)
        await fill(pilot, "#gs-statement", "Lead product for a platform.")
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, ChoiceScreen))
        assert "You typed something on this step" in screen_text(app)
        await pilot.press("escape")  # not now: back to the step, the text still there
        await wait_for(pilot, lambda: app.screen is screen)
        assert app.screen.query_one("#gs-statement", TextArea).text == (
            "Lead product for a platform."
        )
        assert repo.setting(GUIDED_START_SETTING) != "skipped"
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, ChoiceScreen))
        await pilot.press("s")  # save it, then skip
        await wait_for(pilot, lambda: repo.setting(GUIDED_START_SETTING) == "skipped")
        assert repo.vision().statement == "Lead product for a platform."


async def test_skipping_an_untouched_step_asks_nothing(app: CareerApp, repo: Repository) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_from_palette(pilot)
        await pilot.press("escape")
        await wait_for(pilot, lambda: repo.setting(GUIDED_START_SETTING) == "skipped")
        assert not isinstance(app.screen, (ChoiceScreen, GuidedStartScreen))


async def test_a_full_run_fills_the_vision_pane(app: CareerApp, repo: Repository) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_from_palette(pilot)
        # the footer names what ctrl+s does on this step, as the button does
        assert "^s Save and next" in screen_text(app)
        await fill(pilot, "#gs-statement", "Lead product for a platform.")
        await pilot.press("ctrl+s")
        await fill(pilot, "#gs-target_role", "Director of Product")
        await fill(pilot, "#gs-horizon", "2030-06-30")
        await pilot.press("ctrl+s")
        for n, title in enumerate(["Revenue", "Retention", "Reliability", "EMEA"]):
            await fill(pilot, f"#gs-priority-{n}", title)
        await pilot.press("ctrl+s")
        for n, strength in enumerate(["Writing", "Research", "Calm"]):
            await fill(pilot, f"#gs-strength-{n}", strength)
        await pilot.press("enter", "enter")  # through the last field, then the next step
        await wait_for(pilot, lambda: "step 5 of 5 · Who you are today" in step_title(app))
        await fill(pilot, "#gs-profile-name", "Alex Rivera")
        await fill(pilot, "#gs-profile-title", "Senior PM")
        await fill(pilot, "#gs-profile-level", "L6")
        await fill(pilot, "#gs-profile-since", "2024-03-01")
        await fill(pilot, "#gs-profile-company", "Lumen")
        await fill(pilot, "#gs-profile-team", "Platform")
        await pilot.pause()
        assert "^s Save and finish" in screen_text(app)
        assert "Save and next" not in screen_text(app)
        await pilot.press("ctrl+s")  # finish
        await wait_for(pilot, lambda: repo.setting(GUIDED_START_SETTING) == "done")
        assert not isinstance(app.screen, GuidedStartScreen)
        career = repo.career()
        assert career.vision.horizon == dt.date(2030, 6, 30)
        assert [(p.title, p.rank) for p in career.priorities] == [
            ("Revenue", 0),
            ("Retention", 1),
            ("Reliability", 2),
            ("EMEA", 3),
        ]
        assert career.vision.strengths == ["Writing", "Research", "Calm"]
        profile = career.vision.profile
        assert (profile.name, profile.title, profile.level) == ("Alex Rivera", "Senior PM", "L6")
        assert (profile.since, profile.company, profile.team) == (
            dt.date(2024, 3, 1),
            "Lumen",
            "Platform",
        )
        await pilot.press("1", "z")
        await pilot.pause()
        text = screen_text(app)
        assert "Lead product for a platform." in text and " 4. EMEA" in text
        assert "Alex Rivera · Senior PM, L6 · since" in text
        assert "Platform · Lumen" in text


async def test_the_profile_step_refuses_a_date_it_cannot_read(
    app: CareerApp, repo: Repository
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_from_palette(pilot)
        for _ in range(4):
            await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: "step 5 of 5" in step_title(app))
        await fill(pilot, "#gs-profile-name", "Alex")
        await fill(pilot, "#gs-profile-since", "the day after never")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "step 5 of 5" in step_title(app)
        assert "Since:" in str(app.screen.query_one("#gs-profile-error").content)
        await pilot.pause(0.2)
        assert repo.vision().profile.name == ""


async def test_reopened_it_shows_what_is_on_record_and_changes_only_what_is_edited(
    demo_app: CareerApp, demo_repo: Repository
) -> None:
    before = demo_repo.career()
    async with demo_app.run_test(size=SIZE) as pilot:
        await open_from_palette(pilot)
        assert app_text(demo_app, "#gs-statement") == before.vision.statement
        await pilot.press("ctrl+s")
        assert app_text(demo_app, "#gs-target_role") == "Director of Product, Platform"
        await pilot.press("ctrl+s")
        assert app_text(demo_app, "#gs-priority-4") == "Expand into EMEA"
        await fill(pilot, "#gs-priority-4", "Enter EMEA with data residency")
        await pilot.press("ctrl+s")
        await pilot.press("ctrl+s")
        assert app_text(demo_app, "#gs-profile-name") == "Alex Rivera"
        assert app_text(demo_app, "#gs-profile-since") == "2024-11-23"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: demo_repo.setting(GUIDED_START_SETTING) == "done")
    after = demo_repo.career()
    assert after.vision.model_dump(exclude={"updated"}) == before.vision.model_dump(
        exclude={"updated"}
    )
    assert [p.title for p in after.priorities] == [
        *(p.title for p in before.priorities[:4]),
        "Enter EMEA with data residency",
    ]
    assert [p.id for p in after.priorities] == [p.id for p in before.priorities]


def app_text(app: CareerApp, selector: str) -> str:
    widget = app.screen.query_one(selector)
    return widget.text if isinstance(widget, TextArea) else widget.value


async def test_it_does_not_open_by_itself_in_a_headless_run(app: CareerApp) -> None:
    """Headless runs (tests, scripts) start on the dashboard; a real terminal gets the guided
    start on an empty store (see test_guided_start_terminal.py)."""
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not isinstance(app.screen, GuidedStartScreen)


async def test_the_statement_can_be_written_in_the_editor(
    app: CareerApp,
    repo: Repository,
    monkeypatch,
    tmp_path,  # noqa: ANN001
) -> None:
    script = tmp_path / "fake-editor"
    script.write_text('#!/bin/sh\nprintf "Lead product for a *platform*.\\n" > "$1"\n')
    script.chmod(0o700)
    monkeypatch.setenv("EDITOR", str(script))
    monkeypatch.delenv("VISUAL", raising=False)

    @contextmanager
    def no_terminal_to_hand_over(self):  # noqa: ANN001, ANN202 - headless cannot suspend
        yield

    monkeypatch.setattr(App, "suspend", no_terminal_to_hand_over)
    async with app.run_test(size=SIZE) as pilot:
        await open_from_palette(pilot)
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert app_text(app, "#gs-statement") == "Lead product for a *platform*."
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: repo.vision().statement == "Lead product for a *platform*.")


async def test_back_a_step_shows_the_answer_given_and_a_change_is_saved(
    app: CareerApp, repo: Repository
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_from_palette(pilot)
        await fill(pilot, "#gs-statement", "First draft")
        await pilot.press("ctrl+s")
        assert "step 2 of 5" in step_title(app)
        await pilot.press("ctrl+b")
        assert "step 1 of 5" in step_title(app)
        assert app_text(app, "#gs-statement") == "First draft"
        await pilot.press("ctrl+b")  # nothing before the first step
        assert "step 1 of 5" in step_title(app)
        await fill(pilot, "#gs-statement", "Second draft")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: repo.vision().statement == "Second draft" and not app.saving)
        assert "step 2 of 5" in step_title(app)
