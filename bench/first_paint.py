"""Parts 2 and 3: the dashboard's first paint on ten years of data, and its peak memory,
against a minimal Textual app showing one Static (whole processes, alternated)."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path

from bench.generate import TEN_YEARS, write_career
from bench.measure import alternate
from bench.report import Comparison

PROBE = Path(__file__).with_name("paint_probe.py")
TIME_TARGET = 1.5
MEMORY_TARGET = 1.5


def compare_first_paint(
    root: Path, env: dict[str, str], today: dt.date, runs: int, log: Callable[[str], None]
) -> list[Comparison]:
    store = root / "store-ten-years"
    log(
        f"paint: writing a ten-year career ({TEN_YEARS.wins:,} wins, {TEN_YEARS.gaps} gaps, "
        f"{TEN_YEARS.stakeholders} stakeholders, {TEN_YEARS.feedback} feedback, "
        f"{TEN_YEARS.priorities} priorities)"
    )
    write_career(store, TEN_YEARS, today)

    def careertui(_: int) -> list[str]:
        return [sys.executable, str(PROBE), "careertui", str(store)]

    def minimal(_: int) -> list[str]:
        return [sys.executable, str(PROBE), "minimal"]

    mine, reference = alternate(
        ("careertui dashboard", careertui),
        ("minimal Textual app", minimal),
        env,
        runs,
        progress=lambda p: log(f"first paint: run {p}"),
    )
    return [
        Comparison(
            key="first_paint",
            title="Dashboard first paint, ten years of data",
            subject=mine,
            reference=reference,
            target=TIME_TARGET,
        ),
        Comparison(
            key="peak_memory",
            title="Dashboard peak memory, ten years of data",
            subject=mine,
            reference=reference,
            target=MEMORY_TARGET,
            quantity="memory",
        ),
    ]
