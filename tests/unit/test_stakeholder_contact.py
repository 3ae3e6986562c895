"""`careertui win --with NAME` counts as contact: the stakeholder's last contact moves."""

from __future__ import annotations

import datetime as dt

from careertui.domain.models import Stakeholder
from careertui.store.repository import Repository


def test_a_win_with_someone_moves_their_last_contact(cli, repo: Repository) -> None:
    repo.stakeholders.add(Stakeholder(name="Tom Becker", last_contact=dt.date(2026, 10, 1)))
    repo.stakeholders.add(Stakeholder(name="Maya Chen", last_contact=dt.date(2026, 11, 22)))
    result = cli("win", "Closed the EMEA pilot", "--with", "Tom", "--date", "2026-11-20")
    assert result.returncode == 0, result.stderr
    people = {p.name: p.last_contact for p in repo.stakeholders.list()}
    assert people == {"Tom Becker": dt.date(2026, 11, 20), "Maya Chen": dt.date(2026, 11, 22)}


def test_an_older_win_never_moves_last_contact_back(cli, repo: Repository) -> None:
    repo.stakeholders.add(Stakeholder(name="Maya Chen", last_contact=dt.date(2026, 11, 22)))
    result = cli("win", "Old news", "--with", "maya chen", "--date", "2026-11-01")
    assert result.returncode == 0, result.stderr
    assert repo.stakeholders.list()[0].last_contact == dt.date(2026, 11, 22)


def test_an_unknown_name_is_one_error_line_and_nothing_written(cli, repo: Repository) -> None:
    repo.stakeholders.add(Stakeholder(name="Maya Chen"))
    before = repo.store.path.read_bytes()
    result = cli("win", "Something", "--with", "Nobody")
    assert result.returncode == 2
    assert result.stderr.startswith("error: no stakeholder named 'Nobody'")
    assert result.stderr.count("\n") == 1
    assert repo.store.path.read_bytes() == before
