"""How the app writes: off the event loop, one write at a time, with the UI saying so.

A mixin of :class:`~careertui.tui.app.CareerApp` (which sets ``repo``, ``career`` and
``watch``). Every write re-reads the career in the same worker thread and pushes it down to the
panes; a store error becomes a notification and the caller's ``on_error`` (a form keeps what was
typed).
"""

from __future__ import annotations

import datetime as dt
import threading
import traceback
from collections.abc import Callable
from enum import Enum
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel

from careertui.domain.errors import CareerError
from careertui.domain.text import terminal_safe
from careertui.store.repository import ConflictingEdit

if TYPE_CHECKING:
    from careertui.store.repository import Career, Repository
    from careertui.tui.live import FileWatch

Done = Callable[[Any], None]
Failed = Callable[[str], None]
Conflicted = Callable[["ConflictingEdit"], None]

#: The longest a value is shown in the "changed elsewhere" question.
SHOWN_VALUE_WIDTH = 60


def error_message(exc: BaseException) -> str:
    """What went wrong, in one line a user can act on."""
    if isinstance(exc, CareerError):
        return str(exc)
    if isinstance(exc, OSError):
        where = f" ({exc.filename})" if exc.filename else ""
        return f"could not save: {exc.strerror or exc}{where}"
    return f"could not save: {type(exc).__name__}: {exc}"


M = TypeVar("M", bound=BaseModel)


def shown_value(value: Any) -> str:
    """A field's value in one short line, as the "changed elsewhere" question shows it."""
    if value is None or value == "" or value == []:
        text = "(empty)"
    elif isinstance(value, Enum):
        text = str(value.value)
    elif isinstance(value, dt.date):
        text = value.isoformat()
    elif isinstance(value, list):
        text = "; ".join(shown_value(v) for v in value)
    elif isinstance(value, BaseModel):
        text = ", ".join(
            f"{k}: {shown_value(v)}"
            for k, v in value.model_dump().items()
            if v not in (None, "", [])
        )
    else:
        text = str(value)
    text = " ".join(terminal_safe(text).split())
    if len(text) > SHOWN_VALUE_WIDTH:
        text = text[: SHOWN_VALUE_WIDTH - 1] + "…"
    return text


def conflict_question(conflict: ConflictingEdit) -> str:
    """What changed on both sides, field by field: yours, and what the file holds now."""
    from textual.markup import escape

    lines = ["Changed elsewhere while you edited it:"]
    for name, (mine, theirs) in conflict.conflicts.items():
        lines.append(f"{name.replace('_', ' ').capitalize()}")
        lines.append(f"  yours:       {shown_value(mine)}")
        lines.append(f"  on file now: {shown_value(theirs)}")
    lines.append("Everything else you changed is saved either way.")
    return escape("\n".join(lines))


def mine_kept(conflict: ConflictingEdit, original: M) -> M:
    """The form's original with the conflicting fields as they are on file now: saved
    again, the user's values for those fields go over the others'."""
    return original.model_copy(
        update={name: theirs for name, (_, theirs) in conflict.conflicts.items()}
    )


def theirs_kept(conflict: ConflictingEdit, original: M, edited: M) -> M:
    """The form's edit with the conflicting fields as the form opened them: saved again,
    the values on file for those fields stay."""
    return edited.model_copy(update={name: getattr(original, name) for name in conflict.conflicts})


