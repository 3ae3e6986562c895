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
#: As a shell reports a command killed by SIGPIPE (128 + 13).
EXIT_BROKEN_PIPE = 141
#: The fields ``careertui edit-win --clear`` can empty.
WIN_CLEARABLE = ("body", "impact", "metrics", "priority", "gaps", "people", "tags", "competencies")
#: The board's columns as ``careertui move-gap --to`` names them.
GAP_COLUMNS = ("backlog", "working", "closed")


class Parser(argparse.ArgumentParser):
    """An argparse parser whose errors are one ``error: …`` line and exit status 2."""

    def error(self, message: str) -> NoReturn:
        sys.stderr.write(f"error: {message} (see '{self.prog} --help')\n")
        raise SystemExit(EXIT_USAGE)


#: The sub-commands the parser being built has (None: all of them), see :func:`build_parser`.
_only: str | None = None


def _command(sub: argparse._SubParsersAction, name: str, handler: str, **kw: Any) -> Parser:
    if _only is not None and name != _only:  # not asked for: built aside, never attached
        return _UNUSED
    parser = sub.add_parser(name, **kw)
    parser.set_defaults(handler=handler)
    return parser


class _Unused(Parser):
    """Where the options of a sub-command left out of the parser go: nowhere."""

    def add_argument(self, *args: Any, **kwargs: Any) -> Any:
        return None

    def add_mutually_exclusive_group(self, *args: Any, **kwargs: Any) -> Any:
        return self

    def set_defaults(self, **kwargs: Any) -> None:
        return None


_UNUSED = _Unused(add_help=False)


def _win_options(parser: Parser, *, editing: bool) -> None:
    """The options for a win's fields, shared by ``win`` (log one) and ``edit-win`` (change one,
    where a list option replaces the list it names)."""
    repeat = " (repeatable; replaces the win's list)" if editing else " (repeatable)"
    if editing:
        parser.add_argument("--title", metavar="TEXT", help="the new one-line title")
    parser.add_argument("--body", help="more detail (Markdown)")
    parser.add_argument("--impact", help="the impact statement")
    metrics = (
        " (repeatable; the metrics given replace all the win's metrics)" if editing else repeat
    )
    parser.add_argument(
        "--metric",
        action="append",
        default=[],
        metavar="'NAME: BEFORE -> AFTER'",
        help="an output metric" + metrics,
    )
    parser.add_argument(
        "--input-metric",
        action="append",
        default=[],
        metavar="'NAME: BEFORE -> AFTER'",
        help="an input metric" + metrics,
    )
    parser.add_argument("--priority", metavar="NAME", help="the company priority it serves")
    parser.add_argument(
        "--gap",
        action="append",
        default=[],
        metavar="TITLE",
        help="a gap it is evidence for" + repeat,
    )
    parser.add_argument(
        "--with",
        dest="with_",
        action="append",
        default=[],
        metavar="NAME",
        help="a stakeholder involved; updates their last contact" + repeat,
    )
    parser.add_argument("--tag", action="append", default=[], metavar="TAG", help="a tag" + repeat)
    if not editing:
        parser.add_argument(
            "--told",
            action="append",
            default=[],
            metavar="NAME",
            help="a stakeholder you shared it with today" + repeat,
        )
    parser.add_argument(
        "--competency",
        action="append",
        default=[],
        metavar="NAME",
        help="a competency of the ladder it is evidence for" + repeat,
    )
    parser.add_argument("--date", metavar="WHEN", help="ISO date or 'yesterday', 'last friday', …")
    if editing:
        parser.add_argument(
            "--star",
            action=argparse.BooleanOptionalAction,
            default=None,
            help="star it (--no-star: take the star away)",
        )
        parser.add_argument(
            "--clear",
            action="append",
            default=[],
            choices=WIN_CLEARABLE,
            metavar="FIELD",
            help="empty a field: " + ", ".join(WIN_CLEARABLE) + " (repeatable)",
        )
        parser.add_argument(
            "--edit", action="store_true", help="change the title and body in $EDITOR"
        )
    else:
        parser.add_argument("--star", action="store_true", help="star it")
        parser.add_argument(
            "--edit",
            action="store_true",
            help="write every field in a labelled template in $EDITOR",
        )


def build_parser(only: str | None = None) -> Parser:
    """The command line's parser; with ``only``, it knows that one sub-command alone (what
    ``careertui win`` uses, so logging a win does not build forty parsers first)."""
    global _only
    _only = only
    try:
        return _build_parser()
    finally:
        _only = None


