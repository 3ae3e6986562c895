"""``careertui win`` stays lean: no Textual, nothing it does not use, no work per stored win."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from careertui import cli
from careertui.domain.models import Gap, Priority, Stakeholder, Win
from careertui.store import repository as repository_module
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


def test_win_never_imports_textual_or_what_it_does_not_use(data_dir: Path) -> None:
    modules = _modules_after("--data-dir", str(data_dir), "win", "Shipped the onboarding flow")
    assert Repository.at(data_dir).wins.list()[0].title == "Shipped the onboarding flow"
    unused = {"textual", "rich", "dateparser", "difflib", "careertui.tui", "careertui.exchange",
              "careertui.editor", "careertui.demo", "cryptography", "platformdirs"}
    assert not (unused & (modules | _roots(modules))), sorted(unused & (modules | _roots(modules)))


def test_win_with_a_phrase_date_still_never_imports_textual(data_dir: Path) -> None:
    modules = _modules_after("--data-dir", str(data_dir), "win", "Closed Q3", "--date", "yesterday")
    assert "dateparser" in _roots(modules)  # the phrase needed it; the app did not
    assert "textual" not in _roots(modules) and "careertui.tui" not in modules
    assert str(Repository.at(data_dir).wins.list()[0].date) == "2026-11-22"


def test_win_does_not_scan_installed_packages_for_pydantic_plugins(data_dir: Path) -> None:
    report = _probe("--data-dir", str(data_dir), "win", "Shipped it")
    assert "pydantic" in _roots(set(report["modules"]))  # the win was validated
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
    argv = ["--data-dir", str(data_dir), "win", "Board memo", "--priority", "grow net",
            "--gap", "executive communication", "--with", "maya"]
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


def test_win_parses_and_writes_the_file_once(
    big_repo: Repository, data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    """One transaction: the links are looked up in the snapshot the win is written into."""
    from careertui.store import database

    parsed: list[Path] = []
    written: list[Path] = []
    real_decode, real_write = database.decode, database.write_atomic
    monkeypatch.setattr(database, "decode", lambda p, raw: parsed.append(p) or real_decode(p, raw))
    monkeypatch.setattr(
        database, "write_atomic", lambda p, b: written.append(p) or real_write(p, b)
    )
    argv = ["--data-dir", str(data_dir), "win", "Hiring plan", "--priority", "grow net",
            "--with", "maya chen"]
    assert cli.main(argv) == 0
    capsys.readouterr()
    data_file = big_repo.store.path
    assert parsed == [data_file]
    assert written.count(data_file) == 1
    monkeypatch.undo()
    assert big_repo.wins.list()[-1].title == "Hiring plan"
