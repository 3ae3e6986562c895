"""``careertui gaps``, ``careertui people`` and ``careertui status`` through the installed console
script: the shell lists what the app shows, in the app's order, fit for a terminal or as JSON,
with the usual one-line errors; ``status`` stays lean enough for a shell prompt."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from careertui.actions.settings import finish_review
from careertui.domain.cadence import days_overdue
from careertui.domain.models import (
    Gap,
    GapStatus,
    Goal,
    Metric,
    Priority,
    PromotionAsk,
    Stakeholder,
    Stance,
    Vision,
    Win,
)
from careertui.domain.stakeholders import QUADRANT_ORDER, quadrant
from careertui.store.repository import Repository
from tests.conftest import CAREERTUI, CLI, TODAY, Result
from tests.unit.test_terminal_safety import poisoned_store, raw_controls

DAY = dt.date.fromisoformat(TODAY)
#: Cells between columns of the text output.
COLUMN_GAP = re.compile(r" {2,}")
TERMS = ("Impact", "Gap size", "Effort", "Urgency", "Influence", "Score")
GAP_FIELDS = {
    "id",
    "title",
    "status",
    "category",
    "impact",
    "effort",
    "current_level",
    "target_level",
    "due",
    "overdue",
    "next_action",
    "evidence",
    "stakeholders",
    "score",
    "terms",
}
TERM_FIELDS = {"key", "label", "points", "basis", "rule"}
PERSON_FIELDS = {
    "id",
    "name",
    "title",
    "relationship",
    "influence",
    "stance",
    "quadrant",
    "last_contact",
    "cadence_days",
    "next_check_in",
    "days_overdue",
}


@pytest.fixture(autouse=True)
def _no_terminal_width(monkeypatch: pytest.MonkeyPatch) -> None:
    """Output to a pipe is 80 columns wide unless COLUMNS says otherwise: never the caller's."""
    monkeypatch.delenv("COLUMNS", raising=False)


def _rows(stdout: str) -> list[list[str]]:
    """The text table's rows (header first), split into cells."""
    return [COLUMN_GAP.split(line) for line in stdout.splitlines()]


def _one_error_line(result: Result, *needles: str) -> None:
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    assert "Traceback" not in result.stderr
    for needle in needles:
        assert needle in lines[0]


def _documented_fields(cli: CLI, command: str) -> str:
    """The command's help, on one line (argparse wraps it)."""
    result = cli(command, "--help", data_dir=False)
    assert result.returncode == 0
    return " ".join(result.stdout.split())


# -- the app shows the same ------------------------------------------------------------------
async def test_gaps_and_status_say_what_the_app_shows(demo_repo: Repository, cli: CLI) -> None:
    from careertui.tui.app import make_app
    from careertui.tui.panes.gaps import GapsPane
    from careertui.tui.status import StatusLine

    gaps = _rows(cli("gaps").stdout)[1:]
    status = cli("status")
    assert status.returncode == 0, status.stderr
    app = make_app(demo_repo)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        board = app.query_one(GapsPane)
        shown = [
            (card.gap.status.value.capitalize(), str(card.evidence), card.gap.title)
            for column in (GapStatus.BACKLOG, GapStatus.WORKING, GapStatus.CLOSED)
            for card in board.cards(column)
        ]
        line = str(app.query_one(StatusLine).render())
    assert shown, "the demo board has gaps"
    assert [(row[0], row[2], row[4]) for row in gaps] == shown
    # both say after the overdue check-ins whether the weekly review is due, then the next
    # goal; the app, with a row to fill, shortens the destination that the shell says whole
    parts, said = line.split(" · "), status.stdout.removesuffix("\n").split(" · ")
    assert parts[3:5] == [
        "review due",
        "goal: Quarterly platform memo to the exec team due in 12 days",
    ]
    assert parts[:-1] == said[:-1]
    assert parts[-1].endswith("…") and said[-1].startswith(parts[-1].removesuffix("…"))


# -- gaps ------------------------------------------------------------------------------------
def test_gaps_lists_each_gap_once_with_its_score_fit_to_80_columns(
    demo_repo: Repository, cli: CLI
) -> None:
    result = cli("gaps")
    assert result.returncode == 0, result.stderr
    header, *rows = _rows(result.stdout)
    assert header == ["Status", "Score", "Wins", "Due", "Title"]
    assert sorted(row[4] for row in rows) == sorted(g.title for g in demo_repo.gaps.list())
    assert all(len(line) <= 80 for line in result.stdout.splitlines())
    statuses = [row[0] for row in rows]
    assert statuses == sorted(statuses, key=["Backlog", "Working on", "Closed"].index)
    for row in rows:
        assert re.fullmatch(r"-?\d+\.\d", row[1]) and row[2].isdigit()
        assert row[3] == "—" or re.fullmatch(r"\d{4}-\d\d-\d\d( overdue)?", row[3])
    assert any(row[3].endswith(" overdue") for row in rows)  # the demo has one


