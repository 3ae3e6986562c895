"""The shell changes what the app changes: ``checkin``, ``edit-win``, ``delete-win``,
``move-gap`` and ``step-gap`` through the installed console script, read back from the store;
bad input is one ``error:`` line, exit status 2 and the data file's bytes unchanged."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from careertui.domain.cadence import next_check_in
from careertui.domain.gaps import column
from careertui.domain.models import GapStatus, Stakeholder
from careertui.store.repository import Repository
from tests.conftest import CAREERTUI, CLI, TODAY
from tests.e2e.terminal import careertui
from tests.unit.test_terminal_safety import poisoned_store, raw_controls

DAY = dt.date.fromisoformat(TODAY)


def one_error_line(stderr: str, expected: str) -> None:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("error: ") and expected in lines[0], lines[0]
    assert "Traceback" not in stderr


def person(repo: Repository, name: str) -> Stakeholder:
    return next(s for s in repo.stakeholders.list() if s.name == name)


def shown_ids(cli: CLI) -> list[str]:
    """The ids ``careertui wins`` shows, one a line after the date."""
    return [line.split()[1] for line in cli("wins", "-n", "1000").stdout.splitlines()]


# -- checkin ---------------------------------------------------------------------------------
def test_checkin_moves_the_last_contact_and_says_when_the_next_is_due(
    demo_repo: Repository, cli: CLI
) -> None:
    daniel = person(demo_repo, "Daniel Okafor")
    assert daniel.last_contact is not None and daniel.last_contact < DAY - dt.timedelta(days=1)

    result = cli("checkin", "daniel okafor", "--note", "Roadmap 1:1", "--date", "yesterday")

    assert result.returncode == 0, result.stderr
    after = person(demo_repo, "Daniel Okafor")
    assert after.last_contact == DAY - dt.timedelta(days=1)
    [logged] = [i for i in demo_repo.interactions.list() if i.note == "Roadmap 1:1"]
    assert (logged.stakeholder_id, logged.date) == (daniel.id, after.last_contact)
    due = next_check_in(after, DAY)
    assert due is not None
    assert result.stdout == (
        f"checked in with Daniel Okafor on {after.last_contact}: last contact "
        f"{after.last_contact}, next check-in due {due}\n"
    )


def test_checkin_today_with_no_cadence_says_so(demo_repo: Repository, cli: CLI) -> None:
    james = person(demo_repo, "James Whitfield")
    assert james.cadence_days == 0 and james.last_contact is None

    result = cli("checkin", "James")

    assert result.returncode == 0, result.stderr
    assert person(demo_repo, "James Whitfield").last_contact == DAY
    assert result.stdout.strip().endswith(f"last contact {TODAY}, no check-in cadence set")


def test_an_earlier_checkin_leaves_a_later_last_contact(demo_repo: Repository, cli: CLI) -> None:
    maya = person(demo_repo, "Maya Chen")
    assert cli("checkin", "Maya Chen", "--date", "2026-01-05").returncode == 0
    assert person(demo_repo, "Maya Chen").last_contact == maya.last_contact


# -- edit-win and delete-win -----------------------------------------------------------------
def test_wins_shows_ids_that_name_each_win(demo_repo: Repository, cli: CLI) -> None:
    shown = shown_ids(cli)
    stored = [w.id for w in demo_repo.wins.list()]
    assert len(shown) == len(set(shown)) == len(stored)
    for short in shown:
        assert len([key for key in stored if key.startswith(short)]) == 1
        assert len(short) < len(stored[0])


def test_edit_win_changes_only_the_fields_named(demo_repo: Repository, cli: CLI) -> None:
    win = next(w for w in demo_repo.wins.list() if w.gap_ids and w.body)
    short = next(s for s in shown_ids(cli) if win.id.startswith(s))

    result = cli(
        "edit-win",
        short,
        "--title",
        "Closed the Initech renewal",
        "--impact",
        "Three-year term",
        "--metric",
        "seats: 40 -> 60",
        "--tag",
        "renewal",
        "--star",
    )

    assert result.returncode == 0, result.stderr
    after = demo_repo.wins.get(win.id)
    assert after is not None
    assert result.stdout == f"saved win {win.id} on {win.date} ★: Closed the Initech renewal\n"
    assert (after.title, after.impact, after.tags, after.starred) == (
        "Closed the Initech renewal",
        "Three-year term",
        ["renewal"],
        True,
    )
    assert [(m.kind, m.name, m.before, m.after) for m in after.metrics] == [
        ("output", "seats", "40", "60")
    ]
    assert (after.body, after.gap_ids, after.date) == (win.body, win.gap_ids, win.date)

    assert cli("edit-win", win.id, "--no-star", "--clear", "gaps").returncode == 0
    again = demo_repo.wins.get(win.id)
    assert again is not None and not again.starred and again.gap_ids == []


def test_a_wins_date_and_people_move_the_last_contact_and_its_deletion_moves_it_back(
    demo_repo: Repository, cli: CLI
) -> None:
    before = person(demo_repo, "Maya Chen").last_contact
    assert before is not None and before < DAY - dt.timedelta(days=1)
    logged = cli("win", "Paired on the pricing page", "--with", "Maya Chen", "--date", "yesterday")
    assert logged.returncode == 0, logged.stderr
    win_id = logged.stdout.split()[2]
    assert person(demo_repo, "Maya Chen").last_contact == DAY - dt.timedelta(days=1)

    assert cli("edit-win", win_id, "--date", TODAY).returncode == 0
    assert person(demo_repo, "Maya Chen").last_contact == DAY

    assert cli("edit-win", win_id, "--clear", "people").returncode == 0
    assert person(demo_repo, "Maya Chen").last_contact == before

    assert cli("edit-win", win_id, "--with", "maya").returncode == 0
    assert person(demo_repo, "Maya Chen").last_contact == DAY

    deleted = cli("delete-win", win_id, "--yes")
    assert deleted.returncode == 0, deleted.stderr
    assert deleted.stdout == f"deleted win {win_id} on {TODAY}: Paired on the pricing page\n"
    assert demo_repo.wins.get(win_id) is None
    assert person(demo_repo, "Maya Chen").last_contact == before


def test_edit_win_in_the_editor_starts_from_the_title_and_body(
    cli: CLI, repo: Repository, tmp_path: Path
) -> None:
    logged = cli("win", "-", stdin="Drafted the memo\nFirst pass.\n")
    win_id = logged.stdout.split()[2]
    editor = tmp_path / "editor.py"
    seen = tmp_path / "seen.txt"
    editor.write_text(
        "import sys, pathlib\n"
        "p = pathlib.Path(sys.argv[1])\n"
        f"pathlib.Path({str(seen)!r}).write_text(p.read_text())\n"
        "p.write_text('Published the memo\\nSecond pass.')\n"
    )
    result = cli(
        "edit-win",
        win_id,
        "--edit",
        "--tag",
        "writing",
        env={"EDITOR": f"{sys.executable} {editor}"},
    )
    assert result.returncode == 0, result.stderr
    assert seen.read_text().split() == ["Drafted", "the", "memo", "First", "pass."]
    win = repo.wins.get(win_id)
    assert win is not None
    assert (win.title, win.body, win.tags) == ("Published the memo", "Second pass.", ["writing"])


def test_edit_win_with_nothing_new_writes_nothing(demo_repo: Repository, cli: CLI) -> None:
    win = demo_repo.wins.list()[0]
    before = demo_repo.store.path.read_bytes()
    result = cli("edit-win", win.id, "--title", win.title)
    assert result.returncode == 0, result.stderr
    assert "nothing changed" in result.stdout
    assert demo_repo.store.path.read_bytes() == before


def without_a_terminal(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``careertui ARGS…`` in a session of its own: no terminal to ask on, as from cron."""
    return subprocess.run(
        [str(CAREERTUI), "--data-dir", str(data_dir), *args],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
        env=dict(os.environ),
        start_new_session=True,
    )


