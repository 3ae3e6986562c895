"""Writers at the same time: the app's way (the repository) and ``careertui win``. Every write
lands exactly once, and nobody sees an error. 2×300 by default, 2×500 with
CAREERTUI_FULL_FAULTS=1."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections import Counter
from pathlib import Path

from careertui.store.repository import Repository
from tests.faults import counts
from tests.faults.workers import (
    app_writer,
    cli_writer,
    context,
    lock_holder,
    plain_writer,
    start,
)

CAREERTUI = Path(sys.executable).with_name("careertui")


def _titles(data_dir: Path) -> Counter[str]:
    return Counter(w.title for w in Repository.at(data_dir).career().wins)


def test_app_and_cli_writing_at_once_keep_every_win(data_dir: Path) -> None:
    n = counts.CONCURRENT
    ctx = context()
    go = ctx.Event()
    app, app_reports = start(ctx, app_writer, str(data_dir), n, go)
    cli, cli_reports = start(ctx, cli_writer, str(data_dir), n, go)
    app_reports.wait_for("R")
    cli_reports.wait_for("R")
    go.set()
    app.join(600)
    cli.join(600)
    app_reports.drain()
    cli_reports.drain()
    errors = [line for line in app_reports.lines + cli_reports.lines if line.startswith("E")]
    assert errors == []
    assert (app.exitcode, cli.exitcode) == (0, 0)
    assert app_reports.lines.count("A") == cli_reports.lines.count("A") == n

    titles = _titles(data_dir)
    assert sum(titles.values()) == 2 * n
    assert set(titles) == {f"app {i}" for i in range(n)} | {f"cli {i}" for i in range(n)}
    assert max(titles.values()) == 1


def test_careertui_win_processes_beside_the_app_keep_every_win(data_dir: Path) -> None:
    """Real ``careertui win`` processes, four at a time, while the app's writer writes."""
    ctx = context()
    go = ctx.Event()
    app, reports = start(ctx, app_writer, str(data_dir), 150, go)
    reports.wait_for("R")
    go.set()
    shells = [
        subprocess.Popen(
            [
                "sh",
                "-c",
                f'for i in $(seq 1 12); do "$0" --data-dir "$1" win "p{k} $i" || exit 1; done',
                str(CAREERTUI),
                str(data_dir),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "CAREERTUI_TODAY": "2026-11-23"},
        )
        for k in range(4)
    ]
    results = [(shell.wait(300), shell.stderr.read()) for shell in shells]
    app.join(300)
    assert results == [(0, "")] * 4
    assert app.exitcode == 0
    titles = _titles(data_dir)
    expected = {f"app {i}" for i in range(150)}
    expected |= {f"p{k} {i}" for k in range(4) for i in range(1, 13)}
    assert set(titles) == expected
    assert sum(titles.values()) == len(expected)


def test_lock_holder_killed_the_other_writer_finishes(data_dir: Path) -> None:
    ctx = context()
    holder, held = start(ctx, lock_holder, str(data_dir))
    held.wait_for("H")
    writer, reports = start(ctx, plain_writer, str(data_dir), 50)
    reports.wait_for("R")
    # While the lock is held, the writer cannot commit anything.
    reports.pump(1.0)
    assert reports.lines.count("A") == 0

    holder.kill()
    holder.join(30)
    assert holder.exitcode == -signal.SIGKILL
    writer.join(120)
    reports.drain()
    assert writer.exitcode == 0
    assert reports.lines.count("A") == 50
    titles = _titles(data_dir)
    assert set(titles) == {f"after {i}" for i in range(50)}  # the holder's change never landed
