"""Adding someone with a cadence in the app does not flag them overdue on the spot (issue 14,
item 5): the map shows when the first check-in falls due instead."""

from __future__ import annotations

import datetime as dt

import pytest
from textual.widgets import Input, Static

from careertui.store.repository import Repository
from careertui.tui.app import make_app
from careertui.tui.panes.stakeholders import StakeholdersPane
from careertui.tui.screens.form import FormScreen

SIZE = (120, 36)


async def settle(pilot) -> None:  # noqa: ANN001
    for _ in range(3):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_a_person_added_today_with_a_cadence_is_due_later_not_overdue(
    repo: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    today = dt.date.today()  # the record's ``created`` is the real clock: today must agree
    monkeypatch.setenv("CAREERTUI_TODAY", today.isoformat())
    app = make_app(repo)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("3")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        form = pilot.app.screen
        assert isinstance(form, FormScreen)
        form.query_one("#field-name", Input).value = "Dana Park"
        form.query_one("#field-cadence_days", Input).value = "14"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(pilot.app.screen, FormScreen)
        pane = pilot.app.screen.query_one("#stakeholders", StakeholdersPane)
        selected = str(pane.query_one("#stakeholder-selected", Static).content)
        warnings = str(pane.query_one("#stakeholder-warnings", Static).content)
        assert selected.startswith("Dana Park")
        assert "overdue" not in selected
        due = today + dt.timedelta(days=14)
        assert f"next {due.isoformat()}" in selected
        assert "overdue" not in warnings