def test_delete_win_without_a_terminal_or_yes_refuses(
    demo_repo: Repository, data_dir: Path
) -> None:
    win = demo_repo.wins.list()[0]
    before = demo_repo.store.path.read_bytes()
    result = without_a_terminal(data_dir, "delete-win", win.id)
    assert result.returncode == 2 and result.stdout == ""
    one_error_line(result.stderr, "--yes")
    assert demo_repo.store.path.read_bytes() == before


@pytest.mark.parametrize(("answer", "deleted"), [("n", False), ("y", True)])
def test_delete_win_asks_on_the_terminal(
    demo_repo: Repository, data_dir: Path, answer: str, deleted: bool
) -> None:
    win = demo_repo.wins.list()[0]
    with careertui(data_dir, "delete-win", win.id[:10]) as terminal:
        terminal.wait_for(f"Delete win {win.id}", "[y/N]")
        terminal.type(answer + "\n")
        status = terminal.wait_exit()
    assert status == (0 if deleted else 2)
    assert (demo_repo.wins.get(win.id) is None) is deleted
    assert ("deleted win" in terminal.printed()) is deleted


# -- move-gap and step-gap -------------------------------------------------------------------
def titles(repo: Repository, status: GapStatus) -> list[str]:
    return [g.title for g in column(repo.gaps.list(), status)]


