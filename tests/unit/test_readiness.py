"""Readiness, term by term and cap by cap, on careers built by hand: each term's points follow
its figures, each says what would raise it, and without a sponsor or with "no room" the
verdict is never "ready"."""

from __future__ import annotations

import datetime as dt

from careertui.domain.models import (
    Gap,
    GapStatus,
    Priority,
    PromotionAsk,
    Relationship,
    Stakeholder,
    Stance,
    Vision,
    Win,
)
from careertui.domain.readiness import MAX_POINTS, READY, readiness
from careertui.exchange.ladder_file import read_ladder

TODAY = dt.date(2026, 11, 23)
LADDER = """\
ladder: PM
levels: [PM, Senior PM]
competencies:
  - name: Strategy
    expects: {Senior PM: Sets the area's strategy.}
  - name: Execution
    expects: {Senior PM: Ships the roadmap.}
  - name: Hiring
    expects: {PM: Interviews.}
"""
SPONSOR = Stakeholder(
    name="Ada", relationship=Relationship.SPONSOR, influence=5, stance=Stance.SUPPORTER
)
CHAMPION = Stakeholder(name="Bo", influence=4, stance=Stance.CHAMPION)
SKEPTIC = Stakeholder(name="Cy", influence=5, stance=Stance.SKEPTIC)
FAN = Stakeholder(name="Di", influence=4, stance=Stance.SUPPORTER)


def days_ago(n: int) -> dt.date:
    return TODAY - dt.timedelta(days=n)


def vision(**kw: object) -> Vision:
    base: dict[str, object] = {
        "ladder": read_ladder(LADDER),
        "ladder_level": "PM",
        "ladder_target": "Senior PM",
    }
    return Vision.model_validate({**base, **kw})


def terms(result):  # noqa: ANN001, ANN201
    return {t.key: t for t in result.terms}


def strong_career() -> dict[str, object]:
    """Everything a full score needs."""
    pri = Priority(title="Retention")
    gap = Gap(title="Exec presence", status=GapStatus.CLOSED)
    wins = [
        Win(title="Strategy doc", date=days_ago(5), competencies=["Strategy"], priority_id=pri.id),
        Win(
            title="Shipped Q3",
            date=days_ago(10),
            competencies=["Execution"],
            gap_ids=[gap.id],
            priority_id=pri.id,
        ),
    ]
    return {
        "vision": vision(room_to_grow={"answer": "yes", "asked_on": days_ago(30)}),
        "wins": wins,
        "gaps": [gap],
        "stakeholders": [SPONSOR, CHAMPION],
        "priorities": [pri],
        "today": TODAY,
    }


def test_the_terms_add_up_to_100_at_most() -> None:
    assert sum(MAX_POINTS.values()) == 100
    result = readiness(**strong_career())  # type: ignore[arg-type]
    assert result.score == 100
    assert result.ready and result.verdict == "ready to ask"
    assert result.ready_not_asked and "not asked yet" in result.summary()
    assert all(not t.raise_by for t in result.terms)


def test_an_empty_career_scores_nothing_and_says_what_to_do() -> None:
    result = readiness(Vision(), [], [], [], [], TODAY)
    assert result.score == 0 and result.verdict == "not yet"
    by_key = terms(result)
    assert "import a ladder" in by_key["coverage"].raise_by
    assert "sponsor" in by_key["sponsorship"].raise_by
    assert "record the company's top priorities" in by_key["alignment"].raise_by
    assert "ask management" in by_key["room"].raise_by
    assert by_key["gaps"].figures == "no gaps worked on yet"
    assert all(t.raise_by for t in result.terms)


def test_coverage_and_recency_follow_the_target_level_s_expectations() -> None:
    wins = [
        Win(title="Old strategy", date=days_ago(200), competencies=["Strategy"]),
        Win(title="Interviews", date=days_ago(1), competencies=["Hiring"]),  # not at target
    ]
    by_key = terms(readiness(vision(), wins, [], [], [], TODAY))
    assert by_key["coverage"].points == 15  # 1 of 2
    assert by_key["coverage"].figures == "1 of 2 expectations of Senior PM have evidence"
    assert by_key["coverage"].raise_by == "log a win for Execution"
    assert by_key["recency"].points == 0
    assert by_key["recency"].raise_by == "fresh evidence for Strategy, Execution"
    no_target = terms(readiness(vision(ladder_target=""), wins, [], [], [], TODAY))
    assert (
        no_target["coverage"].points == 0
        and "set your target level" in no_target["coverage"].raise_by
    )