class StoreAccess:
    repo: Repository
    career: Career
    watch: FileWatch
    _write_lock: threading.Lock
    _pending_writes: int

    def _init_store_access(self) -> None:
        self._write_lock = threading.Lock()
        self._pending_writes = 0

    @property
    def saving(self) -> bool:
        return self._pending_writes > 0

    def write(
        self,
        fn: Callable[..., Any],
        *args: Any,
        done_message: str | None = None,
        on_done: Done | None = None,
        on_error: Failed | None = None,
        refresh: bool = True,
        on_conflict: Conflicted | None = None,
    ) -> None:
        """Run ``fn(*args)`` (a repository write) in a thread worker, then push fresh data
        (unless ``refresh`` is False: an export, say, changes nothing on record). Given
        ``on_conflict``, a :class:`ConflictingEdit` goes there instead of being an error."""
        self._pending_writes += 1
        self.saving_changed()
        self.run_worker(  # type: ignore[attr-defined]
            lambda: self._write_job(
                fn, args, done_message, on_done, on_error, refresh, on_conflict
            ),
            thread=True,
            group="store-write",
            exit_on_error=False,
            description="saving",
        )

    def _write_job(
        self,
        fn,
        args,
        done_message,
        on_done,
        on_error,
        refresh,  # noqa: ANN001
        on_conflict=None,
    ) -> None:  # noqa: ANN001
        call = self.call_from_thread  # type: ignore[attr-defined]
        try:
            with self._write_lock:
                result = fn(*args)
        except ConflictingEdit as exc:
            # the file changed under the form: show what it holds now, whatever is chosen
            fresh = self._reread_quietly()
            if fresh is not None:
                call(self.push_career, fresh)
            if on_conflict is None:
                call(self._write_failed, error_message(exc), on_error)
            else:
                call(self._write_conflicted, exc, on_conflict)
            return
        except Exception as exc:  # the app must never crash on a write; say what happened
            call(self._write_failed, error_message(exc), on_error)
            return
        career = None
        try:
            if refresh:
                self.watch.mark_seen()
                career = self.repo.career()
        except Exception as exc:
            career = None
            call(
                self.notify,
                error_message(exc),
                severity="error",  # type: ignore[attr-defined]
                title="Saved, but could not re-read the data",
                markup=False,
            )
        call(self._write_done, result, career, done_message, on_done)

    def _reread_quietly(self) -> Career | None:
        """The career as the file holds it now, or None if it cannot be read (the next look
        at the file tries again)."""
        try:
            self.watch.mark_seen()
            return self.repo.career()
        except Exception:
            self.watch.forget()
            return None

    def _write_done(self, result, career, done_message, on_done) -> None:  # noqa: ANN001
        self._pending_writes -= 1
        self.saving_changed()
        if career is not None:
            self.push_career(career)
        if done_message:
            self.notify(done_message, timeout=3, markup=False)  # type: ignore[attr-defined]
        if on_done is not None:
            self._follow_up(on_done, result)

    def _write_failed(self, message: str, on_error: Failed | None) -> None:
        self._pending_writes -= 1
        self.saving_changed()
        self.notify(
            message,
            title="Not saved",
            severity="error",  # type: ignore[attr-defined]
            timeout=8,
            markup=False,
        )
        if on_error is not None:
            self._follow_up(on_error, message)

    def _write_conflicted(self, conflict: ConflictingEdit, on_conflict: Conflicted) -> None:
        self._pending_writes -= 1
        self.saving_changed()
        self._follow_up(on_conflict, conflict)

    def save_edit(
        self,
        fn: Callable[[M, M], Any],
        original: M,
        edited: M,
        *,
        done_message: str | None = None,
        on_done: Done | None = None,
        on_error: Failed | None = None,
    ) -> None:
        """Save an edit form: ``fn(original, edited)`` writes only what the user changed onto
        the record as it is on file now (:meth:`Collection.save_changes`). When a field the
        user changed was changed elsewhere too, the user chooses: keep mine, keep theirs, or
        Escape, back to the form with everything typed (``on_error`` says why)."""

        def ask(conflict: ConflictingEdit) -> None:
            from careertui.tui.screens.choice import Answer, ChoiceScreen

            def answered(choice: str | None) -> None:
                if choice == "mine":
                    self.save_edit(
                        fn,
                        mine_kept(conflict, original),
                        edited,
                        done_message=done_message,
                        on_done=on_done,
                        on_error=on_error,
                    )
                elif choice == "theirs":
                    self.save_edit(
                        fn,
                        original,
                        theirs_kept(conflict, original, edited),
                        done_message=done_message,
                        on_done=on_done,
                        on_error=on_error,
                    )
                elif on_error is not None:
                    on_error(f"{conflict}; save again to choose")

            self.push_screen(  # type: ignore[attr-defined]
                ChoiceScreen(
                    conflict_question(conflict),
                    [
                        Answer("m", "Keep mine", "mine"),
                        Answer("t", "Keep theirs (what is on file now)", "theirs"),
                    ],
                ),
                answered,
            )

        self.write(
            fn,
            original,
            edited,
            done_message=done_message,
            on_done=on_done,
            on_error=on_error,
            on_conflict=ask,
        )

    def _follow_up(self, callback: Callable[[Any], None], value: Any) -> None:
        """Run a caller's follow-up; a bug there is reported, not lost in the worker thread."""
        try:
            callback(value)
        except Exception as exc:
            self.log.error(traceback.format_exc())  # type: ignore[attr-defined]
            notify = self.notify  # type: ignore[attr-defined]
            notify(
                f"{type(exc).__name__}: {exc}",
                title="Something went wrong after saving",
                severity="error",
                markup=False,
            )

    # -- implemented by the app ---------------------------------------------------------------
    def push_career(self, career: Career) -> None:
        raise NotImplementedError

    def saving_changed(self) -> None:
        raise NotImplementedError
