"""``careertui demo`` in a small real terminal: the sample career, the panes as tabs."""

from __future__ import annotations

from pathlib import Path

from careertui.store.repository import Repository
from tests.e2e.terminal import careertui

NEWEST_DEMO_WIN = "Mentored Grace through her first launch"


def test_the_demo_opens_the_sample_career_as_tabs_on_an_80_by_24_terminal(
    data_dir: Path,
) -> None:
    with careertui(data_dir, "demo", size=(80, 24)) as term:
        # Too small for four panes at once: tabs, the journal in front.
        term.wait_for(
            "1 Vision  2 Gaps  3 Stakeholders  4 Journal", "╭─ 4 Journal", NEWEST_DEMO_WIN
        )
        assert "╭─ 2 Gaps" not in term.text()

        term.press("2")
        term.wait_for("╭─ 2 Gaps", "Backlog", "Working on")
        assert "╭─ 4 Journal" not in term.text()

        term.press("3")
        term.wait_for("╭─ 3 Stakeholders", "Maya Chen")

        term.press("q")
        assert term.wait_exit() == 0

    career = Repository.at(data_dir).career()
    assert career.vision.target_role == "Director of Product, Platform"
    assert NEWEST_DEMO_WIN in {w.title for w in career.wins}


def test_the_demo_refuses_a_directory_that_already_holds_data(
    demo_repo: Repository, data_dir: Path
) -> None:
    before = demo_repo.store.path.read_bytes()
    with careertui(data_dir, "demo", size=(80, 24)) as term:
        term.wait_for("error:", "already holds data")
        assert term.wait_exit() == 2
    assert demo_repo.store.path.read_bytes() == before
