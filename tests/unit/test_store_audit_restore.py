"""``careertui doctor --restore`` (issue 15, item 4): it restores only a damaged store (or with
``--force``), shows what it would put back and what that lacks, asks first (``--yes`` for
scripts; no terminal and no ``--yes`` is an error), and restores from backups recent enough
that nothing saved is lost: the last versions, written on every save, beside the daily ones."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

import careertui.commands
from careertui.cli import main
from careertui.domain.models import Gap, Win
from careertui.store import backups
from careertui.store.database import DATA_FILE
from careertui.store.repository import Repository


def run(capsys, data_dir: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data_dir), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.fixture
def answered(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """A terminal whose user answers the y/N question with the next of these answers."""
    answers: list[str] = []

    def confirm(prompt: str) -> bool:
        assert "[y/N]" in prompt
        if not answers:
            raise AssertionError(f"unexpected question {prompt!r}")
        return answers.pop(0).strip().lower() in ("y", "yes")

    monkeypatch.setattr(careertui.commands, "terminal_available", lambda: True)
    monkeypatch.setattr(careertui.commands, "confirm", confirm)
    return answers


@pytest.fixture
def no_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(careertui.commands, "terminal_available", lambda: False)


@pytest.fixture
def week(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Repository:
    """Monday's win (then the day's backup), and Tuesday's five saves."""
    repo = Repository.at(data_dir)
    monkeypatch.setenv("CAREERTUI_TODAY", "2026-11-23")
    repo.wins.add(Win(title="monday", date="2026-11-23"))
    monkeypatch.setenv("CAREERTUI_TODAY", "2026-11-24")
    for number in range(4):
        repo.wins.add(Win(title=f"tuesday {number}", date="2026-11-24"))
    repo.gaps.add(Gap(title="tuesday's gap"))
    return repo


def test_a_healthy_store_is_not_rolled_back(week, data_dir, capsys, answered) -> None:
    """Before: the day-old backup replaced a good file, which was called damaged."""
    before = files(data_dir)
    code, out, err = run(capsys, data_dir, "doctor", "--restore", "--yes")
    assert code == 2 and out == ""
    assert err.startswith("error: ") and err.count("\n") == 1
    assert "loads" in err and "nothing was changed" in err and "--force" in err
    assert files(data_dir) == before
    assert not list(data_dir.glob(f"{DATA_FILE}.damaged-*"))


def test_force_goes_back_one_save_and_says_what_is_lost(week, data_dir, capsys, answered):
    before = week.store.path.read_bytes()
    answered.append("y")
    code, out, err = run(capsys, data_dir, "doctor", "--restore", "--force")
    assert code == 0, err
    assert "which loads (--force)" in out
    assert "lacks:       1 gaps that the current file holds" in out
    assert [g.title for g in week.gaps.list()] == []
    assert len(week.wins.list()) == 5  # one save back: Tuesday's wins are all there
    kept = list(data_dir.glob(f"{DATA_FILE}.damaged-*"))
    assert [p.read_bytes() for p in kept] == [before]


def test_a_damaged_store_loses_nothing_saved(week, data_dir, capsys, answered) -> None:
    """Before: the newest backup was the day's first, and Tuesday's saves were lost."""
    titles = sorted(w.title for w in week.wins.list())
    week.store.path.write_bytes(week.store.path.read_bytes()[:-30])  # cut short
    answered.append("yes")
    code, out, err = run(capsys, data_dir, "doctor", "--restore")
    assert code == 0, err
    newest = sorted(backups.backup_dir(data_dir).glob("version-*.json"))[-1]
    assert f"would restore: {newest}" in out
    holds = next(line for line in out.splitlines() if line.startswith("  holds:"))
    assert "5 wins" in holds and "1 gaps" in holds and "written:" in out
    assert "the current file cannot be read at all" in out  # cut short: not JSON any more
    assert f"restored {week.store.path} from {newest}" in out
    assert sorted(w.title for w in week.wins.list()) == titles
    assert [g.title for g in week.gaps.list()] == ["tuesday's gap"]


def test_the_plan_names_records_the_backup_lacks(week, data_dir, capsys, answered) -> None:
    """A damaged record in a file that still parses: what it holds beyond the backup is
    counted by table, and kept aside."""
    tables = orjson.loads(week.store.path.read_bytes())
    tables["wins"]["not-in-any-backup"] = {"id": "not-in-any-backup", "title": 7}
    week.store.path.write_bytes(orjson.dumps(tables))
    answered.append("n")
    code, out, err = run(capsys, data_dir, "doctor", "--restore")
    assert code == 2
    assert "lacks:       1 wins that the current file holds" in out
    assert err == "error: not restored (not confirmed); nothing was changed\n"
    assert week.store.path.read_bytes() == orjson.dumps(tables)


def test_no_terminal_and_no_yes_is_refused(week, data_dir, capsys, no_terminal) -> None:
    week.store.path.write_bytes(b"{damaged")
    before = files(data_dir)
    code, out, err = run(capsys, data_dir, "doctor", "--restore")
    assert code == 2
    assert err.startswith("error: ") and "--yes" in err and "Nothing was changed" in err
    assert "would restore" in out
    assert files(data_dir) == before


def test_yes_restores_without_asking(week, data_dir, capsys, no_terminal) -> None:
    week.store.path.write_bytes(b"{damaged")
    code, out, err = run(capsys, data_dir, "doctor", "--restore", "--yes")
    assert code == 0, err
    assert "state:     ok" in out
    assert len(week.wins.list()) == 5


def test_the_last_ten_versions_are_kept(data_dir: Path) -> None:
    repo = Repository.at(data_dir)
    for number in range(13):
        repo.wins.add(Win(title=f"win {number}"))
    versions = sorted(backups.backup_dir(data_dir).glob("version-*.json"))
    assert len(versions) == backups.KEEP_VERSIONS == 10
    assert versions[-1].read_bytes() == repo.store.path.read_bytes()
    assert versions[-1].stat().st_mode & 0o777 == 0o600


def test_the_lean_win_keeps_a_version_too(data_dir, capsys) -> None:
    repo = Repository.at(data_dir)
    repo.wins.add(Win(title="first"))  # a store the lean path takes
    assert run(capsys, data_dir, "win", "from the shell")[0] == 0
    versions = sorted(backups.backup_dir(data_dir).glob("version-*.json"))
    assert versions[-1].read_bytes() == repo.store.path.read_bytes()
    assert "from the shell" in versions[-1].read_text()


def test_a_version_that_cannot_be_written_leaves_the_save_standing(
    week, data_dir, capsys, monkeypatch
) -> None:
    """A full disk after the save landed: the save stands and is reported as saved."""
    from careertui.store import files
    from careertui.store.errors import WriteFailed

    real = files.write_atomic

    def full_for_versions(target, payload, **kw):
        if Path(target).name.startswith("version-"):
            raise WriteFailed(Path(target), "the disk is full")
        return real(target, payload, **kw)

    monkeypatch.setattr(backups, "write_atomic", full_for_versions)
    code, out, err = run(capsys, data_dir, "win", "saved anyway")
    assert code == 0, err
    assert "saved win" in out and err == ""
    assert "saved anyway" in {w.title for w in week.wins.list()}
