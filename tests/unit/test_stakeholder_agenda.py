"""The check-in agenda: which wins, gaps and feedback it brings up, and its Markdown."""

from __future__ import annotations

import datetime as dt
import stat
from pathlib import Path

from careertui.domain.models import (
    Feedback,
    Gap,
    GapStatus,
    Interaction,
    Metric,
    Priority,
    Stakeholder,
    Win,
)
from careertui.domain.stakeholders import agenda, select_wins
from careertui.exchange.agenda import save, to_markdown

TODAY = dt.date(2026, 11, 23)
LAST = dt.date(2026, 11, 10)


def maya(**kw: object) -> Stakeholder:
    return Stakeholder(
        name="Maya Chen",
        title="VP Product",
        cares_about="Hitting the retention target; onboarding that converts.",
        moves_needle="Crisp written narratives.",
        how_to_help="Take the EMEA discovery off her plate.",
        last_contact=kw.pop("last_contact", LAST),
        **kw,
    )


def win(title: str, on: dt.date, **kw: object) -> Win:
    return Win(title=title, date=on, **kw)


def titles(items) -> list[str]:
    return [i.win.title for i in items]


# Issue 14 item 13: these tests matched on one shared word ("Onboarding checklist shipped"
# for someone who cares about "onboarding that converts"); a text-only match now takes two
# meaningful words or a phrase, so the wins below share two.
def test_wins_since_last_contact_touching_what_they_care_about() -> None:
    p = maya()
    wins = [
        win("Onboarding that converts: checklist shipped", dt.date(2026, 11, 20)),
        win("Fixed flaky CI", dt.date(2026, 11, 21)),  # nothing they care about
        win("Retention target dashboard for the exec team", dt.date(2026, 11, 12)),
        win("Onboarding that converts: redesign kicked off", LAST),  # already heard
        win("Onboarding that converts: research", dt.date(2026, 10, 1)),  # before last contact
    ]
    chosen = select_wins(p, wins, [], TODAY)
    assert titles(chosen) == [
        "Onboarding that converts: checklist shipped",
        "Retention target dashboard for the exec team",
    ]
    assert chosen[0].topics == ("onboarding", "converts")
    assert chosen[1].topics == ("retention", "target")


def test_wins_match_on_stems_impact_metrics_tags_and_priority() -> None:
    p = maya()
    prio = Priority(title="Retention target for 2027")
    wins = [
        win("A", dt.date(2026, 11, 20), impact="Wrote crisp narratives the board read"),
        win(
            "B",
            dt.date(2026, 11, 19),
            metrics=[Metric(name="retention of target accounts", after="12")],
        ),
        win("C", dt.date(2026, 11, 18), tags=["onboarding", "converts"]),
        win("D", dt.date(2026, 11, 17), priority_id=prio.id),
        win("E", dt.date(2026, 11, 16), body="Nothing relevant here at all"),
    ]
    chosen = select_wins(p, wins, [], TODAY, [prio])
    assert titles(chosen) == ["A", "B", "C", "D"]
    assert chosen[0].topics == ("crisp", "narratives")  # "narrative" and "narratives": a stem
    assert chosen[1].topics == ("retention", "target")
    assert chosen[3].priority == "Retention target for 2027"


def test_wins_that_are_evidence_for_their_gaps_are_chosen_with_the_reason() -> None:
    p = maya()
    theirs = Gap(title="Executive presence", stakeholder_ids=[p.id])
    other = Gap(title="SQL")
    wins = [
        win("Ran the QBR", dt.date(2026, 11, 20), gap_ids=[theirs.id]),
        win("Wrote a query", dt.date(2026, 11, 20), gap_ids=[other.id]),
    ]
    (chosen,) = select_wins(p, wins, [theirs, other], TODAY)
    assert chosen.win.title == "Ran the QBR"
    assert chosen.gaps == (theirs,)
    assert chosen.reason == "evidence for 'Executive presence', a gap they can help with"


def test_future_dated_wins_are_left_out() -> None:
    p = maya()
    chosen = select_wins(p, [win("Onboarding v2", TODAY + dt.timedelta(days=3))], [], TODAY)
    assert chosen == []


