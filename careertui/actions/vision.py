"""The vision and where you are now: the V2MOM, its lists, priorities, 360 feedback and scope.

Each change is one transaction that re-reads what it changes, so a change made meanwhile by
another process is not overwritten.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from careertui.actions.goals import unlink_goals
from careertui.actions.wins import update_win
from careertui.domain.clock import today
from careertui.domain.errors import InputError
from careertui.domain.models import Feedback, Priority, Vision
from careertui.domain.vision import moved, next_rank, reranked
from careertui.store.repository import RecordNotFound, Repository


def update_vision(repo: Repository, changes: dict[str, Any]) -> Vision:
    """Apply ``changes`` to the vision on record now, validated, and save it."""
    with repo.transaction():
        current = repo.vision().model_dump()
        return repo.save_vision(Vision.model_validate({**current, **changes}))


def edit_vision(repo: Repository, original: Vision, edited: Vision) -> Vision:
    """A vision form's save: only the fields the user changed, onto the vision on file now
    (may raise ``ConflictingEdit``)."""
    return repo.save_vision_changes(original, edited)


def _list_item(vision: Vision, section: str, index: int, expected: str) -> list[str]:
    items = list(getattr(vision, section))
    if not 0 <= index < len(items) or items[index] != expected:
        raise InputError("the list changed meanwhile; look again and retry")
    return items


def append_to_list(repo: Repository, section: str, text: str) -> Vision:
    with repo.transaction():
        items = list(getattr(repo.vision(), section))
        if text.casefold() in (item.casefold() for item in items):
            raise InputError(f"{text!r} is already in the list")
        return update_vision(repo, {section: [*items, text]})


def move_in_list(repo: Repository, section: str, index: int, step: int, expected: str) -> Vision:
    with repo.transaction():
        items = _list_item(repo.vision(), section, index, expected)
        order, _ = moved(items, index, step)
        return update_vision(repo, {section: order})


def remove_from_list(repo: Repository, section: str, index: int, expected: str) -> Vision:
    with repo.transaction():
        items = _list_item(repo.vision(), section, index, expected)
        del items[index]
        return update_vision(repo, {section: items})


def _ranked_priorities(repo: Repository) -> list[Priority]:
    """The priorities in force, in rank order (archived ones keep their last rank)."""
    return sorted((p for p in repo.priorities.list() if p.until is None), key=lambda p: p.rank)


def archive_priority(repo: Repository, priority_id: str, until: dt.date | None = None) -> Priority:
    """Archive the priority with the period it was in force (to ``until``, by default today):
    it leaves the list in force and its wins keep the link, so documents show each win against
    the priorities of its own time. The others are renumbered."""
    with repo.transaction():
        priority = repo.priorities.get(priority_id)
        if priority is None or priority.until is not None:
            raise RecordNotFound(f"no priority in force with id {priority_id}")
        end = until or today()
        if priority.since is not None and end < priority.since:
            raise InputError(
                f"it cannot end on {end.isoformat()}, "
                f"before it began ({priority.since.isoformat()})"
            )
        archived = repo.priorities.update(priority.model_copy(update={"until": end}))
        for rank, kept in enumerate(_ranked_priorities(repo)):
            if kept.rank != rank:
                repo.priorities.update(kept.model_copy(update={"rank": rank}))
        return archived


def restore_priority(repo: Repository, priority_id: str) -> Priority:
    """Put an archived priority back in force (archived by mistake, or in force again), last in
    rank: its end is cleared, its start and its wins' links stay."""
    with repo.transaction():
        priority = repo.priorities.get(priority_id)
        if priority is None or priority.until is None:
            raise RecordNotFound(f"no archived priority with id {priority_id}")
        rank = next_rank(_ranked_priorities(repo))
        return repo.priorities.update(priority.model_copy(update={"until": None, "rank": rank}))


def add_priority(repo: Repository, priority: Priority) -> int:
    """Add ``priority`` last; return how many priorities there are now."""
    with repo.transaction():
        ranked = _ranked_priorities(repo)
        repo.priorities.add(priority.model_copy(update={"rank": next_rank(ranked)}))
        return len(ranked) + 1


def edit_priority(repo: Repository, original: Priority, edited: Priority) -> Priority:
    """The priority form's save: only what the user changed, onto the priority on file now."""
    return repo.priorities.save_changes(original, edited)


def move_priority(repo: Repository, priority_id: str, step: int) -> None:
    with repo.transaction():
        ranked = _ranked_priorities(repo)
        index = next((i for i, p in enumerate(ranked) if p.id == priority_id), None)
        if index is None:
            raise RecordNotFound(f"no priority with id {priority_id}")
        for priority in reranked(ranked, index, step):
            repo.priorities.update(priority)


