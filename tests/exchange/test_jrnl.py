"""Importing a journal written and exported by the real jrnl program."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from careertui.domain.errors import InputError
from careertui.exchange.jrnl import import_jrnl, load_jrnl
from careertui.store.repository import Repository
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
timeformat: '%Y-%m-%d %H:%M'
version: v4.6
"""

ENTRIES = [
    "2026-03-14 10:30: Shipped the onboarding redesign with @maya. "
    "Activation went from 31% to 38%. #launch #growth",
    "2026-04-02 09:15: Led the pricing review *",
    "2026-05-20 16:45: Closed the Globex expansion.\n\nIt took three months.\n"
    "- two exec meetings\n- one #revenue model",
]


class Jrnl:
    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir()
        self.config = root / "jrnl.yaml"
        self.config.write_text(CONFIG.format(journal=root / "journal.txt"))

    def __call__(self, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
        proc = subprocess.run(
            [str(JRNL), "--config-file", str(self.config), *args],
            input=stdin,
            capture_output=True,
            text=True,
            timeout=60,
            env={**os.environ, "NO_COLOR": "1"},
        )
        assert proc.returncode == 0, proc.stdout + proc.stderr
        return proc

    def write(self, entry: str) -> None:
        if "\n" in entry:
            self(stdin=entry)
        else:
            self(entry)

    def export(self, path: Path) -> Path:
        self("--format", "json", "--file", str(path))
        return path


@pytest.fixture
def journal(tmp_path: Path) -> Jrnl:
    assert JRNL.exists(), f"jrnl is a test dependency: {JRNL} is missing"
    made = Jrnl(tmp_path / "jrnl")
    for entry in ENTRIES:
        made.write(entry)
    return made


def test_a_real_jrnl_export_imports_with_dates_titles_bodies_tags_and_stars(
    journal: Jrnl, repo: Repository, tmp_path: Path
) -> None:
    exported = journal.export(tmp_path / "journal.json")
    assert len(json.loads(exported.read_text())["entries"]) == 3  # what jrnl really wrote
    report = import_jrnl(repo, exported)
    assert report.added == {"wins": 3}
    wins = sorted(repo.wins.list(), key=lambda w: w.date)
    assert [w.date for w in wins] == [
        dt.date(2026, 3, 14),
        dt.date(2026, 4, 2),
        dt.date(2026, 5, 20),
    ]
    first, second, third = wins
    assert first.title == "Shipped the onboarding redesign with @maya."
    assert first.body == "Activation went from 31% to 38%. #launch #growth"
    assert first.tags == ["growth", "launch", "maya"]
    assert not first.starred
    assert second.title == "Led the pricing review" and second.starred and second.tags == []
    assert third.title == "Closed the Globex expansion."
    assert "It took three months." in third.body and "- one #revenue model" in third.body
    assert third.tags == ["revenue"]
    # jrnl's time of day is kept as the moment the win was recorded
    local = dt.datetime(2026, 3, 14, 10, 30).astimezone(dt.timezone.utc)
    assert first.created == local


def test_importing_the_same_journal_twice_adds_nothing(
    journal: Jrnl, repo: Repository, tmp_path: Path
) -> None:
    exported = journal.export(tmp_path / "journal.json")
    import_jrnl(repo, exported)
    before = digest(repo.store.path)
    again = import_jrnl(repo, exported)
    assert not again.added and not again.updated and again.unchanged == {"wins": 3}
    assert digest(repo.store.path) == before
    journal.write("2026-06-01 08:00: Hired two PMs")
    third = import_jrnl(repo, journal.export(tmp_path / "journal2.json"))
    assert third.added == {"wins": 1} and third.unchanged == {"wins": 3}
    assert len(repo.wins.list()) == 4


def test_a_win_edited_here_is_kept_on_a_second_import(
    journal: Jrnl, repo: Repository, tmp_path: Path
) -> None:
    exported = journal.export(tmp_path / "journal.json")
    import_jrnl(repo, exported)
    win = next(w for w in repo.wins.list() if w.starred)
    repo.wins.update(win.model_copy(update={"impact": "Set the price for 2027"}))
    report = import_jrnl(repo, exported)
    assert report.kept_newer == {"wins": 1}
    assert repo.wins.get(win.id).impact == "Set the price for 2027"


def test_a_very_long_first_sentence_keeps_its_words_in_the_body(tmp_path: Path) -> None:
    long_title = " ".join(["word"] * 100)
    path = tmp_path / "j.json"
    path.write_text(
        json.dumps(
            {
                "tags": {},
                "entries": [
                    {
                        "title": long_title,
                        "body": "Rest.",
                        "date": "2026-01-02",
                        "time": "08:00",
                        "tags": [],
                        "starred": False,
                    }
                ],
            }
        )
    )
    (win,) = load_jrnl(path)
    assert len(win.title) <= 300 and win.title.endswith("…")
    assert (win.title[:-1] + " " + win.body).replace("\n\n", " ").split() == long_title.split() + [
        "Rest."
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, r"j\.json: no such file"),
        # not JSON: read as a jrnl journal file (issue 14 item 2), which it is not either
        ("Dear diary", r"j\.json: line 1: not a jrnl journal"),
        ("{Dear diary", r"j\.json: not valid JSON"),
        (json.dumps({"format": "careertui-export"}), r"not a jrnl JSON export"),
        (
            json.dumps({"entries": [{"title": "A", "date": "14/03/2026"}]}),
            r"entry #1: date: '14/03/2026' is not a date",
        ),
        (
            json.dumps(
                {
                    "entries": [
                        {"title": "A", "date": "2026-03-14"},
                        {"title": "", "body": "", "date": "2026-03-15"},
                    ]
                }
            ),
            r"entry #2 \(2026-03-15 ''\): title: String should have at least 1 character",
        ),
        (
            json.dumps({"entries": [{"title": "A", "date": "2026-03-14", "tags": "x"}]}),
            r"entry #1 \(2026-03-14 'A'\): tags: expected a list",
        ),
        (
            json.dumps({"entries": [{"title": "A", "date": "2026-03-14", "starred": "yes"}]}),
            r"entry #1 .*: starred: expected true or false",
        ),
    ],
)
def test_bad_jrnl_files_are_refused_and_nothing_is_written(
    small_repo: Repository, tmp_path: Path, content: str | None, message: str
) -> None:
    path = tmp_path / "j.json"
    if content is not None:
        path.write_text(content)
    before = digest(small_repo.store.path)
    with pytest.raises(InputError, match=message):
        import_jrnl(small_repo, path)
    assert digest(small_repo.store.path) == before


def test_a_jrnl_uuid_keeps_the_win_when_the_title_changes(tmp_path: Path) -> None:
    entry = {
        "title": "First draft",
        "body": "",
        "date": "2026-01-02",
        "time": "08:00",
        "tags": [],
        "starred": False,
        "uuid": "A1B2C3",
    }
    path = tmp_path / "j.json"
    path.write_text(json.dumps({"entries": [entry]}))
    (first,) = load_jrnl(path)
    path.write_text(json.dumps({"entries": [{**entry, "title": "Final title"}]}))
    (second,) = load_jrnl(path)
    assert first.id == second.id
    path.write_text(json.dumps({"entries": [{**entry, "uuid": None}]}))
    (third,) = load_jrnl(path)
    assert third.id != first.id