def _build_parser() -> Parser:
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
    _win_options(win, editing=False)

    wins = _command(sub, "wins", "careertui.commands.wins", help="list wins, newest first")
    wins.add_argument("-n", type=int, default=20, metavar="N", help="how many (default 20)")
    wins.add_argument("--from", dest="from_", metavar="DATE", help="on or after DATE")
    wins.add_argument("--to", metavar="DATE", help="on or before DATE")
    wins.add_argument("--tag", metavar="TAG", help="only wins with this tag")
    wins.add_argument("--json", action="store_true", help="JSON for scripts")

    edit = _command(
        sub,
        "edit-win",
        "careertui.commands.edit_win",
        help="change a win, by its id",
        description="Change the fields you name of the win whose id starts with ID (careertui "
        "wins shows the ids); the rest stay as they are. A new date or new people move the "
        "last contact of everyone involved.",
    )
    edit.add_argument("id", metavar="ID", help="the win's id, or enough of its start")
    _win_options(edit, editing=True)

    delete = _command(
        sub,
        "delete-win",
        "careertui.commands.delete_win",
        help="delete a win, by its id",
        description="Delete the win whose id starts with ID (careertui wins shows the ids), "
        "after asking on the terminal; a last contact it set moves back.",
    )
    delete.add_argument("id", metavar="ID", help="the win's id, or enough of its start")
    delete.add_argument("--yes", action="store_true", help="do not ask (for scripts)")

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

    move = _command(
        sub,
        "move-gap",
        "careertui.commands.move_gap",
        help="move a gap on the board",
        description="Move a gap one place up or down its column, or to the top of another "
        "column, as the board's keys do. GAP is its title (the whole title or a unique "
        "beginning, any case) or its id.",
    )
    move.add_argument("gap", metavar="GAP", help="the gap's title or id")
    where = move.add_mutually_exclusive_group(required=True)
    where.add_argument("--up", action="store_true", help="one place up its column")
    where.add_argument("--down", action="store_true", help="one place down its column")
    where.add_argument(
        "--to",
        choices=GAP_COLUMNS,
        metavar="COLUMN",
        help="to the top of a column: " + ", ".join(GAP_COLUMNS),
    )
    move.add_argument(
        "--force",
        action="store_true",
        help="with --to closed: close it even with no win as evidence",
    )

    step = _command(
        sub,
        "step-gap",
        "careertui.commands.step_gap",
        help="raise or lower a gap's impact or current level",
        description="Raise or lower a gap's impact (1-5) or current level (1 up to its "
        "target) by N, stopping at the bounds, as the board's keys do. GAP is its title or id.",
    )
    step.add_argument("gap", metavar="GAP", help="the gap's title or id")
    step.add_argument("--impact", type=int, metavar="N", help="change the impact by N (+1, -1)")
    step.add_argument(
        "--level", type=int, metavar="N", help="change the current level by N (+1, -1)"
    )

    priorities = _command(
        sub,
        "priorities",
        "careertui.commands.priorities",
        help="list the company priorities; archive one when a new half sets new ones, or "
        "restore one",
        description="The company priorities in force, in rank order, then the archived ones "
        "with the period each was in force, and the wins tied to each. 'archive NAME' archives "
        "one (the whole title or a unique beginning, any case, or its id): it leaves the list "
        "in force and its wins keep the link, so the documents and the alignment share read "
        "each win against the priorities of its own time. 'restore NAME' puts an archived one "
        "back in force, last.",
        epilog="--json prints a list, the priorities in force first; each has the fields id, "
        "title, description, rank (null when archived), archived, since and until (YYYY-MM-DD "
        "or null) and wins.",
    )
    priorities.add_argument(
        "action", nargs="?", metavar="archive|restore", help="archive NAME or restore NAME"
    )
    priorities.add_argument("name", nargs="?", metavar="NAME", help="the priority's title or id")
    priorities.add_argument(
        "--until",
        metavar="WHEN",
        help="archive: the last day it was in force (default today; never in the future)",
    )
    priorities.add_argument("--json", action="store_true", help="JSON for scripts")
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

    checkin = _command(
        sub,
        "checkin",
        "careertui.commands.checkin",
        help="log a check-in with a stakeholder",
        description="Log a check-in with the stakeholder NAME (the whole name or a unique "
        "beginning, any case, or their id); it moves their last contact and so their next "
        "check-in.",
    )
    checkin.add_argument("name", metavar="NAME", help="the stakeholder's name or id")
    checkin.add_argument("--note", metavar="TEXT", help="what you talked about")
    checkin.add_argument(
        "--date", metavar="WHEN", help="ISO date or 'yesterday', …; never in the future"
    )

    _command(
        sub,
        "status",
        "careertui.commands.status",
        help="print the dashboard's status line (for a shell prompt)",
        description="One line of plain text, as the dashboard's status line shows it: wins "
        "this week and last, days since the last win, check-ins late, gaps active and "
        "the target role.",
    )

    review = _command(
        sub,
        "review",
        "careertui.commands.review",
        help="the weekly review: wins, gaps, people, goals, the snippet",
        description="Prints the five steps of the weekly review for this week (or the week "
        "holding --week WHEN); --done records it as finished today.",
    )
    review.add_argument("--week", metavar="WHEN", help="review the week holding WHEN")
    review.add_argument("--done", action="store_true", help="mark the review finished today")

    _command(sub, "where", "careertui.commands.where", help="print the data file's path")

    ladder = _command(
        sub,
        "ladder",
        "careertui.commands.ladder",
        help="the evidence for each expectation of your target level",
        description="One row per competency the target level of your ladder expects something "
        "of: the expectation, how many wins are evidence, the strongest, the date of the latest "
        "and a mark where there is none, or none in the last 90 days.",
        epilog="--json prints an object with ladder, level, target and rows; each row has "
        "competency, expects, wins, strongest (title or null), latest (YYYY-MM-DD or null) and "
        "mark ('none', 'stale' or null).",
    )
    ladder.add_argument("--level", metavar="LEVEL", help="set your level on the ladder first")
    ladder.add_argument("--target", metavar="LEVEL", help="set your target level first")
    ladder.add_argument("--json", action="store_true", help="JSON for scripts")

    ready = _command(
        sub,
        "readiness",
        "careertui.commands.readiness",
        help="am I ready to ask for the promotion? a score and its terms",
        description="A score out of 100 from the record, term by term (coverage, recency, "
        "sponsorship, alignment, room to grow, gaps closed), each with its figures and what "
        "would raise it. Without a sponsor or champion, or with 'no room' recorded, it never "
        "says ready.",
    )
    ready.add_argument("--json", action="store_true", help="JSON for scripts")

    ask = _command(
        sub,
        "ask",
        "careertui.commands.ask",
        help="record asking for the promotion, or its answer",
        description="Record that you asked WHOM for the promotion (and what), or, with "
        "--answer alone, the answer to the last ask.",
    )
    ask.add_argument("--whom", metavar="NAME", help="who you asked")
    ask.add_argument("--what", metavar="TEXT", help="what you asked for")
    ask.add_argument("--date", metavar="WHEN", help="when (default today)")
    ask.add_argument(
        "--answer", choices=("waiting", "yes", "not yet", "no"), help="what they answered"
    )
    ask.add_argument("--said", metavar="TEXT", help="what they said")
    ask.add_argument("--again", metavar="WHEN", help="when to ask again")

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

    from careertui.export_kinds import (  # a table; loads no exporter
        FORMATS,
        document_names,
        export_names,
        ranged_names,
    )

    ranged, documents = ", ".join(ranged_names()), ", ".join(document_names())
    export = _command(sub, "export", "careertui.commands.export", help="export documents or data")
    export.add_argument("what", choices=export_names())
    export.add_argument("--from", dest="from_", metavar="DATE", help=f"{ranged}: from DATE")
    export.add_argument("--to", metavar="DATE", help=f"{ranged}: to DATE")
    export.add_argument(
        "--private",
        action="store_true",
        help=f"{documents}: add the private notes (stakeholders' stance and notes, other target "
        "companies, gap framing and coaching); shareable without it",
    )
    export.add_argument(
        "--format",
        choices=FORMATS,
        help=f"{documents}: {' or '.join(FORMATS)} (one self-contained page); default {FORMATS[0]}",
    )
    export.add_argument(
        "--week", metavar="WHEN", help="snippet: the week holding WHEN (default: this week)"
    )
    export.add_argument("--out", metavar="FILE", help="write to FILE instead of stdout")

    imp = _command(
        sub,
        "import",
        "careertui.commands.importer",
        help="import data, or a career ladder",
        description="json, jrnl: merge the records of FILE. ladder: put the career ladder of "
        "FILE (YAML or JSON; the README shows the shape) on record in place of any earlier one, "
        "keeping every competency tie whose competency it still has.",
    )
    imp.add_argument("what", choices=["json", "jrnl", "ladder"])
    imp.add_argument("file", metavar="FILE", nargs="?")
    imp.add_argument(
        "--example", metavar="NAME", help="ladder: the example ladder careertui ships (pm)"
    )
    imp.add_argument("--level", metavar="LEVEL", help="ladder: your level on it today")
    imp.add_argument("--target", metavar="LEVEL", help="ladder: the level you aim for")

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
    except BrokenPipeError:
        # The reader went away (``careertui wins | head``): stop quietly, as a command killed
        # by SIGPIPE does, and point stdout at nothing so that the flush at exit has nowhere
        # to fail.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_BROKEN_PIPE


def _main(argv: Sequence[str] | None) -> int:
    # careertui uses no pydantic plugins; without this, building the first model scans every
    # installed distribution's entry points for them (about 9 ms of every command). A value
    # the user set is kept.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    from careertui.store.errors import progress

    progress.reset()
    words = list(sys.argv[1:] if argv is None else argv)
    fast = words[:1] == ["win"] and not {"-h", "--help"} & set(words)
    args = build_parser("win" if fast else None).parse_args(words)
    from careertui.domain.errors import CareerError

    try:
        module = importlib.import_module(args.handler)
        return int(module.run(args) or 0)
    except CareerError as exc:
        from careertui.domain.text import terminal_safe

        sys.stderr.write(f"error: {terminal_safe(str(exc))}\n")
        return EXIT_USAGE
