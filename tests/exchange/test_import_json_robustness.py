"""``careertui import json`` of files careertui did not write itself: control characters are
removed and counted, timestamps without a zone are UTC, and records without ``updated`` never
override what is here, so a second import changes nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from careertui.exchange.backup import export_data
from careertui.store.repository import Repository
from tests.conftest import CLI
from tests.exchange.conftest import digest
from tests.unit.test_terminal_safety import CLEAR, CLIPBOARD, raw_controls


def _write(path: Path, data: object) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _export(repo: Repository) -> dict:
    return export_data(repo.career())


def _import(cli: CLI, path: Path) -> list[str]:
    result = cli("import", "json", str(path))
    assert result.returncode == 0, result.stderr
    assert raw_controls(result.stdout) == []
    return result.stdout.splitlines()


# -- control characters ----------------------------------------------------------------------
def test_control_characters_are_removed_and_counted(
    small_repo: Repository, cli: CLI, tmp_path: Path
) -> None:
    data = _export(small_repo)
    wins = {w["id"]: w for w in data["wins"]}
    wins["win_onb"]["title"] = f"Shipped {CLIPBOARD}onboarding"
    wins["win_onb"]["metrics"][0]["name"] = f"activation{CLEAR} rate"
    wins["win_onb"]["tags"] = ["launch\x07"]
    wins["win_onb"]["updated"] = "2030-01-01T00:00:00Z"
    data["stakeholders"][0]["name"] += "\x9b31m\u202e"
    data["stakeholders"][0]["updated"] = "2030-01-01T00:00:00Z"
    data["wins"].append({"id": "win_new", "title": "New\x00 win", "body": "one\r\ntwo"})
    lines = _import(cli, _write(tmp_path / "e.json", data))
    assert "cleaned: 5 fields held control characters (ESC, BEL, …); they were removed" in lines
    win = small_repo.wins.get("win_onb")
    assert win.title == "Shipped ]52;c;cm0gLXJmIH4=onboarding"
    assert win.metrics[0].name == "activation[2J rate" and win.tags == ["launch"]
    assert small_repo.wins.get("win_new").title == "New win"
    assert small_repo.wins.get("win_new").body == "one\ntwo"  # a line ending is not counted
    stored = small_repo.store.path.read_text(encoding="utf-8")
    assert raw_controls(stored) == []  # C1 and bidi characters would be here as they are
    assert "\\u001b" not in stored and "\\u0007" not in stored  # orjson escapes C0 ones


#: One of each kind of control character: C0 ones orjson writes as short escapes and as
#: ``\\u00XX``, DEL, C1 and the bidirectional overrides (which JSON carries as they are).
EACH_KIND = (
    "\x00",
    "\x08",
    "\x0c",
    "\r",
    "\x1b",
    "\x1f",
    "\x7f",
    "\x85",
    "\x9f",
    "\u202e",
    "\u2069",
)


@pytest.mark.parametrize("char", EACH_KIND, ids=[f"U+{ord(c):04X}" for c in EACH_KIND])
def test_any_control_character_alone_in_a_table_is_found_and_removed(
    small_repo: Repository, cli: CLI, tmp_path: Path, char: str
) -> None:
    data = _export(small_repo)
    person = data["stakeholders"][0]
    person["name"] = f"Ana{char}Lima"
    person["updated"] = "2030-01-01T00:00:00Z"
    lines = _import(cli, _write(tmp_path / "e.json", data))
    stored = small_repo.stakeholders.get(person["id"]).name
    if char == "\r":  # a line ending: made a newline, not counted
        assert not any(line.startswith("cleaned:") for line in lines)
        assert stored == "Ana\nLima"
    else:
        assert "cleaned: 1 field held control characters" in "\n".join(lines)
        assert stored == "AnaLima"


def test_a_clean_file_reports_no_cleaning(small_repo: Repository, cli: CLI, tmp_path: Path) -> None:
    lines = _import(cli, _write(tmp_path / "e.json", _export(small_repo)))
    assert not any(line.startswith("cleaned:") for line in lines)


# -- timestamps without a zone ---------------------------------------------------------------
@pytest.mark.parametrize("field", ["updated", "created"])
def test_timestamps_without_a_zone_are_taken_as_utc(
    small_repo: Repository, cli: CLI, tmp_path: Path, field: str
) -> None:
    data = _export(small_repo)
    wins = {w["id"]: w for w in data["wins"]}
    wins["win_onb"].update(title="Edited elsewhere, later", updated="2030-01-01T09:00:00")
    wins["win_inc"].update(title="Edited elsewhere, long ago", updated="2020-01-01T09:00:00")
    wins["win_talk"][field] = "2026-10-05T09:00:00"  # naive, otherwise unchanged
    lines = _import(cli, _write(tmp_path / "e.json", data))
    assert lines[1:3] == ["added:   nothing", "updated: 1 win"]
    assert small_repo.wins.get("win_onb").title == "Edited elsewhere, later"
    assert small_repo.wins.get("win_onb").updated.tzinfo is not None
    assert small_repo.wins.get("win_inc").title == "Halved incident time"


def test_a_naive_record_new_here_is_stored_in_utc(
    cli: CLI, tmp_path: Path, repo: Repository
) -> None:
    record = {
        "id": "win_a",
        "title": "A",
        "date": "2026-11-02",
        "created": "2026-11-02T09:00:00",
        "updated": "2026-11-02T09:00:00",
    }
    data = {"format": "careertui-export", "schema": 2, "wins": [record]}
    _import(cli, _write(tmp_path / "e.json", data))
    stored = json.loads(repo.store.path.read_text(encoding="utf-8"))["wins"]["win_a"]
    assert stored["created"] == stored["updated"] == "2026-11-02T09:00:00Z"
    assert cli("wins").stdout.startswith("2026-11-02")


# -- records without "updated" ---------------------------------------------------------------
def _undated(data: dict) -> dict:
    for table in ("priorities", "gaps", "stakeholders", "wins", "feedback", "interactions"):
        for row in data[table]:
            row.pop("updated")
    data["vision"].pop("updated")
    return data


def test_records_without_updated_import_once_then_change_nothing(
    small_repo: Repository, cli: CLI, tmp_path: Path
) -> None:
    path = _write(tmp_path / "e.json", _undated(_export(small_repo)))
    fresh = tmp_path / "fresh"
    first = cli("--data-dir", str(fresh), "import", "json", str(path), data_dir=False)
    assert first.returncode == 0, first.stderr
    assert "added:   1 vision, 2 priorities" in first.stdout
    before = digest(fresh / "careertui.json")
    second = cli("--data-dir", str(fresh), "import", "json", str(path), data_dir=False)
    assert second.returncode == 0, second.stderr
    assert second.stdout.splitlines()[1:3] == ["added:   nothing", "updated: nothing"]
    assert digest(fresh / "careertui.json") == before


def test_a_record_without_updated_never_overrides_a_local_edit(
    small_repo: Repository, cli: CLI, tmp_path: Path
) -> None:
    data = _undated(_export(small_repo))
    win = small_repo.wins.get("win_onb")
    small_repo.wins.update(win.model_copy(update={"title": "Edited here"}))
    before = digest(small_repo.store.path)
    lines = _import(cli, _write(tmp_path / "e.json", data))
    assert lines[1:3] == ["added:   nothing", "updated: nothing"]
    assert "1 with no 'updated' time in the file, the copy here kept" in lines[3]
    assert small_repo.wins.get("win_onb").title == "Edited here"
    assert digest(small_repo.store.path) == before
    again = _import(cli, tmp_path / "e.json")
    assert again[1:3] == ["added:   nothing", "updated: nothing"]
    assert digest(small_repo.store.path) == before


def test_a_record_without_created_or_updated_keeps_the_time_it_has(
    cli: CLI, tmp_path: Path, repo: Repository
) -> None:
    records = [
        {"id": "win_a", "title": "A", "date": "2026-11-02", "updated": "2026-11-02T09:00:00Z"},
        {"id": "win_b", "title": "B", "date": "2026-11-03", "created": "2026-11-03T09:00:00Z"},
    ]
    path = _write(tmp_path / "e.json", {"format": "careertui-export", "schema": 2, "wins": records})
    _import(cli, path)
    stored = json.loads(repo.store.path.read_text(encoding="utf-8"))["wins"]
    assert stored["win_a"]["created"] == stored["win_a"]["updated"] == "2026-11-02T09:00:00Z"
    assert stored["win_b"]["created"] == stored["win_b"]["updated"] == "2026-11-03T09:00:00Z"
    before = digest(repo.store.path)
    again = _import(cli, path)
    assert again[1:3] == ["added:   nothing", "updated: nothing"]
    assert digest(repo.store.path) == before
