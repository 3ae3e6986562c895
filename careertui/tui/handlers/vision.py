"""The app's handlers for the vision pane's messages and the guided start (a mixin of CareerApp).

The writes are actions (:mod:`careertui.actions.vision`, :mod:`careertui.actions.gaps`); the
handlers open the right form and hand those functions to ``self.write``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from careertui.actions.gaps import (
    feedback_line,
    feedback_to_gap,
    gap_like,
    link_feedback_to_gap,
    obstacle_to_gap,
)
from careertui.actions.settings import GUIDED_START, remember
from careertui.actions.vision import (
    add_priority,
    append_to_list,
    delete_feedback,
    delete_priority,
    delete_scope_item,
    edit_feedback,
    edit_priority,
    edit_vision,
    move_in_list,
    move_priority,
    remove_from_list,
    save_feedback,
    save_guided_answer,
    save_scope_item,
)
from careertui.domain.errors import InputError
from careertui.domain.models import Feedback, Priority, Vision
from careertui.domain.vision import (
    gap_from_feedback,
    gap_from_obstacle,
    needs_guided_start,
    next_rank,
    priority_warning,
)
from careertui.tui.panes.vision import TEXT_LISTS, VisionPane

if TYPE_CHECKING:
    from careertui.tui.app import CareerApp
    from careertui.tui.screens.guided_start import GuidedStartScreen


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
                    lambda was, edited: edit_vision(self.repo, was, edited),
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
                    lambda was, edited: edit_vision(self.repo, was, edited),
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
                    lambda was, edited: edit_priority(self.repo, was, edited),
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
                    lambda was, edited: edit_vision(self.repo, was, edited),
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
                    lambda was, edited: edit_vision(self.repo, was, edited),
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
            if not wanted or self.is_headless or self.career.setting(GUIDED_START):
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
            remember,
            self.repo,
            GUIDED_START,
            "skipped",
            done_message="Guided start skipped — reopen it from the command palette (ctrl+p)",
        )

    def on_guided_start_screen_finished(self: CareerApp, message: GuidedStartScreen.Finished):
        message.stop()
        self.write(
            remember,
            self.repo,
            GUIDED_START,
            "done",
            done_message="Your vision is on the map. Next: the gaps between you and it.",
        )
