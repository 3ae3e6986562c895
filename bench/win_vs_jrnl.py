"""Part 1: ``careertui win "…"`` against ``jrnl "…"`` on journals of 1,000 and 10,000 entries."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from bench.generate import TEN_YEARS, write_career
from bench.jrnl_journal import write_journal
from bench.measure import alternate
from bench.report import Comparison

#: The targets of issue 9: careertui's median over jrnl's median.
TARGETS = {1_000: 0.3, 10_000: 0.1}


def _script(name: str) -> list[str]:
    """The installed console script beside this interpreter, as a user would run it."""
    script = Path(sys.executable).with_name(name)
    return [str(script)] if script.exists() else [sys.executable, "-m", name]


def compare_win(
    root: Path,
    env: dict[str, str],
    today: dt.date,
    runs: int,
    runs_10k: int,
    log: Callable[[str], None],
) -> list[Comparison]:
    comparisons = []
    for size in TARGETS:
        log(f"win: writing a career of {size:,} wins and a jrnl journal of {size:,} entries")
        store = root / f"store-{size}"
        repo = write_career(store, replace(TEN_YEARS, wins=size), today)
        config = write_journal(root / f"jrnl-{size}", repo.wins.list())
        careertui = _script("careertui")
        jrnl = _script("jrnl")

        def ours(i: int, store: Path = store, careertui: list[str] = careertui) -> list[str]:
            return [*careertui, "--data-dir", str(store), "win", f"Benchmark win number {i}"]

        def theirs(i: int, config: Path = config, jrnl: list[str] = jrnl) -> list[str]:
            return [*jrnl, "--config-file", str(config), f"Benchmark entry number {i}"]

        n = runs if size < 10_000 else runs_10k
        mine, reference = alternate(
            ("careertui win", ours),
            ("jrnl", theirs),
            env,
            n,
            progress=lambda p, size=size: log(f"win at {size:,}: run {p}"),
        )
        comparisons.append(
            Comparison(
                key=f"win_{size}",
                title=f"`careertui win` at {size:,} entries",
                subject=mine,
                reference=reference,
                target=TARGETS[size],
            )
        )
    return comparisons
