"""JSON export and import: a faithful round trip, merge by id, and all-or-nothing on bad input."""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careertui.domain.errors import InputError
from careertui.domain.models import Metric, Vision, Win
from careertui.domain.text import strip_control
from careertui.exchange.backup import FORMAT, export_data, export_json, import_backup
from careertui.store import schema
from careertui.store.repository import Career, Repository
from tests.exchange.conftest import digest

TABLES = (
    "priorities",
    "gaps",
    "stakeholders",
    "wins",
    "feedback",
    "interactions",
    "goals",
    "thanks",
)


def _dump(career: Career) -> dict[str, object]:
    out: dict[str, object] = {"vision": career.vision.model_dump(mode="json")}
    for table in TABLES:
        out[table] = {r.id: r.model_dump(mode="json") for r in getattr(career, table)}
    return out


def _write(path: Path, data: object) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_export_then_import_into_an_empty_store_gives_back_the_same_records(
    demo_repo: Repository, tmp_path: Path
) -> None:
    source = demo_repo.career()
    path = _write(tmp_path / "export.json", json.loads(export_json(source)))
    fresh = Repository.at(tmp_path / "fresh")
    report = import_backup(fresh, path)
    copy = fresh.career()
    for table in TABLES:
        original, restored = getattr(source, table), getattr(copy, table)
        assert len(original) == len(restored) > 0, table
        by_id = {r.id: r for r in restored}
        for record in original:
            assert by_id[record.id] == record, f"{table} {record.id}"
    assert copy.vision == source.vision
    assert report.added["wins"] == len(source.wins)
    assert report.added["vision"] == 1
    assert not report.updated and report.skipped == 0


def test_a_second_import_adds_and_changes_nothing(demo_repo: Repository, tmp_path: Path) -> None:
    path = _write(tmp_path / "export.json", export_data(demo_repo.career()))
    fresh = Repository.at(tmp_path / "fresh")
    import_backup(fresh, path)
    before = digest(fresh.store.path)
    again = import_backup(fresh, path)
    assert not again.added and not again.updated
    career = demo_repo.career()
    kept = sum(len(getattr(career, t)) for t in TABLES) + len(career.archived_priorities)
    assert again.unchanged.total() == kept + 1  # and the vision
    assert digest(fresh.store.path) == before
    assert again.lines()[:2] == ["added:   nothing", "updated: nothing"]


def test_the_json_names_format_and_schema(small_repo: Repository) -> None:
    data = json.loads(export_json(small_repo.career()))
    assert data["format"] == FORMAT and data["schema"] == schema.CURRENT_VERSION
    assert {w["id"] for w in data["wins"]} == {"win_onb", "win_inc", "win_talk", "win_old"}
    assert data["vision"]["target_role"] == "Group PM, Platform"


def test_an_empty_store_exports_no_vision(repo: Repository) -> None:
    assert export_data(repo.career())["vision"] is None


def test_merge_updates_older_records_and_keeps_newer_ones(
    small_repo: Repository, tmp_path: Path
) -> None:
    data = export_data(small_repo.career())
    later = dt.datetime(2030, 1, 1, tzinfo=dt.timezone.utc).isoformat()
    earlier = dt.datetime(2020, 1, 1, tzinfo=dt.timezone.utc).isoformat()
    wins = {w["id"]: w for w in data["wins"]}
    wins["win_onb"].update(title="Shipped onboarding v2", updated=later)
    wins["win_inc"].update(title="An older edit", updated=earlier)
    data["wins"].append(Win(id="win_new", title="A new win").model_dump(mode="json"))
    report = import_backup(small_repo, _write(tmp_path / "e.json", data))
    assert report.added == {"wins": 1}
    assert report.updated == {"wins": 1}
    assert report.kept_newer == {"wins": 1}
    assert small_repo.wins.get("win_onb").title == "Shipped onboarding v2"
    assert small_repo.wins.get("win_inc").title == "Halved incident time"
    assert small_repo.wins.get("win_new") is not None
    assert report.lines() == [
        "added:   1 win",
        "updated: 1 win",
        f"skipped: {report.skipped} ({report.unchanged.total()} already here and the same, "
        "1 newer or as new here, kept)",
    ]


def test_an_older_schema_export_is_migrated(small_repo: Repository, tmp_path: Path) -> None:
    data = export_data(small_repo.career())
    data["schema"] = 1
    for gap in data["gaps"]:
        del gap["source_feedback_id"]
    del data["vision"]["scope"], data["vision"]["room_to_grow"]
    fresh = Repository.at(tmp_path / "fresh")
    report = import_backup(fresh, _write(tmp_path / "old.json", data))
    assert report.added["gaps"] == 2
    assert fresh.vision().scope == []
    assert fresh.vision().target_role == "Group PM, Platform"


# -- bad input: a clear error naming the record and field, and nothing written ---------------
def _refused(repo: Repository, path: Path, match: str) -> None:
    before = digest(repo.store.path)
    with pytest.raises(InputError, match=match):
        import_backup(repo, path)
    assert digest(repo.store.path) == before


def test_a_missing_file(small_repo: Repository, tmp_path: Path) -> None:
    _refused(small_repo, tmp_path / "nope.json", r"nope\.json: no such file")