def delete_priority(repo: Repository, priority_id: str) -> int:
    """Delete the priority; the wins tied to it keep their text and lose the link. Returns
    how many wins were unlinked."""
    with repo.transaction():
        repo.priorities.delete(priority_id)
        unlink_goals(repo, priority_id=priority_id)
        unlinked = 0
        for win in repo.wins.list():
            if win.priority_id == priority_id:
                update_win(repo, win.model_copy(update={"priority_id": None}))
                unlinked += 1
        ranked = _ranked_priorities(repo)
        for rank, priority in enumerate(ranked):
            if priority.rank != rank:
                repo.priorities.update(priority.model_copy(update={"rank": rank}))
        return unlinked


def _named(repo: Repository, feedback: Feedback) -> Feedback:
    """Feedback from someone on the map carries their name too (it survives their deletion)."""
    if feedback.giver_id and not feedback.giver_name:
        person = repo.stakeholders.get(feedback.giver_id)
        if person is not None:
            return feedback.model_copy(update={"giver_name": person.name})
    return feedback


def save_feedback(repo: Repository, feedback: Feedback, new: bool) -> Feedback:
    with repo.transaction():
        feedback = _named(repo, feedback)
        return repo.feedback.add(feedback) if new else repo.feedback.update(feedback)


def edit_feedback(repo: Repository, original: Feedback, edited: Feedback) -> Feedback:
    """The feedback form's save: only what the user changed, onto the feedback on file now."""
    with repo.transaction():
        return repo.feedback.save_changes(original, _named(repo, edited))


def delete_feedback(repo: Repository, feedback_id: str) -> None:
    """Delete the feedback; a gap made from it stays and loses the link."""
    with repo.transaction():
        repo.feedback.delete(feedback_id)
        for gap in repo.gaps.list():
            if gap.source_feedback_id == feedback_id:
                repo.gaps.update(gap.model_copy(update={"source_feedback_id": None}))


def save_scope_item(repo: Repository, index: int | None, item: Vision.ScopeItem) -> Vision:
    with repo.transaction():
        scope = list(repo.vision().scope)
        if index is None:
            scope.append(item)
        elif 0 <= index < len(scope):
            scope[index] = item
        else:
            raise InputError("the scope list changed meanwhile; look again and retry")
        return update_vision(repo, {"scope": [s.model_dump() for s in scope]})


def delete_scope_item(repo: Repository, index: int, expected: str) -> Vision:
    with repo.transaction():
        scope = list(repo.vision().scope)
        if not 0 <= index < len(scope) or scope[index].responsibility != expected:
            raise InputError("the scope list changed meanwhile; look again and retry")
        del scope[index]
        return update_vision(repo, {"scope": [s.model_dump() for s in scope]})


def _renew_priorities(repo: Repository, titles: list[str]) -> None:
    """A new half: the priorities in force whose title is not among ``titles`` are archived
    (until today; their wins keep the link), the others stay, and ``titles`` become the
    priorities in force in that order, the new ones in force from today."""
    if not titles:
        return
    day = today()
    wanted = [t.casefold() for t in titles]
    for old in _ranked_priorities(repo):
        if old.title.casefold() not in wanted:
            archive_priority(repo, old.id, day)
    kept = {p.title.casefold(): p for p in _ranked_priorities(repo)}
    for rank, title in enumerate(titles):
        same = kept.pop(title.casefold(), None)
        if same is None:
            repo.priorities.add(Priority(title=title, rank=rank, since=day))
        elif same.rank != rank:
            repo.priorities.update(same.model_copy(update={"rank": rank}))


def save_guided_answer(repo: Repository, step: str, answer: dict[str, Any]) -> None:
    """Save one answer of the guided start over what is on record."""
    with repo.transaction():
        if step == "statement":
            update_vision(repo, {"statement": answer["statement"]})
        elif step == "destination":
            changes: dict[str, Any] = {"target_role": answer["target_role"]}
            if answer["horizon"] is not None:
                changes["horizon"] = answer["horizon"]
            update_vision(repo, changes)
        elif step == "priorities" and answer.get("renew"):
            _renew_priorities(repo, [t for t in answer["priorities"] if t])
        elif step == "priorities":
            ranked = _ranked_priorities(repo)
            for position, title in enumerate(answer["priorities"]):
                if not title:
                    continue
                if position < len(ranked):
                    if ranked[position].title != title:
                        repo.priorities.update(ranked[position].model_copy(update={"title": title}))
                else:
                    repo.priorities.add(
                        Priority(title=title, rank=next_rank(_ranked_priorities(repo)))
                    )
        elif step == "strengths":
            strengths = list(repo.vision().strengths)
            for position, text in enumerate(answer["strengths"]):
                if not text:
                    continue
                if position < len(strengths):
                    strengths[position] = text
                else:
                    strengths.append(text)
            update_vision(repo, {"strengths": strengths})
        elif step == "profile":
            update_vision(repo, {"profile": answer["profile"]})
        else:
            raise InputError(f"unknown guided start step {step!r}")