def test_with_no_contact_on_record_the_last_90_days_count() -> None:
    p = maya(last_contact=None)
    wins = [
        win("Onboarding that converts A", TODAY - dt.timedelta(days=90)),
        win("Onboarding that converts B", TODAY - dt.timedelta(days=91)),
    ]
    assert titles(select_wins(p, wins, [], TODAY)) == ["Onboarding that converts A"]


def test_stop_words_and_short_words_never_match() -> None:
    p = Stakeholder(name="X", cares_about="The team and the work they do", last_contact=LAST)
    chosen = select_wins(p, [win("The team did the work", dt.date(2026, 11, 20))], [], TODAY)
    assert chosen == []
    board = Stakeholder(
        name="Y", cares_about="The board story for next year's growth", last_contact=LAST
    )
    wins = [
        win("Planned the next release for the first week", dt.date(2026, 11, 20)),
        win("Growth model for the board", dt.date(2026, 11, 21)),
    ]
    chosen = select_wins(board, wins, [], TODAY)
    assert [(c.win.title, c.topics) for c in chosen] == [
        ("Growth model for the board", ("board", "growth"))
    ]


def test_the_agenda_brings_open_gaps_and_feedback_to_follow_up() -> None:
    p = maya()
    working = Gap(title="Exec comms", stakeholder_ids=[p.id], status=GapStatus.WORKING, rank=3)
    backlog = Gap(title="P&L", stakeholder_ids=[p.id], rank=1)
    closed = Gap(title="Roadmaps", stakeholder_ids=[p.id], status=GapStatus.CLOSED)
    unrelated = Gap(title="SQL", rank=0)
    fb_gap = Feedback(quote="Say no more often", giver_id=p.id, kind="gap", date=LAST)
    fb_old = Feedback(quote="Shorter docs", giver_id=p.id, kind="gap", date=dt.date(2026, 1, 1))
    fb_praise = Feedback(quote="Great launch", giver_id=p.id, kind="strength")
    fb_other = Feedback(quote="Nope", giver_id="stk_other", kind="gap")
    last = Interaction(stakeholder_id=p.id, date=LAST, note="Talked NRR")
    got = agenda(
        p,
        wins=[],
        gaps=[working, backlog, closed, unrelated],
        feedback=[fb_old, fb_praise, fb_gap, fb_other],
        interactions=[last, Interaction(stakeholder_id="stk_other", date=TODAY)],
        today=TODAY,
    )
    assert got.gaps == [working, backlog]
    assert got.feedback == [fb_gap, fb_old]
    assert got.last_check_in == last


def test_markdown_names_the_wins_gaps_feedback_and_how_to_help(tmp_path: Path) -> None:
    p = maya()
    gap = Gap(title="Exec comms", stakeholder_ids=[p.id], next_action="Write the Q1 memo")
    chosen = win(
        "Onboarding checklist shipped",
        dt.date(2026, 11, 20),
        impact="Onboarding that converts: new teams live in a day",
        metrics=[Metric(name="activation", before="31%", after="38%")],
    )
    fb = Feedback(quote="Say no more often", giver_id=p.id, kind="gap", theme="focus")
    text = to_markdown(agenda(p, wins=[chosen], gaps=[gap], feedback=[fb], today=TODAY))
    assert text.startswith("# Check-in with Maya Chen — 2026-11-23\n")
    assert "Last contact: 2026-11-10 (13 days ago)" in text
    assert "- **Onboarding checklist shipped** (2026-11-20) — activation: 31% → 38%" in text
    assert "  - Why them: shares 'onboarding' and 'converts' with what they care about" in text
    assert "- **Exec comms** (backlog, 1→3) — next: Write the Q1 memo" in text
    assert "- “Say no more often” (focus)" in text
    assert "## How I can help them\n\n- Take the EMEA discovery off her plate." in text


def test_an_empty_agenda_says_so() -> None:
    text = to_markdown(agenda(maya(last_contact=None), wins=[], gaps=[], feedback=[], today=TODAY))
    assert "Last contact: none on record" in text
    assert "Nothing new on record" in text
    assert "No open gaps linked to them." in text


def test_save_writes_a_private_markdown_file_outside_the_data(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    a = agenda(maya(), wins=[], gaps=[], feedback=[], today=TODAY)
    path = save(a, data)
    assert path == Path.home() / "careertui-exports" / "check-in-maya-chen-2026-11-23.md"
    assert path.read_text(encoding="utf-8") == to_markdown(a)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
