"""Part ``shell``: the shell commands on a career of 50,000 wins, against fixed limits.

``careertui wins`` (twenty lines) and ``careertui status`` within 0.5 s and 80 MiB; every export
and import within 2 s; and ``careertui status`` as a shell prompt runs it, on a year of data
with a career ladder on record (so the line carries readiness), within 0.1 s. These targets are
absolute, so each comparison's reference is the limit itself (a ratio ≤ 1× is met). On a shared
machine absolute times move with the load: the same commands on an empty store are run
alternately with them and written beside the figures (``shell_empty_store`` in results.json),
to tell the store's part from the machine's.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from bench.generate import TEN_YEARS, Shape, write_career
from bench.jrnl_journal import entry_text
from bench.measure import CommandFailed, Side, alternate
from bench.report import Comparison
from bench.win_vs_jrnl import _script
from careertui.export_kinds import export_names

WINS = 50_000
#: A year of a busy career: what a shell prompt's ``careertui status`` reads.
ONE_YEAR = Shape(wins=365)
#: The career ladder the prompt's store is given.
LADDER = ["import", "ladder", "--example", "pm", "--level", "Senior PM", "--target", "Group PM"]
#: The arguments after ``careertui`` for a store and a run number.
Args = Callable[[Path, int], list[str]]
#: (key, title, arguments, seconds, MiB or None).
Command = tuple[str, str, Args, float, float | None]


def _on(args: list[str]) -> Args:
    return lambda store, i: ["--data-dir", str(store), *args]


def _commands(root: Path) -> list[Command]:
    out = root / "exports"
    out.mkdir(exist_ok=True)
    commands: list[Command] = [
        ("wins", "`careertui wins`", _on(["wins"]), 0.5, 80.0),
        ("status", "`careertui status`", _on(["status"]), 0.5, 80.0),
    ]
    for kind in export_names():  # every export careertui offers
        commands.append(
            (
                f"export_{kind}",
                f"`careertui export {kind}`",
                lambda s, i, kind=kind: [
                    *_on(["export", kind, "--out", str(out / f"{kind}-{s.name}-{i}")])(s, i)
                ],
                2.0,
                None,
            )
        )
    return commands


def _jrnl_journal(directory: Path, wins: list, today: dt.date) -> Path:  # noqa: ANN001
    """The wins as a jrnl journal, four a day back from ``today`` (careertui takes dates from
    1970 on, and 50,000 wins at one a day would go back to 1890)."""
    directory.mkdir(parents=True, exist_ok=True)
    journal = directory / "journal.txt"
    with journal.open("w", encoding="utf-8") as handle:
        for i, win in enumerate(wins):
            day = today - dt.timedelta(days=(len(wins) - i) // 4)
            handle.write(entry_text(win, dt.datetime.combine(day, dt.time(9 + i % 4, 30))))
    return journal


def _limit(label: str, seconds: float, mib: float | None) -> Side:
    return Side(label, [seconds], [int((mib or 0) * 1024)])


def compare_shell(
    root: Path,
    env: dict[str, str],
    today: dt.date,
    runs: int,
    log: Callable[[str], None],
) -> tuple[list[Comparison], dict[str, object]]:
    log(f"shell: writing a career of {WINS:,} wins")
    store = root / "store-50k"
    repo = write_career(store, replace(TEN_YEARS, wins=WINS), today)
    empty = root / "store-empty"
    careertui = _script("careertui")
    from bench.measure import run_once

    run_once([*careertui, *_on(["status"])(empty, 0)], env)  # makes the empty store

    def at(folder: Path, args: Args) -> Callable[[int], list[str]]:
        return lambda i: [*careertui, *args(folder, i)]

    log("shell: the career as JSON and as a jrnl journal, to import (and the empty ones)")
    exports = root / "exports"
    exports.mkdir(exist_ok=True)
    sources: dict[Path, dict[str, Path]] = {}
    every = repo.wins.list()
    # the empty store's journal has one entry: jrnl files are never empty
    for folder, wins in ((store, every), (empty, every[:1])):
        json_file = exports / f"{folder.name}.json"
        run_once([*careertui, *_on(["export", "json", "--out", str(json_file)])(folder, 0)], env)
        journal = _jrnl_journal(root / f"jrnl-{folder.name}", wins, today)
        sources[folder] = {"json": json_file, "jrnl": journal}
    fresh = itertools.count()

    def importing(what: str) -> Args:
        def args(folder: Path, i: int) -> list[str]:
            # each run imports into a new store of its own
            target = root / f"import-{next(fresh)}"
            return ["--data-dir", str(target), "import", what, str(sources[folder][what])]

        return args

    commands = _commands(root) + [
        ("import_json", "`careertui import json`", importing("json"), 2.0, None),
        ("import_jrnl", "`careertui import jrnl`", importing("jrnl"), 2.0, None),
    ]
    log("shell: a year of data with a career ladder, for the prompt")
    year = root / "store-year-ladder"
    write_career(year, ONE_YEAR, today)
    run_once([*careertui, *_on(LADDER)(year, 0)], env)
    # (key, title, store, arguments, seconds, MiB or None)
    measured = [(key, f"{title} at {WINS:,} wins", store, *rest) for key, title, *rest in commands]
    measured.append(
        (
            "status_year_ladder",
            "`careertui status` on a year of data with a ladder",
            year,
            _on(["status"]),
            0.1,
            None,
        )
    )
    comparisons: list[Comparison] = []
    small: dict[str, object] = {}
    failed: dict[str, str] = {}
    for key, what, folder, args, seconds, mib in measured:
        try:
            mine, reference = alternate(
                (folder.name, at(folder, args)),
                ("empty store", at(empty, args)),
                env,
                runs,
                progress=lambda p, key=key: log(f"shell {key}: run {p}"),
            )
        except CommandFailed as exc:  # the other commands' figures still count
            failed[key] = str(exc)
            log(f"shell {key}: FAILED: {exc}")
            continue
        small[key] = reference.summary()
        comparisons.append(
            Comparison(
                f"shell_{key}_time", f"{what}, time", mine, _limit("limit", seconds, None), 1.0
            )
        )
        if mib is not None:
            comparisons.append(
                Comparison(
                    f"shell_{key}_memory",
                    f"{what}, peak memory",
                    mine,
                    _limit("limit", seconds, mib),
                    1.0,
                    quantity="memory",
                )
            )
    extra: dict[str, object] = {"shell_empty_store": small}
    if failed:
        extra["shell_failures"] = failed
    return comparisons, extra
