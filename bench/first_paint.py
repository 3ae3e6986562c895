"""Parts 2 and 3: the dashboard's first paint on ten and on forty years of data, and its peak
memory, against a minimal Textual app showing one Static (whole processes, alternated)."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from bench.generate import TEN_YEARS, Shape, write_career
from bench.measure import alternate
from bench.report import Comparison

PROBE = Path(__file__).with_name("paint_probe.py")
#: Forty years of a busy career: a win a day, with the rest of the record as at ten years.
FORTY_YEARS = replace(TEN_YEARS, wins=4 * TEN_YEARS.wins)
#: The targets (time, memory) at each size: the dashboard may grow a little with the career.
TARGETS: dict[str, tuple[Shape, float, float]] = {
    "ten": (TEN_YEARS, 1.5, 1.5),
    "forty": (FORTY_YEARS, 2.0, 2.0),
}


def compare_first_paint(
    root: Path, env: dict[str, str], today: dt.date, runs: int, log: Callable[[str], None]
) -> list[Comparison]:
    comparisons: list[Comparison] = []
    for years, (shape, time_target, memory_target) in TARGETS.items():
        store = root / f"store-{years}-years"
        log(
            f"paint: writing a {years}-year career ({shape.wins:,} wins, {shape.gaps} gaps, "
            f"{shape.stakeholders} stakeholders, {shape.feedback} feedback, "
            f"{shape.priorities} priorities)"
        )
        write_career(store, shape, today)

        def careertui(_: int, store: Path = store) -> list[str]:
            return [sys.executable, str(PROBE), "careertui", str(store)]

        def minimal(_: int) -> list[str]:
            return [sys.executable, str(PROBE), "minimal"]

        mine, reference = alternate(
            ("careertui dashboard", careertui),
            ("minimal Textual app", minimal),
            env,
            runs,
            progress=lambda p, years=years: log(f"first paint, {years} years: run {p}"),
        )
        suffix = "" if years == "ten" else f"_{years}"
        comparisons += [
            Comparison(
                key=f"first_paint{suffix}",
                title=f"Dashboard first paint, {years} years of data",
                subject=mine,
                reference=reference,
                target=time_target,
            ),
            Comparison(
                key=f"peak_memory{suffix}",
                title=f"Dashboard peak memory, {years} years of data",
                subject=mine,
                reference=reference,
                target=memory_target,
                quantity="memory",
            ),
        ]
    return comparisons
