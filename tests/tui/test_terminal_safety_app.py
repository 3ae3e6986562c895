"""The app over a store whose titles hold terminal escapes (a clipboard write, a screen clear):
it opens, and nothing it draws carries a raw control character (Rich strips only BEL and a few
others; ESC would reach the terminal)."""

from __future__ import annotations

from pathlib import Path

from careertui.domain.models import Win
from careertui.store.repository import Repository
from careertui.tui.app import make_app
from tests.tui.conftest import SIZE, wait_for
from tests.unit.test_terminal_safety import CLIPBOARD, poisoned_store, raw_controls


def _screen(app) -> str:  # noqa: ANN001 - the running CareerApp
    return app.export_screenshot()


async def test_the_app_opens_a_store_holding_escapes_and_draws_none(data_dir: Path) -> None:
    poisoned_store(data_dir)
    app = make_app(Repository.at(data_dir))
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: "Shipped" in _screen(app))
        screen = _screen(app)
        assert raw_controls(screen) == [], "a control character reached the screen"
        assert "\x1b" not in screen and "\x07" not in screen
        # the records are all there, each control character shown as U+FFFD
        for shown in ("Shipped", "Executive", "Ana", "\ufffd"):
            assert shown in screen, shown
        # the journal's detail of the win, the board and the people are drawn from the same
        # records: walk the panes and look again
        for key in ("1", "2", "3", "4", "enter"):
            await pilot.press(key)
            await pilot.pause()
            assert raw_controls(_screen(app)) == [], f"after {key!r}"


async def test_a_pasted_escape_is_refused_next_to_the_field_and_the_text_kept(
    repo: Repository,
) -> None:
    """A title pasted with a clipboard escape in it: the form says why beside the title, keeps
    what was pasted, and saves nothing."""
    from textual import events
    from textual.widgets import Input

    from careertui.tui.screens.form import FormScreen

    repo.wins.add(Win(title="First win"))
    app = make_app(Repository.at(repo.store.data_dir))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await pilot.pause()
        await pilot.press("n")
        await wait_for(pilot, lambda: isinstance(app.screen, FormScreen))
        form = app.screen
        title = form.query_one("#field-title", Input)
        title.focus()
        title.post_message(events.Paste(f"Shipped {CLIPBOARD}it"))
        await wait_for(pilot, lambda: "Shipped" in title.value)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        message = form.errors()["title"]
        assert "must not contain control characters (found \\x1b, \\x07)" in message
        assert title.value == f"Shipped {CLIPBOARD}it"
        assert [w.title for w in repo.wins.list()] == ["First win"]