def test_move_gap_up_down_and_to_another_column(demo_repo: Repository, cli: CLI) -> None:
    backlog = titles(demo_repo, GapStatus.BACKLOG)
    second = backlog[1]

    up = cli("move-gap", second, "--up")
    assert up.returncode == 0, up.stderr
    assert titles(demo_repo, GapStatus.BACKLOG)[:2] == [second, backlog[0]]
    assert up.stdout == f"moved {second!r}: 1 of {len(backlog)} in Backlog\n"

    assert (
        cli("move-gap", second.lower(), "--up").stdout
        == f"{second!r} is already first in Backlog\n"
    )
    assert cli("move-gap", second, "--down").returncode == 0
    assert titles(demo_repo, GapStatus.BACKLOG) == backlog

    to = cli("move-gap", second, "--to", "working")
    assert to.returncode == 0, to.stderr
    assert titles(demo_repo, GapStatus.WORKING)[0] == second
    assert second not in titles(demo_repo, GapStatus.BACKLOG)


def test_closing_a_gap_with_no_win_as_evidence_needs_force(demo_repo: Repository, cli: CLI) -> None:
    career = demo_repo.career()
    bare = next(
        g
        for g in career.gaps
        if g.status == GapStatus.BACKLOG and not any(g.id in w.gap_ids for w in career.wins)
    )
    before = demo_repo.store.path.read_bytes()

    refused = cli("move-gap", bare.title, "--to", "closed")
    assert refused.returncode == 2 and refused.stdout == ""
    one_error_line(refused.stderr, "--force")
    assert "no win is evidence" in refused.stderr
    assert demo_repo.store.path.read_bytes() == before

    forced = cli("move-gap", bare.id, "--to", "closed", "--force")
    assert forced.returncode == 0, forced.stderr
    assert titles(demo_repo, GapStatus.CLOSED)[0] == bare.title


def test_closing_a_gap_with_evidence_needs_no_force(demo_repo: Repository, cli: CLI) -> None:
    career = demo_repo.career()
    proven = next(
        g
        for g in career.gaps
        if g.status == GapStatus.WORKING and any(g.id in w.gap_ids for w in career.wins)
    )
    assert cli("move-gap", proven.title, "--to", "closed").returncode == 0
    assert demo_repo.gaps.get(proven.id).status == GapStatus.CLOSED  # type: ignore[union-attr]


def test_step_gap_changes_impact_and_level_within_bounds(demo_repo: Repository, cli: CLI) -> None:
    gap = next(g for g in demo_repo.gaps.list() if 1 < g.impact < 5 and g.current_level > 1)

    result = cli("step-gap", gap.title, "--impact", "+1", "--level", "-1")

    assert result.returncode == 0, result.stderr
    after = demo_repo.gaps.get(gap.id)
    assert after is not None
    assert (after.impact, after.current_level) == (gap.impact + 1, gap.current_level - 1)
    assert result.stdout.splitlines() == [
        f"{gap.title!r}: impact {gap.impact} → {gap.impact + 1}",
        f"{gap.title!r}: current level {gap.current_level} → {gap.current_level - 1}",
    ]

    top = cli("step-gap", gap.id, "--impact", "9")
    assert top.returncode == 0
    assert demo_repo.gaps.get(gap.id).impact == 5  # type: ignore[union-attr]
    before = demo_repo.store.path.read_bytes()
    again = cli("step-gap", gap.id, "--impact", "+1")
    assert again.stdout == f"{gap.title!r}: impact stays 5, the highest\n"
    assert demo_repo.store.path.read_bytes() == before


