"""``careertui wins`` and ``careertui status`` read a checked file in slices and say exactly
what the full read says; any other file is read the full way, damage reported."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from careertui import cli
from careertui.commands import status as status_command
from careertui.commands import wins as wins_command
from careertui.store import slices
from careertui.store.repository import Repository


def _out(data_dir: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(["--data-dir", str(data_dir), *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


COMMANDS = [
    ("status",),
    ("wins",),
    ("wins", "-n", "3"),
    ("wins", "-n", "0"),
    ("wins", "--json", "-n", "4"),
    ("wins", "--tag", "launch"),
    ("wins", "--from", "2026-10-01", "--to", "2026-11-01"),
    ("wins", "--tag", "nothing-has-this"),
]


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_slices_say_what_the_full_read_says(
    demo_repo: Repository,
    data_dir: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    args: tuple[str, ...],
) -> None:
    used: list[bool] = []
    real = slices.read_slices

    def spying(folder: Path) -> slices.Slices | None:
        found = real(folder)
        used.append(found is not None)
        return found

    monkeypatch.setattr(slices, "read_slices", spying)
    sliced = _out(data_dir, capsys, *args)
    assert used == [True]  # the demo was written by careertui: read in slices
    monkeypatch.setattr(slices, "read_slices", lambda folder: None)
    assert sliced == _out(data_dir, capsys, *args)
    assert sliced[0] == 0 and (sliced[1] or sliced[2] or "0" in args)  # -n 0 prints nothing


def test_an_empty_store_is_read_the_full_way(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert slices.read_slices(data_dir) is None
    code, _, err = _out(data_dir, capsys, "wins")
    assert code == 0 and "no wins yet" in err


def _edit_file(data_dir: Path, change) -> None:  # noqa: ANN001 - a function of the tables
    path = data_dir / "careertui.json"
    tables = orjson.loads(path.read_bytes())
    change(tables)
    path.write_bytes(orjson.dumps(tables))


def test_a_file_changed_elsewhere_is_read_the_full_way_and_damage_reported(
    demo_repo: Repository, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    oldest = demo_repo.career().wins[-1]

    def damage(tables: dict) -> None:  # noqa: ANN001 - JSON
        tables["wins"][oldest.id]["date"] = "not a date"

    _edit_file(data_dir, damage)
    assert slices.read_slices(data_dir) is None  # the .checked digest no longer matches
    code, out, err = _out(data_dir, capsys, "status")
    assert code == 2 and out == ""
    assert err.startswith("error: ") and oldest.id in err


def test_an_older_schema_is_read_the_full_way(
    demo_repo: Repository, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _out(data_dir, capsys, "status")
    path = data_dir / "careertui.json"
    tables = orjson.loads(path.read_bytes())
    tables["_meta"]["schema"]["version"] = 999
    raw = orjson.dumps(tables)
    path.write_bytes(raw)
    from careertui.store.lean import remember_checked

    remember_checked(data_dir, raw, as_written=True)  # even as careertui's own: not this schema
    assert slices.read_slices(data_dir) is None
    code, out, _ = _out(data_dir, capsys, "status")
    assert code == 0 and out.startswith(status_command.READ_ONLY)
    assert out.endswith(before[1])


def test_only_the_printed_wins_are_decoded(
    demo_repo: Repository,
    data_dir: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    decoded: list[str] = []
    real = slices.doc

    def counting(span):  # noqa: ANN001 - msgspec.Raw
        found = real(span)
        decoded.append(found["id"])
        return found

    monkeypatch.setattr(slices, "doc", counting)
    code, out, _ = _out(data_dir, capsys, "wins", "-n", "2")
    assert code == 0 and len(out.splitlines()) == 2
    wins = demo_repo.career().wins
    same_day = [w.id for w in wins if w.date == wins[1].date]
    assert set(decoded) <= {wins[0].id, *same_day}


def test_short_ids_of_some_equal_those_of_all() -> None:
    ids = ["win_000001aa", "win_000001ab", "win_000002", "win_1", "win_000001aab"]
    everything = wins_command.short_ids(ids)
    assert wins_command.short_ids(ids, ["win_000001aa", "win_1"]) == {
        "win_000001aa": everything["win_000001aa"],
        "win_1": everything["win_1"],
    }
    assert everything["win_000001aa"] == "win_000001aa"
    assert everything["win_000001aab"] == "win_000001aab"
