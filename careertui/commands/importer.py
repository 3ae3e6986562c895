"""``careertui import {json,jrnl} FILE``: validate every record, then merge by id, all or
nothing, and report what was added, updated and skipped."""

from __future__ import annotations

import argparse
from pathlib import Path

from careertui.commands import repository
from careertui.domain.text import terminal_safe


def run(args: argparse.Namespace) -> int:
    from careertui.store.collector import collector_paused

    # A short process that reads every record once and keeps it to the end, none in a cycle:
    # the cycle collector would walk them again and again (a third of the time at 50,000).
    with collector_paused():
        return _run(args)


def _run(args: argparse.Namespace) -> int:
    path = Path(args.file).expanduser()
    repo = repository(args)
    if args.what == "json":
        from careertui.exchange.backup import import_backup

        report = import_backup(repo, path)
    else:
        from careertui.exchange.jrnl import import_jrnl

        report = import_jrnl(repo, path)
    print(terminal_safe(f"imported {path} into {repo.store.path}"))
    for line in report.lines():
        print(terminal_safe(line))
    return 0
