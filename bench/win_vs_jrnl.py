"""Part 1: ``careertui win "…"`` against ``jrnl "…"``, on journals of 1,000 and 10,000 entries
and as the very first entry.

jrnl reads every entry's date on each run, and how fast it does so depends on its config's
``timeformat`` (see :mod:`bench.jrnl_journal`): with its default, ``%F %r``, each date goes
through dateutil's fuzzy parser; with the same format written out in full,
``%Y-%m-%d %I:%M:%S %p``, through ``strptime`` alone, a quicker jrnl (by about a fifth at
1,000 and at 10,000 entries when this part was written). So at 1,000 entries
careertui is compared with both (``win_1000_full`` and ``win_1000``), and at 10,000 with the
quicker one only (``win_10000``), the stricter comparison. Each journal's entries are written
in its config's format, and each careertui store holds as many wins as the journal entries.

``first_win`` is the first entry of all: ``careertui win`` on a data directory that does not
exist yet, against ``jrnl`` with a fresh config (full date format, unencrypted) naming a
journal file whose directory does not exist yet either. Both create their directory and file
without asking (jrnl does so when its config names a missing journal; it only prompts when it
has no config at all). Every run, warm-up included, gets new paths of its own, so every run
really is a first entry; afterwards each journal is checked to hold that one entry.
"""

from __future__ import annotations

import datetime as dt
import itertools
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from bench.generate import TEN_YEARS, write_career
from bench.jrnl_journal import JRNL_DEFAULT, WRITTEN_OUT, write_config, write_journal
from bench.measure import alternate
from bench.report import Comparison


@dataclass(frozen=True)
class Case:
    """One comparison on a journal of ``size`` entries whose config has ``timeformat``."""

    key: str
    title: str
    size: int
    timeformat: str
    target: float


#: The comparisons on full journals; target: careertui's median over jrnl's median.
CASES = (
    Case(
        "win_1000_full",
        "`careertui win` at 1,000 entries (jrnl's date format written out in full)",
        1_000,
        WRITTEN_OUT,
        0.3,
    ),
    Case(
        "win_1000",
        "`careertui win` at 1,000 entries (jrnl's default date format, `%F %r`)",
        1_000,
        JRNL_DEFAULT,
        0.3,
    ),
    Case(
        "win_10000",
        "`careertui win` at 10,000 entries (jrnl's date format written out in full)",
        10_000,
        WRITTEN_OUT,
        0.05,
    ),
)
#: The first entry into a new data directory, against jrnl's first entry into a new journal.
FIRST_WIN_TARGET = 0.7


def _script(name: str) -> list[str]:
    """The installed console script beside this interpreter, as a user would run it."""
    script = Path(sys.executable).with_name(name)
    return [str(script)] if script.exists() else [sys.executable, "-m", name]


def _at_size(
    root: Path,
    env: dict[str, str],
    today: dt.date,
    case: Case,
    runs: int,
    log: Callable[[str], None],
) -> Comparison:
    """``careertui win`` on a store of ``case.size`` wins against ``jrnl`` on a journal of as
    many entries, dated in ``case.timeformat``."""
    log(f"{case.key}: writing a career of {case.size:,} wins and a jrnl journal of as many")
    store = root / f"store-{case.key}"
    repo = write_career(store, replace(TEN_YEARS, wins=case.size), today)
    config = write_journal(root / f"jrnl-{case.key}", repo.wins.list(), case.timeformat)
    careertui = _script("careertui")
    jrnl = _script("jrnl")

    def ours(i: int) -> list[str]:
        return [*careertui, "--data-dir", str(store), "win", f"Benchmark win number {i}"]

    def theirs(i: int) -> list[str]:
        return [*jrnl, "--config-file", str(config), f"Benchmark entry number {i}"]

    mine, reference = alternate(
        ("careertui win", ours),
        ("jrnl", theirs),
        env,
        runs,
        progress=lambda p: log(f"{case.key}: run {p}"),
    )
    return Comparison(
        key=case.key, title=case.title, subject=mine, reference=reference, target=case.target
    )


def _first_win(
    root: Path, env: dict[str, str], runs: int, log: Callable[[str], None]
) -> Comparison:
    """The first ``careertui win`` into a new data directory against jrnl's first entry into
    a new journal; every run on paths of its own."""
    careertui = _script("careertui")
    jrnl = _script("jrnl")
    fresh = itertools.count()
    journals: list[Path] = []

    def ours(i: int) -> list[str]:
        data = root / f"first-careertui-{next(fresh)}"  # careertui creates it
        return [*careertui, "--data-dir", str(data), "win", f"First win number {i}"]

    def theirs(i: int) -> list[str]:
        directory = root / f"first-jrnl-{next(fresh)}"
        directory.mkdir()
        journal = directory / "journal" / "journal.txt"  # jrnl creates both
        journals.append(journal)
        config = write_config(directory, journal, WRITTEN_OUT)
        return [*jrnl, "--config-file", str(config), f"First entry number {i}"]

    log("first_win: a new data directory and a new journal for every run")
    mine, reference = alternate(
        ("careertui win", ours),
        ("jrnl, new journal", theirs),
        env,
        runs,
        progress=lambda p: log(f"first_win: run {p}"),
    )
    for journal in journals:
        text = journal.read_text(encoding="utf-8") if journal.exists() else ""
        if text.count("\n[") + text.startswith("[") != 1:
            raise RuntimeError(f"jrnl did not write a first entry to {journal}: {text!r}")
    return Comparison(
        key="first_win",
        title="First `careertui win` into a new data directory (jrnl: a new journal)",
        subject=mine,
        reference=reference,
        target=FIRST_WIN_TARGET,
    )


def compare_win(
    root: Path,
    env: dict[str, str],
    today: dt.date,
    runs: int,
    runs_10k: int,
    log: Callable[[str], None],
) -> list[Comparison]:
    """Every comparison of this part, in :data:`CASES`'s order, then ``first_win``."""
    comparisons = [
        _at_size(root, env, today, case, runs if case.size < 10_000 else runs_10k, log)
        for case in CASES
    ]
    comparisons.append(_first_win(root, env, runs, log))
    return comparisons
