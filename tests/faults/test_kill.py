"""SIGKILL a writer at random moments during mixed adds, updates and deletes: the file parses
every time, every acknowledged change is there, and the change in flight is all there or not at
all. 100 kills by default, 200 with CAREERTUI_FULL_FAULTS=1."""

from __future__ import annotations

import random
import signal
import time
from pathlib import Path

import orjson

from careertui.domain.models import Win
from careertui.store.database import DATA_FILE
from careertui.store.repository import Repository
from tests.faults import counts
from tests.faults.workers import context, mixed_writer, start


def _apply(state: dict[str, str], op: list[str]) -> dict[str, str]:
    kind, record_id, title = op
    after = dict(state)
    if kind == "delete":
        after.pop(record_id)
    else:
        after[record_id] = title
    return after


def _temps(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.name.endswith(".tmp")]


def test_sigkill_at_random_moments_loses_no_acknowledged_write(data_dir: Path) -> None:
    repo = Repository.at(data_dir)
    with repo.transaction():
        for i in range(60):
            repo.wins.add(Win(title=f"seed {i}", body="y" * 2000))
    state = {w.id: w.title for w in repo.wins.list()}
    ctx = context()
    rng = random.Random(8)
    kills = counts.KILLS
    acknowledged = mid_change = promised = 0

    for round_no in range(kills):
        proc, reports = start(ctx, mixed_writer, str(data_dir), round_no)
        reports.wait_for("R")
        # Let it finish a few changes (so every round does real work, however busy the
        # machine), then kill it at a random moment after that.
        done = rng.randrange(0, 4)
        promised += done
        reports.wait_count("A", done)
        time.sleep(rng.uniform(0.0, 0.03))
        proc.kill()
        proc.join(30)
        assert proc.exitcode == -signal.SIGKILL
        reports.drain()
        reports.close()

        expected = dict(state)
        pending: list[str] | None = None
        for line in reports.lines[1:]:
            if line.startswith("B "):
                pending = line.split(" ", 3)[1:]
            elif line == "A":
                assert pending is not None
                expected = _apply(expected, pending)
                acknowledged += 1
                pending = None

        raw = (data_dir / DATA_FILE).read_bytes()
        orjson.loads(raw)  # parses, every time
        after = {w.id: w.title for w in Repository.at(data_dir).career().wins}
        allowed = [expected] if pending is None else [expected, _apply(expected, pending)]
        assert after in allowed, f"round {round_no}: lost or invented a change ({pending})"
        mid_change += pending is not None
        state = after

    assert acknowledged >= promised > 0
    assert mid_change > 0, "no kill landed inside a change"
    # The next write, under the lock, clears what killed writers left half-written.
    Repository.at(data_dir).wins.add(Win(title="after the kills"))
    assert _temps(data_dir) == []
    assert len(Repository.at(data_dir).wins.list()) == len(state) + 1


def test_the_next_write_clears_what_a_killed_writer_left(data_dir: Path) -> None:
    repo = Repository.at(data_dir)
    repo.wins.add(Win(title="one"))
    repo.wins.add(Win(title="two"))  # the day's backup
    left = [
        data_dir / ".careertui.json.ctui-a1b2c3d4.tmp",
        data_dir / ".careertui.json.checked.ctui-zz99__aa.tmp",
        data_dir / "backups" / ".daily-2026-11-24.json.ctui-q0w9e8r7.tmp",
    ]
    mine = [
        data_dir / "notes.tmp",
        data_dir / ".careertui.json.keep-this.tmp",
        data_dir / ".careertui.json.a1b2c3d4.tmp",  # not careertui's mark: someone else's
    ]
    for path in left + mine:
        path.write_bytes(b"half a file")
    repo.wins.add(Win(title="three"))
    assert [p for p in left if p.exists()] == []
    assert all(p.exists() for p in mine), "only careertui's own temporary names are removed"
