"""``careertui import ladder``, ``ladder``, ``readiness``, ``ask`` and ``win --competency``
through the installed console script: what they print, their JSON, and one-line errors that
write nothing."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import CLI

BAD = "ladder: x\nlevels: [a]\ncompetencies:\n  - name: s\n    expects:\n      b: do\n"


def test_import_the_example_then_the_evidence_table_and_readiness(cli: CLI) -> None:
    done = cli(
        "import", "ladder", "--example", "pm", "--level", "senior pm", "--target", "group pm"
    )
    assert done.returncode == 0, done.stderr
    assert "ladder 'Product management': 4 levels, 7 competencies" in done.stdout
    assert "target level: Group PM" in done.stdout
    win = cli("win", "Wrote the group strategy", "--competency", "product strat")
    assert win.returncode == 0, win.stderr
    table = cli("ladder", env={"COLUMNS": "120"})
    assert table.returncode == 0, table.stderr
    lines = table.stdout.splitlines()
    assert lines[0] == "Product management: from Senior PM to Group PM"
    assert lines[1].split()[:2] == ["Competency", "Expects"]
    strategy = next(line for line in lines if line.startswith("Product strategy"))
    assert "Wrote the group strategy" in strategy and "2026-11-23" in strategy
    assert "!" not in strategy
    execution = next(line for line in lines if line.startswith("Execution"))
    assert execution.rstrip().endswith("! no evidence")
    data = json.loads(cli("ladder", "--json").stdout)
    assert data["target"] == "Group PM"
    first = data["rows"][0]
    assert first == {
        "competency": "Product strategy",
        "expects": first["expects"],
        "wins": 1,
        "strongest": "Wrote the group strategy",
        "latest": "2026-11-23",
        "mark": None,
    }
    assert {r["mark"] for r in data["rows"][1:]} == {"none"}
    ready = cli("readiness")
    assert ready.returncode == 0
    assert ready.stdout.startswith("readiness ")
    assert "not ready whatever the rest says" in ready.stdout  # no sponsor on record
    assert "1 of 6 expectations of Group PM have evidence" in ready.stdout
    terms = json.loads(cli("readiness", "--json").stdout)
    assert [t["key"] for t in terms["terms"]] == [
        "coverage",
        "recency",
        "sponsorship",
        "alignment",
        "room",
        "gaps",
    ]
    assert terms["score"] == sum(t["points"] for t in terms["terms"])
    assert terms["ready"] is False and terms["caps"]


def test_a_bad_ladder_file_is_one_error_line_and_nothing_written(cli: CLI, tmp_path: Path) -> None:
    bad = tmp_path / "ladder.yaml"
    bad.write_text(BAD, encoding="utf-8")
    result = cli("import", "ladder", str(bad))
    assert result.returncode == 2
    assert result.stderr == (
        f"error: {bad} line 6: competencies[0].expects.b: not one of the levels (a)\n"
    )
    assert not (cli.data_dir / "careertui.json").exists()
    both = cli("import", "ladder", str(bad), "--example", "pm")
    assert both.returncode == 2 and both.stderr.startswith("error: import ladder takes a FILE")


def test_win_with_an_unknown_competency_writes_nothing(cli: CLI) -> None:
    assert cli("import", "ladder", "--example", "pm").returncode == 0
    raw = (cli.data_dir / "careertui.json").read_bytes()
    result = cli("win", "Shipped", "--competency", "hiring")
    assert result.returncode == 2
    assert result.stderr.startswith("error: --competency: no competency named 'hiring'")
    assert (cli.data_dir / "careertui.json").read_bytes() == raw


def test_the_ask_is_recorded_and_shown_by_readiness(cli: CLI) -> None:
    asked = cli("ask", "--whom", "Maya Chen", "--what", "Group PM by Q2", "--date", "2026-11-20")
    assert asked.returncode == 0, asked.stderr
    assert asked.stdout == "recorded: asked Maya Chen on 2026-11-20 (waiting)\n"
    answered = cli("ask", "--answer", "not yet", "--again", "2027-03-01")
    assert answered.stdout == "the ask of 2026-11-20 to Maya Chen: not yet\n"
    assert (
        "last asked Maya Chen on 2026-11-20: not yet; ask again on 2027-03-01"
        in cli("readiness").stdout
    )
    data = json.loads(cli("readiness", "--json").stdout)
    assert data["last_ask"]["what"] == "Group PM by Q2" and data["asked"] is True
    nobody = cli("ask", "--what", "x")
    assert nobody.returncode == 2 and nobody.stderr.startswith("error: say whom you asked")
