"""``careertui win`` stays lean: no Textual, no pydantic, TinyDB or filelock on a store careertui
wrote and checked, no work per stored win; and it writes exactly what the full path writes."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import orjson
import pytest

from careertui import cli
from careertui.actions import lean_win
from careertui.domain.models import Gap, Priority, Stakeholder, Vision, Win
from careertui.exchange.ladder_file import example as example_ladder
from careertui.store import database
from careertui.store import lean as lean_store
from careertui.store import repository as repository_module
from careertui.store.backups import VERSION_PREFIX, backup_dir
from careertui.store.repository import Repository

#: Runs the CLI in a fresh interpreter and prints the modules it ended up importing.
PROBE = """
import json, sys
from careertui.cli import main
code = main(sys.argv[1:])
loader = sys.modules.get("pydantic.plugin._loader")
scanned = loader is not None and loader._plugins is not None
sys.stdout.write("\\n" + json.dumps({"code": code, "modules": sorted(sys.modules),
                                     "scanned_plugins": scanned}))
"""


def _probe(*argv: str) -> dict:
    proc = subprocess.run(
        [sys.executable, "-c", PROBE, *argv],
        capture_output=True,
        text=True,
        env={**os.environ},
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    assert report["code"] == 0, proc.stderr
    return report


def _modules_after(*argv: str) -> set[str]:
    return set(_probe(*argv)["modules"])


def _roots(modules: set[str]) -> set[str]:
    return {m.split(".")[0] for m in modules}


@pytest.fixture
def store_dir(repo: Repository, data_dir: Path) -> Path:
    """A store careertui has written (and so checked) once."""
    repo.priorities.add(Priority(title="Grow net revenue retention"))
    return data_dir


#: What a plain ``careertui win`` on a checked store must not import.
UNUSED = {
    "textual",
    "rich",
    "dateparser",
    "difflib",
    "careertui.tui",
    "careertui.exchange",
    "careertui.editor",
    "careertui.demo",
    "cryptography",
    "platformdirs",
    "pydantic",
    "pydantic_core",
    "filelock",
    "tinydb",
    "careertui.domain.models",
    "careertui.store.database",
    "careertui.store.repository",
}


def test_win_never_imports_textual_pydantic_tinydb_filelock_or_what_it_does_not_use(
    store_dir: Path,
) -> None:
    modules = _modules_after("--data-dir", str(store_dir), "win", "Shipped the onboarding flow")
    assert Repository.at(store_dir).wins.list()[0].title == "Shipped the onboarding flow"
    loaded = modules | _roots(modules)
    assert not (UNUSED & loaded), sorted(UNUSED & loaded)


def test_win_with_a_phrase_date_still_imports_only_dateparser_besides(store_dir: Path) -> None:
    modules = _modules_after(
        "--data-dir", str(store_dir), "win", "Closed Q3", "--date", "yesterday"
    )
    assert "dateparser" in _roots(modules)  # the phrase needed it; nothing else did
    loaded = modules | _roots(modules)
    assert not ((UNUSED - {"dateparser"}) & loaded), sorted((UNUSED - {"dateparser"}) & loaded)
    assert str(Repository.at(store_dir).wins.list()[0].date) == "2026-11-22"


def test_the_full_path_does_not_scan_installed_packages_for_pydantic_plugins(
    store_dir: Path,
) -> None:
    (store_dir / f"{lean_store.DATA_FILE}.checked").unlink()  # not vouched for: the full path
    report = _probe("--data-dir", str(store_dir), "win", "Shipped it")
    assert "pydantic" in _roots(set(report["modules"]))  # the win was validated by the model
    assert report["scanned_plugins"] is False


@pytest.fixture
def big_repo(repo: Repository) -> Repository:
    """A store with many wins and a few of everything a win can link to."""
    with repo.transaction():
        repo.priorities.add(Priority(title="Grow net revenue retention"))
        repo.gaps.add(Gap(title="Executive communication"))
        repo.stakeholders.add(Stakeholder(name="Maya Chen"))
        for i in range(300):
            repo.wins.add(Win(title=f"Old win {i}"))
    return repo


def _count_loads(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    counts: dict[str, int] = {}
    real = repository_module.load_record

    def counting(model, doc, path):  # noqa: ANN001 - same signature as load_record
        counts[model.__name__] = counts.get(model.__name__, 0) + 1
        return real(model, doc, path)

    monkeypatch.setattr(repository_module, "load_record", counting)
    return counts


def test_win_loads_no_stored_win(
    big_repo: Repository, data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    counts = _count_loads(monkeypatch)
    assert cli.main(["--data-dir", str(data_dir), "win", "Renewed Globex"]) == 0
    assert "saved win" in capsys.readouterr().out
    assert counts.get("Win", 0) == 0, counts
    monkeypatch.undo()
    assert len(big_repo.wins.list()) == 301


def test_win_with_links_loads_only_the_tables_it_names(
    big_repo: Repository, data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    counts = _count_loads(monkeypatch)
    argv = [
        "--data-dir",
        str(data_dir),
        "win",
        "Board memo",
        "--priority",
        "grow net",
        "--gap",
        "executive communication",
        "--with",
        "maya",
    ]
    assert cli.main(argv) == 0
    capsys.readouterr()
    assert counts.get("Win", 0) == 0, counts
    assert set(counts) <= {"Priority", "Gap", "Stakeholder"}, counts
    monkeypatch.undo()
    career = big_repo.career()
    win = next(w for w in career.wins if w.title == "Board memo")
    assert win.priority_id == career.priorities[0].id
    assert win.gap_ids == [career.gaps[0].id]
    assert win.stakeholder_ids == [career.stakeholders[0].id]
    assert career.stakeholders[0].last_contact == win.date


def test_win_reads_and_writes_the_file_once_and_never_parses_the_wins(
    big_repo: Repository, data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    """One locked read-modify-write: the tables are found in the file's bytes once, only
    those the links are looked up in are parsed (never the wins, which the new one is added
    to as bytes), and the full path is never started."""
    found: list[int] = []
    parsed: list[dict] = []
    written: list[Path] = []
    real_spans, real_write = lean_store.TABLE_SPANS, lean_store.write_atomic

    class Spans:
        def decode(self, raw: bytes) -> dict:
            found.append(len(raw))
            return real_spans.decode(raw)

    def loads(raw: bytes) -> dict:
        parsed.append(orjson.loads(raw))
        return parsed[-1]

    monkeypatch.setattr(lean_store, "TABLE_SPANS", Spans())
    monkeypatch.setattr(
        lean_store,
        "orjson",
        SimpleNamespace(loads=loads, dumps=orjson.dumps, JSONDecodeError=orjson.JSONDecodeError),
    )
    monkeypatch.setattr(
        lean_store, "write_atomic", lambda p, b, **k: written.append(p) or real_write(p, b, **k)
    )
    monkeypatch.setattr(database.Store, "transaction", None)  # any use of the full path fails
    argv = [
        "--data-dir",
        str(data_dir),
        "win",
        "Hiring plan",
        "--priority",
        "grow net",
        "--with",
        "maya chen",
    ]
    data_file = big_repo.store.path
    size = data_file.stat().st_size
    assert cli.main(argv) == 0
    capsys.readouterr()
    assert found == [size]
    keys = {key.split("_")[0] for table in parsed for key in table}
    assert keys == {"schema", "pri", "stk"}  # the meta, the priorities, the people
    assert written.count(data_file) == 1
    monkeypatch.undo()
    assert big_repo.wins.list()[-1].title == "Hiring plan"
    assert len(big_repo.wins.list()) == 301


# -- the lean path writes what the full path writes ------------------------------------------------
@pytest.fixture
def career_dir(repo: Repository, data_dir: Path) -> Path:
    """Wins to link: a priority, two gaps, three people last contacted never, after and
    before the dates the tests log wins on."""
    with repo.transaction():
        repo.priorities.add(Priority(title="Grow net revenue retention"))
        repo.priorities.add(Priority(title="Launch self-serve", rank=1))
        repo.gaps.add(Gap(title="Executive communication"))
        repo.gaps.add(Gap(title="Pricing strategy"))
        repo.stakeholders.add(Stakeholder(name="Maya Chen"))
        repo.stakeholders.add(Stakeholder(name="Sam Ortiz", last_contact=dt.date(2026, 11, 21)))
        repo.stakeholders.add(Stakeholder(name="Lee Park", last_contact=dt.date(2026, 11, 1)))
        repo.save_vision(Vision(ladder=example_ladder("pm")))
        for i in range(20):
            repo.wins.add(Win(title=f"Old win {i}", tags=["old"]))
    repo.wins.add(Win(title="One more, so today's backup exists"))
    return data_dir


SCENARIOS = {
    "plain": ["Shipped the onboarding flow"],
    "everything typed": [
        "Renewal\n\nwith the details",
        "--body",
        "More detail",
        "--impact",
        "  +4 points of NRR  ",
        "--metric",
        "nrr: 90% -> 94%",
        "--input-metric",
        "calls: 12",
        "--tag",
        "#Growth",
        "--tag",
        "growth",
        "--tag",
        "Q4",
        "--star",
    ],
    "links": [
        "Board memo",
        "--priority",
        "grow net",
        "--gap",
        "executive communication",
        "--gap",
        "pric",
        "--with",
        "maya",
        "--with",
        "Maya Chen",
        "--with",
        "sam",
        "--with",
        "lee",
        "--date",
        "2026-11-20",
    ],
    "competencies": [
        "Pricing memo",
        "--competency",
        "product strat",
        "--competency",
        "EXECUTION",
        "--competency",
        "Product strategy",
    ],
    "unknown competency": ["Pricing memo", "--competency", "hiring"],
    "unknown priority": ["Board memo", "--priority", "revenue growth"],
    "unknown person": ["Board memo", "--with", "mia"],
    "title too long": ["x" * 301],
    "bad tag": ["Shipped", "--tag", "two words"],
    "bad metric": ["Shipped", "--metric", "nrr: " + "9" * 101],
}


def _run(capsys, folder: Path, argv: list[str]) -> tuple[int, str, str]:
    code = cli.main(["--data-dir", str(folder), "win", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def _both_paths(
    monkeypatch: pytest.MonkeyPatch, capsys, lean_dir: Path, full_dir: Path, argv: list[str]
) -> tuple[tuple[int, str, str], tuple[int, str, str]]:
    """``careertui win`` with ``argv`` by the lean path into ``lean_dir`` (the full path made
    unusable), then by the full path into ``full_dir``: each one's code, stdout, stderr."""
    with monkeypatch.context() as m:
        m.setattr(database.Store, "transaction", None)  # the lean path must not need it
        lean = _run(capsys, lean_dir, argv)
    with monkeypatch.context() as m:
        m.setattr(lean_win, "append_win", lambda *a, **k: lean_win.HAND_OVER)
        full = _run(capsys, full_dir, argv)
    return lean, full


