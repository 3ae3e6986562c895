"""An edit form saves only what the user changed, onto the record as it is on file now: a change
made elsewhere while the form was open (``careertui win --with``, another app) stays. When
both changed the same field, the user is asked which to keep, and nothing typed is lost."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Label

from careertui.domain.models import Stakeholder
from careertui.store.repository import Repository
from careertui.tui.app import make_app
from careertui.tui.panes.stakeholders import StakeholdersPane
from careertui.tui.screens.choice import ChoiceScreen
from careertui.tui.screens.form import FormScreen
from tests.tui.conftest import SIZE, wait_for

TODAY = dt.date(2026, 11, 23)


@pytest.fixture
def maya(repo: Repository) -> Stakeholder:
    return repo.stakeholders.add(
        Stakeholder(
            name="Maya Chen",
            title="Director",
            influence=4,
            cadence_days=14,
            last_contact=dt.date(2026, 11, 2),
        )
    )


def stored(data_dir: Path) -> Stakeholder:
    return Repository.at(data_dir).stakeholders.list()[0]


async def open_edit_form(pilot: Pilot, person: Stakeholder) -> FormScreen:
    await pilot.press("3")
    await pilot.pause()
    pilot.app.screen_stack[0].query_one("#stakeholders", StakeholdersPane).go_to(person.id)
    await pilot.pause()
    await pilot.press("e")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, FormScreen))
    form = pilot.app.screen
    assert form.query_one("#field-name", Input).value == "Maya Chen"
    return form


async def type_title(pilot: Pilot, form: FormScreen, title: str) -> None:
    form.query_one("#field-title", Input).focus()
    await pilot.press("end", "ctrl+u", *title)


async def test_saving_the_form_keeps_the_last_contact_the_cli_wrote_meanwhile(
    cli, maya: Stakeholder, data_dir: Path
) -> None:
    app = make_app(Repository.at(data_dir))
    async with app.run_test(size=SIZE) as pilot:
        form = await open_edit_form(pilot, maya)
        result = cli("win", "Met Maya", "--with", "Maya")  # the real CLI, form still open
        assert result.returncode == 0, result.stderr
        assert stored(data_dir).last_contact == TODAY

        await type_title(pilot, form, "VP Product")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: not isinstance(app.screen, FormScreen))

    person = stored(data_dir)
    assert person.title == "VP Product"
    assert person.last_contact == TODAY  # the CLI's, not the one the form opened with


async def conflicting_edit(pilot: Pilot, maya: Stakeholder, data_dir: Path) -> FormScreen:
    """Open Maya's form; another process makes her "CPO"; the user types "VP Product" and
    raises her influence, then saves: the question appears."""
    form = await open_edit_form(pilot, maya)
    other = Repository.at(data_dir)
    other.stakeholders.save_changes(maya, maya.model_copy(update={"title": "CPO"}))
    await type_title(pilot, form, "VP Product")
    form.query_one("#field-influence", Input).value = "5"
    await pilot.press("ctrl+s")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, ChoiceScreen))
    question = str(pilot.app.screen.query_one("#choice-question", Label).content)
    assert "Title" in question
    assert "yours:       VP Product" in question
    assert "on file now: CPO" in question
    return form


async def test_keep_mine_saves_what_was_typed(maya: Stakeholder, data_dir: Path) -> None:
    app = make_app(Repository.at(data_dir))
    async with app.run_test(size=SIZE) as pilot:
        await conflicting_edit(pilot, maya, data_dir)
        await pilot.press("m")
        await wait_for(pilot, lambda: not isinstance(app.screen, (ChoiceScreen, FormScreen)))
    person = stored(data_dir)
    assert (person.title, person.influence) == ("VP Product", 5)


async def test_keep_theirs_keeps_the_file_and_saves_the_rest(
    maya: Stakeholder, data_dir: Path
) -> None:
    app = make_app(Repository.at(data_dir))
    async with app.run_test(size=SIZE) as pilot:
        await conflicting_edit(pilot, maya, data_dir)
        await pilot.press("t")
        await wait_for(pilot, lambda: not isinstance(app.screen, (ChoiceScreen, FormScreen)))
    person = stored(data_dir)
    assert (person.title, person.influence) == ("CPO", 5)


async def test_escape_goes_back_to_the_form_with_everything_typed(
    maya: Stakeholder, data_dir: Path
) -> None:
    app = make_app(Repository.at(data_dir))
    async with app.run_test(size=SIZE) as pilot:
        form = await conflicting_edit(pilot, maya, data_dir)
        before = (data_dir / "careertui.json").read_bytes()
        await pilot.press("escape")
        await wait_for(
            pilot,
            lambda: (
                isinstance(app.screen, FormScreen)
                and "changed elsewhere" in app.screen.errors().get("", "")
            ),
        )
        form = app.screen  # the form back, with everything typed
        assert form.query_one("#field-title", Input).value == "VP Product"
        assert form.query_one("#field-influence", Input).value == "5"
        assert (data_dir / "careertui.json").read_bytes() == before  # nothing written

        await pilot.press("ctrl+s")  # saving again asks again
        await wait_for(pilot, lambda: isinstance(app.screen, ChoiceScreen))
        await pilot.press("m")
        await wait_for(pilot, lambda: not isinstance(app.screen, (ChoiceScreen, FormScreen)))
    assert stored(data_dir).title == "VP Product"


async def test_the_question_comes_with_the_map_showing_what_is_on_file(
    maya: Stakeholder, data_dir: Path
) -> None:
    """The conflict itself says the file changed: the app shows it at once, not on the next
    look at the file a second later."""
    app = make_app(Repository.at(data_dir))
    app.data_file_watch.changed = lambda: False  # type: ignore[method-assign]  # no help from it
    async with app.run_test(size=SIZE) as pilot:
        await conflicting_edit(pilot, maya, data_dir)
        assert [p.title for p in app.career.stakeholders] == ["CPO"]
        await pilot.press("escape")
        await pilot.pause()
        assert [p.title for p in app.career.stakeholders] == ["CPO"]
