"""A jrnl journal of a given size, configured inside a temporary directory so jrnl never prompts.

The entries are the same synthetic wins the careertui store holds (title, body, impact, tags),
written in jrnl's plain-text format, so both tools add one entry to a journal of the same size.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from careertui.domain.models import Win

#: jrnl's own default time format; entries are written in it so jrnl parses them unchanged.
TIME_FORMAT = "%Y-%m-%d %I:%M:%S %p"


def jrnl_version() -> str:
    from jrnl.__version__ import __version__

    return __version__


def write_config(directory: Path, journal: Path) -> Path:
    """A jrnl.yaml naming ``journal``, unencrypted, with no editor: jrnl never asks anything."""
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
                "timeformat: '%F %r'",
                f"version: '{jrnl_version()}'",
                "",
            ]
        ),
        encoding="utf-8",
    )
    return config


def entry_text(win: Win, when: dt.datetime) -> str:
    tags = " ".join(f"#{t}" for t in win.tags)
    body = " ".join(p for p in (win.body, win.impact, tags) if p)
    return f"[{when.strftime(TIME_FORMAT)}] {win.title}.\n{body}\n\n"


def write_journal(directory: Path, wins: list[Win]) -> Path:
    """A journal with one entry per win, oldest first, and its config; returns the config."""
    directory.mkdir(parents=True, exist_ok=True)
    journal = directory / "journal.txt"
    ordered = sorted(wins, key=lambda w: w.created)
    with journal.open("w", encoding="utf-8") as handle:
        for win in ordered:
            when = dt.datetime.combine(win.date, dt.time(17, 30))
            handle.write(entry_text(win, when))
    return write_config(directory, journal)


def jrnl_command(config: Path) -> list[str]:
    """Add an entry with jrnl from the benchmark's interpreter (jrnl is a bench dependency)."""
    return [sys.executable, "-m", "jrnl", "--config-file", str(config)]
