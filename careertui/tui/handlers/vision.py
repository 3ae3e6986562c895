"""The app's handlers for the vision pane's messages and the guided start (a mixin of CareerApp).

The writes are plain functions over the repository (one transaction each, re-reading what they
change so that a change made meanwhile by another process is not overwritten); the handlers
open the right form and hand those functions to ``self.write``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
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


def obstacle_to_gap(repo: Repository, obstacle: str) -> Gap:
    with repo.transaction():
        return repo.gaps.add(gap_from_obstacle(obstacle, repo.gaps.list()))


def feedback_to_gap(repo: Repository, feedback_id: str) -> Gap:
    with repo.transaction():
        feedback = repo.feedback.get(feedback_id)
        if feedback is None:
            raise RecordNotFound(f"no feedback with id {feedback_id}")
        return repo.gaps.add(gap_from_feedback(feedback, repo.gaps.list()))


def _normal(text: str) -> str:
    """Text as compared for "the same gap": case, accents' forms, punctuation and spacing
    aside ("Executive presence." = "executive  presence")."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(re.sub(r"[\W_]+", " ", folded).split())


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
        else:
            raise InputError(f"unknown guided start step {step!r}")


# -- the handlers --------------------------------------------------------------------------------
class VisionHandlers:
    """Methods named ``on_<widget>_<message>`` are found through CareerApp's MRO."""

    def _saver(self: CareerApp, fn: Any, *args: Any, done_message: str | None = None) -> Any:
        """A form's ``save(model, on_done, on_error)`` that writes ``fn(repo, *args, model)``."""

        def save(model: Any, done: Any, failed: Any) -> None:
            self.write(
                fn,
                self.repo,
                *args,
                model,
                done_message=done_message,
                on_done=done,
                on_error=failed,
            )

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
                edited = vision.model_copy(update={name: getattr(model, name) for name in fields})
                self.save_edit(
                    self.repo.save_vision_changes,
                    vision,
                    edited,
                    done_message="Vision saved",
                    on_done=done,
                    on_error=failed,
                )

            self.push_screen(forms.destination_form(vision, save_destination))
        elif section in TEXT_LISTS:

            def save_list(model: Vision, done: Any, failed: Any) -> None:
                edited = vision.model_copy(update={section: getattr(model, section)})
                self.save_edit(
                    self.repo.save_vision_changes,
                    vision,
                    edited,
                    done_message="Saved",
                    on_done=done,
                    on_error=failed,
                )

            self.push_screen(forms.list_form(section, vision, save_list))
        elif section == "priorities" and (
            priority := next((p for p in career.priorities if p.id == message.record_id), None)
        ):

            def save_priority(model: Priority, done: Any, failed: Any) -> None:
                self.save_edit(
                    self.repo.priorities.save_changes,
                    priority,
                    model,
                    done_message="Priority saved",
                    on_done=done,
                    on_error=failed,
                )

            self.push_screen(forms.priority_form(priority, priority.rank, save_priority))
        elif section == "feedback" and (
            feedback := next((f for f in career.feedback if f.id == message.record_id), None)
        ):

            def save_note(model: Feedback, done: Any, failed: Any) -> None:
                self.save_edit(
                    lambda was, edited: edit_feedback(self.repo, was, edited),
                    feedback,
                    model,
                    done_message="Feedback saved",
                    on_done=done,
                    on_error=failed,
                )

            self.push_screen(forms.feedback_form(feedback, career.stakeholders, save_note))
        elif section == "scope" and index is not None and index < len(vision.scope):

            def save_scope(model: Vision.ScopeItem, done: Any, failed: Any) -> None:
                scope = [*vision.scope[:index], model, *vision.scope[index + 1 :]]
                self.save_edit(
                    self.repo.save_vision_changes,
                    vision,
                    vision.model_copy(update={"scope": scope}),
                    done_message="Saved",
                    on_done=done,
                    on_error=failed,
                )

            self.push_screen(forms.scope_form(vision.scope[index], save_scope))
        elif section == "room":

            def save_room(model: Vision.RoomToGrow, done: Any, failed: Any) -> None:
                self.save_edit(
                    self.repo.save_vision_changes,
                    vision,
                    vision.model_copy(update={"room_to_grow": model}),
                    done_message="Room to grow saved",
                    on_done=done,
                    on_error=failed,
                )

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
                self.write(
                    append_to_list,
                    self.repo,
                    section,
                    model.text,
                    done_message="Added",
                    on_done=done,
                    on_error=failed,
                )

            self.push_screen(
                forms.list_entry_form(section, append),
                lambda entry: self.select_vision_item(section, entry and entry.text),
            )
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

            self.push_screen(
                forms.priority_form(None, next_rank(career.priorities), save_priority),
                self.show_saved,
            )
        elif section == "feedback":
            self.push_screen(
                forms.feedback_form(
                    None,
                    career.stakeholders,
                    self._saver(
                        lambda repo, f: save_feedback(repo, f, new=True),
                        done_message="Feedback added",
                    ),
                ),
                self.show_saved,
            )
        elif section == "scope":
            self.push_screen(
                forms.scope_form(
                    None, self._saver(save_scope_item, None, done_message="Responsibility added")
                ),
                lambda item: self.select_vision_item("scope", item and item.responsibility),
            )
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
                "lose the link."
                if tied
                else ""
            )
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
            self.write(
                move_in_list,
                self.repo,
                message.section,
                message.index,
                message.step,
                message.expected,
            )

    def on_vision_pane_make_gap(self: CareerApp, message: VisionPane.MakeGap) -> None:
        message.stop()
        career = self.career
        try:
            if message.section == "obstacles":
                obstacle = career.vision.obstacles[message.index]
                gap_from_obstacle(obstacle, career.gaps)  # refuse early, with the reason
                self.write(
                    obstacle_to_gap,
                    self.repo,
                    obstacle,
                    on_done=self.show_saved,
                    done_message=f"On the gap board: {obstacle}",
                )
            elif message.section == "feedback" and message.record_id:
                feedback = next(f for f in career.feedback if f.id == message.record_id)
                self._feedback_to_gap(feedback)
        except InputError as exc:
            self.notify(str(exc), severity="warning")
        except (IndexError, StopIteration):
            self.notify("That item changed meanwhile; look again", severity="warning")

    def _feedback_to_gap(self: CareerApp, feedback: Feedback) -> None:
        """A new gap from the feedback; or, when a gap of that title or theme is already on
        the board, ask whether to link the feedback to it instead."""
        from careertui.tui.screens.choice import Answer, ChoiceScreen

        career = self.career
        gap = gap_from_feedback(feedback, career.gaps)  # refuses a strength, with the reason

        def make_new() -> None:
            self.write(
                feedback_to_gap,
                self.repo,
                feedback.id,
                on_done=self.show_saved,
                done_message=f"On the gap board: {gap.title}",
            )

        existing = gap_like(feedback, career.gaps, career.feedback)
        if existing is None:
            make_new()
            return
        if feedback_line(feedback) in existing.why:
            self.notify(f"This feedback is already linked to the gap “{existing.title}”")
            return

        def answered(answer: str | None) -> None:
            if answer == "link":
                self.write(
                    link_feedback_to_gap,
                    self.repo,
                    feedback.id,
                    existing.id,
                    done_message=f"Linked to the gap: {existing.title}",
                )
            elif answer == "new":
                make_new()

        self.push_screen(
            ChoiceScreen(
                f"A gap “{existing.title}” already exists.",
                [
                    Answer("l", "Link this feedback to it", "link"),
                    Answer("n", "Make a new gap anyway", "new"),
                ],
            ),
            answered,
        )

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
        self.write(
            self.repo.set_setting,
            GUIDED_START_SETTING,
            "skipped",
            done_message="Guided start skipped — reopen it from the command palette (ctrl+p)",
        )

    def on_guided_start_screen_finished(self: CareerApp, message: GuidedStartScreen.Finished):
        message.stop()
        self.write(
            self.repo.set_setting,
            GUIDED_START_SETTING,
            "done",
            done_message="Your vision is on the map. Next: the gaps between you and it.",
        )
