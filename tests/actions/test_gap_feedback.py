"""Feedback as evidence on the gap board, saving a reordered board, and a gap form's save
that meets a change made elsewhere, on a real store.

Turning a piece of feedback into a gap when one is already about it would make a second card:
the actions find the gap it belongs to and link the feedback to it instead.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from careertui.actions.gaps import (
    delete_gap,
    edit_gap,
    feedback_line,
    feedback_to_gap,
    gap_like,
    link_feedback_to_gap,
    save_gaps,
)
from careertui.actions.vision import delete_feedback
from careertui.domain.models import Feedback, Gap, Stakeholder
from careertui.store.repository import ConflictingEdit, RecordNotFound, Repository


def on_file(data_dir: Path) -> Repository:
    """The store as the next process reads it."""
    return Repository.at(data_dir)


def gap_on_file(data_dir: Path, gap_id: str) -> Gap:
    gap = on_file(data_dir).gaps.get(gap_id)
    assert gap is not None, f"{gap_id} is not on file"
    return gap


@pytest.fixture
def maya(repo: Repository) -> Stakeholder:
    return repo.stakeholders.add(Stakeholder(name="Maya Chen"))


@pytest.fixture
def note(repo: Repository, maya: Stakeholder) -> Feedback:
    return repo.feedback.add(
        Feedback(
            quote="Lead with the ask.",
            giver_id=maya.id,
            giver_name="Maya Chen",
            date=dt.date(2026, 10, 2),
            theme="executive presence",
            kind="gap",
        )
    )


# -- feedback_line ---------------------------------------------------------------------------


def test_feedback_line_quotes_the_words_the_giver_and_the_day(note: Feedback) -> None:
    assert feedback_line(note) == "“Lead with the ask.” — Maya Chen, 2026-10-02"
    anonymous = note.model_copy(update={"giver_id": None, "giver_name": ""})
    assert feedback_line(anonymous) == "“Lead with the ask.” — someone, 2026-10-02"


# -- gap_like --------------------------------------------------------------------------------


def test_gap_like_finds_the_gap_titled_as_the_theme_whatever_the_spelling(
    note: Feedback,
) -> None:
    board = [Gap(title="Pricing"), Gap(title="  Executive   Presence. ")]
    assert gap_like(note, board, [note]) is board[1]
    assert gap_like(note, [Gap(title="Pricing")], [note]) is None


def test_gap_like_finds_a_gap_made_from_other_feedback_on_the_theme(note: Feedback) -> None:
    earlier = note.model_copy(update={"id": "fb_earlier", "quote": "Shorter decks, please."})
    made = Gap(title="Board communication", source_feedback_id=earlier.id)
    assert gap_like(note, [Gap(title="Pricing"), made], [earlier, note]) == made


def test_gap_like_ignores_feedback_without_a_theme(note: Feedback) -> None:
    bare = note.model_copy(update={"id": "fb_bare", "theme": "", "quote": "Be bolder"})
    other = note.model_copy(update={"id": "fb_other", "theme": ""})
    made = Gap(title="Something else", source_feedback_id=other.id)
    assert gap_like(bare, [made], [bare, other]) is None
    assert gap_like(bare, [Gap(title="Be bolder")], [bare]) is not None  # titled as its quote


# -- link_feedback_to_gap --------------------------------------------------------------------


def test_link_feedback_to_gap_quotes_it_adds_the_giver_and_links_back(
    repo: Repository, data_dir: Path, note: Feedback, maya: Stakeholder
) -> None:
    gap = repo.gaps.add(Gap(title="Executive presence", why="Board asks for it."))

    link_feedback_to_gap(repo, note.id, gap.id)

    stored = gap_on_file(data_dir, gap.id)
    assert stored.why == f"Board asks for it.\n\n{feedback_line(note)}"
    assert stored.stakeholder_ids == [maya.id]
    assert stored.source_feedback_id == note.id
    assert len(on_file(data_dir).gaps.list()) == 1  # no second card


def test_link_feedback_to_gap_twice_changes_nothing(
    repo: Repository, note: Feedback, maya: Stakeholder
) -> None:
    gap = repo.gaps.add(Gap(title="Executive presence"))
    link_feedback_to_gap(repo, note.id, gap.id)
    before = repo.store.path.read_bytes()
    link_feedback_to_gap(repo, note.id, gap.id)
    assert repo.store.path.read_bytes() == before


def test_link_feedback_to_gap_keeps_the_feedback_a_gap_was_made_from(
    repo: Repository, data_dir: Path, note: Feedback
) -> None:
    first = repo.feedback.add(Feedback(quote="Talk to the board more.", kind="gap"))
    gap = feedback_to_gap(repo, first.id)
    link_feedback_to_gap(repo, note.id, gap.id)
    assert gap_on_file(data_dir, gap.id).source_feedback_id == first.id


def test_link_feedback_to_gap_deleted_meanwhile_writes_nothing(
    repo: Repository, note: Feedback
) -> None:
    gap = repo.gaps.add(Gap(title="Executive presence"))
    delete_gap(repo, gap.id)
    before = repo.store.path.read_bytes()
    with pytest.raises(RecordNotFound, match="nothing was linked"):
        link_feedback_to_gap(repo, note.id, gap.id)
    other = repo.gaps.add(Gap(title="Pricing"))
    delete_feedback(repo, note.id)
    before = repo.store.path.read_bytes()
    with pytest.raises(RecordNotFound, match="nothing was linked"):
        link_feedback_to_gap(repo, note.id, other.id)
    assert repo.store.path.read_bytes() == before


# -- save_gaps -------------------------------------------------------------------------------


def test_save_gaps_saves_the_new_ranks(repo: Repository, data_dir: Path) -> None:
    a = repo.gaps.add(Gap(title="a", rank=0))
    b = repo.gaps.add(Gap(title="b", rank=1))
    assert (
        save_gaps(repo, [a.model_copy(update={"rank": 1}), b.model_copy(update={"rank": 0})]) == 2
    )
    ranks = {g.title: g.rank for g in on_file(data_dir).gaps.list()}
    assert ranks == {"a": 1, "b": 0}
    assert save_gaps(repo, []) == 0


def test_save_gaps_with_one_deleted_meanwhile_saves_none(repo: Repository, data_dir: Path) -> None:
    a = repo.gaps.add(Gap(title="a", rank=0))
    b = repo.gaps.add(Gap(title="b", rank=1))
    delete_gap(repo, b.id)
    before = repo.store.path.read_bytes()
    with pytest.raises(RecordNotFound):
        save_gaps(repo, [a.model_copy(update={"rank": 1}), b.model_copy(update={"rank": 0})])
    assert repo.store.path.read_bytes() == before
    assert gap_on_file(data_dir, a.id).rank == 0


# -- edit_gap --------------------------------------------------------------------------------


def test_edit_gap_on_the_field_changed_elsewhere_is_a_conflict_and_writes_nothing(
    repo: Repository, data_dir: Path
) -> None:
    opened = repo.gaps.add(Gap(title="Executive presence", next_action="Ask Maya"))
    edit_gap(on_file(data_dir), opened, opened.model_copy(update={"next_action": "Ask Sam"}))
    before = repo.store.path.read_bytes()

    with pytest.raises(ConflictingEdit) as caught:
        edit_gap(repo, opened, opened.model_copy(update={"next_action": "Ask Tom", "impact": 5}))

    assert caught.value.conflicts == {"next_action": ("Ask Tom", "Ask Sam")}
    assert repo.store.path.read_bytes() == before
    stored = gap_on_file(data_dir, opened.id)
    assert (stored.next_action, stored.impact) == ("Ask Sam", 3)
