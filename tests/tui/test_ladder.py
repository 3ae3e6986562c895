"""The ladder in the app: ``R`` and the palette open the evidence per expectation and
readiness; ``c:NAME`` in the quick win ties a competency; the status line shows readiness."""

from __future__ import annotations

import io

from rich.console import Console
from textual.widget import Widget

from careertui.actions.ladder import import_ladder
from careertui.exchange.ladder_file import example
from careertui.store.repository import Repository
from careertui.tui.screens.ladder import LadderScreen
from careertui.tui.screens.quick_win import QuickWinScreen
from careertui.tui.status import StatusLine
from tests.tui.conftest import SIZE, make_app, run_command, wait_for
from tests.tui.helpers import text


def drawn(widget: Widget) -> str:
    """What a Static holding a table shows, drawn at the width it has."""
    console = Console(width=widget.size.width or 100, record=True, file=io.StringIO())
    console.print(widget.content)  # type: ignore[attr-defined]
    return console.export_text()


async def test_r_shows_readiness_and_the_evidence_per_expectation(demo_app) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("R")
        await wait_for(pilot, lambda: isinstance(demo_app.screen, LadderScreen))
        screen = demo_app.screen
        assert "Senior PM → Group PM" in text(screen.query_one("#ladder-title"))
        shown = drawn(screen.query_one("#ladder-evidence"))
        for competency in ("Product strategy", "Stakeholder management", "Customer insight"):
            assert competency in shown
        assert "no evidence" in shown and "none in 90 days" in shown
        said = drawn(screen.query_one("#ladder-readiness"))
        assert "75/100" in said and "ready to ask" in said
        assert "Last ask" in said and "Maya Chen" in said
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(demo_app.screen, LadderScreen))


async def test_the_palette_opens_it_and_an_empty_store_says_how_to_start(app) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await run_command(pilot, "Ladder and readiness")
        await wait_for(pilot, lambda: isinstance(app.screen, LadderScreen))
        assert "careertui import ladder" in text(app.screen.query_one("#ladder-evidence"))
        assert "readiness" not in text(app.screen_stack[0].query_one(StatusLine))


async def test_c_name_in_the_quick_win_ties_a_competency(repo: Repository) -> None:
    import_ladder(repo, example("pm"), level="Senior PM", target="Group PM")
    app = make_app(repo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("w", *"Ran the pricing review c:product c:hiring", "enter")
        await pilot.pause()
        assert isinstance(app.screen, QuickWinScreen)  # "hiring" fits no competency
        understood = text(app.screen.query_one("#quick-win-understood"))
        assert "c: no competency named 'hiring'" in understood
        line = app.screen.query_one("#quick-win-title")
        line.value = 'Ran the pricing review c:product c:"people lead"'
        await pilot.pause()
        assert "competency “People leadership”" in text(
            app.screen.query_one("#quick-win-understood")
        )
        await pilot.press("enter")
        await wait_for(pilot, lambda: repo.wins.list())
        (win,) = repo.wins.list()
        assert win.title == "Ran the pricing review"
        assert win.competencies == ["Product strategy", "People leadership"]
        await wait_for(pilot, lambda: "readiness" in text(app.query_one(StatusLine)))
        assert "readiness 15/100 (capped)" in text(app.query_one(StatusLine))


async def test_the_win_form_suggests_competencies_from_the_words_and_ties_only_what_is_ticked(
    repo: Repository,
) -> None:
    from textual.widgets import Input, SelectionList

    from careertui.tui.screens.form import FormScreen

    import_ladder(repo, example("pm"), level="Senior PM", target="Group PM")
    app = make_app(repo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "n")
        await wait_for(pilot, lambda: isinstance(app.screen, FormScreen))
        form = app.screen
        hint = form.query_one("#hint-competencies")
        assert text(hint) == ""
        form.query_one("#field-title", Input).value = "Presented the pricing strategy to the execs"
        await wait_for(pilot, lambda: "Product strategy" in text(hint))
        assert "“strategy”" in text(hint) and "Suggested (tick to tie)" in text(hint)
        choices = form.query_one("#field-competencies", SelectionList)
        assert choices.selected == []  # suggested, never ticked for the user
        choices.select("Communication")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: repo.wins.list())
        (win,) = repo.wins.list()
        assert win.competencies == ["Communication"]