def _normalised(folder: Path, before: dict) -> bytes:
    """The data file with the new win's id and the stamps of this run made constant."""
    tables = orjson.loads((folder / lean_store.DATA_FILE).read_bytes())
    new = [key for key in tables["wins"] if key not in before["wins"]]
    assert len(new) <= 1
    if new:
        tables["wins"] = {("NEW" if k == new[0] else k): v for k, v in tables["wins"].items()}
        tables["wins"]["NEW"].update(id="NEW", created="T", updated="T")
    for key, doc in tables.get("stakeholders", {}).items():
        if doc != before["stakeholders"][key]:
            assert doc["updated"] > before["stakeholders"][key]["updated"]
            doc["updated"] = "T"
    return orjson.dumps(tables)


def _files(folder: Path) -> dict[str, bytes]:
    """The files in ``folder`` (the rolling versions, named by the time of each save, aside:
    ``_versions``)."""
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
        and p.name != f"{lean_store.DATA_FILE}.lock"
        and not p.name.startswith(VERSION_PREFIX)
    }


def _versions(folder: Path) -> list[bytes]:
    """The rolling versions in ``backups/``, oldest first."""
    return [p.read_bytes() for p in sorted(backup_dir(folder).glob(f"{VERSION_PREFIX}*.json"))]


