"""Schema 1 → 2: a store written before "scope today" and "room to grow" opens and upgrades
without losing anything. ``data/store_v1.json`` was written by careertui at schema 1."""

from __future__ import annotations

import copy
import json
import shutil
import stat
from pathlib import Path

import pytest

from careertui.domain.models import Vision
from careertui.store import schema
from careertui.store.backups import list_backups
from careertui.store.repository import Repository

V1_FILE = Path(__file__).parent / "data" / "store_v1.json"


@pytest.fixture
def v1_repo(data_dir: Path) -> Repository:
    data_dir.mkdir(mode=0o700, parents=True)
    shutil.copy(V1_FILE, data_dir / "careertui.json")
    (data_dir / "careertui.json").chmod(0o600)
    return Repository.at(data_dir)


def _v1_tables() -> dict:
    return json.loads(V1_FILE.read_text(encoding="utf-8"))


def test_the_fixture_really_is_schema_1() -> None:
    tables = _v1_tables()
    assert schema.version_of(tables) == 1
    assert "scope" not in tables["vision"]["vision"]
    assert "room_to_grow" not in tables["vision"]["vision"]
    assert "source_feedback_id" not in tables["gaps"]["gap_v1a"]


def test_schema_2_is_current() -> None:
    assert schema.CURRENT_VERSION == 2


def test_an_old_store_reads_with_every_value_and_the_new_fields_empty(v1_repo: Repository):
    before = v1_repo.store.path.read_bytes()
    career = v1_repo.career()
    old = _v1_tables()["vision"]["vision"]

    assert career.vision.statement == old["statement"]
    assert career.vision.target_role == "Director of Product, Platform"
    assert career.vision.values == ["Craft", "Candour", "Customers first"]
    assert career.vision.methods == old["methods"]
    assert career.vision.strengths == old["strengths"]
    assert career.vision.scope == []
    assert career.vision.room_to_grow.answer == "not asked"
    assert career.vision.room_to_grow.asked_on is None
    assert [p.title for p in career.priorities] == [
        "Grow self-serve revenue",
        "Cut churn in mid-market",
        "Ship the platform API",
    ]
    assert career.gaps[0].source_feedback_id is None
    assert career.feedback[0].quote == "Could communicate more upward."
    assert career.wins[0].metrics[0].after == "38%"
    # Reading never writes: the old file is untouched until the first change.
    assert v1_repo.store.path.read_bytes() == before


def test_the_first_write_upgrades_the_file_and_keeps_everything(v1_repo: Repository) -> None:
    original = _v1_tables()
    vision = v1_repo.vision()
    v1_repo.save_vision(
        vision.model_copy(
            update={"scope": [Vision.ScopeItem(responsibility="Pricing", today="influence")]}
        )
    )

    upgraded = json.loads(v1_repo.store.path.read_text(encoding="utf-8"))
    assert schema.version_of(upgraded) == 2
    for table, rows in original.items():
        if table == schema.META_TABLE:
            continue
        for key, doc in rows.items():
            for field, value in doc.items():
                if table == "vision" and field == "updated":
                    continue
                assert upgraded[table][key][field] == value, (table, key, field)
    assert upgraded["vision"]["vision"]["scope"] == [
        {"responsibility": "Pricing", "today": "influence", "target": "own"}
    ]
    assert upgraded["vision"]["vision"]["room_to_grow"]["answer"] == "not asked"
    assert upgraded["gaps"]["gap_v1a"]["source_feedback_id"] is None
    assert upgraded["settings"]["theme"] == {"value": "dark"}
    assert stat.S_IMODE(v1_repo.store.path.stat().st_mode) == 0o600


def test_the_upgrade_keeps_a_backup_of_the_schema_1_file(v1_repo: Repository) -> None:
    v1_repo.set_setting("seen", True)
    labelled = [p for p in list_backups(v1_repo.store.data_dir) if "pre-migration-v1" in p.name]
    assert len(labelled) == 1
    assert json.loads(labelled[0].read_text(encoding="utf-8")) == _v1_tables()


def test_the_migration_keeps_values_already_present() -> None:
    tables = _v1_tables()
    tables["vision"]["vision"]["scope"] = [{"responsibility": "Roadmap", "today": "own"}]
    tables["gaps"]["gap_v1a"]["source_feedback_id"] = "fb_v1a"
    kept = copy.deepcopy(tables)
    assert schema.migrate(tables) == 1
    assert tables["vision"]["vision"]["scope"] == kept["vision"]["vision"]["scope"]
    assert tables["gaps"]["gap_v1a"]["source_feedback_id"] == "fb_v1a"
    assert tables["vision"]["vision"]["room_to_grow"] == {"answer": "not asked"}
    assert schema.version_of(tables) == 2


def test_a_store_with_no_vision_yet_migrates() -> None:
    tables = {"wins": {}}
    schema.migrate(tables)
    assert schema.version_of(tables) == 2
    assert "vision" not in tables
