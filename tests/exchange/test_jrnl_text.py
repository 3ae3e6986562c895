"""Importing the journal file jrnl itself writes (issue 14, item 2), made by the real jrnl
program with the time formats users have: its default ``%F %r`` and common alternatives."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from careertui.domain.errors import InputError
from careertui.exchange.jrnl import import_jrnl, load_jrnl
from careertui.store.repository import Repository
from tests.conftest import CLI
from tests.exchange.conftest import digest

JRNL = Path(sys.executable).with_name("jrnl")

CONFIG = """\
colors: {{body: none, date: none, tags: none, title: none}}
default_hour: 9
default_minute: 0
editor: ''
encrypt: false
highlight: false
indent_character: '|'
journals:
  default:
    journal: {journal}
linewrap: 79
tagsymbols: '#@'
template: false
timeformat: '{timeformat}'
version: v4.6
"""

ENTRIES = [
    "2026-03-14 10:30: Shipped the onboarding redesign with @maya. "
    "Activation went from 31% to 38%. #launch #growth",
    "2026-04-02 21:15: Led the pricing review *",
    "2026-05-20 16:45: Closed the Globex expansion.\n\nIt took three months.\n"
    "- two exec meetings\n- one #revenue model\n[TODO] send the notes to @dana",
]

#: jrnl's default first (``%F %r``: 2026-03-14 10:30:00 AM), then formats users set.
TIMEFORMATS = [
    "%F %r",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%F %I:%M %p",
    "%d %b %Y %H:%M",
    "%Y/%m/%d %H:%M",
]


class Jrnl:
    """The real jrnl, with its own config in a temporary directory."""

    def __init__(self, root: Path, timeformat: str = "%F %r") -> None:
        root.mkdir()
        self.journal = root / "journal.txt"
        self.config = root / "jrnl.yaml"
        self.config.write_text(CONFIG.format(journal=self.journal, timeformat=timeformat))
        self.env = {
            **os.environ,
            "NO_COLOR": "1",
            "HOME": str(root),
            "XDG_CONFIG_HOME": str(root / ".config"),
        }

    def __call__(self, *args: str, stdin: str = "") -> None:
        proc = subprocess.run(
            [str(JRNL), "--config-file", str(self.config), *args],
            input=stdin,
            capture_output=True,
            text=True,
            timeout=60,
            env=self.env,
        )
        assert proc.returncode == 0, proc.stdout + proc.stderr

    def write(self, entry: str) -> None:
        if "\n" in entry:
            self(stdin=entry)
        else:
            self(entry)

    def export(self, path: Path) -> Path:
        self("--format", "json", "--file", str(path))
        return path


def made(root: Path, timeformat: str = "%F %r") -> Jrnl:
    assert JRNL.exists(), f"jrnl is a test dependency: {JRNL} is missing"
    journal = Jrnl(root, timeformat)
    for entry in ENTRIES:
        journal.write(entry)
    return journal


@pytest.fixture
def journal(tmp_path: Path) -> Jrnl:
    return made(tmp_path / "jrnl")


@pytest.mark.parametrize("timeformat", TIMEFORMATS)
def test_a_journal_file_jrnl_wrote_imports_with_dates_titles_bodies_tags_and_stars(
    tmp_path: Path, repo: Repository, timeformat: str
) -> None:
    written = made(tmp_path / "jrnl", timeformat)
    text = written.journal.read_text()
    assert text.startswith("[" + dt.datetime(2026, 3, 14, 10, 30).strftime(timeformat) + "] ")
    report = import_jrnl(repo, written.journal)
    assert report.added == {"wins": 3}
    first, second, third = sorted(repo.wins.list(), key=lambda w: w.date)
    assert [w.date for w in (first, second, third)] == [
        dt.date(2026, 3, 14),
        dt.date(2026, 4, 2),
        dt.date(2026, 5, 20),
    ]
    assert first.title == "Shipped the onboarding redesign with @maya."
    assert first.body == "Activation went from 31% to 38%. #launch #growth"
    assert first.tags == ["growth", "launch", "maya"] and not first.starred
    assert second.title == "Led the pricing review" and second.starred and second.tags == []
    assert third.title == "Closed the Globex expansion."
    assert "[TODO] send the notes to @dana" in third.body  # a bracketed word is body text
    assert third.tags == ["dana", "revenue"]
    assert first.created == dt.datetime(2026, 3, 14, 10, 30).astimezone(dt.timezone.utc)
    assert second.created == dt.datetime(2026, 4, 2, 21, 15).astimezone(dt.timezone.utc)


def test_the_journal_file_and_its_json_export_make_the_same_wins(
    journal: Jrnl, tmp_path: Path
) -> None:
    from_text = load_jrnl(journal.journal)
    from_json = load_jrnl(journal.export(tmp_path / "journal.json"))
    assert [w.model_dump() for w in from_text] == [w.model_dump() for w in from_json]


def test_importing_the_same_journal_twice_adds_nothing(
    journal: Jrnl, repo: Repository, tmp_path: Path
) -> None:
    import_jrnl(repo, journal.journal)
    before = digest(repo.store.path)
    again = import_jrnl(repo, journal.journal)
    assert not again.added and not again.updated and again.unchanged == {"wins": 3}
    assert digest(repo.store.path) == before
    # nor does its JSON export, imported after the file
    assert import_jrnl(repo, journal.export(tmp_path / "j.json")).unchanged == {"wins": 3}
    assert digest(repo.store.path) == before
    journal.write("2026-06-01 08:00: Hired two PMs")
    third = import_jrnl(repo, journal.journal)
    assert third.added == {"wins": 1} and third.unchanged == {"wins": 3}


TRICKY = (
    "[2026-11-02 09:00:00 AM] Rated five stars*\n\n"
    "[2026-11-03 09:00:00 AM] Plain title\nA body that ends with a star *\n\n"
    "[2026-11-04 09:00:00 AM] One line. Then a second sentence *\n\n"
    "[2026-11-05 09:00:00 AM]   Leading spaces! And #tags @here, #a/b and e-mail x@y.z\n"
    "[2026-11-06 09:00:00 AM] Next entry straight after\n\n\n\n"
    "[2026-11-07 09:00:00 AM] Body with [2026] and a [TODO] list\n[x] done\n- [ ] open\n"
)


def test_titles_bodies_stars_and_tags_are_what_jrnl_itself_reads(tmp_path: Path) -> None:
    """jrnl's own parser (a test dependency) is the oracle for a journal with the edge cases
    of its format: a star glued to the title, one on a body line, one-line entries, tags."""
    from jrnl.journals.Journal import Journal

    path = tmp_path / "journal.txt"
    path.write_text(TRICKY)
    theirs = Journal(timeformat="%F %r", tagsymbols="#@")._parse(TRICKY)
    ours = load_jrnl(path)
    assert len(ours) == len(theirs) == 6
    for win, entry in zip(ours, theirs, strict=True):
        assert win.date == entry.date.date()
        assert win.title == " ".join(entry.title.split())
        assert win.body == entry.body.strip()
        assert win.starred == entry.starred
        assert win.tags == sorted({t.lstrip("#@") for t in entry.tags})
    assert [w.starred for w in ours] == [True, False, True, False, False, False]
    assert ours[3].tags == ["a/b", "here", "tags"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", r"journal\.txt: the file is empty"),
        (
            "Dear diary, today I shipped it.\n",
            r"journal\.txt: line 1: not a jrnl journal: an entry starts with its date",
        ),
        ("\n\n[bad date] Title\nBody\n", r"line 3: cannot read the date \[bad date\]"),
        (
            "[2026-11-02 09:00:00 AM] Fine\n\n[2026-13-02 09:00:00 AM] Month thirteen\n",
            r"line 3: cannot read the date \[2026-13-02 09:00:00 AM\]",
        ),
        (
            "[2026-11-02 09:00:00 AM] Fine\n[02/11/2026 09:00] Which day?\n",
            r"line 2: cannot read the date \[02/11/2026 09:00\]",
        ),
        (
            "[2026-11-02 09:00:00 AM] Fine\n\n[0001-01-01 12:00:00 AM] Year one\n",
            r"line 3: the date 0001-01-01 is out of range",
        ),
        (
            "[9999-12-31 11:59:00 PM] The end of time\n",
            r"line 1: the date 9999-12-31 is out of range",
        ),
        ("gAAAAABnZ3Jvb3Z5IGVuY3J5cHRlZCBqb3VybmFs\n", r"looks encrypted"),
        ("[2026-11-02 09:00:00 AM] \n\n", r"line 1 \(2026-11-02 ''\): title"),
    ],
)
def test_a_journal_it_cannot_read_is_refused_naming_the_line_and_nothing_is_written(
    small_repo: Repository, tmp_path: Path, content: str, message: str
) -> None:
    path = tmp_path / "journal.txt"
    path.write_text(content)
    before = digest(small_repo.store.path)
    with pytest.raises(InputError, match=message):
        import_jrnl(small_repo, path)
    assert digest(small_repo.store.path) == before


def test_bracketed_words_and_footnotes_in_a_body_are_text_as_they_are_to_jrnl(
    tmp_path: Path,
) -> None:
    path = tmp_path / "journal.txt"
    path.write_text(
        "[2026-11-02 09:00] Wrote the memo\n[1] see the appendix\n[Update] numbers fixed\n"
    )
    (win,) = load_jrnl(path)
    assert win.body == "[1] see the appendix\n[Update] numbers fixed"


def test_control_characters_are_removed_and_reported(
    cli: CLI, repo: Repository, tmp_path: Path
) -> None:
    path = tmp_path / "journal.txt"
    path.write_text(
        "[2026-11-02 09:00:00 AM] Shipped \x1b]52;c;aGk=\x07the pricing page\n"
        "Body with a bell\x07.\n\n"
        "[2026-11-03 09:00:00 AM] Clean entry\n"
    )
    result = cli("import", "jrnl", str(path))
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "added:   2 wins" in result.stdout
    assert "cleaned: 1 field held control characters" in result.stdout
    assert "cleaned in: line 1 (\\x1b \\x07)" in result.stdout
    titles = sorted(w.title for w in repo.wins.list())
    assert titles == ["Clean entry", "Shipped ]52;c;aGk=the pricing page"]
    (shipped,) = [w for w in repo.wins.list() if w.title.startswith("Shipped")]
    assert shipped.body == "Body with a bell."


def test_the_cli_imports_a_journal_file_and_says_what_it_added(
    cli: CLI, journal: Jrnl, repo: Repository
) -> None:
    result = cli("import", "jrnl", str(journal.journal))
    assert result.returncode == 0, result.stderr
    assert "added:   3 wins" in result.stdout
    again = cli("import", "jrnl", str(journal.journal))
    assert "added:   nothing" in again.stdout
    assert "skipped: 3 (3 already here and the same)" in again.stdout
    assert len(repo.wins.list()) == 3


@pytest.mark.parametrize("zone", ["Pacific/Kiritimati", "Etc/GMT+12", "UTC"])
@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("journal.txt", "[0001-01-01 12:00:00 AM] Year one\n"),
        ("journal.txt", "[9999-12-31 11:59:59 PM] Year 9999\n"),
        (
            "journal.json",
            '{"entries": [{"title": "Year one", "date": "0001-01-01", "time": "00:00"}]}',
        ),
        (
            "journal.json",
            '{"entries": [{"title": "Year 9999", "date": "9999-12-31", "time": "23:59"}]}',
        ),
    ],
)
def test_dates_out_of_range_are_an_error_in_every_time_zone(
    cli: CLI, repo: Repository, tmp_path: Path, zone: str, name: str, content: str
) -> None:
    path = tmp_path / name
    path.write_text(content)
    result = cli("import", "jrnl", str(path), env={"TZ": zone})
    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stderr.startswith("error: ") and result.stderr.count("\n") == 1
    assert "out of range" in result.stderr
    assert ("line 1" if name.endswith(".txt") else "entry #1") in result.stderr
    assert "Traceback" not in result.stderr
    assert repo.wins.list() == []
