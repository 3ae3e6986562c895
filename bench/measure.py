"""Whole-process measurements: wall time and peak memory of a child, two commands alternated."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path


@dataclass
class Run:
    """One finished child process."""

    seconds: float
    peak_rss_kib: int


class CommandFailed(RuntimeError):
    pass


def run_once(argv: Sequence[str], env: dict[str, str], cwd: Path | None = None) -> Run:
    """Start ``argv``, wait for it, and return its wall time and its own peak resident memory.

    ``os.wait4`` reports the resource usage of exactly this child (``ru_maxrss``: KiB on
    Linux, bytes on macOS), not the maximum over every child this process ever had.
    """
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        proc = subprocess.Popen(
            list(argv),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=errors,
            env=env,
            cwd=cwd,
        )
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            errors.seek(0)
            tail = errors.read().decode(errors="replace")[-2000:]
            raise CommandFailed(f"{' '.join(argv)} exited {proc.returncode}:\n{tail}")
    rss = usage.ru_maxrss // 1024 if sys.platform == "darwin" else usage.ru_maxrss
    return Run(seconds, rss)


@dataclass
class Side:
    """One of the two commands of a comparison, with every sample taken."""

    label: str
    seconds: list[float] = field(default_factory=list)
    peak_rss_kib: list[int] = field(default_factory=list)

    @property
    def median_seconds(self) -> float:
        return statistics.median(self.seconds)

    @property
    def median_rss_kib(self) -> float:
        return statistics.median(self.peak_rss_kib)

    def summary(self) -> dict[str, object]:
        data = asdict(self)
        data["median_seconds"] = self.median_seconds
        data["median_peak_rss_kib"] = self.median_rss_kib
        return data


def alternate(
    subject: tuple[str, Callable[[int], Sequence[str]]],
    reference: tuple[str, Callable[[int], Sequence[str]]],
    env: dict[str, str],
    runs: int,
    warmup: int = 1,
    cwd: Path | None = None,
    progress: Callable[[str], None] | None = None,
) -> tuple[Side, Side]:
    """Run both commands ``runs`` times, alternating which goes first, after ``warmup`` runs
    of each that are not counted (they fill the OS page cache and write the day's backup).

    Each command is a function of the run number, so a run can log a distinct entry.
    """
    sides = (Side(subject[0]), Side(reference[0]))
    commands = (subject[1], reference[1])
    for i in range(warmup):
        for command in commands:
            run_once(command(-1 - i), env, cwd)
    for i in range(runs):
        order = (0, 1) if i % 2 == 0 else (1, 0)
        for which in order:
            result = run_once(commands[which](i), env, cwd)
            sides[which].seconds.append(result.seconds)
            sides[which].peak_rss_kib.append(result.peak_rss_kib)
        if progress:
            progress(f"{i + 1}/{runs}")
    return sides


def median(values: Sequence[float]) -> float:
    return statistics.median(values)
