"""``careertui export KIND [--from DATE] [--to DATE] [--private] [--format FORMAT] [--out FILE]``.

KIND is one of :data:`careertui.export_kinds.EXPORT_KINDS` (brag, case, review, json); --from and
--to bound a kind that covers a date range (the brag document, the self-review); --private and
--format apply to the documents (brag, case, review): shareable unless --private, Markdown unless
``--format html``. Prints the export to stdout, or writes it to FILE (0600) and says where.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from careertui.commands import repository
from careertui.domain.clock import today
from careertui.domain.dates import parse_when
from careertui.domain.errors import InputError
from careertui.domain.text import json_terminal_safe, terminal_safe
from careertui.exchange.exports import export_kind
from careertui.exchange.files import refuse_store_paths, write_private
from careertui.export_kinds import FORMATS, document_names, ranged_names, weekly_names


def _only(names: list[str]) -> str:
    return " or ".join(f"'export {name}'" for name in names)


def run(args: argparse.Namespace) -> int:
    from careertui.store.collector import collector_paused

    # A short process that reads every record once and keeps it to the end, none in a cycle:
    # the cycle collector would walk them again and again (a third of the time at 50,000).
    with collector_paused():
        return _run(args)


def _run(args: argparse.Namespace) -> int:
    kind = export_kind(args.what)
    on = today()
    if not kind.ranged and (args.from_ or args.to):
        raise InputError(
            f"--from and --to apply to {_only(ranged_names())} only, not 'export {kind.name}'"
        )
    if not kind.is_document and (args.private or args.format):
        raise InputError(
            f"--private and --format apply to {_only(document_names())} only, "
            f"not 'export {kind.name}'"
        )
    week_given = getattr(args, "week", None)
    if not kind.weekly and week_given:
        raise InputError(
            f"--week applies to {_only(weekly_names())} only, not 'export {kind.name}'"
        )
    week = parse_when(week_given, on) if week_given else None
    start = parse_when(args.from_, on) if args.from_ else None
    end = parse_when(args.to, on) if args.to else None
    if start and end and start > end:
        raise InputError(f"--from {start.isoformat()} is after --to {end.isoformat()}")
    repo = repository(args)
    if args.out:  # never over the live data file or a backup
        refuse_store_paths(Path(args.out), repo.store.data_dir)
    career = repo.career()
    content = kind.render(
        career,
        today=on,
        start=start,
        end=end,
        private=args.private,
        fmt=args.format or FORMATS[0],
        week=week,
    )
    mode = ("private " if args.private else "shareable ") if kind.is_document else ""
    if args.out:
        path = write_private(Path(args.out), content)
        print(f"{mode}{kind.title} written to {path.resolve()}")
    else:  # made safe for a terminal, whatever the store holds (JSON stays valid JSON)
        safe = json_terminal_safe if kind.is_json else terminal_safe
        if kind.extension == "ics":  # CRLF in the file (RFC 5545); lines on a terminal
            content = content.replace("\r\n", "\n")
        sys.stdout.write(safe(content))
    if repo.store.encrypted():
        print(f"note: the data file is encrypted; this {kind.title} is not", file=sys.stderr)
    return 0
