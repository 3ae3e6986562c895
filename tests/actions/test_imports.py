"""Importing merges records by id, in one transaction: new ones are added, newer ones replace,
the rest are kept; a dangling id refuses the whole file. The wins and check-ins an import
brings move the last contact of people already here; someone the file holds keeps the one
the file gives them."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from pathlib import Path

import pytest

from careertui.actions.imports import (
    ImportReport,
    add_records,
    check_references,
    merge,
)
from careertui.actions.people import check_in
from careertui.actions.wins import log_win
from careertui.domain.clock import now
from careertui.domain.errors import InputError
from careertui.domain.models import Gap, Interaction, Priority, Record, Stakeholder, Win
from careertui.exchange.backup import FORMAT, import_backup
from careertui.store import schema
from careertui.store.repository import Repository
from tests.conftest import TODAY

DAY = dt.date.fromisoformat(TODAY)
LATER = now() + dt.timedelta(hours=1)
EARLIER = now() - dt.timedelta(days=30)


def day(n: int) -> dt.date:
    """``n`` days before today."""
    return DAY - dt.timedelta(days=n)


def on_file(data_dir: Path) -> Repository:
    """The store as the next process reads it."""
    return Repository.at(data_dir)


def last_on_file(data_dir: Path, person_id: str) -> dt.date | None:
    person = on_file(data_dir).stakeholders.get(person_id)
    assert person is not None
    return person.last_contact


def export_file(folder: Path, **tables: Sequence[Record]) -> Path:
    """A careertui JSON export holding ``tables`` (as ``careertui export json`` writes it)."""
    data: dict[str, object] = {"format": FORMAT, "schema": schema.CURRENT_VERSION, "vision": None}
    for table, records in tables.items():
        data[table] = [r.model_dump(mode="json") for r in records]
    path = folder / "export.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


# -- merge -----------------------------------------------------------------------------------


def test_merge_adds_new_records_with_their_ids_and_says_so(
    repo: Repository, data_dir: Path
) -> None:
    gap = Gap(id="gap_exec", title="Executive presence")
    win = Win(id="win_deck", title="Board deck", gap_ids=["gap_exec"])

    report = merge(repo, {"gaps": [gap], "wins": [win]}, "laptop.json")

    assert report.added == {"gaps": 1, "wins": 1}
    assert report.lines() == ["added:   1 gap, 1 win", "updated: nothing", "skipped: 0"]
    stored = on_file(data_dir)
    assert stored.wins.get("win_deck") == win
    assert stored.gaps.get("gap_exec") == gap


def test_merge_replaces_only_what_the_file_has_newer(repo: Repository, data_dir: Path) -> None:
    here = log_win(repo, Win(id="win_a", title="Here"))
    kept = log_win(repo, Win(id="win_b", title="Here, edited since"))
    same = log_win(repo, Win(id="win_c", title="Same"))
    incoming = {
        "wins": [
            here.model_copy(update={"title": "From the laptop", "updated": LATER}),
            kept.model_copy(update={"title": "Stale copy", "updated": EARLIER}),
            same,
        ]
    }

    report = merge(repo, incoming, "laptop.json")

    assert (report.updated, report.kept_newer, report.unchanged) == (
        {"wins": 1},
        {"wins": 1},
        {"wins": 1},
    )
    titles = {w.id: w.title for w in on_file(data_dir).wins.list()}
    assert titles == {"win_a": "From the laptop", "win_b": "Here, edited since", "win_c": "Same"}
    assert report.lines()[2] == (
        "skipped: 2 (1 already here and the same, 1 newer or as new here, kept)"
    )


def test_merge_never_lets_an_undated_copy_replace_one_here(
    repo: Repository, data_dir: Path
) -> None:
    here = log_win(repo, Win(id="win_a", title="Here"))
    undated = here.model_copy(update={"title": "No time given", "updated": LATER})

    report = merge(repo, {"wins": [undated]}, "old.json", undated={("wins", "win_a")})

    assert report.kept_undated == {"wins": 1}
    assert on_file(data_dir).wins.get("win_a") == here
    assert "1 with no 'updated' time in the file, the copy here kept" in report.lines()[2]


def test_merging_the_same_records_twice_changes_nothing(repo: Repository) -> None:
    records = {
        "priorities": [Priority(id="pri_rev", title="Revenue")],
        "wins": [Win(id="win_a", title="Deal", priority_id="pri_rev")],
    }
    merge(repo, records, "laptop.json")
    before = repo.store.path.read_bytes()

    again = merge(repo, records, "laptop.json")

    assert (again.added, again.updated) == ({}, {})
    assert again.unchanged == {"priorities": 1, "wins": 1}
    assert repo.store.path.read_bytes() == before


def test_merge_with_a_dangling_id_imports_nothing(repo: Repository) -> None:
    log_win(repo, Win(title="Already here"))
    before = repo.store.path.read_bytes()
    incoming = {
        "gaps": [Gap(id="gap_new", title="New gap")],
        "wins": [Win(id="win_x", title="Orphan", stakeholder_ids=["stk_nowhere"])],
    }
    with pytest.raises(
        InputError,
        match="laptop.json: win 'win_x': stakeholder_ids: no stakeholder with id 'stk_nowhere'",
    ):
        merge(repo, incoming, "laptop.json")
    assert repo.store.path.read_bytes() == before


# -- last contact through an import ----------------------------------------------------------


def test_a_json_import_of_a_win_with_someone_here_moves_their_last_contact(
    repo: Repository, data_dir: Path, tmp_path: Path
) -> None:
    maya = repo.stakeholders.add(Stakeholder(id="stk_maya", name="Maya Chen"))
    check_in(repo, Interaction(stakeholder_id=maya.id, date=day(10)))
    path = export_file(
        tmp_path, wins=[Win(id="win_new", title="Met Maya", date=day(2), stakeholder_ids=[maya.id])]
    )

    report = import_backup(repo, path)

    assert report.added == {"wins": 1}
    assert last_on_file(data_dir, maya.id) == day(2)


def test_a_json_import_that_takes_someone_off_a_win_moves_their_last_contact_back(
    repo: Repository, data_dir: Path, tmp_path: Path
) -> None:
    maya = repo.stakeholders.add(Stakeholder(id="stk_maya", name="Maya Chen"))
    check_in(repo, Interaction(stakeholder_id=maya.id, date=day(10)))
    win = log_win(repo, Win(id="win_a", title="Met Maya", date=day(2), stakeholder_ids=[maya.id]))
    assert last_on_file(data_dir, maya.id) == day(2)
    path = export_file(
        tmp_path, wins=[win.model_copy(update={"stakeholder_ids": [], "updated": LATER})]
    )

    import_backup(repo, path)

    assert last_on_file(data_dir, maya.id) == day(10)


def test_someone_in_the_file_keeps_the_last_contact_the_file_gives_them(
    repo: Repository, data_dir: Path, tmp_path: Path
) -> None:
    """A date typed in an older version has no record behind it; the file's word stands."""
    sam = Stakeholder(id="stk_sam", name="Sam Ortiz", last_contact=day(9))
    path = export_file(
        tmp_path,
        stakeholders=[sam],
        wins=[Win(id="win_s", title="Met Sam", date=day(3), stakeholder_ids=[sam.id])],
    )

    import_backup(repo, path)

    assert last_on_file(data_dir, sam.id) == day(9)
    assert on_file(data_dir).wins.get("win_s") is not None


