"""What the dashboard does when the vision pane asks: edit a section, add to it, delete or move
an item, turn an obstacle or a feedback into a gap, and the guided start.

The writes are actions (:mod:`careertui.actions.vision`, :mod:`careertui.actions.gaps`); this
opens the right form and says which action saves what it dismisses with.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from careertui.actions.gaps import (
    feedback_line,
    feedback_to_gap,
    gap_like,
    link_feedback_to_gap,
    obstacle_to_gap,
)
from careertui.actions.goals import add_goal, delete_goal, edit_goal, set_goal_status
from careertui.actions.settings import remember_guided_start
from careertui.actions.vision import (
    add_priority,
    append_to_list,
    archive_priority,
    delete_feedback,
    delete_priority,
    delete_scope_item,
    edit_feedback,
    edit_priority,
    edit_vision,
    move_in_list,
    move_priority,
    remove_from_list,
    restore_priority,
    save_feedback,
    save_guided_answer,
    save_scope_item,
)
from careertui.domain.clock import today
from careertui.domain.dates import shown
from careertui.domain.errors import InputError
from careertui.domain.models import Feedback, Goal, GoalStatus, Priority, Win
from careertui.domain.priorities import renewal_due
from careertui.domain.vision import (
    gap_from_feedback,
    gap_from_obstacle,
    needs_guided_start,
    next_rank,
    priority_warning,
)
from careertui.tui.dashboard.forms import Edit, FormSave, MakeForm
from careertui.tui.panes.vision import TEXT_LISTS, VisionPane
from careertui.tui.saving import Write

if TYPE_CHECKING:
    from careertui.store.repository import Career, Repository
    from careertui.tui.dashboard.screen import DashboardScreen


def _wins_tied(wins: Sequence[Win], priority_id: str) -> int:
    return sum(w.priority_id == priority_id for w in wins)


def _priority(career: Career, priority_id: str | None) -> Priority | None:
    """The priority ``priority_id``, in force or archived."""
    every = (*career.priorities, *career.archived_priorities)
    return next((p for p in every if p.id == priority_id), None)


def _wins(count: int) -> str:
    return f"{count} win{'s' if count != 1 else ''}"


def _new_feedback(repo: Repository, note: Feedback) -> Feedback:
    return save_feedback(repo, note, new=True)


class VisionRequests:
    def __init__(self, dashboard: DashboardScreen) -> None:
        self.dashboard = dashboard

    def _select_item(self, section: str, text: str | None) -> None:
        """Put the vision pane's cursor on the list item ``text`` just added to ``section``."""
        if text:
            self.dashboard.query_one(VisionPane).select_item(section, text)

    def _vision_form(
        self, form: MakeForm, part: Callable[[Any], dict[str, Any]], done: str
    ) -> FormSave:
        """A form that edits the vision record: ``part(dismissed)`` is what it changes in it."""
        vision = self.dashboard.career.vision
        return FormSave(
            form=form,
            edit=Edit(edit_vision, vision, lambda model: vision.model_copy(update=part(model))),
            done=lambda _: done,
        )

    # -- edit ----------------------------------------------------------------------------------
    def edit_section(self, section: str, index: int | None, record_id: str | None) -> None:
        from careertui.tui.screens import vision_forms as forms

        career = self.dashboard.career
        vision = career.vision
        open_form = self.dashboard.forms.open
        if section == "destination":
            fields = ("statement", "target_role", "horizon", "company_kinds")
            open_form(
                self._vision_form(
                    lambda typed, error: forms.destination_form(vision, typed=typed, error=error),
                    lambda model: {name: getattr(model, name) for name in fields},
                    "Vision saved",
                )
            )
        elif section in TEXT_LISTS:
            open_form(
                self._vision_form(
                    lambda typed, error: forms.list_form(section, vision, typed=typed, error=error),
                    lambda model: {section: getattr(model, section)},
                    "Saved",
                )
            )
        elif section == "priorities" and (priority := _priority(career, record_id)):
            open_form(
                FormSave(
                    form=lambda typed, error: forms.priority_form(
                        priority, priority.rank, typed=typed, error=error
                    ),
                    edit=Edit(edit_priority, priority),
                    done=lambda _: "Priority saved",
                )
            )
        elif section == "goals" and (
            goal := next((g for g in career.goals if g.id == record_id), None)
        ):
            self._goal_form(goal)
        elif section == "feedback" and (
            feedback := next((f for f in career.feedback if f.id == record_id), None)
        ):
            people = career.stakeholders
            open_form(
                FormSave(
                    form=lambda typed, error: forms.feedback_form(
                        feedback, people, typed=typed, error=error
                    ),
                    edit=Edit(edit_feedback, feedback),
                    done=lambda _: "Feedback saved",
                )
            )
        elif section == "scope" and index is not None and index < len(vision.scope):
            at = index
            open_form(
                self._vision_form(
                    lambda typed, error: forms.scope_form(
                        vision.scope[at], typed=typed, error=error
                    ),
                    lambda item: {"scope": [*vision.scope[:at], item, *vision.scope[at + 1 :]]},
                    "Saved",
                )
            )
        elif section == "profile":
            open_form(
                self._vision_form(
                    lambda typed, error: forms.profile_form(
                        vision.profile, typed=typed, error=error
                    ),
                    lambda profile: {"profile": profile},
                    "Profile saved",
                )
            )
        elif section == "room":
            open_form(
                self._vision_form(
                    lambda typed, error: forms.room_form(
                        vision.room_to_grow, typed=typed, error=error
                    ),
                    lambda room: {"room_to_grow": room},
                    "Room to grow saved",
                )
            )
        else:
            self.add_item(section)

    # -- add -----------------------------------------------------------------------------------
    def add_item(self, section: str) -> None:
        from careertui.tui.screens import vision_forms as forms

        dashboard = self.dashboard
        career = dashboard.career
        repo = dashboard.repo
        open_form = dashboard.forms.open
        if section in TEXT_LISTS:
            open_form(
                FormSave(
                    form=lambda typed, error: forms.list_entry_form(
                        section, typed=typed, error=error
                    ),
                    write=lambda entry: Write(append_to_list, (repo, section, entry.text)),
                    done=lambda _: "Added",
                    after=lambda entry, _: self._select_item(section, entry.text),
                )
            )
        elif section == "goals":
            self._goal_form(None)
        elif section == "priorities":
            rank = next_rank(career.priorities)
            open_form(
                FormSave(
                    form=lambda typed, error: forms.priority_form(
                        None, rank, typed=typed, error=error
                    ),
                    write=lambda priority: Write(add_priority, (repo, priority)),
                    after=lambda priority, count: self._priority_added(priority, count),
                )
            )
        elif section == "feedback":
            people = career.stakeholders
            open_form(
                FormSave(
                    form=lambda typed, error: forms.feedback_form(
                        None, people, typed=typed, error=error
                    ),
                    write=lambda note: Write(_new_feedback, (repo, note)),
                    done=lambda _: "Feedback added",
                    after=lambda note, _: dashboard.show_saved(note),
                )
            )
        elif section == "scope":
            open_form(
                FormSave(
                    form=lambda typed, error: forms.scope_form(None, typed=typed, error=error),
                    write=lambda item: Write(save_scope_item, (repo, None, item)),
                    done=lambda _: "Responsibility added",
                    after=lambda item, _: self._select_item("scope", item.responsibility),
                )
            )
        else:
            self.edit_section(section, None, None)

    def _goal_form(self, goal: Goal | None) -> None:
        from careertui.tui.screens.goal_form import goal_form

        career, repo = self.dashboard.career, self.dashboard.repo
        gaps, priorities = career.gaps, career.priorities
        self.dashboard.forms.open(
            FormSave(
                form=lambda typed, error: goal_form(
                    goal, gaps, priorities, typed=typed, error=error
                ),
                write=lambda new: Write(add_goal, (repo, new)),
                edit=None if goal is None else Edit(edit_goal, goal),
                done=lambda saved: f"Goal saved: {saved.title}",
                after=lambda saved, _: self.dashboard.show_saved(saved),
            )
        )

    def set_goal_status(self, goal_id: str, status: GoalStatus) -> None:
        self.dashboard.run_write(
            Write(
                set_goal_status,
                (self.dashboard.repo, goal_id, status),
                done=f"Goal {status}",
            )
        )

    def _priority_added(self, priority: Any, count: int) -> None:
        self.dashboard.show_saved(priority)
        warning = priority_warning(count)
        if warning:
            self.dashboard.notify(warning, title="Priority added", severity="warning", timeout=8)

    # -- delete and move -----------------------------------------------------------------------
    def delete_item(self, section: str, index: int, record_id: str | None) -> None:
        from careertui.tui.screens.confirm import ConfirmScreen

        career = self.dashboard.career
        repo = self.dashboard.repo
        if section in TEXT_LISTS:
            items = getattr(career.vision, section)
            if index >= len(items):
                return
            text = items[index]
            question = f"Remove “{text}”?"
            write = Write(remove_from_list, (repo, section, index, text))
        elif section == "goals" and record_id:
            goal = next((g for g in career.goals if g.id == record_id), None)
            if goal is None:
                return
            question = f"Delete the interim goal “{goal.title}”?"
            write = Write(delete_goal, (repo, goal.id), done="Goal deleted")
        elif section == "priorities" and (priority := _priority(career, record_id)):
            tied = _wins_tied(career.wins, priority.id)
            if tied and not priority.archived:
                self._delete_or_archive(priority, tied)
                return
            if priority.archived:
                lose = f" Its {_wins(tied)} lose the link." if tied else ""
                question = f"Delete the archived priority “{priority.title}”?{lose}"
            else:
                question = f"Delete the priority “{priority.title}”?"
            write = Write(delete_priority, (repo, priority.id))
        elif section == "feedback" and record_id:
            question = "Delete this feedback? A gap made from it stays."
            write = Write(delete_feedback, (repo, record_id))
        elif section == "scope" and index < len(career.vision.scope):
            item = career.vision.scope[index]
            question = f"Remove “{item.responsibility}” from your scope?"
            write = Write(delete_scope_item, (repo, index, item.responsibility))
        else:
            return
        write.done = "Deleted"

        def answered(yes: bool | None) -> None:
            if yes:
                self.dashboard.run_write(write)

        self.dashboard.app.push_screen(ConfirmScreen(question, "Delete"), answered)

    # -- archive a priority ---------------------------------------------------------------------
    def _archive_write(self, priority: Priority) -> Write:
        return Write(
            archive_priority,
            (self.dashboard.repo, priority.id),
            done=f"Archived: {priority.title}",
        )

    def archive_priority(self, priority_id: str) -> None:
        """Ask, then archive the priority: in force until today, its wins keep the link."""
        from careertui.tui.screens.confirm import ConfirmScreen

        career = self.dashboard.career
        priority = next((p for p in career.priorities if p.id == priority_id), None)
        if priority is None:
            return
        tied = _wins_tied(career.wins, priority.id)
        kept = (
            f"its {_wins(tied)} keep the link and count against it in their time."
            if tied
            else "no win is tied to it yet."
        )
        question = (
            f"Archive the priority “{priority.title}”, in force until today "
            f"({shown(today())})? It leaves the list in force; {kept}"
        )
        write = self._archive_write(priority)

        def answered(yes: bool | None) -> None:
            if yes:
                self.dashboard.run_write(write)

        self.dashboard.app.push_screen(ConfirmScreen(question, "Archive"), answered)

    def restore_priority(self, priority_id: str) -> None:
        """Put the archived priority back in force, last; nothing to ask: x archives it again."""
        priority = _priority(self.dashboard.career, priority_id)
        if priority is None or not priority.archived:
            return
        self.dashboard.run_write(
            Write(
                restore_priority,
                (self.dashboard.repo, priority.id),
                done=f"Back in force: {priority.title}",
            )
        )

    def _delete_or_archive(self, priority: Priority, tied: int) -> None:
        """Deleting a priority with wins would unlink them: offer archiving first."""
        from careertui.tui.screens.choice import Answer, ChoiceScreen

        repo = self.dashboard.repo
        delete = Write(delete_priority, (repo, priority.id), done="Deleted")
        archive = self._archive_write(priority)

        def answered(answer: str | None) -> None:
            if answer == "archive":
                self.dashboard.run_write(archive)
            elif answer == "delete":
                self.dashboard.run_write(delete)

        self.dashboard.app.push_screen(
            ChoiceScreen(
                f"“{priority.title}” has {_wins(tied)} tied to it. Archive it instead? "
                "Archived, it leaves the priorities in force and its wins keep the link; "
                "deleted, they keep their text and lose the link.",
                [
                    Answer("a", f"Archive it: its {_wins(tied)} keep the link", "archive"),
                    Answer("d", f"Delete it: its {_wins(tied)} lose the link", "delete"),
                ],
            ),
            answered,
        )

    def move_item(self, section: str, index: int, step: int, expected: str) -> None:
        repo = self.dashboard.repo
        if section == "priorities":
            self.dashboard.run_write(Write(move_priority, (repo, expected, step)))
        elif section in TEXT_LISTS:
            self.dashboard.run_write(Write(move_in_list, (repo, section, index, step, expected)))

    # -- gaps from the vision ------------------------------------------------------------------
    def make_gap(self, section: str, index: int, record_id: str | None) -> None:
        career = self.dashboard.career
        try:
            if section == "obstacles":
                obstacle = career.vision.obstacles[index]
                gap_from_obstacle(obstacle, career.gaps)  # refuse early, with the reason
                self.dashboard.run_write(
                    Write(
                        obstacle_to_gap,
                        (self.dashboard.repo, obstacle),
                        done=f"On the gap board: {obstacle}",
                        then=self.dashboard.show_saved,
                    )
                )
            elif section == "feedback" and record_id:
                feedback = next(f for f in career.feedback if f.id == record_id)
                self._feedback_to_gap(feedback)
        except InputError as exc:
            self.dashboard.notify(str(exc), severity="warning")
        except (IndexError, StopIteration):
            self.dashboard.notify("That item changed meanwhile; look again", severity="warning")

    def _feedback_to_gap(self, feedback: Feedback) -> None:
        """A new gap from the feedback; or, when a gap of that title or theme is already on
        the board, ask whether to link the feedback to it instead."""
        from careertui.tui.screens.choice import Answer, ChoiceScreen

        dashboard = self.dashboard
        career = dashboard.career
        gap = gap_from_feedback(feedback, career.gaps)  # refuses a strength, with the reason
        make_new = Write(
            feedback_to_gap,
            (dashboard.repo, feedback.id),
            done=f"On the gap board: {gap.title}",
            then=dashboard.show_saved,
        )
        existing = gap_like(feedback, career.gaps, career.feedback)
        if existing is None:
            dashboard.run_write(make_new)
            return
        if feedback_line(feedback) in existing.why:
            dashboard.notify(f"This feedback is already linked to the gap “{existing.title}”")
            return

        def answered(answer: str | None) -> None:
            if answer == "link":
                dashboard.run_write(
                    Write(
                        link_feedback_to_gap,
                        (dashboard.repo, feedback.id, existing.id),
                        done=f"Linked to the gap: {existing.title}",
                    )
                )
            elif answer == "new":
                dashboard.run_write(make_new)

        dashboard.app.push_screen(
            ChoiceScreen(
                f"A gap “{existing.title}” already exists.",
                [
                    Answer("l", "Link this feedback to it", "link", "Link to it"),
                    Answer("n", "Make a new gap anyway", "new", "New gap"),
                ],
            ),
            answered,
        )

    # -- the guided start ------------------------------------------------------------------------
    def open_guided_start(self, automatic: bool) -> None:
        """Open the guided start; ``automatic`` (an empty store, just shown) only when it is
        wanted and was neither skipped nor finished before."""
        from careertui.tui.screens.guided_start import GuidedStartScreen

        dashboard = self.dashboard
        career = dashboard.career
        if automatic:
            wanted = needs_guided_start(career.vision, career.priorities)
            if not wanted or dashboard.app.is_headless or career.settings.guided_start:
                return
        if any(isinstance(screen, GuidedStartScreen) for screen in dashboard.app.screen_stack):
            return
        renewal = renewal_due(career.priorities, career.archived_priorities, today())
        dashboard.app.push_screen(GuidedStartScreen(career.vision, career.priorities, renewal))

    def guided_answer(self, step: str, answer: dict[str, Any]) -> None:
        """Each answer is saved as soon as it is given."""
        self.dashboard.run_write(Write(save_guided_answer, (self.dashboard.repo, step, answer)))

    def guided_skipped(self) -> None:
        self.dashboard.run_write(
            Write(
                remember_guided_start,
                (self.dashboard.repo, "skipped"),
                done="Guided start skipped — reopen it from the command palette (ctrl+p)",
            )
        )

    def guided_finished(self) -> None:
        self.dashboard.run_write(
            Write(
                remember_guided_start,
                (self.dashboard.repo, "done"),
                done="Your vision is on the map. Next: the gaps between you and it.",
            )
        )
