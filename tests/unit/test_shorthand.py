"""The quick win's shorthand: each part, and names matched as ``careertui win`` matches them."""

from __future__ import annotations

import pytest

from careertui.domain.models import Gap, Priority, Stakeholder
from careertui.domain.shorthand import as_typed, parse_quick_win

TOM = Stakeholder(name="Tom Becker")
SARA = Stakeholder(name="Sara Lind")
SARAH = Stakeholder(name="Sarah Kim")
RETENTION = Priority(title="Retention")
REVENUE = Priority(title="Revenue growth")
EXEC = Gap(title="Exec communication")


def parse(text: str):
    return parse_quick_win(
        text, priorities=[RETENTION, REVENUE], gaps=[EXEC], stakeholders=[TOM, SARA, SARAH]
    )


def test_the_example_line_stores_every_part() -> None:
    read = parse('Ran the churn review with @tom and @"sara l" #churn p:retention g:"exec comm"')
    assert read.problems == []
    assert read.title == "Ran the churn review with Tom and Sara Lind"
    assert read.tags == ["churn"]
    assert read.priority == RETENTION
    assert read.gaps == [EXEC]
    assert read.people == [TOM, SARA]
    assert read.links["stakeholder_ids"] == [TOM.id, SARA.id]
    assert read.links["priority_id"] == RETENTION.id
    assert read.links["gap_ids"] == [EXEC.id]


@pytest.mark.parametrize(
    ("line", "title", "field", "value"),
    [
        ("Shipped it #Launch", "Shipped it", "tags", ["launch"]),
        ("Shipped it tag:launch", "Shipped it", "tags", ["launch"]),
        ("Shipped it priority:RETENTION", "Shipped it", "priority_id", RETENTION.id),
        ("Shipped it p:rev", "Shipped it", "priority_id", REVENUE.id),
        ("Shipped it gap:Exec", "Shipped it", "gap_ids", [EXEC.id]),
        ("Paired with:tom", "Paired Tom", "stakeholder_ids", [TOM.id]),
        ("Paired with @Tom", "Paired with Tom", "stakeholder_ids", [TOM.id]),
        ('Paired with @"tom becker"', "Paired with Tom Becker", "stakeholder_ids", [TOM.id]),
        ("Shipped it *", "Shipped it", "starred", True),
        ("Shipped it is:starred", "Shipped it", "starred", True),
    ],
    ids=lambda value: value if isinstance(value, str) and "_" not in value else "-",
)
def test_each_part(line: str, title: str, field: str, value: object) -> None:
    read = parse(line)
    assert read.problems == []
    assert read.title == title
    assert read.links[field] == value


def test_an_ambiguous_name_is_a_problem_that_names_the_candidates() -> None:
    read = parse("Lunch with @sara")
    assert read.people == []
    assert read.problems == [
        "'sara' matches 2 stakeholders: 'Sara Lind', 'Sarah Kim'; give more of the name"
    ]


def test_an_unknown_name_is_a_problem_with_the_closest_names() -> None:
    read = parse("Shipped p:churn g:speaking @omar")
    assert len(read.problems) == 3
    assert read.problems[0].startswith("no priority named 'churn'")
    assert read.problems[1].startswith("no gap named 'speaking'")
    assert read.problems[2].startswith("no stakeholder named 'omar'")


def test_names_match_from_the_beginning_only_as_careertui_win_does() -> None:
    assert parse("x p:growth").problems[0].startswith("no priority named 'growth'")


def test_two_priorities_are_a_problem() -> None:
    assert parse("x p:ret p:rev").problems == ["a win serves one priority: name only one"]


def test_other_words_with_colons_quotes_and_addresses_stay_in_the_title() -> None:
    read = parse('Note: fixed "p:retention" at 10:30, see https://x.io #ops')
    assert read.problems == []
    assert read.title == 'Note: fixed "p:retention" at 10:30, see https://x.io'
    assert read.tags == ["ops"]


def test_a_line_of_only_shorthand_has_no_title() -> None:
    assert parse("#churn p:ret *").problems == ["no title: say what you did"]
    assert parse("   ").problems == []  # blank: the model's own message says it


def test_what_was_understood_is_said_in_words() -> None:
    read = parse("Demo @tom p:ret g:exec #launch *")
    assert read.understood() == [
        "with Tom Becker",
        "priority “Retention”",
        "gap “Exec communication”",
        "#launch",
        "★ starred",
    ]


def test_as_typed_keeps_the_words_the_user_typed_of_a_name() -> None:
    assert as_typed("Tom Becker", "tom") == "Tom"
    assert as_typed("Tom Becker", "to") == "Tom"
    assert as_typed("Tom Becker", "tom b") == "Tom Becker"
    assert as_typed("Tom Becker", "stk-123") == "Tom Becker"


def test_c_ties_a_competency_of_the_ladder_and_names_an_unknown_one() -> None:
    known = ["Product strategy", "People leadership"]
    read = parse_quick_win('Ran the offsite c:product c:"people l"', competencies=known)
    assert (read.title, read.competencies, read.problems) == ("Ran the offsite", known, [])
    assert read.links["competencies"] == known
    assert "competency “Product strategy”" in read.understood()
    unknown = parse_quick_win("Ran the offsite c:hiring", competencies=known)
    assert unknown.problems[0].startswith("c: no competency named 'hiring'")


def test_without_a_ladder_c_is_part_of_the_title() -> None:
    assert parse_quick_win("Fixed c:drive quota").title == "Fixed c:drive quota"
