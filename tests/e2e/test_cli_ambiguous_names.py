"""``careertui win … --gap/--with/--priority`` with words that fit more than one record names
the candidates instead of saying there is none (issue 14, item 14), on the lean path (a plain
store careertui wrote) and on the full path (an encrypted store), and writes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from careertui.domain.models import Gap, Priority, Stakeholder
from careertui.store.repository import Repository
from tests.conftest import CLI

PASSPHRASE = {"CAREERTUI_PASSPHRASE": "correct horse battery staple"}


@pytest.fixture
def named(repo: Repository, data_dir: Path) -> Path:
    with repo.transaction():
        repo.gaps.add(Gap(title="Public speaking"))
        repo.gaps.add(Gap(title="Product strategy", rank=1))
        repo.gaps.add(Gap(title="SQL", rank=2))
        repo.stakeholders.add(Stakeholder(name="Maya Chen"))
        repo.stakeholders.add(Stakeholder(name="Mark Ruiz"))
        repo.priorities.add(Priority(title="Grow revenue"))
        repo.priorities.add(Priority(title="Grow retention", rank=1))
    return data_dir / "careertui.json"


CASES = [
    (
        ["--gap", "P"],
        "error: 'P' matches 2 gaps: 'Product strategy', 'Public speaking'; give more of the name\n",
    ),
    (
        ["--with", "ma"],
        "error: 'ma' matches 2 stakeholders: 'Mark Ruiz', 'Maya Chen'; give more of the name\n",
    ),
    (
        ["--priority", "grow"],
        "error: 'grow' matches 2 priorities: 'Grow retention', "
        "'Grow revenue'; give more of the name\n",
    ),
]


@pytest.mark.parametrize(("options", "message"), CASES)
def test_the_lean_path_names_the_candidates(
    cli: CLI, named: Path, options: list[str], message: str
) -> None:
    before = named.read_bytes()
    result = cli("win", "Gave the keynote", *options)
    assert (result.returncode, result.stdout, result.stderr) == (2, "", message)
    assert named.read_bytes() == before


@pytest.mark.parametrize(("options", "message"), CASES)
def test_the_full_path_names_the_candidates(
    cli: CLI, named: Path, options: list[str], message: str
) -> None:
    assert cli("encrypt", env=PASSPHRASE).returncode == 0
    before = named.read_bytes()
    assert before.startswith(b"careertui-encrypted")  # so `win` takes the full path
    result = cli("win", "Gave the keynote", *options, env=PASSPHRASE)
    assert (result.returncode, result.stdout, result.stderr) == (2, "", message)
    assert named.read_bytes() == before


def test_more_of_the_name_picks_one(cli: CLI, named: Path, repo: Repository) -> None:
    result = cli("win", "Gave the keynote", "--gap", "Pu", "--with", "may")
    assert result.returncode == 0, result.stderr
    (win,) = repo.wins.list()
    assert [repo.gaps.get(g).title for g in win.gap_ids] == ["Public speaking"]
    assert [repo.stakeholders.get(s).name for s in win.stakeholder_ids] == ["Maya Chen"]


def test_two_records_with_the_same_name_ask_for_the_id(cli: CLI, repo: Repository) -> None:
    first = repo.stakeholders.add(Stakeholder(name="Alex Kim"))
    second = repo.stakeholders.add(Stakeholder(name="Alex Kim"))
    result = cli("win", "Pairing", "--with", "alex kim")
    assert result.returncode == 2
    assert result.stderr == (
        f"error: 'alex kim' matches 2 stakeholders with that name (ids {first.id}, "
        f"{second.id}); give the id instead\n"
    )
    assert cli("win", "Pairing", "--with", second.id).returncode == 0
    assert repo.wins.list()[0].stakeholder_ids == [second.id]


def test_a_name_that_fits_nothing_still_says_so(cli: CLI, named: Path) -> None:
    result = cli("win", "x", "--gap", "Zebra")
    assert result.returncode == 2
    assert result.stderr.startswith("error: no gap named 'Zebra'")
