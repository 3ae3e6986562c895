"""``python -m bench``: the performance benchmark. See bench/README.md.

Everything happens in a temporary directory (HOME and XDG directories included); the user's
data and jrnl's real configuration are never touched.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import sys
import tempfile
from pathlib import Path

from bench.report import Comparison, environment, load_average, table, write_json

HERE = Path(__file__).resolve().parent
#: The parts of the benchmark, in the order they run (``--only`` picks some).
PARTS = ("win", "paint", "keys", "panes", "shell")


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument(
        "--runs", type=int, default=15, help="runs of each command per comparison (default 15)"
    )
    parser.add_argument(
        "--runs-10k",
        type=int,
        default=9,
        help="runs at 10,000 entries, where jrnl takes seconds (default 9)",
    )
    parser.add_argument(
        "--presses",
        type=int,
        default=40,
        help="keystrokes timed per case inside the app (default 40)",
    )
    parser.add_argument(
        "--only",
        choices=list(PARTS),
        action="append",
        help="run only these parts (repeatable; default all)",
    )
    parser.add_argument(
        "--runs-shell",
        type=int,
        default=5,
        help="runs of each shell command at 50,000 wins (default 5)",
    )
    parser.add_argument(
        "--json",
        type=Path,
        default=HERE / "results.json",
        help="where to write the figures (default bench/results.json)",
    )
    parser.add_argument(
        "--keep", action="store_true", help="keep the temporary directory and print its path"
    )
    return parser.parse_args(argv)


def child_env(root: Path, today: dt.date) -> dict[str, str]:
    """The environment of every measured process: a private HOME, no user data directory."""
    home = root / "home"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CAREERTUI_", "JRNL"))}
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_CACHE_HOME=str(home / ".cache"),
        CAREERTUI_TODAY=today.isoformat(),
        EDITOR="true",
        VISUAL="true",
        TERM=env.get("TERM", "xterm-256color"),
    )
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # both sides start from cached bytecode
    for sub in (".config", ".local/share", ".cache"):
        (home / sub).mkdir(parents=True, exist_ok=True)
    return env


def main(argv: list[str] | None = None) -> int:
    args = _parse(argv)
    parts = set(args.only or PARTS)
    from careertui.domain.clock import today

    day = today()
    load_at_start = load_average()
    root = Path(tempfile.mkdtemp(prefix="careertui-bench-"))
    comparisons: list[Comparison] = []
    extra: dict[str, object] = {}
    failures: dict[str, str] = {}
    try:
        env = child_env(root, day)
        for part in PARTS:
            if part not in parts:
                continue
            try:
                found = _run_part(part, root, env, day, args)
            except Exception as exc:  # noqa: BLE001 - report it, keep the other parts' figures
                failures[part] = f"{type(exc).__name__}: {exc}"
                _log(f"{part}: FAILED: {failures[part]}")
                continue
            comparisons += found[0]
            if found[1]:
                extra[part] = found[1]
            _log(table(found[0]))
    finally:
        if args.keep:
            _log(f"kept {root}")
        else:
            shutil.rmtree(root, ignore_errors=True)
    if failures:
        extra["failures"] = failures
    runs = {
        "runs": args.runs,
        "runs_10k": args.runs_10k,
        "presses": args.presses,
        "runs_shell": args.runs_shell,
    }
    print(table(comparisons))
    write_json(args.json, comparisons, environment(runs, load_at_start), extra)
    _log(f"figures written to {args.json}")
    for part, message in failures.items():
        print(f"{part}: not measured ({message})")
    return 0 if all(c.met for c in comparisons) and not failures else 1


def _run_part(
    part: str, root: Path, env: dict[str, str], day: dt.date, args: argparse.Namespace
) -> tuple[list[Comparison], dict[str, object]]:
    if part == "win":
        from bench.win_vs_jrnl import compare_win

        return compare_win(root, env, day, args.runs, args.runs_10k, _log), {}
    if part == "paint":
        from bench.first_paint import compare_first_paint

        return compare_first_paint(root, env, day, args.runs, _log), {}
    if part == "shell":
        from bench.shell import compare_shell

        return compare_shell(root, env, day, args.runs_shell, _log)
    if part == "panes":
        from bench.panes import compare_panes_and_writes

        return compare_panes_and_writes(root, day, args.presses, _log)
    from bench.keystroke import compare_keystrokes

    return compare_keystrokes(root, day, args.presses, _log)


if __name__ == "__main__":
    raise SystemExit(main())
