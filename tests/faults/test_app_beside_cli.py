"""The app open and logging wins from the keyboard while ``careertui win`` processes write to
the same store: every win from both lands exactly once, and the app ends up showing them all."""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

from careertui.domain.models import Win
from careertui.store.repository import Repository
from careertui.tui.app import make_app
from careertui.tui.screens.quick_win import QuickWinScreen
from careertui.tui.widgets.win_list import WinList

CAREERTUI = Path(sys.executable).with_name("careertui")
IN_APP = 20
SHELLS, EACH = 2, 8


async def _until(pilot, condition, what: str, rounds: int = 1200) -> None:
    for _ in range(rounds):
        if condition():
            return
        await pilot.pause(0.05)
    raise AssertionError(f"never happened: {what}")


async def test_app_and_cli_processes_write_at_once(data_dir: Path) -> None:
    repo = Repository.at(data_dir)
    repo.wins.add(Win(title="before"))
    app = make_app(repo)
    shells = [
        subprocess.Popen(
            [
                "sh",
                "-c",
                f'for i in $(seq 1 {EACH}); do "$0" --data-dir "$1" win "cli{k} $i" '
                "|| exit 1; done",
                str(CAREERTUI),
                str(data_dir),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "CAREERTUI_TODAY": "2026-11-23"},
        )
        for k in range(SHELLS)
    ]
    try:
        async with app.run_test(size=(120, 36)) as pilot:
            for i in range(IN_APP):
                await pilot.press("w", *f"app {i}", "enter")
                await _until(pilot, lambda: not isinstance(app.screen, QuickWinScreen), "saved")
            await _until(pilot, lambda: all(s.poll() is not None for s in shells), "CLI done")
            total = 1 + IN_APP + SHELLS * EACH
            await _until(pilot, lambda: len(app.query_one(WinList).wins) == total, "all shown")
    finally:
        for shell in shells:
            if shell.poll() is None:
                shell.kill()
    assert [(s.returncode, s.stderr.read()) for s in shells] == [(0, "")] * SHELLS
    titles = Counter(w.title for w in Repository.at(data_dir).wins.list())
    expected = {"before"} | {f"app {i}" for i in range(IN_APP)}
    expected |= {f"cli{k} {i}" for k in range(SHELLS) for i in range(1, EACH + 1)}
    assert set(titles) == expected
    assert max(titles.values()) == 1