# -- bad input -------------------------------------------------------------------------------
BAD_INPUT = {
    "checkin: unknown name": (["checkin", "Mya Chen"], "closest: 'Maya Chen'"),
    "checkin: ambiguous name": (["checkin", "maya"], "matches 2 stakeholders"),
    "checkin: future date": (["checkin", "Maya Chen", "--date", "tomorrow"], "in the future"),
    "checkin: bad date": (["checkin", "Maya Chen", "--date", "the day after never"], "date"),
    "checkin: note too long": (["checkin", "Maya Chen", "--note", "x" * 20_001], "note"),
    "checkin: no name": (["checkin"], "NAME"),
    "checkin: unknown option": (["checkin", "Maya Chen", "--mood", "good"], "unrecognized"),
    "edit-win: unknown id": (["edit-win", "win_zzzzzz", "--star"], "no win with id"),
    "edit-win: ambiguous id": (["edit-win", "win_", "--star"], "type more of it"),
    "edit-win: id too short": (["edit-win", "win", "--star"], "at least 4"),
    "edit-win: nothing to change": (["edit-win", "{win}"], "nothing to change"),
    "edit-win: bad date": (["edit-win", "{win}", "--date", "someday soonish"], "date"),
    "edit-win: future date": (["edit-win", "{win}", "--date", "tomorrow"], "in the future"),
    "edit-win: empty title": (["edit-win", "{win}", "--title", " "], "title"),
    "edit-win: unknown person": (["edit-win", "{win}", "--with", "Nobody Here"], "no stakeholder"),
    "edit-win: bad metric": (["edit-win", "{win}", "--metric", "nps 20 -> 42"], "metric"),
    "edit-win: clear and set": (["edit-win", "{win}", "--clear", "tags", "--tag", "x"], "--clear"),
    "edit-win: unknown field": (["edit-win", "{win}", "--clear", "colour"], "invalid choice"),
    "delete-win: unknown id": (["delete-win", "win_zzzzzz", "--yes"], "no win with id"),
    "move-gap: unknown gap": (["move-gap", "Executive comunication", "--up"], "no gap named"),
    "move-gap: ambiguous gap": (["move-gap", "ex", "--up"], "matches 2 gaps"),
    "move-gap: no direction": (["move-gap", "Director title"], "one of the arguments"),
    "move-gap: two directions": (["move-gap", "Director title", "--up", "--down"], "not allowed"),
    "move-gap: unknown column": (["move-gap", "Director title", "--to", "done"], "invalid choice"),
    "move-gap: force alone": (["move-gap", "Director title", "--up", "--force"], "--force"),
    "step-gap: nothing": (["step-gap", "Director title"], "--impact N or --level N"),
    "step-gap: zero": (["step-gap", "Director title", "--level", "0"], "step of 0"),
    "step-gap: not a number": (["step-gap", "Director title", "--impact", "up"], "invalid int"),
    "step-gap: unknown gap": (["step-gap", "Nothing like it", "--impact", "1"], "no gap named"),
}


@pytest.mark.parametrize("case", list(BAD_INPUT), ids=list(BAD_INPUT))
def test_bad_input_is_one_error_line_exit_2_and_nothing_written(
    demo_repo: Repository, cli: CLI, case: str
) -> None:
    demo_repo.stakeholders.add(Stakeholder(name="Maya Chandra"))
    win = demo_repo.wins.list()[0]
    args, expected = BAD_INPUT[case]
    before = demo_repo.store.path.read_bytes()
    result = cli(*(arg.replace("{win}", win.id) for arg in args))
    assert result.returncode == 2
    assert result.stdout == ""
    one_error_line(result.stderr, expected)
    assert demo_repo.store.path.read_bytes() == before


def test_bad_input_on_an_empty_directory_creates_nothing(cli: CLI, data_dir: Path) -> None:
    for args in (
        ["checkin", "Maya", "--date", "never o'clock"],
        ["edit-win", "win_0000", "--date", "never o'clock"],
        ["move-gap", "x", "--up", "--force"],
    ):
        assert cli(*args).returncode == 2
    assert not (data_dir / "careertui.json").exists()


# -- what the store holds reaches the terminal harmless ---------------------------------------
def test_changes_print_stored_text_without_control_characters(cli: CLI, data_dir: Path) -> None:
    poisoned_store(data_dir)
    for args in (
        ["wins"],
        ["edit-win", "win_1", "--no-star"],
        ["move-gap", "gap_1", "--to", "working"],
        ["step-gap", "gap_1", "--impact", "-1"],
        ["checkin", "stk_1", "--note", "caught up"],
        ["delete-win", "win_1", "--yes"],
    ):
        result = cli(*args)
        assert result.returncode == 0, (args, result.stderr)
        assert raw_controls(result.stdout + result.stderr) == [], args


# -- every list command speaks JSON -----------------------------------------------------------
@pytest.mark.parametrize("command", ["wins", "gaps", "people"])
def test_every_list_command_gives_json(demo_repo: Repository, cli: CLI, command: str) -> None:
    result = cli(command, "--json")
    assert result.returncode == 0, result.stderr
    listed = json.loads(result.stdout)
    assert isinstance(listed, list) and listed and all("id" in item for item in listed)
