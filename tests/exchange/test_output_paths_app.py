"""Exports and check-in agendas saved from the app: plain text, so written outside the data
directory (which may be encrypted and synced), in a private folder, at a path the app shows,
and never through a link someone planted."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from textual.command import CommandList

from careertui.exchange.agenda import file_name
from careertui.store.repository import Repository
from careertui.tui.app import make_app
from careertui.tui.screens.choice import ChoiceScreen
from careertui.tui.screens.stakeholder_agenda import StakeholderAgendaScreen
from tests.tui.conftest import SIZE, run_command, wait_for
from tests.tui.helpers import toasts


def shown(app) -> str:
    return " ".join(toasts(app)).replace("\n", "")


def markdown_in(data_dir: Path) -> list[Path]:
    return sorted(data_dir.rglob("*.md"))


async def test_the_palette_saves_an_export_in_the_documents_folder_and_shows_the_full_path(
    demo_repo: Repository, data_dir: Path
) -> None:
    documents = Path.home() / "Documents"
    documents.mkdir(parents=True)
    app = make_app(demo_repo)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await run_command(pilot, "Export brag document")
        await wait_for(pilot, lambda: isinstance(app.screen, ChoiceScreen))
        await pilot.press("s")  # shareable
        await wait_for(pilot, lambda: "Exported" in shown(app))
        saved = documents / "careertui" / "brag-document-2026-11-23.md"
        assert str(saved) in shown(app)
    assert "Mentored Grace through her first launch" in saved.read_text(encoding="utf-8")
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    assert stat.S_IMODE(saved.parent.stat().st_mode) == 0o700
    assert markdown_in(data_dir) == []
    assert not (data_dir / "exports").exists()


async def test_careertui_export_dir_chooses_where_the_app_saves(
    demo_repo: Repository, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    chosen = tmp_path / "reviews" / "2026"
    monkeypatch.setenv("CAREERTUI_EXPORT_DIR", str(chosen))
    app = make_app(demo_repo)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await run_command(pilot, "Export promotion case")
        await wait_for(pilot, lambda: isinstance(app.screen, ChoiceScreen))
        await pilot.press("enter")  # shareable, the default
        saved = chosen / "promotion-case-2026-11-23.md"
        await wait_for(pilot, lambda: str(saved) in shown(app))
    assert saved.read_text(encoding="utf-8").startswith("# Promotion case")
    assert stat.S_IMODE(chosen.stat().st_mode) == 0o700


async def test_an_export_dir_inside_the_data_directory_is_refused(
    demo_repo: Repository, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CAREERTUI_EXPORT_DIR", str(data_dir / "exports"))
    app = make_app(demo_repo)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await run_command(pilot, "Export JSON backup")
        await wait_for(pilot, lambda: "inside the data directory" in shown(app))
        assert app.is_running
    assert not (data_dir / "exports").exists()


async def test_the_palette_says_the_brag_document_is_grouped_by_priority(
    demo_repo: Repository,
) -> None:
    app = make_app(demo_repo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Export brag")
        commands = app.screen.query_one(CommandList)
        await wait_for(pilot, lambda: commands.option_count > 0)
        offered = str(commands.get_option_at_index(0).prompt)
        assert "grouped by company priority" in offered
        assert "by month" not in offered


async def open_agenda(pilot) -> StakeholderAgendaScreen:
    await pilot.pause()
    await pilot.press("3")
    await pilot.pause()
    await pilot.press("p")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, StakeholderAgendaScreen))
    return pilot.app.screen


async def test_an_agenda_is_saved_with_the_exports_not_in_the_data_directory(
    demo_repo: Repository, data_dir: Path
) -> None:
    app = make_app(demo_repo)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await open_agenda(pilot)
        saved = Path.home() / "careertui-exports" / file_name(screen.agenda)
        await pilot.press("s")
        await wait_for(pilot, lambda: str(saved) in shown(app))
        assert saved.read_text(encoding="utf-8") == screen.markdown
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    assert not (data_dir / "agendas").exists()


async def test_a_link_planted_at_the_agenda_name_is_refused_and_its_target_kept(
    demo_repo: Repository, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    monkeypatch.setenv("CAREERTUI_EXPORT_DIR", str(shared))
    victim = tmp_path / "victim.txt"
    victim.write_text("someone else's file\n", encoding="utf-8")
    app = make_app(demo_repo)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await open_agenda(pilot)
        link = shared / file_name(screen.agenda)
        link.symlink_to(victim)
        await pilot.press("s")
        await wait_for(pilot, lambda: "symbolic link" in shown(app))
        assert "not saved" in shown(app)
    assert victim.read_text(encoding="utf-8") == "someone else's file\n"
    assert link.is_symlink() and os.readlink(link) == str(victim)
