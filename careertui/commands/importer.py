"""``careertui import {json,jrnl} FILE``: validate every record, then merge by id, all or
nothing, and report what was added, updated and skipped. ``careertui import ladder FILE`` (or
``--example pm``) puts a career ladder on record."""

from __future__ import annotations

import argparse
from pathlib import Path

from careertui.commands import repository
from careertui.domain.errors import InputError
from careertui.domain.text import terminal_safe


def run(args: argparse.Namespace) -> int:
    from careertui.store.collector import collector_paused

    # A short process that reads every record once and keeps it to the end, none in a cycle:
    # the cycle collector would walk them again and again (a third of the time at 50,000).
    with collector_paused():
        return _run(args)


def _run(args: argparse.Namespace) -> int:
    if args.what == "ladder":
        return _ladder(args)
    if args.file is None or args.example or args.level or args.target:
        raise InputError(f"import {args.what} takes a FILE and no ladder option")
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


def _ladder(args: argparse.Namespace) -> int:
    from careertui.actions.ladder import import_ladder
    from careertui.exchange.ladder_file import example, read_ladder_file

    if (args.file is None) == (args.example is None):
        raise InputError("import ladder takes a FILE or --example NAME (one of the two)")
    ladder = example(args.example) if args.example else read_ladder_file(Path(args.file))
    repo = repository(args)
    report = import_ladder(repo, ladder, level=args.level, target=args.target)
    for line in report.lines():
        print(terminal_safe(line))
    return 0
