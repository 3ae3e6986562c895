"""The user's own keys: a keymap file of binding ids and keys, applied at start; the footer and
the help screen show the keys in force; a bad entry is a message, never a crash."""

from __future__ import annotations

from pathlib import Path

from careertui.paths import keymap_file
from careertui.store.repository import Repository
from careertui.tui.app import make_app
from careertui.tui.keymap import key_name, parse_keymap
from careertui.tui.screens.quick_win import QuickWinScreen
from careertui.tui.widgets.footer import DashboardFooter
from tests.tui.conftest import SIZE, wait_for
from tests.tui.helpers import toasts

KNOWN = {"dashboard.log_win", "journal.filter"}


def test_keys_are_read_as_textual_names_them() -> None:
    assert key_name("?") == "question_mark"
    assert key_name("Ctrl+S") == "ctrl+s"
    assert key_name("f5") == "f5"
    assert key_name("ctrl+nothing") is None
    assert key_name("bananaphone") is None


def test_a_keymap_applies_what_it_can_and_names_the_rest() -> None:
    loaded = parse_keymap(
        '"dashboard.log_win" = "a"\n"journal.filter" = "ctrl+f,/"\n'
        '"no.such" = "x"\n"dashboard.log_win2" = 3\n',
        KNOWN | {"dashboard.log_win2"},
    )
    assert loaded.keys == {"dashboard.log_win": "a", "journal.filter": "ctrl+f,slash"}
    assert len(loaded.problems) == 2
    assert "no.such" in loaded.problems[0]
    assert "dashboard.log_win2" in loaded.problems[1]


def test_a_file_that_is_not_toml_is_one_problem() -> None:
    loaded = parse_keymap("this is = not [toml", KNOWN)
    assert loaded.keys == {}
    assert "not TOML" in loaded.problems[0]


def test_the_keymap_lives_in_the_config_dir(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("CAREERTUI_CONFIG_DIR", str(tmp_path))
    assert keymap_file() == tmp_path / "keymap.toml"


async def test_a_remapped_key_works_and_shows_in_footer_and_help(
    repo: Repository, tmp_path: Path
) -> None:
    path = tmp_path / "keymap.toml"
    path.write_text('"dashboard.log_win" = "a"\n', encoding="utf-8")
    app = make_app(repo, keymap_path=path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        footer = app.dashboard.query_one(DashboardFooter)
        shown = " ".join(str(key.render()) for key in footer.children)
        assert "a Log a win" in shown
        await pilot.press("w")
        await pilot.pause()
        assert not isinstance(app.screen, QuickWinScreen)  # w no longer logs a win
        await pilot.press("a")
        await wait_for(pilot, lambda: isinstance(app.screen, QuickWinScreen))
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is app.dashboard)
        await pilot.press("question_mark")
        await pilot.pause()
        from textual.widgets import DataTable

        table = app.screen.query_one(DataTable)
        rows = [table.get_row_at(i) for i in range(table.row_count)]
        assert any(keys == "a" and "win" in does.lower() for _, keys, does in rows), rows


async def test_a_bad_keymap_is_a_message_at_start_not_a_crash(
    repo: Repository, tmp_path: Path
) -> None:
    path = tmp_path / "keymap.toml"
    path.write_text('"dashboard.log_win" = "ctrl+nothing"\n"nope" = "x"\n', encoding="utf-8")
    app = make_app(repo, keymap_path=path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await wait_for(pilot, lambda: toasts(app))
        message = " ".join(toasts(app))
        assert "ctrl+nothing" in message and "nope" in message
        await pilot.press("w")  # the default key still works
        await wait_for(pilot, lambda: isinstance(app.screen, QuickWinScreen))