def test_a_file_that_is_not_json(small_repo: Repository, tmp_path: Path) -> None:
    path = tmp_path / "notes.json"
    path.write_text("# my notes\n")
    _refused(small_repo, path, r"notes\.json: not valid JSON")


def test_json_that_is_not_an_export(small_repo: Repository, tmp_path: Path) -> None:
    _refused(small_repo, _write(tmp_path / "x.json", [1, 2]), "not a careertui JSON export")
    _refused(
        small_repo, _write(tmp_path / "y.json", {"entries": []}), "not a careertui JSON export"
    )


def test_a_newer_schema(small_repo: Repository, tmp_path: Path) -> None:
    data = export_data(small_repo.career())
    data["schema"] = schema.CURRENT_VERSION + 1
    _refused(
        small_repo,
        _write(tmp_path / "new.json", data),
        rf"schema: written by a newer careertui \(schema {schema.CURRENT_VERSION + 1}",
    )


def test_an_invalid_record_is_named_with_its_field(
    repo: Repository, small_repo: Repository, tmp_path: Path
) -> None:
    data = export_data(small_repo.career())
    data["wins"][1]["title"] = ""
    data["gaps"][0]["impact"] = 9
    path = _write(tmp_path / "bad.json", data)
    bad_id = data["wins"][1]["id"]
    _refused(small_repo, path, r"gap #1 'gap_exec': impact: .*and 1 more invalid records")
    data["gaps"][0]["impact"] = 3
    _refused(small_repo, _write(path, data), rf"win #2 '{bad_id}': title: String should have")


def test_a_record_without_an_id_or_with_a_duplicate(small_repo: Repository, tmp_path: Path) -> None:
    data = export_data(small_repo.career())
    del data["stakeholders"][0]["id"]
    _refused(small_repo, _write(tmp_path / "a.json", data), r"stakeholder #1: id: missing")
    data = export_data(small_repo.career())
    data["wins"].append(dict(data["wins"][0]))
    _refused(small_repo, _write(tmp_path / "b.json", data), r"win #5: id: '.*' appears more")


def test_a_dangling_link_is_refused(tmp_path: Path, small_repo: Repository) -> None:
    data = export_data(small_repo.career())
    data["wins"][0]["priority_id"] = "pri_gone"
    fresh = Repository.at(tmp_path / "fresh")
    _refused(
        fresh,
        _write(tmp_path / "d.json", data),
        r"win '.*': priority_id: no priority with id 'pri_gone'",
    )
    assert not fresh.store.exists()


def test_a_valid_file_into_a_newer_store_is_refused(small_repo: Repository, tmp_path: Path) -> None:
    path = _write(tmp_path / "e.json", export_data(small_repo.career()))
    raw = json.loads(small_repo.store.path.read_text())
    raw["_meta"]["schema"]["version"] = schema.CURRENT_VERSION + 1
    small_repo.store.path.write_text(json.dumps(raw))
    from careertui.store.errors import ReadOnlyStore

    before = digest(small_repo.store.path)
    with pytest.raises(ReadOnlyStore):
        import_backup(small_repo, path)
    assert digest(small_repo.store.path) == before


def test_blank_vision_round_trip_leaves_vision_unset(repo: Repository, tmp_path: Path) -> None:
    path = _write(tmp_path / "e.json", export_data(repo.career()))
    fresh = Repository.at(tmp_path / "fresh")
    import_backup(fresh, path)
    assert fresh.tables().get("vision", {}) == {}
    assert fresh.vision().target_role == "" and fresh.store.exists()


_WORDS = (
    st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=30)
    .map(strip_control)
    .filter(str.strip)
)  # control characters are refused on input
#: Any text a person can type (control characters are refused on input).
_TEXT = st.text(max_size=60).map(strip_control)


@st.composite
def _wins(draw: st.DrawFn) -> list[Win]:
    count = draw(st.integers(min_value=0, max_value=6))
    return [
        Win(
            date=draw(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2030, 12, 31))),
            title=draw(_WORDS),
            body=draw(_TEXT),
            impact=draw(_TEXT.map(lambda s: s[:30])),
            metrics=[
                Metric(
                    name=draw(_WORDS),
                    before=draw(_TEXT.map(lambda s: s[:8])),
                    after=draw(_WORDS.map(lambda s: s[:20])),
                )
                for _ in range(draw(st.integers(0, 2)))
            ],
            tags=draw(
                st.lists(st.from_regex(r"[a-z0-9][a-z0-9-]{0,9}", fullmatch=True), max_size=3)
            ),
            starred=draw(st.booleans()),
        )
        for _ in range(count)
    ]


@settings(max_examples=40, deadline=None)
@given(wins=_wins())
def test_any_wins_survive_export_and_import(wins: list[Win]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "export.json"
        path.write_text(export_json(Career(vision=Vision(), wins=wins)), encoding="utf-8")
        fresh = Repository.at(Path(folder) / "store")
        report = import_backup(fresh, path)
        assert report.added.get("wins", 0) == len(wins)
        assert sorted(fresh.wins.list(), key=lambda w: w.id) == sorted(wins, key=lambda w: w.id)