@pytest.mark.parametrize("scenario", list(SCENARIOS))
def test_the_lean_path_writes_exactly_what_the_full_path_writes(
    scenario: str, career_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    lean_dir, full_dir = tmp_path / "lean", tmp_path / "full"
    shutil.copytree(career_dir, lean_dir)
    shutil.copytree(career_dir, full_dir)
    before = orjson.loads((career_dir / lean_store.DATA_FILE).read_bytes())
    monkeypatch.setenv("CAREERTUI_TODAY", "2026-11-24")  # the day's first write: a backup
    argv = SCENARIOS[scenario]

    lean, full = _both_paths(monkeypatch, capsys, lean_dir, full_dir, argv)
    assert lean[0] == full[0]
    assert lean[2] == full[2]  # the same "error: …" line, or none
    if full[0] != 0:
        assert full[0] == 2 and full[2].startswith("error: ") and full[2].count("\n") == 1
        assert _files(lean_dir) == _files(full_dir) == _files(career_dir)  # nothing written
        return
    new_id = next(
        k
        for k in orjson.loads((lean_dir / "careertui.json").read_bytes())["wins"]
        if k not in before["wins"]
    )
    assert lean[1] == full[1].replace(full[1].split()[2], new_id)  # "saved win <id> on …"
    assert _normalised(lean_dir, before) == _normalised(full_dir, before)
    for folder in (lean_dir, full_dir):  # the digest still vouches for the file
        raw = (folder / lean_store.DATA_FILE).read_bytes()
        assert lean_store.checked_state(folder) == (lean_store.digest(raw), True)
    lean_backups = _files(backup_dir(lean_dir))
    assert lean_backups == _files(backup_dir(full_dir))
    for folder in (lean_dir, full_dir):  # both keep the version they saved
        assert _versions(folder)[-1] == (folder / lean_store.DATA_FILE).read_bytes()
    assert lean_backups["daily-2026-11-24.json"] == (career_dir / "careertui.json").read_bytes()
    # and the full path reads the lean path's file as its own
    assert new_id in {w.id for w in Repository.at(lean_dir).career().wins}


@pytest.mark.parametrize(
    "scenario", ["plain", "everything typed", "unknown priority", "title too long"]
)
def test_the_first_win_of_a_new_store_is_written_as_the_full_path_writes_it(
    scenario: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    lean_dir, full_dir = tmp_path / "lean", tmp_path / "full"
    argv = SCENARIOS[scenario]
    lean, full = _both_paths(monkeypatch, capsys, lean_dir, full_dir, argv)
    assert (lean[0], lean[2]) == (full[0], full[2])
    if full[0] != 0:
        assert not (lean_dir / lean_store.DATA_FILE).exists()
        assert not (full_dir / lean_store.DATA_FILE).exists()
        return
    empty: dict = {"wins": {}, "stakeholders": {}}
    assert _normalised(lean_dir, empty) == _normalised(full_dir, empty)
    assert _files(lean_dir).keys() == _files(full_dir).keys()
    for folder in (lean_dir, full_dir):
        raw = (folder / lean_store.DATA_FILE).read_bytes()
        assert lean_store.checked_state(folder) == (lean_store.digest(raw), True)
        assert _versions(folder) == [raw]
        assert (
            folder.stat().st_mode & 0o777,
            (folder / lean_store.DATA_FILE).stat().st_mode & 0o777,
        ) == (0o700, 0o600)
    assert len(Repository.at(lean_dir).career().wins) == 1  # and the full path reads it


def test_a_second_win_the_same_day_takes_no_second_backup(
    career_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    monkeypatch.setattr(database.Store, "transaction", None)
    backups = _files(backup_dir(career_dir))
    assert _run(capsys, career_dir, ["Another one"])[0] == 0
    assert _files(backup_dir(career_dir)) == backups  # today's backup was already taken
    assert _versions(career_dir)[-1] == (career_dir / lean_store.DATA_FILE).read_bytes()


# -- stores the lean path hands to the full path ---------------------------------------------------
def test_an_encrypted_store_goes_through_the_full_path(cli, store_dir: Path) -> None:
    env = {"CAREERTUI_PASSPHRASE": "correct horse battery staple"}
    assert cli("encrypt", env=env).returncode == 0
    result = cli("win", "Secret reorg plan", env=env)
    assert result.returncode == 0, result.stderr
    raw = (store_dir / "careertui.json").read_bytes()
    assert raw.startswith(b"careertui-encrypted") and b"Secret reorg plan" not in raw
    store = database.Store(store_dir, passphrase=env["CAREERTUI_PASSPHRASE"])
    assert [w.title for w in Repository(store).wins.list()] == ["Secret reorg plan"]
    wrong = cli("win", "Another", env={"CAREERTUI_PASSPHRASE": "not the passphrase"})
    assert wrong.returncode == 2 and wrong.stderr.startswith("error: ")
    assert (store_dir / "careertui.json").read_bytes() == raw


def test_an_older_schema_is_migrated_by_the_full_path(cli, data_dir: Path) -> None:
    data_dir.mkdir(mode=0o700, parents=True)
    shutil.copy(Path(__file__).parent / "data" / "store_v1.json", data_dir / "careertui.json")
    (data_dir / "careertui.json").chmod(0o600)
    result = cli("win", "After the upgrade", "--with", "dana")
    assert result.returncode == 0, result.stderr
    tables = json.loads((data_dir / "careertui.json").read_text(encoding="utf-8"))
    assert tables["_meta"]["schema"] == {"version": 2}
    assert any(p.name.startswith("pre-migration-v1-") for p in backup_dir(data_dir).iterdir())
    career = Repository.at(data_dir).career()
    win = next(w for w in career.wins if w.title == "After the upgrade")
    assert win.stakeholder_ids and career.stakeholders  # linked through the full path


def test_a_file_changed_outside_careertui_is_validated_and_a_bad_record_stops_it(
    cli, store_dir: Path
) -> None:
    path = store_dir / "careertui.json"
    tables = json.loads(path.read_text(encoding="utf-8"))
    tables["wins"] = {"win_bad": {"id": "win_bad", "title": ""}}
    path.write_text(json.dumps(tables), encoding="utf-8")  # the .checked digest no longer fits
    raw = path.read_bytes()
    result = cli("win", "Shipped it")
    assert result.returncode == 2
    assert result.stderr.startswith(f"error: {path}: cannot read the data file: record 'win_bad'")
    assert result.stderr.count("\n") == 1 and result.stdout == ""
    assert path.read_bytes() == raw


def test_a_stakeholder_not_in_careertuis_own_form_is_updated_by_the_full_path(
    cli, store_dir: Path
) -> None:
    """A record with a field careertui does not write: the lean path cannot know what the model
    would keep, so the full path updates it (and drops the stray field, as it always has)."""
    repo = Repository.at(store_dir)
    person = repo.stakeholders.add(Stakeholder(name="Maya Chen"))
    path = store_dir / "careertui.json"
    tables = json.loads(path.read_text(encoding="utf-8"))
    tables["stakeholders"][person.id]["nickname"] = "M"
    with database.Store(store_dir).transaction() as db:  # written by careertui: checked
        db.storage.write(tables)
    assert cli("win", "Pairing session", "--with", "maya").returncode == 0
    stored = json.loads(path.read_text(encoding="utf-8"))["stakeholders"][person.id]
    assert "nickname" not in stored and stored["last_contact"] == "2026-11-23"


def test_a_held_lock_makes_win_wait_then_fail_as_the_full_path_does(cli, store_dir: Path) -> None:
    from tests.unit.test_append import hold_with_filelock

    path = store_dir / "careertui.json"
    raw = path.read_bytes()
    holder = hold_with_filelock(store_dir / "careertui.json.lock", 60)
    try:
        result = cli("win", "Blocked")
    finally:
        holder.kill()
        holder.wait()
    assert result.returncode == 2
    assert result.stderr == (
        f"error: {path}: another careertui process has held the lock for more than 10 seconds "
        f"({path}.lock); try again\n"
    )
    assert path.read_bytes() == raw