# -- check_references ------------------------------------------------------------------------


def test_check_references_finds_ids_in_the_file_or_in_the_store(repo: Repository) -> None:
    here = repo.stakeholders.add(Stakeholder(id="stk_here", name="Here"))
    incoming = {
        "gaps": [Gap(id="gap_f", title="In the file")],
        "wins": [Win(title="Both", gap_ids=["gap_f"], stakeholder_ids=[here.id])],
    }
    check_references(incoming, repo.tables(), "x.json")  # nothing raised
    with pytest.raises(InputError, match="x.json: gap 'gap_g': stakeholder_ids: no stakeholder"):
        check_references(
            {"gaps": [Gap(id="gap_g", title="G", stakeholder_ids=["stk_gone"])]},
            repo.tables(),
            "x.json",
        )
    with pytest.raises(InputError, match="check-in 'int_1': stakeholder_id: no stakeholder"):
        check_references(
            {"interactions": [Interaction(id="int_1", stakeholder_id="stk_gone")]},
            repo.tables(),
            "x.json",
        )


# -- add_records -----------------------------------------------------------------------------


def test_add_records_stores_them_exactly_as_made(repo: Repository, data_dir: Path) -> None:
    maya = Stakeholder(id="stk_maya", name="Maya Chen", last_contact=day(4), updated=EARLIER)
    win = Win(id="win_a", title="Deal", date=day(1), stakeholder_ids=[maya.id], created=EARLIER)

    add_records(repo, {"stakeholders": [maya], "wins": [win], "gaps": []})

    stored = on_file(data_dir)
    assert stored.stakeholders.get(maya.id) == maya  # timestamps and last contact as given
    assert stored.wins.get(win.id) == win


# -- the report ------------------------------------------------------------------------------


def test_the_report_counts_in_words_and_mentions_cleaned_fields() -> None:
    report = ImportReport()
    report.added.update({"wins": 2, "feedback": 1})
    report.updated.update({"interactions": 1})
    report.cleaned = 3
    assert report.lines() == [
        "added:   1 feedback note, 2 wins",
        "updated: 1 check-in",
        "skipped: 0",
        "cleaned: 3 fields held control characters (ESC, BEL, …); they were removed",
    ]