def test_a_long_title_is_shortened_only_when_it_must_be(repo: Repository, cli: CLI) -> None:
    long = "Lead the platform reorganisation across three product groups " * 3
    repo.gaps.add(Gap(title=long.strip(), due=DAY))
    repo.gaps.add(Gap(title="SQL", rank=1))
    narrow = cli("gaps").stdout.splitlines()
    assert len(narrow[1]) == 80 and narrow[1].endswith("…")
    assert narrow[1].split("  ")[-1].rstrip("…") in long
    assert narrow[2].endswith("  SQL")
    wide = cli("gaps", env={"COLUMNS": "300"}).stdout.splitlines()
    assert wide[1].endswith(long.strip())


def test_gaps_explain_shows_every_score_term_by_term(demo_repo: Repository, cli: CLI) -> None:
    plain = _rows(cli("gaps").stdout)[1:]
    result = cli("gaps", "--explain")
    assert result.returncode == 0, result.stderr
    blocks = result.stdout.split("\n\n")
    assert len(blocks) == len(plain)
    for block, row in zip(blocks, plain, strict=True):
        lines = block.strip("\n").splitlines()
        if block is blocks[0]:
            lines = lines[1:]  # the header
        assert COLUMN_GAP.split(lines[0]) == row
        terms = [line for line in lines[1:] if line[4] != " "]  # not a wrapped basis
        assert [line[4:14].strip() for line in terms] == list(TERMS)
        assert terms[-1].split() == ["Score", row[1]]
        points = [float(line[14:21]) for line in terms[:-1]]
        assert sum(points) == pytest.approx(float(row[1]), abs=0.11)
    assert all(len(line) <= 80 for line in result.stdout.splitlines())
    first = blocks[0]
    assert "impact " in first and " of 5 [3 per level]" in first


def test_gaps_json_has_the_documented_fields_in_board_order(
    demo_repo: Repository, cli: CLI
) -> None:
    result = cli("gaps", "--json")
    assert result.returncode == 0, result.stderr
    gaps = json.loads(result.stdout)
    documented = _documented_fields(cli, "gaps")
    for field in GAP_FIELDS | TERM_FIELDS:
        assert re.search(rf"\b{field}\b", documented), f"{field} is not in 'gaps --help'"
    assert all(set(gap) == GAP_FIELDS for gap in gaps)
    assert all({*term} == TERM_FIELDS for gap in gaps for term in gap["terms"])
    rows = _rows(cli("gaps").stdout)[1:]
    assert [gap["title"] for gap in gaps] == [row[4] for row in rows]
    assert [f"{gap['score']:.1f}" for gap in gaps] == [row[1] for row in rows]
    assert [gap["status"] for gap in gaps][0] == "backlog"
    for gap in gaps:
        assert [t["key"] for t in gap["terms"]] == [
            "impact",
            "gap_size",
            "effort",
            "urgency",
            "influence",
        ]
        assert sum(t["points"] for t in gap["terms"]) == pytest.approx(gap["score"])
    overdue = [gap for gap in gaps if gap["overdue"]]
    assert overdue and all(gap["due"] < TODAY for gap in overdue)


# -- people ----------------------------------------------------------------------------------
def test_people_lists_everyone_in_the_maps_order(demo_repo: Repository, cli: CLI) -> None:
    result = cli("people")
    assert result.returncode == 0, result.stderr
    header, *rows = _rows(result.stdout)
    assert header == ["Name", "Quadrant", "Last contact", "Next check-in", "Overdue"]
    assert all(len(line) <= 80 for line in result.stdout.splitlines())
    people = {p.name: p for p in demo_repo.stakeholders.list()}
    assert sorted(row[0] for row in rows) == sorted(people)
    quadrants = [row[1] for row in rows]
    names = [q.value for q in QUADRANT_ORDER]
    assert quadrants == sorted(quadrants, key=names.index)
    for row in rows:
        person = people[row[0]]
        assert row[1] == quadrant(person).value
        contact = person.last_contact.isoformat() if person.last_contact else "never"
        assert row[2] == contact
        late = days_overdue(person, DAY)
        assert (row[4] if len(row) > 4 else "") == (
            "" if late is None else f"{late} day{'s' if late != 1 else ''}"
        )


