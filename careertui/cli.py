"""The command line: ``careertui [--data-dir DIR] [COMMAND]``.

Only argparse is imported here. Each command's module is imported when it runs, so
``careertui win`` never loads Textual and the app's start-up never loads the exporters.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

from careertui import __version__

EXIT_USAGE = 2


class Parser(argparse.ArgumentParser):
    """An argparse parser whose errors are one ``error: …`` line and exit status 2."""

    def error(self, message: str) -> NoReturn:
        sys.stderr.write(f"error: {message} (see '{self.prog} --help')\n")
        raise SystemExit(EXIT_USAGE)


def _command(sub: argparse._SubParsersAction, name: str, handler: str, **kw: Any) -> Parser:
    parser = sub.add_parser(name, **kw)
    parser.set_defaults(handler=handler)
    return parser


def build_parser() -> Parser:
    parser = Parser(
        prog="careertui",
        description="Manage your career like a product: vision, gaps, stakeholders, wins.",
        epilog="With no command, careertui opens the dashboard.",
    )
    parser.add_argument("--version", action="version", version=f"careertui {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="the data directory (default: $CAREERTUI_DATA_DIR, else the platform's user data "
        "directory)",
    )
    parser.set_defaults(handler="careertui.commands.dashboard")
    sub = parser.add_subparsers(title="commands", metavar="COMMAND", parser_class=Parser)

    win = _command(sub, "win", "careertui.commands.win", help="log a win")
    win.add_argument("text", nargs="?", metavar="TEXT", help="one-line title; '-' reads stdin")
    win.add_argument("--body", help="more detail (Markdown)")
    win.add_argument("--impact", help="the impact statement")
    win.add_argument(
        "--metric",
        action="append",
        default=[],
        metavar="'NAME: BEFORE -> AFTER'",
        help="an output metric (repeatable)",
    )
    win.add_argument(
        "--input-metric",
        action="append",
        default=[],
        metavar="'NAME: BEFORE -> AFTER'",
        help="an input metric (repeatable)",
    )
    win.add_argument("--priority", metavar="NAME", help="the company priority it serves")
    win.add_argument(
        "--gap", action="append", default=[], metavar="TITLE", help="a gap it is evidence for"
    )
    win.add_argument(
        "--with",
        dest="with_",
        action="append",
        default=[],
        metavar="NAME",
        help="a stakeholder involved (updates their last contact)",
    )
    win.add_argument("--tag", action="append", default=[], metavar="TAG", help="a tag")
    win.add_argument("--date", metavar="WHEN", help="ISO date or 'yesterday', 'last friday', …")
    win.add_argument("--star", action="store_true", help="star it")
    win.add_argument("--edit", action="store_true", help="write it in $EDITOR")

    wins = _command(sub, "wins", "careertui.commands.wins", help="list wins, newest first")
    wins.add_argument("-n", type=int, default=20, metavar="N", help="how many (default 20)")
    wins.add_argument("--from", dest="from_", metavar="DATE", help="on or after DATE")
    wins.add_argument("--to", metavar="DATE", help="on or before DATE")
    wins.add_argument("--tag", metavar="TAG", help="only wins with this tag")
    wins.add_argument("--json", action="store_true", help="JSON for scripts")

    gaps = _command(
        sub,
        "gaps",
        "careertui.commands.gaps",
        help="list the gaps in board order, with their scores",
        description="The gaps as the board shows them: Backlog, Working on, Closed, each in "
        "your order, with the priority score and the wins that are evidence for each.",
        epilog="--json prints a list in board order; each gap has the fields id, title, "
        "status, category, impact, effort, current_level, target_level, due (YYYY-MM-DD or "
        "null), overdue, next_action, evidence (how many wins), stakeholders (names), score "
        "and terms (the score term by term, each with key, label, points, basis, rule; "
        "with or without --explain).",
    )
    gaps.add_argument("--explain", action="store_true", help="show each score term by term")
    gaps.add_argument("--json", action="store_true", help="JSON for scripts")

    people = _command(
        sub,
        "people",
        "careertui.commands.people",
        help="list stakeholders: quadrant, last contact, next check-in",
        description="Your stakeholders in the map's order (Keep close, Win over, Keep "
        "informed, Monitor; the most influential first), with their last contact and when the "
        "next check-in is due.",
        epilog="--json prints a list; each person has the fields id, name, title, "
        "relationship, influence, stance, quadrant, last_contact (YYYY-MM-DD or null), "
        "cadence_days, next_check_in (YYYY-MM-DD or null) and days_overdue (null when not "
        "overdue).",
    )
    people.add_argument(
        "--overdue", action="store_true", help="only those overdue, most overdue first"
    )
    people.add_argument("--json", action="store_true", help="JSON for scripts")

    _command(
        sub,
        "status",
        "careertui.commands.status",
        help="print the dashboard's status line (for a shell prompt)",
        description="One line of plain text, as the dashboard's status line shows it: wins "
        "this week and last, days since the last win, check-ins overdue, gaps in progress and "
        "the target role.",
    )

    _command(sub, "where", "careertui.commands.where", help="print the data file's path")

    doctor = _command(sub, "doctor", "careertui.commands.doctor", help="check the store")
    doctor.add_argument(
        "--restore",
        action="store_true",
        help="put back the newest backup that loads, if the data file is damaged (it shows "
        "what it would restore and asks first)",
    )
    doctor.add_argument(
        "--force",
        action="store_true",
        help="with --restore: restore even though the data file loads",
    )
    doctor.add_argument(
        "--yes", action="store_true", help="with --restore: do not ask (for scripts)"
    )

    demo = _command(sub, "demo", "careertui.commands.demo", help="open a sample career")
    demo.add_argument("--no-open", action="store_true", help="write the data, do not open the app")

    from careertui.export_kinds import export_names, ranged_names  # a table; loads no exporter

    ranged = ", ".join(ranged_names())
    export = _command(sub, "export", "careertui.commands.export", help="export documents or data")
    export.add_argument("what", choices=export_names())
    export.add_argument("--from", dest="from_", metavar="DATE", help=f"{ranged}: from DATE")
    export.add_argument("--to", metavar="DATE", help=f"{ranged}: to DATE")
    export.add_argument("--out", metavar="FILE", help="write to FILE instead of stdout")

    imp = _command(sub, "import", "careertui.commands.importer", help="import data")
    imp.add_argument("what", choices=["json", "jrnl"])
    imp.add_argument("file", metavar="FILE")

    enc = _command(sub, "encrypt", "careertui.commands.crypt", help="encrypt the store")
    enc.add_argument("--keyring", action="store_true", help="keep the passphrase in the keyring")
    enc.set_defaults(direction="encrypt")
    dec = _command(sub, "decrypt", "careertui.commands.crypt", help="decrypt the store")
    dec.set_defaults(direction="decrypt", keyring=False)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return _main(argv)
    except KeyboardInterrupt:
        # What this process changed before the interruption, never more nor less.
        from careertui.store.errors import progress

        sys.stderr.write(f"error: interrupted; {progress.describe()}\n")
        return 130


def _main(argv: Sequence[str] | None) -> int:
    # careertui uses no pydantic plugins; without this, building the first model scans every
    # installed distribution's entry points for them (about 9 ms of every command). A value
    # the user set is kept.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    from careertui.store.errors import progress

    progress.reset()
    args = build_parser().parse_args(argv)
    from careertui.domain.errors import CareerError

    try:
        module = importlib.import_module(args.handler)
        return int(module.run(args) or 0)
    except CareerError as exc:
        from careertui.domain.text import terminal_safe

        sys.stderr.write(f"error: {terminal_safe(str(exc))}\n")
        return EXIT_USAGE
