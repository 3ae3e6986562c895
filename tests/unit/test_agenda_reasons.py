# ruff: noqa: E501 - the expected reasons are whole sentences, kept on one line to read as shown
"""Why a win is on someone's check-in agenda (issue 14, item 13): real overlap, not one common
word. A text-only match takes a phrase of theirs or two meaningful words (stop words left
out); a win they are on, one that names them, or one that is evidence for a gap linked to them
is on the agenda for that reason, and the reason says which."""

from __future__ import annotations

import datetime as dt

from careertui.domain.models import Gap, Priority, Stakeholder, Win
from careertui.domain.stakeholders import agenda, select_wins
from careertui.exchange.agenda import to_markdown
from careertui.store.repository import Repository

TODAY = dt.date(2026, 11, 23)
LAST = dt.date(2026, 11, 1)


def person(**kw: object) -> Stakeholder:
    kw.setdefault("name", "Maya Chen")
    kw.setdefault("last_contact", LAST)
    return Stakeholder(**kw)


def win(title: str, **kw: object) -> Win:
    kw.setdefault("date", dt.date(2026, 11, 20))
    return Win(title=title, **kw)


def reasons(
    p: Stakeholder, wins: list[Win], gaps: list[Gap] = (), priorities: list[Priority] = ()
) -> dict[str, str]:
    return {c.win.title: c.reason for c in select_wins(p, wins, list(gaps), TODAY, priorities)}


def test_one_common_word_is_not_a_reason() -> None:
    # the report: "Why them: touches grow"
    p = person(cares_about="Helping the platform group grow", moves_needle="Fewer escalations")
    assert reasons(p, [win("Grow the partner pipeline"), win("Platform uptime at 99.95%")]) == {}


def test_stop_words_from_the_english_list_never_count() -> None:
    p = person(cares_about="What they themselves would have wanted, again and again")
    assert reasons(p, [win("They wanted it again, and would have done it themselves")]) == {}


def test_a_shared_phrase_is_the_reason_in_their_words() -> None:
    p = person(cares_about="Revenue", moves_needle="Onboarding activation above 40%")
    assert reasons(p, [win("Lifted onboarding activation to 38%")]) == {
        "Lifted onboarding activation to 38%": "shares 'onboarding activation' with what moves their needle"
    }


def test_two_shared_words_are_enough_and_are_named() -> None:
    p = person(cares_about="Enterprise renewals and fewer escalations")
    got = reasons(p, [win("Cut escalations before the Globex renewal")])
    assert got == {
        "Cut escalations before the Globex renewal": "shares 'renewals' and 'escalations' with what they care about"
    }


def test_a_phrase_broken_by_punctuation_is_two_words_not_a_phrase() -> None:
    p = person(cares_about="Hitting the retention target; onboarding that converts.")
    chosen = select_wins(p, [win("Target onboarding dashboard")], [], TODAY)
    (only,) = chosen
    assert only.phrase == ""  # "target; onboarding" is no phrase of theirs
    assert only.reason == "shares 'target' and 'onboarding' with what they care about"


def test_a_win_they_are_on_is_shared_because_you_worked_on_it_with_them() -> None:
    p = person(cares_about="Revenue")
    got = reasons(p, [win("Fixed the flaky build", stakeholder_ids=[p.id])])
    assert got == {"Fixed the flaky build": "you worked on it with them"}


def test_a_win_that_names_them_is_shared() -> None:
    p = person(cares_about="Revenue")
    got = reasons(
        p,
        [
            win("Paired with maya  chen on the memo"),
            win("Shipped the memo", tags=["maya"]),  # @maya, as jrnl writes it
            win("Shipped the Mayan calendar"),  # not her
        ],
    )
    assert got == {
        "Paired with maya  chen on the memo": "it names them",
        "Shipped the memo": "it names them",
    }


def test_evidence_for_a_gap_linked_to_them() -> None:
    p = person()
    gap = Gap(title="Executive communication", stakeholder_ids=[p.id])
    other = Gap(title="SQL")
    got = reasons(
        p,
        [win("Ran the QBR", gap_ids=[gap.id]), win("Wrote a query", gap_ids=[other.id])],
        [gap, other],
    )
    assert got == {
        "Ran the QBR": "evidence for 'Executive communication', a gap they can help with"
    }


def test_a_priority_they_care_about() -> None:
    p = person(cares_about="Net revenue retention above 120%")
    prio = Priority(title="Grow net revenue retention")
    other = Priority(title="Grow the partner ecosystem")
    got = reasons(
        p,
        [
            win("Repriced the enterprise tier", priority_id=prio.id),
            win("Signed two partners", priority_id=other.id),
        ],
        [],
        [prio, other],
    )
    assert got == {
        "Repriced the enterprise tier": "serves 'Grow net revenue retention', which shares 'net revenue' with what "
        "they care about"
    }


def test_every_reason_at_once() -> None:
    p = person(cares_about="Onboarding activation")
    gap = Gap(title="Public speaking", stakeholder_ids=[p.id])
    got = reasons(
        p, [win("Talk on onboarding activation", gap_ids=[gap.id], stakeholder_ids=[p.id])], [gap]
    )
    assert got == {
        "Talk on onboarding activation": "you worked on it with them; evidence for 'Public speaking', a gap they can "
        "help with; shares 'onboarding activation' with what they care about"
    }


def test_the_demo_agendas_give_no_single_word_reasons(demo_repo: Repository) -> None:
    career = demo_repo.career()
    seen = 0
    for p in career.stakeholders:
        got = agenda(
            p,
            wins=career.wins,
            gaps=career.gaps,
            feedback=career.feedback,
            interactions=career.interactions,
            priorities=career.priorities,
            today=TODAY,
        )
        for item in got.wins:
            seen += 1
            assert item.reason
            if item.topics and not item.phrase:
                assert len(item.topics) >= 2, (p.name, item.win.title, item.reason)
        text = to_markdown(got)
        assert "Why them: touches" not in text
    assert seen > 0
