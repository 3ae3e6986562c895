"""The gap board driven from the keyboard, as a user would, over a real store."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, SelectionList

from careertui.domain.gaps import column
from careertui.domain.models import Feedback, Gap, GapStatus, Stakeholder, Win
from careertui.store.errors import StoreError
from careertui.store.repository import Repository
from careertui.tui.app import make_app
from careertui.tui.panes.gap_column import GapColumn
from careertui.tui.panes.gaps import GapsPane
from careertui.tui.screens.confirm import ConfirmScreen
from careertui.tui.screens.form import FormScreen
from careertui.tui.screens.gap_details import GapDetailsScreen
from tests.tui.conftest import wait_for

B, W, C = GapStatus.BACKLOG, GapStatus.WORKING, GapStatus.CLOSED
SIZE = (160, 48)


async def settle(pilot: Pilot) -> None:
    """Let every pending write finish and the fresh career reach the panes."""
    for _ in range(3):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def board(pilot: Pilot) -> GapsPane:
    return pilot.app.screen_stack[0].query_one("#gaps", GapsPane)


def shown(pilot: Pilot, status: GapStatus) -> list[str]:
    return [card.gap.title for card in board(pilot).cards(status)]


def stored(repo: Repository, status: GapStatus) -> list[str]:
    return [gap.title for gap in column(repo.gaps.list(), status)]


def by_title(repo: Repository, title: str) -> Gap:
    return next(gap for gap in repo.gaps.list() if gap.title == title)


async def open_board(pilot: Pilot) -> GapsPane:
    await settle(pilot)
    await pilot.press("2")
    await pilot.pause()
    pane = board(pilot)
    assert pane.has_focus
    return pane


@pytest.fixture
def small_repo(repo: Repository) -> Repository:
    """Three backlog gaps, one in progress, nothing closed, one win for 'Beta'."""
    with repo.transaction():
        for rank, (title, status) in enumerate(
            [("Alpha", B), ("Beta", B), ("Gamma", B), ("Delta", W)]
        ):
            repo.gaps.add(
                Gap(
                    title=title, status=status, rank=rank, impact=3, current_level=2, target_level=4
                )
            )
        beta = next(g for g in repo.gaps.list() if g.title == "Beta")
        repo.wins.add(Win(title="Proof", gap_ids=[beta.id], date=dt.date(2026, 11, 1)))
    return repo


async def test_shift_j_k_reorder_and_the_order_survives_a_restart(
    small_repo: Repository, data_dir: Path
) -> None:
    app = make_app(small_repo)
    async with app.run_test(size=SIZE) as pilot:
        pane = await open_board(pilot)
        assert shown(pilot, B) == ["Alpha", "Beta", "Gamma"]
        await pilot.press("J")
        await settle(pilot)
        assert shown(pilot, B) == ["Beta", "Alpha", "Gamma"]
        assert pane.selected is not None and pane.selected.title == "Alpha"
        await pilot.press("J")
        await settle(pilot)
        assert stored(small_repo, B) == ["Beta", "Gamma", "Alpha"]
        await pilot.press("k", "K")  # cursor onto Gamma, move it to the top
        await settle(pilot)
        assert stored(small_repo, B) == ["Gamma", "Beta", "Alpha"]
        await pilot.press("K")  # already on top: nothing moves
        await settle(pilot)
        assert stored(small_repo, B) == ["Gamma", "Beta", "Alpha"]
        assert stored(small_repo, W) == ["Delta"]

    again = make_app(Repository.at(data_dir))
    async with again.run_test(size=SIZE) as pilot:
        await open_board(pilot)
        assert shown(pilot, B) == ["Gamma", "Beta", "Alpha"]


async def test_h_l_move_the_cursor_and_shift_h_l_move_the_gap(small_repo: Repository) -> None:
    app = make_app(small_repo)
    async with app.run_test(size=SIZE) as pilot:
        pane = await open_board(pilot)
        await pilot.press("l")
        assert pane.status == W
        assert pane.selected is not None and pane.selected.title == "Delta"
        await pilot.press("h", "j")
        assert pane.status == B
        assert pane.selected is not None and pane.selected.title == "Beta"
        await pilot.press("L")
        await settle(pilot)
        assert by_title(small_repo, "Beta").status == W
        assert shown(pilot, W) == ["Beta", "Delta"]
        assert shown(pilot, B) == ["Alpha", "Gamma"]
        assert pane.status == W and pane.selected is not None
        assert pane.selected.title == "Beta"
        await pilot.press("L")  # Beta has a win as evidence: closes without asking
        await settle(pilot)
        assert not isinstance(app.screen, ConfirmScreen)
        assert by_title(small_repo, "Beta").status == C
        assert shown(pilot, C) == ["Beta"]
        await pilot.press("L")  # no column past Closed
        await settle(pilot)
        assert by_title(small_repo, "Beta").status == C
        await pilot.press("H")
        await settle(pilot)
        assert by_title(small_repo, "Beta").status == W
        assert pane.status == W


async def test_closing_a_gap_without_evidence_asks_first(small_repo: Repository) -> None:
    app = make_app(small_repo)
    async with app.run_test(size=SIZE) as pilot:
        pane = await open_board(pilot)
        await pilot.press("l", "L")  # Delta: working on -> closed, no wins
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "no win as evidence" in str(app.screen.question)
        await pilot.press("n")
        await settle(pilot)
        assert by_title(small_repo, "Delta").status == W
        assert shown(pilot, W) == ["Delta"]
        assert pane.status == W
        await pilot.press("L")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await settle(pilot)
        assert by_title(small_repo, "Delta").status == C
        assert shown(pilot, C) == ["Delta"]


async def test_s_orders_by_score_and_back_restores_the_manual_order(
    demo_repo: Repository,
) -> None:
    app = make_app(demo_repo)
    async with app.run_test(size=SIZE) as pilot:
        pane = await open_board(pilot)
        manual = {status: shown(pilot, status) for status in (B, W, C)}
        assert manual[B] == stored(demo_repo, B)
        await pilot.press("s")
        await pilot.pause()
        assert pane.order == "score"
        by_score = {status: shown(pilot, status) for status in (B, W, C)}
        assert by_score[B] != manual[B]
        assert sorted(by_score[B]) == sorted(manual[B])
        scores = [card.score for card in pane.cards(B)]
        assert scores == sorted(scores, reverse=True)
        await pilot.press("J")  # the score decides the order now: nothing is moved
        await settle(pilot)
        assert stored(demo_repo, B) == manual[B]
        await pilot.press("s")
        await pilot.pause()
        assert pane.order == "manual"
        assert {status: shown(pilot, status) for status in (B, W, C)} == manual


async def test_plus_minus_and_brackets_change_and_save_values(small_repo: Repository) -> None:
    app = make_app(small_repo)
    async with app.run_test(size=SIZE) as pilot:
        pane = await open_board(pilot)
        await pilot.press("plus")
        await settle(pilot)
        assert by_title(small_repo, "Alpha").impact == 4
        assert pane.cards(B)[0].gap.impact == 4
        await pilot.press("minus", "minus")
        await settle(pilot)
        assert by_title(small_repo, "Alpha").impact == 2
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert by_title(small_repo, "Alpha").current_level == 3
        assert "●●●○○ → ●●●●○" in pane.cards(B)[0].plain()
        await pilot.press("right_square_bracket", "right_square_bracket")
        await settle(pilot)
        alpha = by_title(small_repo, "Alpha")
        assert alpha.current_level == 4  # stops at the target level
        assert alpha.target_level == 4
        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert by_title(small_repo, "Alpha").current_level == 3


async def test_new_gap_with_invalid_input_shows_the_message_and_saves_nothing(
    small_repo: Repository,
) -> None:
    app = make_app(small_repo)
    async with app.run_test(size=SIZE) as pilot:
        await open_board(pilot)
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormScreen)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form
        assert "title" in form.errors()
        assert len(small_repo.gaps.list()) == 4
        form.query_one("#field-title", Input).value = "Public speaking"
        form.query_one("#field-current_level").value = 4
        form.query_one("#field-target_level").value = 2
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form
        assert "below the current level" in form.errors()["target_level"]
        assert form.query_one("#field-title", Input).value == "Public speaking"
        assert len(small_repo.gaps.list()) == 4
        form.query_one("#field-target_level").value = 5
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, FormScreen), form.errors()
        added = by_title(small_repo, "Public speaking")
        assert (added.status, added.current_level, added.target_level) == (B, 4, 5)
        assert shown(pilot, B)[-1] == "Public speaking"
        assert board(pilot).selected == added


async def test_edit_with_invalid_input_keeps_the_stored_gap(small_repo: Repository) -> None:
    app = make_app(small_repo)
    async with app.run_test(size=SIZE) as pilot:
        await open_board(pilot)
        before = by_title(small_repo, "Alpha")
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormScreen)
        assert form.query_one("#field-title", Input).value == "Alpha"
        form.query_one("#field-title", Input).value = "   "
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form
        assert "title" in form.errors()
        assert small_repo.gaps.get(before.id) == before
        form.query_one("#field-title", Input).value = "Alpha, renamed"
        form.query_one("#field-impact").value = 5
        await pilot.press("ctrl+s")
        await settle(pilot)
        after = small_repo.gaps.get(before.id)
        assert after is not None
        assert (after.title, after.impact, after.rank) == ("Alpha, renamed", 5, before.rank)
        assert shown(pilot, B)[0] == "Alpha, renamed"


async def test_delete_asks_and_unlinks_the_evidence(small_repo: Repository) -> None:
    app = make_app(small_repo)
    async with app.run_test(size=SIZE) as pilot:
        await open_board(pilot)
        await pilot.press("j", "d")  # Beta, which one win is evidence for
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "Beta" in str(app.screen.question)
        await pilot.press("n")
        await settle(pilot)
        assert "Beta" in stored(small_repo, B)
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot)
        assert stored(small_repo, B) == ["Alpha", "Gamma"]
        assert shown(pilot, B) == ["Alpha", "Gamma"]
        (proof,) = small_repo.wins.list()
        assert proof.gap_ids == []


async def test_details_explain_the_score_and_list_the_evidence_newest_first(
    repo: Repository,
) -> None:
    boss = Stakeholder(name="Maya Boss", influence=5)
    said = Feedback(quote="Lead with the ask.", giver_id=boss.id, kind="gap")
    gap = Gap(
        title="Exec comms",
        impact=5,
        effort=2,
        current_level=2,
        target_level=4,
        stakeholder_ids=[boss.id],
        why="Directors speak for the area.",
        next_action="Write the memo.",
        source_feedback_id=said.id,
    )
    with repo.transaction():
        repo.stakeholders.add(boss)
        repo.feedback.add(said)
        repo.gaps.add(gap)
        repo.wins.add(Win(title="Older win", date=dt.date(2026, 3, 1), gap_ids=[gap.id]))
        repo.wins.add(Win(title="Newer win", date=dt.date(2026, 9, 1), gap_ids=[gap.id]))
    app = make_app(repo)
    async with app.run_test(size=SIZE) as pilot:
        await open_board(pilot)
        await pilot.press("enter")
        await pilot.pause()
        details = app.screen
        assert isinstance(details, GapDetailsScreen)
        text = " ".join(str(static.content) for static in details.query("Static"))
        assert "Directors speak for the area." in text
        assert "Write the memo." in text
        assert "Maya Boss" in text
        assert "“Lead with the ask.” — Maya Boss" in text
        assert text.index("Newer win") < text.index("Older win")
        terms = {term.key: term.points for term in details.score.terms}
        assert terms == {
            "impact": 15,
            "gap_size": 4,
            "effort": -1.5,
            "urgency": 0,
            "influence": 2.5,
        }
        assert details.score.total == 20
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, GapDetailsScreen)


async def test_gaps_from_an_obstacle_or_feedback_show_at_once(small_repo: Repository) -> None:
    from careertui.actions.gaps import feedback_to_gap, obstacle_to_gap
    from careertui.tui.saving import Write

    said = small_repo.feedback.add(
        Feedback(quote="Talk numbers with finance.", kind="gap", theme="financial acumen")
    )
    app = make_app(small_repo)
    async with app.run_test(size=SIZE) as pilot:
        await open_board(pilot)
        app.dashboard.run_write(Write(obstacle_to_gap, (small_repo, "No P&L experience")))
        await settle(pilot)
        assert shown(pilot, B)[-1] == "No P&L experience"
        app.dashboard.run_write(Write(feedback_to_gap, (small_repo, said.id)))
        await settle(pilot)
        from_feedback = next(g for g in small_repo.gaps.list() if g.source_feedback_id == said.id)
        assert shown(pilot, B)[-1] == from_feedback.title
        assert len(shown(pilot, B)) == 5


async def test_500_gaps_draw_only_what_fits(repo: Repository) -> None:
    with repo.transaction():
        for rank in range(500):
            repo.gaps.add(Gap(title=f"Gap {rank:03}", rank=rank))
    app = make_app(repo)
    async with app.run_test(size=SIZE) as pilot:
        pane = await open_board(pilot)
        assert len(pane.cards(B)) == 500
        assert len(pane.query(GapColumn)) == 3
        await pilot.press("j", "j")
        assert pane.selected is not None and pane.selected.title == "Gap 002"
        await pilot.press("G")
        assert pane.selected is not None and pane.selected.title == "Gap 499"
        backlog = pane.query_one("#gap-cards-backlog", GapColumn)
        assert backlog.scroll_offset.y > 0
        await pilot.press("K")
        await settle(pilot)
        assert stored(repo, B)[-2:] == ["Gap 499", "Gap 498"]
        assert pane.selected is not None and pane.selected.title == "Gap 499"
        await pilot.press("g")
        assert pane.selected is not None and pane.selected.title == "Gap 000"
        assert backlog.scroll_offset.y == 0


def evidence_shown(pilot: Pilot, title: str) -> int:
    cards = [card for status in (B, W, C) for card in board(pilot).cards(status)]
    card = next(card for card in cards if card.gap.title == title)
    assert f"{card.evidence} win" in card.plain()
    return card.evidence


async def test_log_a_win_from_the_details_counts_as_evidence(small_repo: Repository) -> None:
    app = make_app(small_repo)
    async with app.run_test(size=SIZE) as pilot:
        await open_board(pilot)
        assert evidence_shown(pilot, "Gamma") == 0
        await pilot.press("j", "j", "enter")
        await pilot.pause()
        assert isinstance(app.screen, GapDetailsScreen)
        await pilot.press("w")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormScreen)
        gamma = by_title(small_repo, "Gamma")
        assert list(form.query_one("#field-gap_ids", SelectionList).selected) == [gamma.id]
        await pilot.press(*"Ran the pricing review")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, FormScreen)
        (win,) = [w for w in small_repo.wins.list() if w.title == "Ran the pricing review"]
        assert win.gap_ids == [gamma.id]
        assert evidence_shown(pilot, "Gamma") == 1


async def test_a_win_from_the_journal_form_updates_the_count(small_repo: Repository) -> None:
    app = make_app(small_repo)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert evidence_shown(pilot, "Beta") == 1
        await pilot.press("4", "n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormScreen)
        form.query_one("#field-title", Input).value = "Demoed the roadmap"
        beta = by_title(small_repo, "Beta")
        form.query_one("#field-gap_ids", SelectionList).select(beta.id)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, FormScreen)
        assert evidence_shown(pilot, "Beta") == 2


async def test_a_win_from_the_command_line_updates_the_count(small_repo: Repository, cli) -> None:
    app = make_app(small_repo)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert evidence_shown(pilot, "Gamma") == 0
        result = cli("win", "Closed the Gamma deal", "--gap", "Gamma")
        assert result.returncode == 0, result.stderr
        await wait_for(pilot, lambda: evidence_shown(pilot, "Gamma") == 1)
        assert evidence_shown(pilot, "Beta") == 1


async def test_a_failed_save_puts_the_board_back(
    small_repo: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()

    def busy(gap: Gap) -> Gap:
        release.wait(10)
        raise StoreError("the data file is busy")

    app = make_app(small_repo)
    async with app.run_test(size=SIZE) as pilot:
        await open_board(pilot)
        monkeypatch.setattr(small_repo.gaps, "update", busy)
        await pilot.press("J")
        await pilot.pause()
        assert shown(pilot, B) == ["Beta", "Alpha", "Gamma"]  # shown at once, while saving
        release.set()
        await settle(pilot)
        assert shown(pilot, B) == ["Alpha", "Beta", "Gamma"]
        assert stored(small_repo, B) == ["Alpha", "Beta", "Gamma"]
        assert any("busy" in str(n.message) for n in app._notifications)


async def test_closing_from_the_form_without_evidence_asks_too(small_repo: Repository) -> None:
    app = make_app(small_repo)
    async with app.run_test(size=SIZE) as pilot:
        await open_board(pilot)
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormScreen)
        form.query_one("#field-status").value = C
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await settle(pilot)
        form = app.screen  # the form back, with the column as chosen and why it is not saved
        assert isinstance(form, FormScreen)
        assert form.query_one("#field-status").value == C
        assert "confirm" in form.errors()[""]
        assert by_title(small_repo, "Alpha").status == B
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot)
        assert not isinstance(app.screen, FormScreen)
        assert by_title(small_repo, "Alpha").status == C
        assert shown(pilot, C) == ["Alpha"]


async def test_the_chosen_order_is_remembered_across_restarts(
    demo_repo: Repository, data_dir: Path
) -> None:
    app = make_app(demo_repo)
    async with app.run_test(size=SIZE) as pilot:
        pane = await open_board(pilot)
        assert pane.order == "manual"
        await pilot.press("s")
        await settle(pilot)
        by_score = shown(pilot, B)

    again = make_app(Repository.at(data_dir))
    async with again.run_test(size=SIZE) as pilot:
        pane = await open_board(pilot)
        assert pane.order == "score"
        assert shown(pilot, B) == by_score
        await pilot.press("s")
        await settle(pilot)
        assert shown(pilot, B) == stored(demo_repo, B)

    third = make_app(Repository.at(data_dir))
    async with third.run_test(size=SIZE) as pilot:
        pane = await open_board(pilot)
        assert pane.order == "manual"
