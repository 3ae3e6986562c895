"""The app's handlers for the vision pane's messages and the guided start (a mixin of CareerApp).

The writes are plain functions over the repository (one transaction each, re-reading what they
change so that a change made meanwhile by another process is not overwritten); the handlers
open the right form and hand those functions to ``self.write``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from careertui.domain.errors import InputError
from careertui.domain.models import Feedback, Gap, Priority, Vision
from careertui.domain.vision import (
    gap_from_feedback,
    gap_from_obstacle,
    moved,
    needs_guided_start,
    next_rank,
    priority_warning,
    reranked,
)
from careertui.store.repository import RecordNotFound, Repository
from careertui.tui.panes.vision import TEXT_LISTS, VisionPane

if TYPE_CHECKING:
    from careertui.tui.app import CareerApp
    from careertui.tui.screens.guided_start import GuidedStartScreen

#: The setting that remembers the guided start was skipped, so it does not open by itself again.
GUIDED_START_SETTING = "vision.guided_start"


# -- writes (each one transaction) -----------------------------------------------------------
def update_vision(repo: Repository, changes: dict[str, Any]) -> Vision:
    """Apply ``changes`` to the vision on record now, validated, and save it."""
    with repo.transaction():
        current = repo.vision().model_dump()
        return repo.save_vision(Vision.model_validate({**current, **changes}))


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
    return sorted(repo.priorities.list(), key=lambda p: p.rank)


def add_priority(repo: Repository, priority: Priority) -> int:
    """Add ``priority`` last; return how many priorities there are now."""
    with repo.transaction():
        ranked = _ranked_priorities(repo)
        repo.priorities.add(priority.model_copy(update={"rank": next_rank(ranked)}))
        return len(ranked) + 1


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
        unlinked = 0
        for win in repo.wins.list():
            if win.priority_id == priority_id:
                repo.wins.update(win.model_copy(update={"priority_id": None}))
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


def obstacle_to_gap(repo: Repository, obstacle: str) -> Gap:
    with repo.transaction():
        return repo.gaps.add(gap_from_obstacle(obstacle, repo.gaps.list()))


def feedback_to_gap(repo: Repository, feedback_id: str) -> Gap:
    with repo.transaction():
        feedback = repo.feedback.get(feedback_id)
        if feedback is None:
            raise RecordNotFound(f"no feedback with id {feedback_id}")
        return repo.gaps.add(gap_from_feedback(feedback, repo.gaps.list()))


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
        elif step == "priorities":
            ranked = _ranked_priorities(repo)
            for position, title in enumerate(answer["priorities"]):
                if not title:
                    continue
                if position < len(ranked):
                    if ranked[position].title != title:
                        repo.priorities.update(ranked[position].model_copy(
                            update={"title": title}))
                else:
                    repo.priorities.add(Priority(title=title, rank=next_rank(
                        _ranked_priorities(repo))))
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
        else:
            raise InputError(f"unknown guided start step {step!r}")


# -- the handlers --------------------------------------------------------------------------------
class VisionHandlers:
    """Methods named ``on_<widget>_<message>`` are found through CareerApp's MRO."""

    def _saver(self: CareerApp, fn: Any, *args: Any, done_message: str | None = None) -> Any:
        """A form's ``save(model, on_done, on_error)`` that writes ``fn(repo, *args, model)``."""

        def save(model: Any, done: Any, failed: Any) -> None:
            self.write(fn, self.repo, *args, model, done_message=done_message,
                       on_done=done, on_error=failed)

        return save

    def on_vision_pane_edit_section(self: CareerApp, message: VisionPane.EditSection) -> None:
        from careertui.tui.screens import vision_forms as forms

        message.stop()
        career = self.career
        vision = career.vision
        section, index = message.section, message.index
        if section == "destination":
            fields = ("statement", "target_role", "horizon", "company_kinds")

            def save_destination(model: Vision, done: Any, failed: Any) -> None:
                changes = {name: getattr(model, name) for name in fields}
                self.write(update_vision, self.repo, changes, done_message="Vision saved",
                           on_done=done, on_error=failed)

            self.push_screen(forms.destination_form(vision, save_destination))
        elif section in TEXT_LISTS:

            def save_list(model: Vision, done: Any, failed: Any) -> None:
                self.write(update_vision, self.repo, {section: getattr(model, section)},
                           done_message="Saved", on_done=done, on_error=failed)

            self.push_screen(forms.list_form(section, vision, save_list))
        elif section == "priorities" and (
            priority := next((p for p in career.priorities if p.id == message.record_id), None)
        ):
            self.push_screen(forms.priority_form(
                priority, priority.rank,
                self._saver(lambda repo, p: repo.priorities.update(p),
                            done_message="Priority saved")))
        elif section == "feedback" and (
            feedback := next((f for f in career.feedback if f.id == message.record_id), None)
        ):
            self.push_screen(forms.feedback_form(
                feedback, career.stakeholders,
                self._saver(lambda repo, f: save_feedback(repo, f, new=False),
                            done_message="Feedback saved")))
        elif section == "scope" and index is not None and index < len(vision.scope):
            self.push_screen(forms.scope_form(
                vision.scope[index], self._saver(save_scope_item, index, done_message="Saved")))
        elif section == "room":

            def save_room(model: Vision.RoomToGrow, done: Any, failed: Any) -> None:
                self.write(update_vision, self.repo, {"room_to_grow": model.model_dump()},
                           done_message="Room to grow saved", on_done=done, on_error=failed)

            self.push_screen(forms.room_form(vision.room_to_grow, save_room))
        else:
            self.on_vision_pane_add_item(VisionPane.AddItem(section))

    def on_vision_pane_add_item(self: CareerApp, message: VisionPane.AddItem) -> None:
        from careertui.tui.screens import vision_forms as forms

        message.stop()
        section = message.section
        career = self.career
        if section in TEXT_LISTS:

            def append(model: forms.ListEntry, done: Any, failed: Any) -> None:
                self.write(append_to_list, self.repo, section, model.text, done_message="Added",
                           on_done=done, on_error=failed)

            self.push_screen(forms.list_entry_form(section, append))
        elif section == "priorities":

            def added(count: int) -> None:
                warning = priority_warning(count)
                if warning:
                    self.notify(warning, title="Priority added", severity="warning", timeout=8)

            def save_priority(model: Priority, done: Any, failed: Any) -> None:
                def finished(count: int) -> None:
                    done(count)
                    added(count)

                self.write(add_priority, self.repo, model, on_done=finished, on_error=failed)

            self.push_screen(forms.priority_form(None, next_rank(career.priorities),
                                                 save_priority))
        elif section == "feedback":
            self.push_screen(forms.feedback_form(
                None, career.stakeholders,
                self._saver(lambda repo, f: save_feedback(repo, f, new=True),
                            done_message="Feedback added")))
        elif section == "scope":
            self.push_screen(forms.scope_form(
                None, self._saver(save_scope_item, None, done_message="Responsibility added")))
        else:
            self.on_vision_pane_edit_section(VisionPane.EditSection(section, None, None))

    def on_vision_pane_delete_item(self: CareerApp, message: VisionPane.DeleteItem) -> None:
        from careertui.tui.screens.confirm import ConfirmScreen

        message.stop()
        section, index = message.section, message.index
        career = self.career
        if section in TEXT_LISTS:
            items = getattr(career.vision, section)
            if index >= len(items):
                return
            text = items[index]
            question = f"Remove “{text}”?"
            write: tuple[Any, ...] = (remove_from_list, self.repo, section, index, text)
        elif section == "priorities" and message.record_id:
            priority = next((p for p in career.priorities if p.id == message.record_id), None)
            if priority is None:
                return
            tied = sum(w.priority_id == priority.id for w in career.wins)
            question = f"Delete the priority “{priority.title}”?" + (
                f" {tied} win{'s' if tied != 1 else ''} tied to it will keep their text and "
                "lose the link." if tied else "")
            write = (delete_priority, self.repo, priority.id)
        elif section == "feedback" and message.record_id:
            question = "Delete this feedback? A gap made from it stays."
            write = (delete_feedback, self.repo, message.record_id)
        elif section == "scope" and index < len(career.vision.scope):
            item = career.vision.scope[index]
            question = f"Remove “{item.responsibility}” from your scope?"
            write = (delete_scope_item, self.repo, index, item.responsibility)
        else:
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.write(*write, done_message="Deleted")

        self.push_screen(ConfirmScreen(question, "Delete"), answered)

    def on_vision_pane_move_item(self: CareerApp, message: VisionPane.MoveItem) -> None:
        message.stop()
        if message.section == "priorities":
            self.write(move_priority, self.repo, message.expected, message.step)
        elif message.section in TEXT_LISTS:
            self.write(move_in_list, self.repo, message.section, message.index, message.step,
                       message.expected)

    def on_vision_pane_make_gap(self: CareerApp, message: VisionPane.MakeGap) -> None:
        message.stop()
        career = self.career
        try:
            if message.section == "obstacles":
                obstacle = career.vision.obstacles[message.index]
                gap_from_obstacle(obstacle, career.gaps)  # refuse early, with the reason
                self.write(obstacle_to_gap, self.repo, obstacle,
                           done_message=f"On the gap board: {obstacle}")
            elif message.section == "feedback" and message.record_id:
                feedback = next(f for f in career.feedback if f.id == message.record_id)
                gap = gap_from_feedback(feedback, career.gaps)
                self.write(feedback_to_gap, self.repo, feedback.id,
                           done_message=f"On the gap board: {gap.title}")
        except InputError as exc:
            self.notify(str(exc), severity="warning")
        except (IndexError, StopIteration):
            self.notify("That item changed meanwhile; look again", severity="warning")

    # -- the guided start ---------------------------------------------------------------------
    def on_vision_pane_open_guided_start(
        self: CareerApp, message: VisionPane.OpenGuidedStart
    ) -> None:
        message.stop()
        if message.automatic:
            wanted = needs_guided_start(self.career.vision, self.career.priorities)
            if not wanted or self.is_headless or self.career.setting(GUIDED_START_SETTING):
                return
        from careertui.tui.screens.guided_start import GuidedStartScreen

        if any(isinstance(screen, GuidedStartScreen) for screen in self.screen_stack):
            return
        self.push_screen(GuidedStartScreen(self.career.vision, self.career.priorities))

    def on_guided_start_screen_answer_given(
        self: CareerApp, message: GuidedStartScreen.AnswerGiven
    ) -> None:
        message.stop()
        self.write(save_guided_answer, self.repo, message.step, message.answer)

    def on_guided_start_screen_skipped(self: CareerApp, message: GuidedStartScreen.Skipped):
        message.stop()
        self.write(self.repo.set_setting, GUIDED_START_SETTING, "skipped",
                   done_message="Guided start skipped — reopen it from the command palette "
                                "(ctrl+p)")

    def on_guided_start_screen_finished(self: CareerApp, message: GuidedStartScreen.Finished):
        message.stop()
        self.write(self.repo.set_setting, GUIDED_START_SETTING, "done",
                   done_message="Your vision is on the map. Next: the gaps between you and it.")