def test_people_overdue_only_those_most_overdue_first(demo_repo: Repository, cli: CLI) -> None:
    result = cli("people", "--overdue")
    assert result.returncode == 0, result.stderr
    rows = _rows(result.stdout)[1:]
    expected = {
        p.name: days_overdue(p, DAY)
        for p in demo_repo.stakeholders.list()
        if days_overdue(p, DAY) is not None
    }
    assert expected and len(expected) < len(demo_repo.stakeholders.list())
    assert sorted(row[0] for row in rows) == sorted(expected)
    days = [int(row[4].split()[0]) for row in rows]
    assert days == sorted(days, reverse=True)
    assert [expected[row[0]] for row in rows] == days
    data = json.loads(cli("people", "--overdue", "--json").stdout)
    assert [p["name"] for p in data] == [row[0] for row in rows]


def test_people_overdue_when_nobody_is(repo: Repository, cli: CLI) -> None:
    repo.stakeholders.add(Stakeholder(name="Ana Ruiz", cadence_days=14, last_contact=DAY))
    result = cli("people", "--overdue")
    assert (result.returncode, result.stdout) == (0, "No check-ins overdue.\n")
    assert "Ana Ruiz" in cli("people").stdout


def test_people_json_has_the_documented_fields(demo_repo: Repository, cli: CLI) -> None:
    people = json.loads(cli("people", "--json").stdout)
    documented = _documented_fields(cli, "people")
    for field in PERSON_FIELDS:
        assert re.search(rf"\b{field}\b", documented), f"{field} is not in 'people --help'"
    assert all(set(person) == PERSON_FIELDS for person in people)
    text = _rows(cli("people").stdout)[1:]
    assert [p["name"] for p in people] == [row[0] for row in text]
    by_name = {p.name: p for p in demo_repo.stakeholders.list()}
    for person in people:
        stored = by_name[person["name"]]
        assert person["id"] == stored.id and person["quadrant"] == quadrant(stored).value
        assert person["days_overdue"] == days_overdue(stored, DAY)


# -- status ----------------------------------------------------------------------------------
def test_status_is_one_line_of_the_dashboards_figures(repo: Repository, cli: CLI) -> None:
    repo.save_vision(Vision(target_role="Director of Product", horizon=dt.date(2029, 11, 23)))
    repo.gaps.add(Gap(title="SQL", status=GapStatus.WORKING))
    repo.stakeholders.add(
        Stakeholder(name="Ana", cadence_days=7, last_contact=dt.date(2026, 11, 1))
    )
    for day in ("2026-11-23", "2026-11-17"):
        assert cli("win", "A win", "--date", day).returncode == 0
    result = cli("status")
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        "1 win this week, 1 last · last win today · 1 check-in late · review due · "
        "1 gap active · → Director of Product in 3 yrs\n"
    )


