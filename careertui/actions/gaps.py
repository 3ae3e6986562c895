"""Add, edit, move, step, close and delete a gap; turn an obstacle or feedback into one.

Each change is computed afresh inside one transaction from the intent ("move this gap one
place down"), so a change made meanwhile by another process (``careertui win --gap``, the
app) is never overwritten by a stale copy.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from typing import Any

from careertui.actions.goals import unlink_goals
from careertui.actions.wins import update_win
from careertui.domain.clock import today
from careertui.domain.gaps import move_to, move_within, next_rank, stepped
from careertui.domain.models import Feedback, Gap, GapStatus
from careertui.domain.trends import with_level_noted
from careertui.domain.vision import gap_from_feedback, gap_from_obstacle
from careertui.store.repository import RecordNotFound, Repository


def save_gaps(repo: Repository, changed: Sequence[Gap]) -> int:
    """Save the gaps a reorder changed; return how many."""
    with repo.transaction():
        for gap in changed:
            repo.gaps.update(gap)
    return len(changed)


def move_gap(repo: Repository, gap_id: str, step: int) -> int:
    """Move the gap ``step`` places within its column; renumber what changed."""
    with repo.transaction():
        _stored(repo, gap_id)
        return save_gaps(repo, move_within(repo.gaps.list(), gap_id, step))


def move_gap_to(repo: Repository, gap_id: str, status: GapStatus) -> int:
    """Move the gap to the top of the ``status`` column (closing it: ``GapStatus.DONE``)."""
    with repo.transaction():
        _stored(repo, gap_id)
        return save_gaps(repo, move_to(repo.gaps.list(), gap_id, status))


def step_gap(repo: Repository, gap_id: str, field: str, step: int) -> int:
    """Raise or lower the gap's impact or current level, within bounds; return 1 if it
    changed, 0 at a bound."""
    with repo.transaction():
        before = _stored(repo, gap_id)
        changed = stepped(before, field, step)
        if changed is not None:
            changed = with_level_noted(before, changed, today())
        return save_gaps(repo, [changed] if changed is not None else [])


def add_gap(repo: Repository, gap: Gap) -> Gap:
    """Add the gap after every other in the manual order."""
    with repo.transaction():
        return repo.gaps.add(gap.model_copy(update={"rank": next_rank(repo.gaps.list())}))


def edit_gap(repo: Repository, original: Gap, edited: Gap) -> Gap:
    """Save what the user changed onto the gap as it is on file now (its place in the manual
    order included: a form never moves it). May raise ``ConflictingEdit``."""
    edited = edited.model_copy(update={"rank": original.rank})
    if edited.current_level != original.current_level:
        edited = with_level_noted(original, edited, today())
    return repo.gaps.save_changes(original, edited)


def delete_gap(repo: Repository, gap_id: str) -> int:
    """Delete the gap; wins that were evidence for it keep everything but the link. Returns
    how many wins were unlinked."""
    with repo.transaction():
        _stored(repo, gap_id)
        repo.gaps.delete(gap_id)
        unlink_goals(repo, gap_id=gap_id)
        unlinked = 0
        for win in repo.wins.list():
            if gap_id in win.gap_ids:
                kept = [i for i in win.gap_ids if i != gap_id]
                update_win(repo, win.model_copy(update={"gap_ids": kept}))
                unlinked += 1
    return unlinked


def obstacle_to_gap(repo: Repository, obstacle: str) -> Gap:
    """A new gap, last on the board, for an obstacle of the V2MOM."""
    with repo.transaction():
        return repo.gaps.add(gap_from_obstacle(obstacle, repo.gaps.list()))


def feedback_to_gap(repo: Repository, feedback_id: str) -> Gap:
    """A new gap, last on the board, for a piece of 360 feedback (it links back to it)."""
    with repo.transaction():
        feedback = repo.feedback.get(feedback_id)
        if feedback is None:
            raise RecordNotFound(f"no feedback with id {feedback_id}")
        return repo.gaps.add(gap_from_feedback(feedback, repo.gaps.list()))


def link_feedback_to_gap(repo: Repository, feedback_id: str, gap_id: str) -> Gap:
    """Make the feedback evidence of a gap already on the board, instead of a second gap: the
    gap quotes it, the giver joins its stakeholders, and a gap not made from feedback yet
    links back to it."""
    with repo.transaction():
        feedback = repo.feedback.get(feedback_id)
        gap = repo.gaps.get(gap_id)
        if feedback is None or gap is None:
            raise RecordNotFound("that feedback or gap was deleted meanwhile; nothing was linked")
        line = feedback_line(feedback)
        changes: dict[str, Any] = {}
        if line not in gap.why:
            changes["why"] = f"{gap.why.rstrip()}\n\n{line}".strip()
        if feedback.giver_id and feedback.giver_id not in gap.stakeholder_ids:
            changes["stakeholder_ids"] = [*gap.stakeholder_ids, feedback.giver_id]
        if gap.source_feedback_id is None or repo.feedback.get(gap.source_feedback_id) is None:
            changes["source_feedback_id"] = feedback.id
        return repo.gaps.update(gap.model_copy(update=changes)) if changes else gap


def gap_like(
    feedback: Feedback, gaps: Sequence[Gap], feedback_list: Sequence[Feedback]
) -> Gap | None:
    """A gap already on the board that the feedback is about: its title is the feedback's
    theme (or the title a gap made from the feedback would get), or it was made from other
    feedback with the same theme."""
    titles = {_normal(feedback.theme), _normal(gap_from_feedback(feedback, []).title)} - {""}
    theme = _normal(feedback.theme)
    themes = {f.id: _normal(f.theme) for f in feedback_list}
    for gap in gaps:
        if _normal(gap.title) in titles:
            return gap
    for gap in gaps:
        if theme and gap.source_feedback_id and themes.get(gap.source_feedback_id) == theme:
            return gap
    return None


def feedback_line(feedback: Feedback) -> str:
    """How a gap quotes the feedback behind it."""
    giver = feedback.giver_name or "someone"
    return f"“{feedback.quote}” — {giver}, {feedback.date.isoformat()}"


def _normal(text: str) -> str:
    """Text as compared for "the same gap": case, accents' forms, punctuation and spacing
    aside ("Executive presence." = "executive  presence")."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(re.sub(r"[\W_]+", " ", folded).split())


def _stored(repo: Repository, gap_id: str) -> Gap:
    gap = repo.gaps.get(gap_id)
    if gap is None:
        raise RecordNotFound("that gap was deleted meanwhile")
    return gap
