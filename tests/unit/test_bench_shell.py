"""The benchmark's shell part: its jrnl journal imports, whatever the career's length."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from bench.generate import TEN_YEARS, write_career
from bench.shell import _jrnl_journal
from careertui import cli


def test_a_long_careers_journal_imports(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    today = dt.date(2026, 11, 23)
    repo = write_career(tmp_path / "career", replace(TEN_YEARS, wins=200, gaps=3), today)
    # as at 50,000 wins, a win a day: the oldest would be from 1890, before careertui's dates
    old = [w.model_copy(update={"date": dt.date(1890, 1, 1)}) for w in repo.wins.list()]
    journal = _jrnl_journal(tmp_path / "jrnl", old, today)
    assert cli.main(["--data-dir", str(tmp_path / "new"), "import", "jrnl", str(journal)]) == 0
    assert "200 wins" in capsys.readouterr().out
