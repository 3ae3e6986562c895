"""What a save is and how it runs, away from the screen: one :class:`Write` (an action from
:mod:`careertui.actions` and its arguments, and what follows on the event loop) and
:func:`perform`, which the dashboard's write worker runs in a thread, one write at a time: the
action, then the career read again, as an :class:`Outcome`. Nothing here touches a widget.

Also the words for the "changed elsewhere" question an edit form's save may ask.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel

from careertui.domain.errors import CareerError
from careertui.domain.text import terminal_safe
from careertui.store.repository import ConflictingEdit

if TYPE_CHECKING:
    from careertui.store.repository import Career, Repository
    from careertui.tui.live import FileWatch

#: What follows a write on the event loop: with the action's result, the message of what went
#: wrong, or the conflict an edit met.
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


@dataclass
class Write:
    """One change to the career: ``action(*args)`` (a function of :mod:`careertui.actions`).

    ``done`` is said once it is stored; ``refresh`` False when nothing on record changes (an
    export). The follow-ups run on the event loop: ``then`` with the action's result,
    ``failed`` with the message of what went wrong (after the "Not saved" notification), and
    ``conflicted``, when given, with the :class:`ConflictingEdit` an edit met (else that is a
    failure like any other). ``preview``, when given, makes the career as it will read once the
    change is stored from the career shown: the screen shows that at once, while the write
    runs, and shows the career as last read again if the write fails."""

    action: Callable[..., Any]
    args: tuple[Any, ...] = ()
    done: str | None = None
    refresh: bool = True
    then: Done | None = None
    failed: Failed | None = None
    conflicted: Conflicted | None = None
    preview: Callable[[Career], Career] | None = None


@dataclass(frozen=True)
class Outcome:
    """How a write went: the action's ``result``, or the ``error`` message or the ``conflict``;
    ``career`` as read again after it (None when it could not be, with ``reread_error``)."""

    result: Any = None
    error: str | None = None
    conflict: ConflictingEdit | None = None
    career: Career | None = None
    reread_error: str | None = None


def perform(write: Write, repo: Repository, lock: threading.Lock, watch: FileWatch) -> Outcome:
    """Run ``write`` (in a worker thread: it blocks on the store) and read the career again.

    Never raises: the app must not stop on a write, it says what happened. ``watch`` learns
    that the app read the file itself, so the re-read is not mistaken for another process's
    change."""
    try:
        with lock:
            result = write.action(*write.args)
    except ConflictingEdit as exc:
        # the file changed under the form: show what it holds now, whatever is chosen
        return Outcome(conflict=exc, career=_reread_quietly(repo, watch))
    except Exception as exc:  # the app must never crash on a write; say what happened
        return Outcome(error=error_message(exc))
    if not write.refresh:
        return Outcome(result=result)
    try:
        watch.mark_seen()
        return Outcome(result=result, career=repo.career())
    except Exception as exc:
        return Outcome(result=result, reread_error=error_message(exc))


def _reread_quietly(repo: Repository, watch: FileWatch) -> Career | None:
    """The career as the file holds it now, or None if it cannot be read (the next look at
    the file tries again)."""
    try:
        watch.mark_seen()
        return repo.career()
    except Exception:
        watch.forget()
        return None