def test_sponsorship_counts_high_influence_champions_and_sponsors() -> None:
    def points(*people: Stakeholder) -> tuple[int, str]:
        term = terms(readiness(vision(), [], [], list(people), [], TODAY))["sponsorship"]
        return term.points, term.raise_by

    assert points() == (0, "find a high-influence sponsor and record them")
    assert points(SKEPTIC) == (0, "win over Cy")
    assert points(FAN) == (0, "turn a supporter into a champion: Di")
    assert points(SPONSOR)[0] == 10
    assert points(SPONSOR, CHAMPION) == (20, "")
    low = Stakeholder(name="Ed", influence=2, stance=Stance.CHAMPION)
    assert points(low)[0] == 0  # not high influence


def test_alignment_is_the_share_of_recent_wins_on_a_priority() -> None:
    pri = Priority(title="Growth")
    wins = [
        Win(title="a", date=days_ago(1), priority_id=pri.id),
        Win(title="b", date=days_ago(2)),
        Win(title="old", date=days_ago(120), priority_id=pri.id),
    ]
    term = terms(readiness(vision(), wins, [], [], [pri], TODAY))["alignment"]
    assert term.points == round(MAX_POINTS["alignment"] / 2)
    assert "(1 of 2)" in term.figures
    assert term.raise_by == "tie more of your work to the top priorities"


def test_room_to_grow_follows_the_recorded_answer() -> None:
    def room(answer: str) -> int:
        v = vision(room_to_grow={"answer": answer, "asked_on": days_ago(3)})
        return terms(readiness(v, [], [], [], [], TODAY))["room"].points

    assert [room(a) for a in ("yes", "not yet", "unclear", "no")] == [10, 5, 3, 0]
    assert terms(readiness(vision(), [], [], [], [], TODAY))["room"].figures == (
        "not asked whether there is room"
    )


def test_gaps_closed_counts_only_those_closed_with_evidence() -> None:
    evidenced = Gap(title="A", status=GapStatus.CLOSED)
    bare = Gap(title="B", status=GapStatus.CLOSED)
    working = Gap(title="C", status=GapStatus.WORKING)
    backlog = Gap(title="D")
    wins = [Win(title="w", gap_ids=[evidenced.id])]
    term = terms(readiness(vision(), wins, [evidenced, bare, working, backlog], [], [], TODAY))[
        "gaps"
    ]
    assert term.figures == "1 of 3 gaps worked on are closed with evidence"
    assert term.points == 3
    assert term.raise_by == "close B, C with a win as evidence"


def test_without_a_sponsor_it_is_never_ready_and_says_so() -> None:
    career = strong_career()
    career["stakeholders"] = [FAN]
    result = readiness(**career)  # type: ignore[arg-type]
    assert result.score >= READY - MAX_POINTS["sponsorship"]
    assert not result.ready and result.verdict != "ready to ask"
    assert result.caps == ("no sponsor or champion yet: not ready whatever the rest says",)
    assert "no sponsor" in result.summary()


def test_with_no_room_it_is_never_ready_whatever_the_rest_says() -> None:
    career = strong_career()
    career["vision"] = vision(room_to_grow={"answer": "no", "asked_on": days_ago(30)})
    result = readiness(**career)  # type: ignore[arg-type]
    assert result.score == 90 and result.score >= READY
    assert not result.ready and result.verdict == "getting there"
    assert any("no room" in cap for cap in result.caps)


def test_an_ask_on_record_counts_until_it_is_time_to_ask_again() -> None:
    career = strong_career()
    asked = PromotionAsk(date=days_ago(20), whom="Ada", ask_again=TODAY + dt.timedelta(days=30))
    career["vision"] = vision(
        room_to_grow={"answer": "yes", "asked_on": days_ago(30)}, asks=[asked.model_dump()]
    )
    result = readiness(**career)  # type: ignore[arg-type]
    assert result.ready and result.asked and not result.ready_not_asked
    career["today"] = TODAY + dt.timedelta(days=31)
    later = readiness(**career)  # type: ignore[arg-type]
    assert not later.asked
