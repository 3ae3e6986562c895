"""Whole-process measurements: wall time and peak memory of a child, two commands alternated."""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
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


LAUNCHER = Path(__file__).with_name("launch.py")


def run_once(argv: Sequence[str], env: dict[str, str], cwd: Path | None = None) -> Run:
    """Run ``argv`` to the end; return its wall time and its own peak resident memory.

    The command is started by :mod:`bench.launch` (a bare ``python -S``), which times it and
    reads its ``ru_maxrss`` with ``os.wait4``: the usage of exactly that child, whose peak is
    not inflated by the benchmark's own memory.
    """
    with tempfile.TemporaryDirectory() as scratch:
        errors = Path(scratch) / "stderr"
        proc = subprocess.run(
            [sys.executable, "-S", str(LAUNCHER), str(errors), *argv],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            env=env,
            cwd=cwd,
            check=True,
        )
        seconds, peak, code = proc.stdout.split()
        if int(code) != 0:
            tail = errors.read_text(errors="replace")[-2000:]
            raise CommandFailed(f"{' '.join(argv)} exited {code}:\n{tail}")
    return Run(float(seconds), int(peak))


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
        data: dict[str, object] = asdict(self)
        data["median_seconds"] = self.median_seconds
        if self.peak_rss_kib:  # in-process samples (keystrokes) have no memory of their own
            data["median_peak_rss_kib"] = self.median_rss_kib
        else:
            del data["peak_rss_kib"]
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
