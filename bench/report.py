"""The benchmark's results: comparisons with targets, a printed table and a JSON file."""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import sys
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Literal

from bench.measure import Side

Quantity = Literal["time", "memory"]


@dataclass
class Comparison:
    """``subject`` against ``reference``; met when the ratio of medians is at most ``target``."""

    key: str
    title: str
    subject: Side
    reference: Side
    target: float
    quantity: Quantity = "time"

    def medians(self) -> tuple[float, float]:
        if self.quantity == "memory":
            return self.subject.median_rss_kib, self.reference.median_rss_kib
        return self.subject.median_seconds, self.reference.median_seconds

    @property
    def ratio(self) -> float:
        mine, theirs = self.medians()
        return mine / theirs if theirs else float("inf")

    @property
    def met(self) -> bool:
        return self.ratio <= self.target

    def as_json(self) -> dict[str, object]:
        """The comparison, with every sample of both sides (time and, for processes, memory)."""
        mine, theirs = self.medians()
        return {
            "key": self.key,
            "title": self.title,
            "quantity": self.quantity,
            "subject_median": mine,
            "reference_median": theirs,
            "ratio": round(self.ratio, 4),
            "target": self.target,
            "met": self.met,
            "subject": self.subject.summary(),
            "reference": self.reference.summary(),
        }


def _fmt(value: float, quantity: Quantity) -> str:
    if quantity == "memory":
        return f"{value / 1024:.1f} MiB"
    return f"{value * 1000:.1f} ms"


def table(comparisons: list[Comparison]) -> str:
    """A Markdown table: readable in a terminal and pasteable into the README."""
    rows = [
        ("measure", "careertui", "reference", "ratio", "target", "result"),
        ("---", "---:", "---:", "---:", "---:", "---"),
    ]
    for c in comparisons:
        mine, theirs = c.medians()
        rows.append(
            (
                c.title,
                _fmt(mine, c.quantity),
                f"{_fmt(theirs, c.quantity)} ({c.reference.label})",
                f"{c.ratio:.2f}×",
                f"≤ {c.target:g}×",
                "met" if c.met else "NOT MET",
            )
        )
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = []
    for r in rows:
        cells = []
        for i, cell in enumerate(r):
            if cell.startswith("---"):
                cell = ("-" * (widths[i] - 1) + ":") if cell.endswith(":") else "-" * widths[i]
            cells.append(cell.ljust(widths[i]) if i in (0, 5) else cell.rjust(widths[i]))
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _version(dist: str) -> str | None:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return None


def load_average() -> list[float] | None:
    return [round(x, 2) for x in os.getloadavg()] if hasattr(os, "getloadavg") else None


def environment(runs: dict[str, int], load_at_start: list[float] | None) -> dict[str, object]:
    return {
        "when": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "load_average_at_start": load_at_start,
        "load_average_at_end": load_average(),
        "versions": {
            d: _version(d) for d in ("careertui", "textual", "jrnl", "pydantic", "tinydb", "orjson")
        },
        "runs": runs,
    }


def write_json(
    path: Path, comparisons: list[Comparison], env: dict[str, object], extra: dict[str, object]
) -> None:
    payload = {
        "environment": env,
        "comparisons": [c.as_json() for c in comparisons],
        **extra,
    }
    path.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
