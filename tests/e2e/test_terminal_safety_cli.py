"""Terminal escape injection through the installed ``careertui``: control characters typed on
the command line are refused, naming the field, with nothing written; whatever the store holds,
what the commands print carries no raw control character."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from careertui.domain.models import Priority, Stakeholder
from careertui.store.repository import Repository
from tests.conftest import CLI
from tests.exchange.conftest import digest
from tests.unit.test_terminal_safety import CLEAR, CLIPBOARD, poisoned_store, raw_controls

TITLE = "\x1b]0;pwned\x07"


@pytest.fixture
def known(repo: Repository) -> Repository:
    """A store with a priority and a person to link to, so only the control character fails."""
    repo.priorities.add(Priority(title="Grow revenue"))
    repo.stakeholders.add(Stakeholder(name="Ana Ruiz"))
    return repo


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (["win", f"Shipped {CLIPBOARD}it"], "title"),
        (["win", "Shipped", "--impact", f"More {CLEAR}teams"], "impact"),
        (["win", "Shipped", "--body", f"Notes{TITLE}"], "body"),
        (["win", "Shipped", "--metric", f"activation{CLEAR}: 31% -> 38%"], "name"),
        (["win", "Shipped", "--metric", "activation: 31% -> 38%\x07"], "after"),
        (["win", "Shipped", "--input-metric", "runs: \x9b2 -> 6"], "before"),
        (["win", "Shipped", "--tag", "launch", "--tag", "q4\x07"], "tags.1"),
        (["win", "Shipped", "--with", f"Ana{CLEAR}"], "--with"),
        (["win", "Shipped", "--priority", f"Grow{TITLE}"], "--priority"),
        (["win", "Shipped", "--gap", "SQL\x1b"], "--gap"),
    ],
)
def test_win_refuses_control_characters_naming_the_field_and_writes_nothing(
    known: Repository, cli: CLI, args: list[str], field: str
) -> None:
    before = digest(known.store.path)
    result = cli(*args)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith("error: ") and result.stderr.count("\n") == 1
    assert f"{field}: must not contain control characters (found \\" in result.stderr
    assert raw_controls(result.stderr) == [], "the error line itself printed them raw"
    assert digest(known.store.path) == before
    assert len(known.wins.list()) == 0


def test_the_title_from_stdin_is_refused_too(cli: CLI, data_dir: Path) -> None:
    result = cli("win", "-", stdin=f"Shipped {CLIPBOARD}\nnotes\n")
    assert result.returncode == 2
    assert result.stderr.startswith("error: title: must not contain control characters")
    assert not (data_dir / "careertui.json").exists()


def test_a_plain_win_is_saved_and_confirmed(cli: CLI) -> None:
    result = cli("win", "Shipped it", "--tag", "launch")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("saved win ") and result.stdout.endswith(": Shipped it\n")


# -- what is printed from a store that holds control characters -------------------------------
@pytest.fixture
def poisoned(data_dir: Path) -> Repository:
    return poisoned_store(data_dir)


@pytest.mark.parametrize(
    "args",
    [
        ["wins"],
        ["wins", "--json"],
        ["export", "brag"],
        ["export", "case"],
        ["export", "json"],
        ["doctor"],
    ],
    ids=lambda a: " ".join(a),
)
def test_what_is_printed_from_the_store_holds_no_control_character(
    poisoned: Repository, cli: CLI, args: list[str]
) -> None:
    result = cli(*args)
    assert result.returncode == 0, result.stderr
    assert raw_controls(result.stdout) == []
    assert raw_controls(result.stderr) == []
    assert "\x1b" not in result.stdout + result.stderr


def test_wins_shows_the_stored_text_with_the_control_characters_marked(
    poisoned: Repository, cli: CLI
) -> None:
    result = cli("wins")
    line = result.stdout.splitlines()[0]
    assert line.startswith("2026-11-02 win_1 ★ Shipped onboarding \ufffd]52;c;cm0gLXJmIH4=")
    assert "[Grow revenue \ufffd]52" in line and "#launch\ufffd[2j" in line


def test_json_printed_from_the_store_is_still_valid_json(poisoned: Repository, cli: CLI) -> None:
    wins = json.loads(cli("wins", "--json").stdout)
    assert wins[0]["title"].startswith("Shipped onboarding \ufffd]52")
    exported = json.loads(cli("export", "json").stdout)
    assert exported["wins"][0]["id"] == "win_1"


def test_the_store_still_takes_a_win_from_the_shell(poisoned: Repository, cli: CLI) -> None:
    result = cli("win", "Another win", "--with", "stk_1")
    assert result.returncode == 0, result.stderr
    assert raw_controls(result.stdout) == []
    assert "ok (schema" in cli("doctor").stdout


# -- what `careertui wins` says when it lists nothing (issue 15: "-n 0" said "no wins yet") ----
def test_wins_n_0_on_a_store_with_wins_prints_nothing(known: Repository, cli: CLI) -> None:
    assert cli("win", "Shipped it", "--tag", "launch").returncode == 0
    result = cli("wins", "-n", "0")
    assert result.returncode == 0
    assert result.stdout == "" and result.stderr == ""


def test_wins_says_no_wins_yet_only_when_there_are_none(cli: CLI, known: Repository) -> None:
    result = cli("wins")
    assert result.returncode == 0 and result.stdout == ""
    assert result.stderr.startswith("no wins yet")


def test_wins_says_when_the_filters_match_nothing(known: Repository, cli: CLI) -> None:
    assert cli("win", "Shipped it", "--tag", "launch", "--date", "2026-11-02").returncode == 0
    result = cli("wins", "--tag", "hiring", "--from", "2026-11-10")
    assert result.returncode == 0 and result.stdout == ""
    assert result.stderr == "no wins match --from 2026-11-10 --tag hiring\n"
    assert "no wins yet" not in cli("wins", "--tag", "hiring").stderr
