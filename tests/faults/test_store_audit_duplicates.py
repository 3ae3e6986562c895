"""A data file that parses but cannot be written back whole (issue 15): a key repeated in one
object (the parser keeps the last, so the next write would drop the others), a record nested
deeper than the encoder writes. Each is refused as damaged, like any other, never written over,
never a traceback."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from careertui.cli import main
from careertui.domain.models import Win
from careertui.store.database import DATA_FILE
from careertui.store.repository import Repository


def run(capsys, data_dir: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data_dir), *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def wins(data_dir: Path) -> Path:
    repo = Repository.at(data_dir)
    for title in ("first", "second", "third"):
        repo.wins.add(Win(title=title))
    return data_dir / DATA_FILE


def _with_a_second_key(raw: bytes, key: bytes, value: bytes) -> bytes:
    assert raw.endswith(b"}")
    return raw[:-1] + b"," + key + b":" + value + b"}"


DAMAGE = {
    "a second wins table": lambda raw: _with_a_second_key(raw, b'"wins"', b"{}"),
    "a pretty-printed file with a second wins table": lambda raw: _with_a_second_key(
        orjson.dumps(orjson.loads(raw), option=orjson.OPT_INDENT_2), b'"wins"', b"{}"
    ),
    "one win twice": lambda raw: raw.replace(
        b'"wins":{', b'"wins":{"dup":{"id":"dup"},"dup":{"id":"dup","title":"x"},', 1
    ),
    "a record nested 300 deep": lambda raw: _with_a_second_key(
        raw, b'"notes"', b'{"n":{"deep":' + b"[" * 300 + b"]" * 300 + b"}}"
    ),
}


@pytest.mark.parametrize("kind", list(DAMAGE))
def test_a_file_that_cannot_be_written_back_whole_is_refused(wins, data_dir, capsys, kind):
    """Before: the repeated file loaded and the next win dropped every other win; the deep one
    was written until the encoder raised, a traceback."""
    damaged = DAMAGE[kind](wins.read_bytes())
    wins.write_bytes(damaged)
    for argv in (["wins"], ["win", "one more"], ["export", "json"], ["doctor"]):
        code, out, err = run(capsys, data_dir, *argv)
        assert code == 2, (argv, out, err)
        assert err.startswith("error: ") and err.count("\n") == 1, err
        assert "cannot read the data file" in err
        assert wins.read_bytes() == damaged, f"{argv} wrote over the file"
    assert "DAMAGED" in out
    assert "twice" in out or "nested more than 254 levels" in out


def test_the_restore_counts_what_the_repeated_table_hid(wins, data_dir, capsys) -> None:
    damaged = DAMAGE["a second wins table"](wins.read_bytes())
    wins.write_bytes(damaged)
    code, out, err = run(capsys, data_dir, "doctor", "--restore", "--yes")
    assert code == 0, err
    assert sorted(w.title for w in Repository.at(data_dir).wins.list()) == [
        "first",
        "second",
        "third",
    ]


def test_a_file_careertui_wrote_is_not_parsed_twice(wins, data_dir, monkeypatch, capsys):
    """The repeated-key check costs nothing on the file careertui last wrote (its digest
    vouches for it), and only a re-encode on any other compact file."""
    import json

    calls: list[int] = []
    real = json.loads
    monkeypatch.setattr(json, "loads", lambda *a, **k: calls.append(1) or real(*a, **k))
    assert run(capsys, data_dir, "wins")[0] == 0
    assert run(capsys, data_dir, "win", "lean")[0] == 0
    (data_dir / f"{DATA_FILE}.checked").unlink()  # not vouched for: re-encoded, not re-parsed
    assert run(capsys, data_dir, "wins")[0] == 0
    assert calls == []
