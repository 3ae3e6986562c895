"""The brag document says how long its period really is (issue 14, item 15): ``--from "last
month"`` on 23 November covers 23 October to 23 November, 32 days, not "2 months"."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from careertui.domain.models import Win
from careertui.exchange.brag import Period, length
from careertui.store.repository import Repository
from tests.conftest import CLI

D = dt.date


@pytest.mark.parametrize(
    ("start", "end", "words"),
    [
        (D(2026, 11, 23), D(2026, 11, 23), "1 day"),
        (D(2026, 10, 23), D(2026, 11, 23), "32 days"),  # "last month" (it said "2 months")
        (D(2026, 10, 6), D(2026, 11, 23), "7 weeks"),
        (D(2026, 11, 17), D(2026, 11, 23), "1 week"),
        (D(2026, 10, 1), D(2026, 11, 23), "54 days"),  # it said "2 months"
        (D(2026, 2, 1), D(2026, 2, 28), "1 month"),  # a whole calendar month
        (D(2026, 6, 1), D(2026, 8, 31), "3 months"),
        (D(2026, 8, 24), D(2026, 11, 23), "3 months"),
        (D(2026, 8, 23), D(2026, 11, 23), "3 months and 1 day"),
        (D(2025, 11, 24), D(2026, 11, 23), "1 year"),
        (D(2025, 11, 23), D(2026, 11, 23), "1 year and 1 day"),
        (D(2025, 12, 1), D(2026, 11, 30), "1 year"),
        (D(2024, 1, 1), D(2026, 11, 23), "2 years, 10 months and 23 days"),
        (D(2026, 1, 31), D(2026, 4, 30), "90 days"),  # a month from the 31st has no one length
    ],
)
def test_the_length_of_a_period_is_exact(start: dt.date, end: dt.date, words: str) -> None:
    assert length(Period(start, end)) == words


def test_export_brag_from_last_month_says_32_days(
    cli: CLI, repo: Repository, tmp_path: Path
) -> None:
    repo.wins.add(Win(title="Shipped the pricing page", date=D(2026, 11, 2)))
    out = tmp_path / "brag.md"
    result = cli("export", "brag", "--from", "last month", "--out", str(out))
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert "- **Period:** 2026-10-23 to 2026-11-23 (32 days)\n" in text
    assert "month)" not in text and "months)" not in text


def test_export_brag_over_whole_months_counts_the_months(
    cli: CLI, repo: Repository, tmp_path: Path
) -> None:
    repo.wins.add(Win(title="Shipped the pricing page", date=D(2026, 7, 2)))
    out = tmp_path / "brag.md"
    result = cli("export", "brag", "--from", "2026-06-01", "--to", "2026-08-31", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "- **Period:** 2026-06-01 to 2026-08-31 (3 months)\n" in out.read_text()
