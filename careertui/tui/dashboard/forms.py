"""A form's life from the dashboard: opened, dismissed with what the user entered, saved through
the dashboard's one write path, and when the save fails opened again with what was typed and
why it was not saved (a store error, an :class:`InputError` from an action, a conflicting edit
answered with Escape). Nothing typed is lost.

While a dismissed record is being saved:

- the keys typed are held (:class:`~careertui.tui.screens.held_keys.KeyHold`): they act on the
  dashboard only once it is stored, and are dropped when the form comes back;
- the record is kept as a draft the crash handler sees (:meth:`FormSaves.unsaved`), so a bug
  meanwhile loses nothing either.

An edit is saved as "only what the user changed, onto the record as it is on file now"; when a
field the user changed was changed elsewhere too, the user chooses: keep mine, keep theirs, or
Escape, back to the form.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel
from textual.screen import ModalScreen

from careertui.store.drafts import Draft
from careertui.store.repository import ConflictingEdit
from careertui.tui.crash import dismissed_draft
from careertui.tui.saving import Write, conflict_question, mine_kept, theirs_kept

if TYPE_CHECKING:
    from careertui.tui.dashboard.screen import DashboardScreen

#: Opens the form: fresh (``typed`` None), or again with what was typed and why it was not saved.
MakeForm = Callable[[Any, str], ModalScreen[Any]]


def _unchanged(record: Any) -> Any:
    return record


@dataclass(frozen=True)
class Edit:
    """Saving an edit: ``action(repo, original, edited)`` writes only what changed between the
    two onto the record on file; ``edited(dismissed)`` is the record to save from what the form
    dismissed with (a section's form edits part of the vision)."""

    action: Callable[..., Any]
    original: BaseModel
    edited: Callable[[Any], BaseModel] = _unchanged


@dataclass(frozen=True)
class Confirm:
    """A question to ask before saving (``question(dismissed)`` None: nothing to ask); declined,
    the form comes back with ``declined`` as the reason."""

    question: Callable[[Any], str | None]
    yes: str
    declined: str


@dataclass(frozen=True)
class FormSave:
    """What a form saves and what follows.

    ``write(dismissed)`` is the write of a new record; ``edit`` saves an edit instead.
    ``done(dismissed)`` is said once it is stored; ``after(dismissed, result)`` follows it (put
    the cursor on the record, warn about a sixth priority...)."""

    form: MakeForm
    write: Callable[[Any], Write] | None = None
    edit: Edit | None = None
    done: Callable[[Any], str | None] | None = None
    after: Callable[[Any, Any], None] | None = None
    confirm: Confirm | None = None


class FormSaves:
    """The dashboard's forms: one instance, owned by the dashboard screen."""

    def __init__(self, dashboard: DashboardScreen) -> None:
        self.dashboard = dashboard
        #: Records dismissed and not yet stored, by save: kept as drafts if the app crashes.
        self._unsaved: dict[int, Draft] = {}
        self._next = 0

    def unsaved(self) -> list[Draft]:
        """The records a form dismissed that are still being saved, the latest last."""
        return list(self._unsaved.values())

    def open(self, save: FormSave, typed: Any = None, error: str = "") -> None:
        """Open the form (again, with ``typed`` and ``error`` after a failed save)."""
        screen = save.form(typed, error)

        def closed(record: Any) -> None:
            if record is not None:
                self._submitted(save, screen, record)

        self.dashboard.app.push_screen(screen, closed)

    def _submitted(self, save: FormSave, screen: ModalScreen[Any], record: Any) -> None:
        question = save.confirm.question(record) if save.confirm is not None else None
        if save.confirm is None or question is None:
            self._save(save, screen, record)
            return
        confirm = save.confirm
        from careertui.tui.screens.confirm import ConfirmScreen

        def answered(yes: bool | None) -> None:
            if yes:
                self._save(save, screen, record)
            else:
                self.open(save, record, confirm.declined)

        self.dashboard.app.push_screen(ConfirmScreen(question, yes=confirm.yes), answered)

    def _save(
        self,
        save: FormSave,
        screen: ModalScreen[Any],
        record: Any,
        pair: tuple[BaseModel, BaseModel] | None = None,
    ) -> None:
        """Save ``record`` (an edit as ``pair``: original and edited, when the user chose how to
        settle a conflict)."""
        self._next += 1
        token = self._next
        draft = dismissed_draft(screen, record)
        if draft is not None:
            self._unsaved[token] = draft
        keys = self.dashboard.held_keys
        keys.start(self.dashboard.app)

        def stored(result: Any) -> None:
            self._unsaved.pop(token, None)
            if save.after is not None:
                save.after(record, result)
            if not self._unsaved:
                keys.replay(self.dashboard.app)

        def failed(message: str) -> None:
            self._unsaved.pop(token, None)
            keys.drop()
            self.open(save, record, message)

        def conflicted(conflict: ConflictingEdit) -> None:
            self._unsaved.pop(token, None)
            keys.drop()
            self._settle(conflict, save, screen, record, pair)

        if save.edit is not None:
            original, edited = pair or (save.edit.original, save.edit.edited(record))
            write = Write(save.edit.action, (self.dashboard.repo, original, edited))
            write.conflicted = conflicted
        else:
            assert save.write is not None, "a form saves a new record or an edit"
            write = save.write(record)
        if save.done is not None:
            write.done = save.done(record)
        write.then = stored
        write.failed = failed
        self.dashboard.run_write(write)

    def _settle(
        self,
        conflict: ConflictingEdit,
        save: FormSave,
        screen: ModalScreen[Any],
        record: Any,
        pair: tuple[BaseModel, BaseModel] | None,
    ) -> None:
        """Changed here and elsewhere: keep mine, keep theirs, or Escape back to the form."""
        from careertui.tui.screens.choice import Answer, ChoiceScreen

        assert save.edit is not None
        original, edited = pair or (save.edit.original, save.edit.edited(record))

        def answered(choice: str | None) -> None:
            if choice == "mine":
                self._save(save, screen, record, (mine_kept(conflict, original), edited))
            elif choice == "theirs":
                self._save(
                    save, screen, record, (original, theirs_kept(conflict, original, edited))
                )
            else:
                self.open(save, record, f"{conflict}; save again to choose")

        self.dashboard.app.push_screen(
            ChoiceScreen(
                conflict_question(conflict),
                [
                    Answer("m", "Keep mine", "mine"),
                    Answer("t", "Keep theirs (what is on file now)", "theirs", "Keep theirs"),
                ],
            ),
            answered,
        )
