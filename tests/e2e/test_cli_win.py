"""``careertui win`` and ``careertui wins`` through the installed console script."""

from __future__ import annotations

import json
import os
import stat
import sys
from pathlib import Path

import pytest

from careertui.store.repository import Repository
from tests.conftest import CLI


def test_win_with_every_option(demo_repo: Repository, cli: CLI) -> None:
    career = demo_repo.career()
    maya = next(s for s in career.stakeholders if s.name == "Maya Chen")
    result = cli(
        "win",
        "Shipped self-serve onboarding",
        "--body",
        "Rolled out to **all** new teams.",
        "--impact",
        "New teams live without sales",
        "--metric",
        "activation rate: 31% -> 38%",
        "--input-metric",
        "experiments run: 2 -> 6",
        "--priority",
        "launch self-serve",
        "--gap",
        "Executive communication",
        "--with",
        "maya chen",
        "--tag",
        "launch",
        "--tag",
        "#Growth",
        "--date",
        "yesterday",
        "--star",
    )
    assert result.returncode == 0, result.stderr
    win = max(demo_repo.wins.list(), key=lambda w: w.created)
    assert result.stdout.strip() == (
        f"saved win {win.id} on 2026-11-22 ★: Shipped self-serve onboarding"
    )
    assert win.body == "Rolled out to **all** new teams."
    assert win.impact == "New teams live without sales"
    assert [(m.kind, m.name, m.before, m.after) for m in win.metrics] == [
        ("output", "activation rate", "31%", "38%"),
        ("input", "experiments run", "2", "6"),
    ]
    assert win.priority_id == next(p.id for p in career.priorities if p.title.startswith("Launch"))
    assert win.gap_ids == [next(g.id for g in career.gaps if g.title == "Executive communication")]
    assert win.stakeholder_ids == [maya.id]
    assert win.tags == ["launch", "growth"] and win.starred
    assert demo_repo.stakeholders.get(maya.id).last_contact.isoformat() == "2026-11-22"


def test_win_text_only_is_dated_today(cli: CLI, repo: Repository) -> None:
    result = cli("win", "Ran the pricing review")
    assert result.returncode == 0, result.stderr
    [win] = repo.wins.list()
    assert win.title == "Ran the pricing review" and win.date.isoformat() == "2026-11-23"
    assert win.id in result.stdout


def test_win_reads_stdin_for_dash(cli: CLI, repo: Repository) -> None:
    result = cli("win", "-", stdin="Negotiated the Globex renewal\nThree-year term, +20% seats.\n")
    assert result.returncode == 0, result.stderr
    [win] = repo.wins.list()
    assert win.title == "Negotiated the Globex renewal"
    assert win.body == "Three-year term, +20% seats."


def test_win_edit_uses_the_editor_and_removes_its_file(
    cli: CLI, repo: Repository, tmp_path: Path
) -> None:
    editor = tmp_path / "editor.py"
    seen = tmp_path / "seen.txt"
    editor.write_text(
        "import sys, pathlib\n"
        "p = pathlib.Path(sys.argv[1])\n"
        f"pathlib.Path({str(seen)!r}).write_text(p.name + ' ' + oct(p.stat().st_mode & 0o777))\n"
        "p.write_text(p.read_text().replace('the memo', 'the memo and wrote it up')"
        " + 'With a body.')\n"
    )
    result = cli("win", "Drafted the memo", "--edit", env={"EDITOR": f"{sys.executable} {editor}"})
    assert result.returncode == 0, result.stderr
    [win] = repo.wins.list()
    assert (win.title, win.body) == ("Drafted the memo and wrote it up", "With a body.")
    name, file_mode = seen.read_text().split()
    assert file_mode == "0o600"
    assert not list(Path(os.environ.get("TMPDIR", "/tmp")).glob(name))


BAD_INPUT = {
    "empty text": (["win", ""], "empty"),
    "blank stdin": (["win", "-"], "empty"),
    "no text at all": (["win"], "empty"),
    "unparseable date": (["win", "x", "--date", "the day after never"], "date"),
    "unknown priority": (["win", "x", "--priority", "Grow NRRR"], "'Grow net revenue retention"),
    "unknown gap": (["win", "x", "--gap", "Executive comunication"], "no gap named"),
    "unknown stakeholder": (["win", "x", "--with", "Mya Chen"], "closest: 'Maya Chen'"),
    "malformed metric": (["win", "x", "--metric", "activation 31 -> 38"], "metric"),
    "metric with two arrows": (["win", "x", "--metric", "a: 1 -> 2 -> 3"], "metric"),
    "bad tag": (["win", "x", "--tag", "two words"], "tags"),
    "title too long": (["win", "x" * 400], "title"),
    "unknown option": (["win", "x", "--colour", "red"], "unrecognized arguments"),
    "bad wins count": (["wins", "-n", "many"], "invalid int"),
    "bad wins date": (["wins", "--from", "someday soonish"], "date"),
}


