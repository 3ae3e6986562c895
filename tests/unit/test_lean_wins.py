"""``careertui wins`` loads only the wins it prints, in the same order the journal shows."""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

import pytest

from careertui import cli
from careertui.commands.wins import newest_first
from careertui.domain.models import Priority, Win
from careertui.store import repository as repository_module
from careertui.store.repository import Repository

UTC = dt.timezone.utc


@pytest.fixture
def many(repo: Repository) -> Repository:
    """Wins on few dates, logged at times with and without fractions of a second."""
    rnd = random.Random(9)
    with repo.transaction():
        pri = repo.priorities.add(Priority(title="Grow net revenue retention"))
        for i in range(120):
            day = dt.date(2026, 11, 1) + dt.timedelta(days=rnd.randint(0, 20))
            at = dt.datetime(
                2026,
                11,
                23,
                rnd.randint(0, 23),
                rnd.randint(0, 59),
                rnd.randint(0, 59),
                rnd.choice((0, 0, 5_000, 123_456)),
                tzinfo=UTC,
            )
            repo.wins.add(
                Win(
                    title=f"win {i}",
                    date=day,
                    created=at,
                    updated=at,
                    tags=rnd.sample(["q4", "launch", "hiring"], rnd.randint(0, 2)),
                    priority_id=pri.id if i % 3 == 0 else None,
                )
            )
    return repo


def _json(data_dir: Path, capsys, *extra: str) -> list[dict]:
    assert cli.main(["--data-dir", str(data_dir), "wins", "--json", *extra]) == 0
    return json.loads(capsys.readouterr().out)


def test_order_matches_the_journal(many: Repository, data_dir: Path, capsys) -> None:
    journal = [w.id for w in many.career().wins]
    assert [w["id"] for w in _json(data_dir, capsys, "-n", "500")] == journal
    assert [w["id"] for w in _json(data_dir, capsys, "-n", "7")] == journal[:7]


def test_filters_match_the_journal(many: Repository, data_dir: Path, capsys) -> None:
    wins = many.career().wins
    expected = [
        w.id
        for w in wins
        if "launch" in w.tags and dt.date(2026, 11, 5) <= w.date <= dt.date(2026, 11, 15)
    ]
    got = _json(
        data_dir,
        capsys,
        "-n",
        "500",
        "--tag",
        "#Launch",
        "--from",
        "2026-11-05",
        "--to",
        "2026-11-15",
    )
    assert [w["id"] for w in got] == expected and expected


def test_only_the_printed_wins_are_loaded(
    many: Repository, data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    loaded: list[str] = []
    real = repository_module.load_record

    def counting(model, doc, path):  # noqa: ANN001 - same signature as load_record
        loaded.append(model.__name__)
        return real(model, doc, path)

    monkeypatch.setattr(repository_module, "load_record", counting)
    assert cli.main(["--data-dir", str(data_dir), "wins", "-n", "5"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 5
    assert loaded.count("Win") == 5
    assert loaded.count("Priority") <= 5


def test_a_damaged_win_that_would_be_shown_is_reported(
    many: Repository, data_dir: Path, capsys
) -> None:
    newest = many.career().wins[0]

    def damage(db) -> None:  # noqa: ANN001 - TinyDB
        db.table("wins").update({"title": ""}, doc_ids=[newest.id])

    many.run(damage)
    assert cli.main(["--data-dir", str(data_dir), "wins"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and newest.id in err and "title" in err


def test_python_310_timestamps_order_like_datetimes() -> None:
    docs = [
        {"id": "a", "date": "2026-11-23", "created": "2026-11-23T10:00:00Z"},
        {"id": "b", "date": "2026-11-23", "created": "2026-11-23T10:00:00.5Z"},
        {"id": "c", "date": "2026-11-23", "created": "2026-11-23T09:59:59.999999+00:00"},
        {"id": "d", "date": "2026-11-24", "created": "2026-11-20T00:00:00Z"},
    ]
    assert [d["id"] for d in newest_first(docs)] == ["d", "b", "a", "c"]
