"""Add, edit, delete an interim goal and set its status; keep goals' links when what they
serve is deleted."""

from __future__ import annotations

from careertui.domain.models import Goal, GoalStatus
from careertui.store.repository import RecordNotFound, Repository


def add_goal(repo: Repository, goal: Goal) -> Goal:
    """Add the interim goal."""
    return repo.goals.add(goal)


def edit_goal(repo: Repository, original: Goal, edited: Goal) -> Goal:
    """Save what the user changed onto the goal as it is on file now (may raise
    ``ConflictingEdit``)."""
    return repo.goals.save_changes(original, edited)


def set_goal_status(repo: Repository, goal_id: str, status: GoalStatus) -> Goal:
    """Mark the goal on track, at risk, done or dropped."""
    with repo.transaction():
        goal = _stored(repo, goal_id)
        return repo.goals.update(goal.model_copy(update={"status": status}))


def delete_goal(repo: Repository, goal_id: str) -> Goal:
    """Delete the goal; return it as it was."""
    with repo.transaction():
        goal = _stored(repo, goal_id)
        repo.goals.delete(goal_id)
        return goal


def unlink_goals(repo: Repository, *, gap_id: str = "", priority_id: str = "") -> int:
    """Drop a deleted gap or priority from the goals that served it; return how many changed.
    (Called by the gap and priority deletes, in their transaction.)"""
    changed = 0
    for goal in repo.goals.list():
        gaps = [g for g in goal.gap_ids if g != gap_id]
        priorities = [p for p in goal.priority_ids if p != priority_id]
        if gaps != goal.gap_ids or priorities != goal.priority_ids:
            repo.goals.update(goal.model_copy(update={"gap_ids": gaps, "priority_ids": priorities}))
            changed += 1
    return changed


def _stored(repo: Repository, goal_id: str) -> Goal:
    goal = repo.goals.get(goal_id)
    if goal is None:
        raise RecordNotFound(f"no goal with id {goal_id}")
    return goal
