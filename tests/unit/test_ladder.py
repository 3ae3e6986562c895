"""The career ladder: the reader (good files and each kind of bad one, each error naming the
line and the field), the evidence per expectation of the target level, the suggestions from a
win's words, and ``competency:`` in the journal filter."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from careertui.domain.journal import completion, parse_filter
from careertui.domain.ladder import RECENT_DAYS, evidence, expectation, suggest, tied_to
from careertui.domain.matching import competencies_named
from careertui.domain.models import Gap, GapStatus, Ladder, Metric, Vision, Win
from careertui.exchange.ladder_file import (
    LadderFileError,
    example,
    read_ladder,
    read_ladder_file,
)

TODAY = dt.date(2026, 11, 23)

GOOD = """\
ladder: Product management
levels: [Product Manager, Senior PM, Group PM, Director of Product]
competencies:
  - name: Product strategy
    expects:
      Senior PM: Sets the strategy for one product area and defends it with evidence.
      Director of Product: Sets a multi-year strategy across teams that the exec team adopts.
  - name: Stakeholder management
    expects:
      Director of Product: Aligns sales, support and engineering leaders around one plan.
"""


def test_the_issue_s_example_reads_as_written() -> None:
    ladder = read_ladder(GOOD)
    assert ladder.ladder == "Product management"
    assert ladder.levels == ["Product Manager", "Senior PM", "Group PM", "Director of Product"]
    assert [c.name for c in ladder.competencies] == ["Product strategy", "Stakeholder management"]
    strategy = ladder.competencies[0]
    assert expectation(strategy, "senior pm").startswith("Sets the strategy for one")
    assert expectation(strategy, "Group PM") == ""


def test_json_reads_the_same_as_yaml(tmp_path: Path) -> None:
    as_json = tmp_path / "ladder.json"
    as_json.write_text(json.dumps(read_ladder(GOOD).model_dump()), encoding="utf-8")
    assert read_ladder_file(as_json) == read_ladder(GOOD)


def test_the_example_pm_ladder_is_shipped_and_valid() -> None:
    ladder = example("pm")
    assert ladder.levels[0] == "Product Manager"
    assert len(ladder.competencies) >= 5
    # every level but the first is expected something of by several competencies
    for level in ladder.levels:
        assert sum(1 for c in ladder.competencies if expectation(c, level)) >= 3
    with pytest.raises(Exception, match="no example ladder 'hr'"):
        example("hr")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "f.yaml: the file is empty"),
        ("ladder: [x\n", "f.yaml line 2: expected ',' or ']'"),
        ("- a\n- b\n", "f.yaml line 1: a ladder is a mapping"),
        ("ladder: x\n", "f.yaml line 1: levels: missing"),
        ("levels: [a]\n", "f.yaml line 1: ladder: missing"),
        ("ladder: x\nlevels: [a]\nlevel: b\n", "f.yaml line 3: level: unknown key"),
        ("ladder: x\nlevels: []\n", "f.yaml line 2: levels: List should have at least 1 item"),
        ("ladder: x\nlevels: [a, A]\n", "f.yaml line 2: levels: the level 'A' is named twice"),
        (
            "ladder: x\nlevels: [a]\ncompetencies:\n  - expects: {a: b}\n",
            "f.yaml line 4: competencies[0].name: Field required",
        ),
        (
            "ladder: x\nlevels: [a]\ncompetencies:\n  - name: s\n    expect: {a: b}\n",
            "f.yaml line 5: competencies[0].expect: unknown key",
        ),
        (
            "ladder: x\nlevels: [a]\ncompetencies:\n  - name: s\n    expects:\n      b: do\n",
            "f.yaml line 6: competencies[0].expects.b: not one of the levels (a)",
        ),
        (
            "ladder: x\nlevels: [a]\ncompetencies:\n  - name: S\n  - name: s\n",
            "f.yaml line 5: competencies[1].name: 's' is named twice",
        ),
        (
            "ladder: x\nladder: y\nlevels: [a]\n",
            "f.yaml line 2: ladder: named twice",
        ),
        (
            "ladder: x\nlevels: [a]\ncompetencies:\n  - name: s\n    expects: {a: [1, 2]}\n",
            "f.yaml line 5: competencies[0].expects.a: Input should be a valid string",
        ),
        (
            'ladder: x\nlevels: [a]\ncompetencies:\n  - name: "s\\e"\n',
            "f.yaml line 4: competencies[0].name: ",
        ),
    ],
)
def test_each_kind_of_bad_file_is_one_error_naming_line_and_field(text: str, message: str) -> None:
    with pytest.raises(LadderFileError) as caught:
        read_ladder(text, "f.yaml")
    assert str(caught.value).startswith(message)
    assert "\n" not in str(caught.value)


def test_an_unreadable_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(LadderFileError, match="cannot read"):
        read_ladder_file(tmp_path / "missing.yaml")
    binary = tmp_path / "b.yaml"
    binary.write_bytes(b"\xff\xfe\x00")
    with pytest.raises(LadderFileError, match="not UTF-8"):
        read_ladder_file(binary)


# -- evidence ----------------------------------------------------------------------------------
def _vision(target: str = "Director of Product") -> Vision:
    return Vision(ladder=read_ladder(GOOD), ladder_level="Senior PM", ladder_target=target)


def test_evidence_rows_are_the_target_level_s_expectations() -> None:
    rows = evidence(_vision(), [], [], TODAY)
    assert [r.competency for r in rows] == ["Product strategy", "Stakeholder management"]
    assert rows[1].expects.startswith("Aligns sales")
    assert all(r.mark == "none" and r.strongest is None and r.latest is None for r in rows)
    senior = evidence(_vision("Senior PM"), [], [], TODAY)
    assert [r.competency for r in senior] == ["Product strategy"]
    assert evidence(Vision(ladder=read_ladder(GOOD)), [], [], TODAY) == []  # no target


def test_evidence_counts_direct_ties_and_ties_through_a_gap_and_marks_stale() -> None:
    gap = Gap(title="Exec alignment", competencies=["stakeholder management"])
    old = Win(
        title="Old strategy memo",
        date=TODAY - dt.timedelta(days=RECENT_DAYS + 1),
        competencies=["Product strategy"],
    )
    measured = Win(
        title="Pricing strategy",
        date=TODAY - dt.timedelta(days=200),
        competencies=["Product strategy"],
        metrics=[Metric(name="ARR", before="1", after="2")],
    )
    via_gap = Win(title="Offsite with sales", date=TODAY - dt.timedelta(days=3), gap_ids=[gap.id])
    future = Win(title="Planned", date=TODAY + dt.timedelta(days=3), gap_ids=[gap.id])
    rows = evidence(_vision(), [old, measured, via_gap, future], [gap], TODAY)
    strategy, stakeholders = rows
    assert len(strategy.wins) == 2
    assert strategy.strongest is measured  # a metric beats a newer plain win
    assert strategy.latest == old.date
    assert strategy.mark == "stale" and "90 days" in strategy.mark_text
    assert [w.title for w in stakeholders.wins] == ["Offsite with sales"]  # not the future one
    assert stakeholders.mark is None and stakeholders.recent
    assert tied_to("product STRATEGY", [old, via_gap], [gap]) == [old]


# -- suggestions -------------------------------------------------------------------------------
def test_suggestions_name_the_shared_words_and_skip_what_is_tied() -> None:
    ladder = read_ladder(GOOD)
    found = suggest(ladder, "Wrote the pricing strategy with evidence from 40 interviews")
    assert found[0].competency == "Product strategy"
    assert "“strategy”" in found[0].reason and "“evidence”" in found[0].reason
    assert suggest(ladder, "Wrote the pricing strategy", tied=["product strategy"]) == []
    assert suggest(ladder, "Fixed the build") == []
    assert suggest(None, "strategy") == []


def test_competency_names_match_as_other_names_do() -> None:
    known = ["Product strategy", "Stakeholder management"]
    assert competencies_named(known, ["product s", "STAKEHOLDER MANAGEMENT", "Product"]) == [
        "Product strategy",
        "Stakeholder management",
    ]
    with pytest.raises(Exception, match="no competency named 'nope'"):
        competencies_named(known, ["nope"])
    with pytest.raises(Exception, match="no ladder yet"):
        competencies_named([], ["x"])
    assert competencies_named([], []) == []


# -- the journal filter ------------------------------------------------------------------------
def test_the_filter_keeps_wins_tied_to_a_competency_directly_or_through_a_gap() -> None:
    gap = Gap(title="Exec alignment", competencies=["Stakeholder management"])
    direct = Win(title="A", competencies=["Stakeholder management"])
    through = Win(title="B", gap_ids=[gap.id])
    other = Win(title="C", competencies=["Product strategy"])
    names = ["Product strategy", "Stakeholder management"]
    for typed in ("c:stakeholder", "competency:Stakeholder", 'c:"stakeholder man"'):
        f = parse_filter(typed, gaps=[gap], competencies=names, today=TODAY)
        assert not f.problems
        assert [w.title for w in f.apply([direct, through, other])] == ["A", "B"]
    missing = parse_filter("c:hiring", competencies=names, today=TODAY)
    assert missing.problems == ["no competency matches 'hiring'"]
    assert missing.apply([direct, other]) == []
    wider = parse_filter("c:a", competencies=names, today=TODAY)
    narrower = parse_filter("c:stake", competencies=names, today=TODAY)
    assert narrower.narrows(wider) and not wider.narrows(narrower)


def test_the_filter_completes_competency_names() -> None:
    names = ["Product strategy", "Stakeholder management"]
    assert completion("c:Sta", competencies=names) == "c:Stakeholder"
    assert completion('c:"prod', competencies=names) == 'c:"product strategy"'
    assert completion("compe") == "competency:"


def test_a_gap_keeps_its_competencies_as_written() -> None:
    gap = Gap(title="x", competencies=["  Product strategy "], status=GapStatus.WORKING)
    assert gap.competencies == ["Product strategy"]
    assert Ladder.model_validate(read_ladder(GOOD).model_dump()) == read_ladder(GOOD)
