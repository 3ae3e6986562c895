"""A jrnl journal of a given size, configured inside a temporary directory so jrnl never prompts.

The entries are the same synthetic wins the careertui store holds (title, body, impact, tags),
written in jrnl's plain-text format, so both tools add one entry to a journal of the same size.

The entries' dates are written in the config's ``timeformat``, which matters to jrnl's speed:
jrnl reads each entry's date with ``datetime.strptime(date, timeformat)`` and, when that
fails, with dateutil's fuzzy parser. Python's ``strptime`` knows neither ``%F`` nor ``%r``, so
with jrnl's default (:data:`JRNL_DEFAULT`) every date of the journal takes the slow way;
the same format written out in full (:data:`WRITTEN_OUT`, identical dates on the page) is
read by ``strptime`` alone.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from careertui.domain.models import Win

#: jrnl's default ``timeformat``, as a new jrnl writes it into its config.
JRNL_DEFAULT = "%F %r"
#: The same dates with every directive written out, which ``strptime`` (and so jrnl) reads.
WRITTEN_OUT = "%Y-%m-%d %I:%M:%S %p"


def jrnl_version() -> str:
    from jrnl.__version__ import __version__

    return __version__


def write_config(directory: Path, journal: Path, timeformat: str = JRNL_DEFAULT) -> Path:
    """A jrnl.yaml naming ``journal``, unencrypted, with no editor: jrnl never asks anything.

    ``journal`` need not exist: jrnl then creates it (and its directory) without asking.
    """
    config = directory / "jrnl.yaml"
    config.write_text(
        "\n".join(
            [
                "colors: {body: none, date: none, tags: none, title: none}",
                "default_hour: 9",
                "default_minute: 0",
                "editor: ''",
                "encrypt: false",
                "highlight: false",
                "indent_character: '|'",
                "journals:",
                f"  default: {{journal: '{journal}'}}",
                "linewrap: 79",
                "tagsymbols: '#@'",
                "template: false",
                f"timeformat: '{timeformat}'",
                f"version: '{jrnl_version()}'",
                "",
            ]
        ),
        encoding="utf-8",
    )
    return config


def entry_text(win: Win, when: dt.datetime, timeformat: str = JRNL_DEFAULT) -> str:
    """``win`` as one jrnl entry dated ``when``, its date written in ``timeformat``."""
    tags = " ".join(f"#{t}" for t in win.tags)
    body = " ".join(p for p in (win.body, win.impact, tags) if p)
    return f"[{when.strftime(timeformat)}] {win.title}.\n{body}\n\n"


def write_journal(directory: Path, wins: list[Win], timeformat: str = JRNL_DEFAULT) -> Path:
    """A journal with one entry per win, oldest first, and its config; returns the config.

    The entries' dates and the config's ``timeformat`` are both ``timeformat``.
    """
    directory.mkdir(parents=True, exist_ok=True)
    journal = directory / "journal.txt"
    ordered = sorted(wins, key=lambda w: w.created)
    with journal.open("w", encoding="utf-8") as handle:
        for win in ordered:
            when = dt.datetime.combine(win.date, dt.time(17, 30))
            handle.write(entry_text(win, when, timeformat))
    return write_config(directory, journal, timeformat)


def jrnl_command(config: Path) -> list[str]:
    """Add an entry with jrnl from the benchmark's interpreter (jrnl is a bench dependency)."""
    return [sys.executable, "-m", "jrnl", "--config-file", str(config)]
