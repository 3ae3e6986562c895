"""``careertui priorities`` through the installed console script: the priorities in force in
rank order, the archived ones with their period; ``priorities archive NAME [--until WHEN]``
archives one, its wins keeping the link; bad input is one ``error:`` line, exit status 2 and
the data file's bytes unchanged."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from careertui.demo import ARCHIVED_PRIORITY
from careertui.store.repository import Repository
from tests.conftest import CLI, TODAY
from tests.e2e.test_cli_changes import one_error_line
from tests.exchange.conftest import digest

DAY = dt.date.fromisoformat(TODAY)


def test_the_list_shows_the_priorities_in_force_then_the_archived_ones(
    cli: CLI, demo_repo: Repository
) -> None:
    career = demo_repo.career()
    result = cli("priorities", env={"COLUMNS": "120"})
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["#", "Priority", "Status", "In", "force", "Wins"]
    for rank, priority in enumerate(career.priorities, start=1):
        assert lines[rank].split()[0] == str(rank)
        assert priority.title in lines[rank] and "in force" in lines[rank]
    archived = lines[len(career.priorities) + 1]
    title, *_, began, ended = ARCHIVED_PRIORITY
    period = f"{(DAY - dt.timedelta(days=began)).isoformat()} to "
    period += (DAY - dt.timedelta(days=ended)).isoformat()
    assert title in archived and "archived" in archived and period in archived
    assert archived.split()[-1] == "4"  # its wins, still linked
    assert "new half" not in result.stdout  # the demo's priorities are fresh


def test_archive_takes_a_unique_beginning_and_keeps_the_wins_linked(
    cli: CLI, demo_repo: Repository
) -> None:
    launch = next(p for p in demo_repo.career().priorities if p.title.startswith("Launch"))
    tied = {w.id for w in demo_repo.wins.list() if w.priority_id == launch.id}
    result = cli("priorities", "archive", "launch SELF", "--until", "2026-06-30")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (
        f"archived 'Launch self-serve onboarding': in force until 2026-06-30; "
        f"its {len(tied)} wins keep the link"
    )
    career = Repository.at(demo_repo.store.path.parent).career()
    assert launch.id not in [p.id for p in career.priorities]
    assert [p.rank for p in career.priorities] == [0, 1, 2, 3]
    [archived] = [p for p in career.archived_priorities if p.id == launch.id]
    assert archived.until == dt.date(2026, 6, 30)
    assert {w.id for w in career.wins if w.priority_id == launch.id} == tied
    listed = cli("priorities", env={"COLUMNS": "120"}).stdout
    assert "Launch self-serve onboarding" in listed.splitlines()[5]  # after the four in force
    # the JSON lists it archived, with its period and wins
    payload = json.loads(cli("priorities", "--json").stdout)
    [entry] = [p for p in payload if p["id"] == launch.id]
    assert entry == {
        "id": launch.id,
        "title": "Launch self-serve onboarding",
        "description": launch.description,
        "rank": None,
        "archived": True,
        "since": None,
        "until": "2026-06-30",
        "wins": len(tied),
    }


def test_restore_puts_an_archived_priority_back_in_force_last(
    cli: CLI, demo_repo: Repository
) -> None:
    title = ARCHIVED_PRIORITY[0]
    result = cli("priorities", "restore", title[:10].upper())
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"restored {title!r}: in force again, ranked 6\n"
    career = Repository.at(demo_repo.store.path.parent).career()
    assert [p.title for p in career.priorities][-1] == title
    assert [p.rank for p in career.priorities] == [0, 1, 2, 3, 4, 5]
    assert not career.archived_priorities
    assert sum(w.priority_id == career.priorities[-1].id for w in career.wins) == 4


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("restore", "zzz"), "no archived priority is called 'zzz'"),
        (("restore", "Grow"), "'Grow' is in force already"),
        (("restore",), "name the priority to restore"),
        (("restore", "Move every", "--until", "today"), "--until goes with 'archive'"),
        (("archive", "zzz"), "no priority named 'zzz'"),
        (("archive",), "name the priority to archive"),
        (("archive", "Move every"), "is archived already (2025-11-23 to 2026-05-23)"),
        (("archive", "Grow", "--until", "tomorrow"), "is in the future (2026-11-24)"),
        (("archive", "Grow", "--until", "someday"), "someday"),
        (("--until", "today"), "--until goes with 'archive'"),
        (("Grow",), "'Grow' is not something 'priorities' does"),
    ],
)
def test_bad_input_is_one_error_line_and_writes_nothing(
    cli: CLI, demo_repo: Repository, args: tuple[str, ...], expected: str
) -> None:
    before = digest(demo_repo.store.path)
    result = cli("priorities", *args)
    assert result.returncode == 2
    one_error_line(result.stderr, expected)
    assert result.stdout == ""
    assert digest(demo_repo.store.path) == before


def test_old_priorities_ask_for_the_new_half(cli: CLI, repo: Repository) -> None:
    assert cli("priorities").stdout.startswith("No company priorities yet")
    from careertui.actions.vision import add_priority
    from careertui.domain.models import Priority

    add_priority(repo, Priority(title="Grow NRR", since=DAY - dt.timedelta(days=200)))
    result = cli("priorities")
    assert "A new half: the company priorities date from" in result.stdout
    assert "careertui priorities archive NAME" in result.stdout
    assert cli("priorities", "archive", "grow").returncode == 0
    result = cli("priorities")
    assert f"no company priorities in force since {TODAY}" in result.stdout
    review = cli("review").stdout
    assert f"a new half: no company priorities in force since {TODAY}" in review