@pytest.mark.parametrize("case", list(BAD_INPUT), ids=list(BAD_INPUT))
def test_bad_input_is_one_error_line_exit_2_and_nothing_written(
    demo_repo: Repository, cli: CLI, case: str
) -> None:
    args, expected = BAD_INPUT[case]
    before = demo_repo.store.path.read_bytes()
    result = cli(*args)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ") and expected in lines[0]
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert demo_repo.store.path.read_bytes() == before


def test_bad_input_on_an_empty_directory_creates_nothing(cli: CLI, data_dir: Path) -> None:
    assert cli("win", "x", "--date", "never o'clock").returncode == 2
    assert not (data_dir / "careertui.json").exists()


def test_wins_lists_newest_first_and_filters(cli: CLI, repo: Repository) -> None:
    for args in (
        ["win", "oldest", "--date", "2026-01-05", "--tag", "q1"],
        ["win", "middle", "--date", "2026-06-01", "--metric", "NPS: 20 -> 42"],
        ["win", "newest", "--date", "2026-11-20", "--tag", "q4", "--star"],
    ):
        assert cli(*args).returncode == 0
    out = cli("wins").stdout.splitlines()
    assert [line.split()[0] for line in out] == ["2026-11-20", "2026-06-01", "2026-01-05"]
    assert "★ newest" in out[0] and "NPS: 20 → 42" in out[1]
    assert len(cli("wins", "-n", "1").stdout.splitlines()) == 1
    assert "middle" in cli("wins", "--from", "2026-03-01", "--to", "2026-07-01").stdout
    assert cli("wins", "--from", "2026-03-01", "--to", "2026-07-01").stdout.count("\n") == 1
    assert "oldest" in cli("wins", "--tag", "#Q1").stdout


def test_wins_json_for_scripts(cli: CLI, repo: Repository) -> None:
    cli("win", "one", "--tag", "x")
    data = json.loads(cli("wins", "--json").stdout)
    assert [w["title"] for w in data] == ["one"] and data[0]["tags"] == ["x"]
    assert data[0]["id"] == repo.wins.list()[0].id


def test_where_help_version_and_module_entry(cli: CLI, data_dir: Path) -> None:
    assert cli("where").stdout.strip() == str(data_dir / "careertui.json")
    assert "careertui" in cli("--version", data_dir=False).stdout
    assert "win" in cli("--help", data_dir=False).stdout
    import subprocess

    proc = subprocess.run(
        [sys.executable, "-m", "careertui", "--data-dir", str(data_dir), "where"],
        capture_output=True,
        text=True,
    )
    assert proc.stdout.strip() == str(data_dir / "careertui.json")


def test_data_dir_from_the_environment(cli: CLI, tmp_path: Path) -> None:
    elsewhere = tmp_path / "from-env"
    result = cli("win", "x", data_dir=False, env={"CAREERTUI_DATA_DIR": str(elsewhere)})
    assert result.returncode == 0
    assert (elsewhere / "careertui.json").exists()
    assert stat.S_IMODE(elsewhere.stat().st_mode) == 0o700


def test_default_data_dir_is_the_platform_user_data_dir(cli: CLI, tmp_path: Path) -> None:
    where = cli("where", data_dir=False).stdout.strip()
    assert where == str(tmp_path / "home" / ".local" / "share" / "careertui" / "careertui.json")


def test_demo_writes_into_a_fresh_directory_and_refuses_one_with_data(
    cli: CLI, data_dir: Path
) -> None:
    first = cli("demo", "--no-open")
    assert first.returncode == 0, first.stderr
    assert (data_dir / "careertui.json").exists()
    before = (data_dir / "careertui.json").read_bytes()
    again = cli("demo", "--no-open")
    assert again.returncode == 2 and "already holds data" in again.stderr
    assert (data_dir / "careertui.json").read_bytes() == before


def test_demo_without_a_directory_never_touches_the_real_store(cli: CLI, tmp_path: Path) -> None:
    result = cli("demo", "--no-open", data_dir=False)
    assert result.returncode == 0, result.stderr
    target = Path(result.stdout.strip().rsplit(" ", 1)[-1])
    assert (target / "careertui.json").exists()
    assert not (tmp_path / "home" / ".local" / "share" / "careertui").exists()
