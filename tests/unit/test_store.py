"""The store: schema versions, refusal of unreadable files, doctor, backups, permissions and
symlinks. Files are damaged on disk and checked byte for byte."""

from __future__ import annotations

import datetime as dt
import os
import stat
from pathlib import Path

import orjson
import pytest

from careertui.domain.models import Win
from careertui.store import backups, schema
from careertui.store.database import Store
from careertui.store.errors import ReadOnlyStore, UnreadableStore
from careertui.store.repository import Repository
from tests.conftest import CLI


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def write_file(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


# -- schema versions ---------------------------------------------------------------------------
def test_new_store_is_stamped_with_the_current_schema(repo: Repository) -> None:
    repo.wins.add(Win(title="first"))
    data = orjson.loads(repo.store.path.read_bytes())
    assert data["_meta"]["schema"]["version"] == schema.CURRENT_VERSION


def test_a_newer_schema_opens_read_only(repo: Repository, cli: CLI) -> None:
    repo.wins.add(Win(title="from the future"))
    data = orjson.loads(repo.store.path.read_bytes())
    data["_meta"]["schema"]["version"] = schema.CURRENT_VERSION + 1
    write_file(repo.store.path, orjson.dumps(data))
    before = repo.store.path.read_bytes()

    career = repo.career()
    assert career.read_only and [w.title for w in career.wins] == ["from the future"]
    with pytest.raises(ReadOnlyStore, match="newer careertui"):
        repo.wins.add(Win(title="refused"))

    result = cli("win", "refused too")
    assert result.returncode == 2
    assert result.stderr.startswith("error: ") and "read-only" in result.stderr
    assert "Traceback" not in result.stderr
    assert repo.store.path.read_bytes() == before
    assert "from the future" in cli("wins").stdout


def test_an_older_schema_is_migrated_after_a_backup(
    repo: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo.wins.add(Win(title="old"))
    old_bytes = repo.store.path.read_bytes()
    current = schema.CURRENT_VERSION

    def add_mood(tables: schema.Tables) -> None:
        for doc in tables.get("wins", {}).values():
            doc["title"] = doc["title"] + " (migrated)"

    monkeypatch.setattr(schema, "CURRENT_VERSION", current + 1)
    monkeypatch.setitem(schema.MIGRATIONS, current, add_mood)

    assert [w.title for w in repo.wins.list()] == ["old (migrated)"]  # read: in memory only
    assert repo.store.path.read_bytes() == old_bytes

    repo.wins.add(Win(title="new"))  # the first write migrates the file
    data = orjson.loads(repo.store.path.read_bytes())
    assert data["_meta"]["schema"]["version"] == current + 1
    assert sorted(d["title"] for d in data["wins"].values()) == ["new", "old (migrated)"]
    saved = [p for p in backups.list_backups(repo.store.data_dir) if "pre-migration" in p.name]
    assert len(saved) == 1 and saved[0].read_bytes() == old_bytes


# -- files it cannot read ----------------------------------------------------------------------
GOOD = orjson.dumps({"_meta": {"schema": {"version": 1}}, "wins": {}})
DAMAGED = {
    "truncated": GOOD[: len(GOOD) // 2],
    "trailing garbage": GOOD + b"}garbage",
    "empty": b"",
    "not JSON": b"this is my diary, not JSON",
    "wrong shape (list)": b"[1, 2, 3]",
    "wrong shape (table)": b'{"wins": [1, 2]}',
    "wrong shape (record)": b'{"wins": {"w1": "text"}}',
    "invalid record": b'{"wins": {"w1": {"id": "w1", "title": ""}}}',
    "bad schema version": b'{"_meta": {"schema": {"version": "two"}}}',
}


@pytest.mark.parametrize("damage", list(DAMAGED), ids=list(DAMAGED))
@pytest.mark.parametrize(
    "command", [["win", "a win"], ["wins"], ["doctor"], []], ids=["win", "wins", "doctor", "app"]
)
def test_unreadable_files_are_refused_and_left_byte_identical(
    cli: CLI, data_dir: Path, damage: str, command: list[str]
) -> None:
    path = data_dir / "careertui.json"
    write_file(path, DAMAGED[damage])
    result = cli(*command)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    assert str(path) in lines[0]
    assert "Traceback" not in result.stderr
    assert path.read_bytes() == DAMAGED[damage]
    assert not list(data_dir.glob("*.tmp"))


def test_the_store_api_refuses_too(data_dir: Path) -> None:
    write_file(data_dir / "careertui.json", b"{not json")
    store = Store(data_dir)
    with pytest.raises(UnreadableStore, match="not valid JSON"):
        store.read()
    with pytest.raises(UnreadableStore), store.transaction():
        pass
    assert (data_dir / "careertui.json").read_bytes() == b"{not json"


# -- backups and doctor ------------------------------------------------------------------------
def test_a_daily_backup_is_taken_before_the_first_write_of_the_day(
    repo: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    def dailies() -> list[Path]:
        return [
            p
            for p in backups.list_backups(repo.store.data_dir)
            if p.name.startswith(backups.DAILY_PREFIX)
        ]

    repo.wins.add(Win(title="monday"))
    assert dailies() == []  # nothing existed before
    monday = repo.store.path.read_bytes()
    repo.wins.add(Win(title="monday again"))
    first = dailies()
    assert len(first) == 1 and first[0].read_bytes() == monday
    repo.wins.add(Win(title="third write"))
    assert len(dailies()) == 1  # once a day


def test_daily_backups_are_rotated(tmp_path: Path) -> None:
    start = dt.date(2026, 1, 1)
    for day in range(20):
        backups.daily_backup(tmp_path, b"{}", start + dt.timedelta(days=day), keep=14)
    kept = sorted(p.name for p in backups.list_backups(tmp_path))
    assert len(kept) == 14 and kept[0] == "daily-2026-01-07.json"


def test_doctor_reports_a_healthy_store(demo_repo: Repository, cli: CLI) -> None:
    result = cli("doctor")
    assert result.returncode == 0, result.stderr
    assert "ok (schema" in result.stdout and "15 stakeholders" in result.stdout


def test_doctor_restore_brings_back_the_newest_backup_that_loads(
    repo: Repository, cli: CLI, data_dir: Path
) -> None:
    repo.wins.add(Win(title="kept in the backup"))
    repo.wins.add(Win(title="second"))  # takes today's backup (holding the first win)
    folder = backups.backup_dir(data_dir)
    newer_but_broken = folder / "daily-2099-01-01.json"
    newer_but_broken.write_bytes(b"{broken")
    os.utime(newer_but_broken, (4e9, 4e9))
    damaged = b'{"wins": {"x": 1'
    repo.store.path.write_bytes(damaged)

    assert cli("wins").returncode == 2
    result = cli("doctor", "--restore", "--yes")
    assert result.returncode == 0, result.stderr
    assert "restored" in result.stdout
    # The newest backup that loads is the version the last save left: nothing saved is lost.
    assert [w.title for w in repo.wins.list()] == ["kept in the backup", "second"]
    kept_aside = list(data_dir.glob("careertui.json.damaged-*"))
    assert len(kept_aside) == 1 and kept_aside[0].read_bytes() == damaged


def test_doctor_restore_with_no_usable_backup_changes_nothing(cli: CLI, data_dir: Path) -> None:
    write_file(data_dir / "careertui.json", b"[]")
    result = cli("doctor", "--restore", "--yes")
    assert result.returncode == 2 and result.stderr.startswith("error: ")
    assert "no backup" in result.stderr
    assert (data_dir / "careertui.json").read_bytes() == b"[]"


# -- privacy and links -------------------------------------------------------------------------
def test_permissions_of_everything_the_store_creates(repo: Repository) -> None:
    repo.wins.add(Win(title="one"))
    repo.wins.add(Win(title="two"))  # creates the day's backup
    data_dir = repo.store.data_dir
    assert mode(data_dir) == 0o700
    assert mode(backups.backup_dir(data_dir)) == 0o700
    assert mode(repo.store.path) == 0o600
    for backup in backups.list_backups(data_dir):
        assert mode(backup) == 0o600
    if repo.store.lock_path.exists():
        assert mode(repo.store.lock_path) == 0o600


def test_an_existing_loose_data_dir_is_tightened(data_dir: Path) -> None:
    data_dir.mkdir(mode=0o755)
    os.chmod(data_dir, 0o755)
    Repository.at(data_dir).wins.add(Win(title="x"))
    assert mode(data_dir) == 0o700


def test_a_symlinked_data_file_keeps_pointing_at_its_target(tmp_path: Path) -> None:
    real_dir = tmp_path / "synced"
    real_dir.mkdir()
    target = real_dir / "career.json"
    Repository.at(real_dir).wins.add(Win(title="seed"))
    (real_dir / "careertui.json").rename(target)
    data_dir = tmp_path / "data"
    data_dir.mkdir(mode=0o700)
    (data_dir / "careertui.json").symlink_to(target)

    repo = Repository.at(data_dir)
    repo.wins.add(Win(title="through the link"))
    repo.wins.add(Win(title="and again"))
    link = data_dir / "careertui.json"
    assert link.is_symlink() and link.resolve() == target
    titles = {d["title"] for d in orjson.loads(target.read_bytes())["wins"].values()}
    assert titles == {"seed", "through the link", "and again"}
    assert mode(target) == 0o600
