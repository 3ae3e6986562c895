"""The benchmark's instruments measure what they claim (no timings are asserted here)."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

from bench.generate import Shape, write_career
from bench.jrnl_journal import jrnl_command, write_journal
from bench.measure import Side, run_once
from bench.report import Comparison, table

TODAY = dt.date(2026, 11, 23)


def test_the_synthetic_career_has_the_shape_asked_for(tmp_path: Path) -> None:
    shape = Shape(wins=40, gaps=7, stakeholders=9, feedback=3, priorities=2)
    career = write_career(tmp_path / "store", shape, TODAY).career()
    assert (
        len(career.wins),
        len(career.gaps),
        len(career.stakeholders),
        len(career.feedback),
        len(career.priorities),
    ) == (40, 7, 9, 3, 2)
    assert career.wins[0].date == TODAY
    assert any(w.priority_id for w in career.wins) and any(w.stakeholder_ids for w in career.wins)


def test_jrnl_reads_the_journal_and_adds_to_it_without_asking(tmp_path: Path) -> None:
    repo = write_career(
        tmp_path / "store", Shape(wins=25, gaps=2, stakeholders=2, feedback=0, priorities=1), TODAY
    )
    config = write_journal(tmp_path / "jrnl", repo.wins.list())
    env = {
        **os.environ,
        "HOME": str(tmp_path / "home"),
        "XDG_CONFIG_HOME": str(tmp_path / "home" / ".config"),
    }
    added = subprocess.run(
        [*jrnl_command(config), "One more entry"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert added.returncode == 0, added.stderr
    listed = subprocess.run(
        [*jrnl_command(config), "--format", "json"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    entries = json.loads(listed.stdout)["entries"]
    assert len(entries) == 26
    assert entries[-1]["title"] == "One more entry"


def test_peak_memory_is_the_childs_own_not_the_benchmarks(tmp_path: Path) -> None:
    ballast = bytearray(150 * 1024 * 1024)  # the benchmark holding a lot of data
    ballast[::4096] = b"x" * len(ballast[::4096])  # touch every page so it is resident
    small = run_once([sys.executable, "-c", "pass"], dict(os.environ))
    big = run_once(
        [sys.executable, "-c", "b = bytearray(80 * 2**20); b[::4096] = b'x' * len(b[::4096])"],
        dict(os.environ),
    )
    del ballast
    assert small.peak_rss_kib < 60 * 1024
    assert big.peak_rss_kib > 80 * 1024
    assert small.seconds > 0


def test_a_failing_command_is_reported_with_its_error(tmp_path: Path) -> None:
    import pytest

    from bench.measure import CommandFailed

    with pytest.raises(CommandFailed, match="boom"):
        run_once([sys.executable, "-c", "import sys; sys.exit('boom')"], dict(os.environ))


def test_the_table_says_which_targets_are_met() -> None:
    fast = Comparison(
        "a",
        "fast",
        Side("x", seconds=[0.1, 0.1, 0.3]),
        Side("y", seconds=[1.0, 1.0, 1.0]),
        target=0.3,
    )
    slow = Comparison("b", "slow", Side("x", seconds=[0.5]), Side("y", seconds=[1.0]), target=0.3)
    text = table([fast, slow])
    assert fast.ratio == 0.1 and fast.met and not slow.met
    lines = text.splitlines()
    assert "met" in lines[2] and "NOT MET" in lines[3] and "0.10×" in lines[2]