def test_status_never_loads_textual_or_rich(demo_repo: Repository, data_dir: Path) -> None:
    code = (
        "import sys; from careertui.cli import main; "
        f"rc = main(['--data-dir', {str(data_dir)!r}, 'status']); "
        "loaded = sorted({m.split('.')[0] for m in sys.modules} & {'textual', 'rich'}); "
        "assert not loaded, loaded; sys.exit(rc)"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert "check-ins late" in proc.stdout


def status_without_models(data_dir: Path) -> subprocess.CompletedProcess[str]:
    """``careertui status`` in a fresh interpreter that fails if pydantic, Textual or rich
    was imported."""
    code = (
        "import sys; from careertui.cli import main; "
        f"rc = main(['--data-dir', {str(data_dir)!r}, 'status']); "
        "heavy = {'pydantic', 'textual', 'rich'}; "
        "loaded = sorted({m.split('.')[0] for m in sys.modules} & heavy); "
        "assert not loaded, loaded; sys.exit(rc)"
    )
    lean = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert lean.returncode == 0, lean.stderr
    return lean


def test_status_from_a_checked_file_builds_no_model_and_says_what_the_full_read_says(
    repo: Repository, cli: CLI, data_dir: Path
) -> None:
    """On a file careertui wrote and checked, ``status`` decodes only the fields its figures
    need (no pydantic at all); on the same file unchecked it reads every record. Both lines
    are the same, reminders included: the review's day, the next open goal, a person never
    contacted falling due one cadence after they were added."""
    repo.save_vision(Vision(target_role="Head of Product", horizon=dt.date(2028, 5, 23)))
    repo.gaps.add(Gap(title="SQL", status=GapStatus.WORKING))
    repo.gaps.add(Gap(title="Pricing", status=GapStatus.CLOSED))
    repo.stakeholders.add(Stakeholder(name="Ana", cadence_days=7, last_contact=DAY))
    repo.stakeholders.add(
        Stakeholder(name="Bo", cadence_days=7, created=dt.datetime(2026, 10, 1, 12, tzinfo=dt.UTC))
    )
    repo.goals.add(Goal(title="Ship the memo", due=DAY + dt.timedelta(days=12)))
    repo.goals.add(Goal(title="Done already", due=DAY - dt.timedelta(days=3), status="done"))
    finish_review(repo, DAY - dt.timedelta(days=2))
    assert cli("win", "A win", "--date", "2026-11-20").returncode == 0  # written and checked
    lean = status_without_models(data_dir)
    expected = (
        "0 wins this week, 1 last · last win 3 days ago · 1 check-in late · review in 5 days · "
        "goal: Ship the memo due in 12 days · 1 gap active · → Head of Product in 1.5 yrs\n"
    )
    assert lean.stdout == expected
    (data_dir / "careertui.json.checked").unlink()
    assert cli("status").stdout == expected


def test_status_with_a_ladder_weighs_readiness_without_a_model(
    repo: Repository, cli: CLI, data_dir: Path
) -> None:
    """With a career ladder on record the line carries readiness, which weighs every win, gap,
    person and priority: from a checked file that too comes from the decoded fields alone (no
    pydantic), and says what the full read and ``careertui readiness`` say, term by term."""
    assert cli("import", "ladder", "--example", "pm", "--level", "Senior PM",
               "--target", "Group PM").returncode == 0  # fmt: skip
    vision = repo.vision()
    room = vision.room_to_grow.model_copy(update={"answer": "not yet", "asked_on": DAY})
    ask = PromotionAsk(date=DAY - dt.timedelta(days=30), whom="Ana", ask_again=DAY)
    update = {"room_to_grow": room, "asks": [ask], "target_role": "Group PM"}
    repo.save_vision(vision.model_copy(update=update))
    now = repo.priorities.add(Priority(title="Grow self-serve"))
    old = repo.priorities.add(
        Priority(title="Old bet", since=dt.date(2026, 1, 1), until=dt.date(2026, 9, 30))
    )
    sql = repo.gaps.add(Gap(title="SQL", status=GapStatus.CLOSED, competencies=["Execution"]))
    repo.gaps.add(Gap(title="Pricing", status=GapStatus.WORKING))
    repo.stakeholders.add(Stakeholder(name="Cy", influence=5, stance=Stance.CHAMPION))
    repo.stakeholders.add(
        Stakeholder(name="Di", influence=4, stance=Stance.SUPPORTER, relationship="sponsor")
    )
    repo.stakeholders.add(Stakeholder(name="Ed", influence=5, stance=Stance.SKEPTIC))
    metric = Metric(name="conversion", before="3%", after="4%")
    repo.wins.add(Win(title="Set the strategy", date=DAY - dt.timedelta(days=200),
                      competencies=["Product strategy"], priority_id=old.id))  # fmt: skip
    repo.wins.add(Win(title="Shipped", date=DAY - dt.timedelta(days=10), gap_ids=[sql.id],
                      metrics=[metric], priority_id=now.id, starred=True))  # fmt: skip
    repo.wins.add(Win(title="Old tie", date=DAY - dt.timedelta(days=5), priority_id=old.id,
                      competencies=["Customer insight"], impact="Found the churn"))  # fmt: skip
    assert cli("win", "A win", "--date", "2026-11-20").returncode == 0  # written and checked
    lean = status_without_models(data_dir)
    found = json.loads(cli("readiness", "--json").stdout)
    points = {t["key"]: t["points"] for t in found["terms"]}
    # Group PM expects 6: evidence for 3 (strategy, execution through the gap, insight), 2 of
    # them recent; two backers; of the last 90 days' 3 wins 1 serves a priority in force on
    # its day ("Old bet" had ended); "not yet"; 1 of 2 gaps worked on closed with evidence
    assert points == {
        "coverage": 15, "recency": 5, "sponsorship": 20, "alignment": 5, "room": 5, "gaps": 5,
    }  # fmt: skip
    assert lean.stdout.endswith(f" · readiness {found['score']}/100 · → Group PM\n")
    (data_dir / "careertui.json.checked").unlink()
    assert cli("status").stdout == lean.stdout


@pytest.mark.parametrize(
    "args", [["wins"], ["status"], ["gaps"], ["people"], ["export", "brag"]], ids=" ".join
)
def test_a_reader_that_goes_away_gets_no_traceback(
    demo_repo: Repository, data_dir: Path, args: list[str]
) -> None:
    """``careertui wins | head``: the reader closes the pipe before careertui writes. The
    command stops quietly with the status of a command killed by SIGPIPE, stderr empty."""
    proc = subprocess.Popen(
        [str(CAREERTUI), "--data-dir", str(data_dir), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # gone before careertui has started
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 141, err
    assert err == ""


# -- an empty store, errors, and what the store holds ------------------------------------------
def test_an_empty_store_gives_a_hint_and_creates_nothing(cli: CLI, data_dir: Path) -> None:
    assert cli("gaps").stdout == "No gaps yet: add one in the app (2, n)\n"
    assert cli("gaps", "--explain").stdout == "No gaps yet: add one in the app (2, n)\n"
    assert cli("people").stdout == "No stakeholders yet: add one in the app (3, n)\n"
    assert cli("people", "--overdue").stdout == "No stakeholders yet: add one in the app (3, n)\n"
    for command in ("gaps", "people"):
        result = cli(command, "--json")
        assert (result.returncode, json.loads(result.stdout), result.stderr) == (0, [], "")
    status = cli("status")
    assert (status.returncode, status.stderr) == (0, "")
    assert status.stdout == (
        "0 wins this week, 0 last · no wins yet · 0 check-ins late · review due · "
        "0 gaps active · no target role yet\n"
    )
    assert not data_dir.exists()


BAD_INPUT = {
    "unknown gaps option": (["gaps", "--explian"], "unrecognized arguments: --explian"),
    "gaps takes no argument": (["gaps", "backlog"], "unrecognized arguments: backlog"),
    "overdue takes no value": (["people", "--overdue=3"], "--overdue"),
    "status takes no argument": (["status", "now"], "unrecognized arguments: now"),
    "status has no json": (["status", "--json"], "unrecognized arguments: --json"),
}


@pytest.mark.parametrize("case", list(BAD_INPUT), ids=list(BAD_INPUT))
def test_bad_input_is_one_error_line_exit_2_and_nothing_written(
    demo_repo: Repository, cli: CLI, case: str
) -> None:
    args, expected = BAD_INPUT[case]
    before = demo_repo.store.path.read_bytes()
    _one_error_line(cli(*args), expected)
    assert demo_repo.store.path.read_bytes() == before


@pytest.mark.parametrize("command", [["gaps"], ["gaps", "--json"], ["people"], ["status"]])
def test_an_unreadable_store_is_one_error_line_and_left_alone(
    cli: CLI, data_dir: Path, command: list[str]
) -> None:
    data_dir.mkdir(parents=True)
    path = data_dir / "careertui.json"
    path.write_text("{ not json")
    _one_error_line(cli(*command), "cannot read the data file", "careertui doctor")
    assert path.read_text() == "{ not json"


@pytest.mark.parametrize("command", ["gaps", "people", "status"])
def test_an_encrypted_store_reads_with_its_passphrase_and_refuses_a_wrong_one(
    demo_repo: Repository, cli: CLI, command: str
) -> None:
    secret = {"CAREERTUI_PASSPHRASE": "correct horse battery staple"}
    assert cli("encrypt", env=secret).returncode == 0
    before = demo_repo.store.path.read_bytes()
    result = cli(command, env=secret)
    assert result.returncode == 0, result.stderr
    assert result.stdout == cli(command, env=secret).stdout and result.stdout.strip()
    _one_error_line(cli(command, env={"CAREERTUI_PASSPHRASE": "wrong"}), "passphrase")
    assert demo_repo.store.path.read_bytes() == before


@pytest.mark.parametrize(
    "args",
    [
        ["gaps"],
        ["gaps", "--explain"],
        ["gaps", "--json"],
        ["people"],
        ["people", "--json"],
        ["status"],
    ],
    ids=lambda a: " ".join(a),
)
def test_control_characters_in_the_store_are_never_printed(
    data_dir: Path, cli: CLI, args: list[str]
) -> None:
    repo = poisoned_store(data_dir)
    repo.stakeholders.add(Stakeholder(name="Bo", stance=Stance.CHAMPION, influence=5))
    result = cli(*args)
    assert result.returncode == 0, result.stderr
    assert raw_controls(result.stdout + result.stderr) == []
    assert "\x1b" not in result.stdout
    if "--json" in args:
        key = "title" if args[0] == "gaps" else "name"
        [found] = [r for r in json.loads(result.stdout) if r[key].endswith(" end")]
        assert "\ufffd]52;c;" in found[key]
    elif args[0] == "status":
        assert "→ Director \ufffd]52;c;" in result.stdout
    else:
        assert "\ufffd]52;c;" in result.stdout  # the title (or name), its ESC marked
