"""The lean win on a real store: what ``careertui win`` writes without building a model.

``tests/unit/test_lean_win.py`` compares its file with the full path's byte for byte and
counts what it imports; here it is called as the shell calls it and read back as the next
process would read it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from careertui.actions.lean_win import HAND_OVER, append_win
from careertui.domain.errors import InputError
from careertui.domain.models import Gap, Priority, Stakeholder
from careertui.domain.win_record import new_win
from careertui.store.repository import Repository
from tests.conftest import TODAY

DAY = dt.date.fromisoformat(TODAY)


def test_append_win_links_what_the_user_named_and_moves_last_contact(
    repo: Repository, data_dir: Path
) -> None:
    with repo.transaction():
        maya = repo.stakeholders.add(Stakeholder(name="Maya Chen", cadence_days=7))
        retention = repo.priorities.add(Priority(title="Grow retention"))
        sql = repo.gaps.add(Gap(title="SQL fluency"))

    stored = append_win(
        data_dir,
        new_win(title="Shipped the churn model", date=DAY),
        priority="grow",
        gaps=["sql"],
        people=["maya"],
    )

    assert stored is not None
    win = Repository.at(data_dir).wins.get(stored["id"])
    assert win is not None
    assert (win.title, win.date, win.priority_id) == ("Shipped the churn model", DAY, retention.id)
    assert (win.gap_ids, win.stakeholder_ids) == ([sql.id], [maya.id])
    person = Repository.at(data_dir).stakeholders.get(maya.id)
    assert person is not None and person.last_contact == DAY


def test_append_win_refuses_an_unknown_name_and_writes_nothing(
    repo: Repository, data_dir: Path
) -> None:
    repo.stakeholders.add(Stakeholder(name="Maya Chen"))
    before = (data_dir / "careertui.json").read_bytes()

    with pytest.raises(InputError, match="Tom"):
        append_win(data_dir, new_win(title="A win", date=DAY), people=["Tom"])

    assert (data_dir / "careertui.json").read_bytes() == before


def test_append_win_hands_a_store_it_cannot_read_over_untouched(data_dir: Path) -> None:
    data_dir.mkdir(mode=0o700)
    (data_dir / "careertui.json").write_text("{not json", encoding="utf-8")

    assert append_win(data_dir, new_win(title="A win", date=DAY)) is HAND_OVER
    assert (data_dir / "careertui.json").read_text(encoding="utf-8") == "{not json"
