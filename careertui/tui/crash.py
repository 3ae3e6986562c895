"""Nothing typed is ever lost, even to a bug.

When an unexpected exception stops the app, :func:`record_crash` keeps whatever was typed in an
open form or the quick-win line, or else the record a form dismissed that was still being saved
(:func:`dismissed_draft`), as a draft (:mod:`careertui.store.drafts`, sealed when the store
is encrypted) and writes the traceback to ``crash.log`` in the data directory: source lines and
exception types only, never local variables, and with an encrypted store not even the exception's
message (it may quote a record). The app then exits with the terminal restored and
``careertui`` prints one line saying where the log is (:func:`exit_message`). At the next start
:class:`DraftOfferScreen` offers the draft back; :func:`reopen` opens the same form again with
the text in it.
"""

from __future__ import annotations

import datetime as dt
import platform
import traceback
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.command import CommandPalette
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen, Screen
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Input, Label, Select, SelectionList, TextArea

from careertui.store.drafts import FORM, QUICK_WIN, TEXT, Draft, append_crash_log, save_draft
from careertui.tui.widgets.footer import DashboardFooter

if TYPE_CHECKING:
    from careertui.store.database import Store
    from careertui.tui.app import CareerApp


@dataclass(frozen=True)
class CrashReport:
    """Where the details went and whether a draft was kept; ``problem`` when either failed."""

    log: Path | None
    draft_kept: bool
    problem: str = ""


# -- reading and filling forms ------------------------------------------------------------------
def _raw(widget: Widget) -> Any:
    if isinstance(widget, TextArea):
        return widget.text
    if isinstance(widget, Select):
        return None if widget.is_blank() else widget.value
    if isinstance(widget, SelectionList):
        return list(widget.selected)
    if isinstance(widget, (Checkbox, Input)):
        return widget.value
    return None


def _typed_something(values: Mapping[str, Any]) -> bool:
    return any(isinstance(v, str) and v.strip() for v in values.values())


def capture(screens: list[Screen[Any]]) -> Draft | None:
    """What the topmost open form or quick-win line holds, if anything was typed in it."""
    from careertui.tui.screens.form import FormScreen
    from careertui.tui.screens.quick_win import QuickWinScreen

    for screen in reversed(screens):
        if isinstance(screen, QuickWinScreen):
            text = screen.query_one(Input).value
            if text.strip():
                return Draft(QUICK_WIN, "Log a win", "Win", None, {"title": text})
        elif isinstance(screen, FormScreen):
            values = {f.name: _raw(screen.widget_for(f.name)) for f in screen.fields}
            if _typed_something(values):
                record_id = screen.base.get("id") or None
                return Draft(
                    FORM,
                    screen.form_title,
                    screen.model.__name__,
                    record_id if isinstance(record_id, str) else None,
                    values,
                )
        elif isinstance(screen, ModalScreen) and not isinstance(screen, CommandPalette):
            # a check-in, the guided start: the text at least
            texts = {
                widget.id or f"text {n}": _raw(widget)
                for n, widget in enumerate(screen.query("Input, TextArea"), 1)
                if not (isinstance(widget, TextArea) and widget.read_only)
            }
            if _typed_something(texts):
                return Draft(TEXT, _screen_title(screen), "", None, texts)
    return None


def dismissed_draft(screen: Screen[Any], record: Any) -> Draft | None:
    """What the form ``screen`` dismissed with (``record``, being saved), as the draft that
    :func:`capture` would have kept of the open form."""
    from careertui.tui.screens.form import FormScreen, shown_values
    from careertui.tui.screens.quick_win import QuickWinScreen
    from careertui.tui.screens.stakeholder_check_in import StakeholderCheckInScreen

    if isinstance(screen, QuickWinScreen):
        return Draft(QUICK_WIN, "Log a win", "Win", None, {"title": record.text})
    if isinstance(screen, FormScreen):
        record_id = screen.base.get("id") or None
        return Draft(
            FORM,
            screen.form_title,
            screen.model.__name__,
            record_id if isinstance(record_id, str) else None,
            shown_values(screen.fields, record),
        )
    if isinstance(screen, StakeholderCheckInScreen):
        values = {"check-in-note": record.note, "check-in-date": record.date.isoformat()}
        return Draft(TEXT, f"Check-in with {screen.person.name}", "", None, values)
    return None


def _screen_title(screen: Screen[Any]) -> str:
    titles = screen.query(".dialog-title")
    if titles:
        return " ".join(str(titles.first(Label).content).split())[:60]
    return type(screen).__name__.removesuffix("Screen")


def fill(screen: Screen[Any], draft: Draft) -> None:
    """Put the draft's values back into the fields of ``screen`` (a form or the quick-win line);
    a value the field no longer offers (a gap since deleted, say) is left out."""
    from careertui.tui.screens.form import FormScreen

    if isinstance(screen, FormScreen):
        screen.fill(draft.values)
    else:
        screen.query_one(Input).value = str(draft.values.get("title", ""))


# -- the crash ------------------------------------------------------------------------------------
def _chain(error: BaseException) -> Iterator[BaseException]:
    """The exception and those it was raised from or while handling, the first one first."""
    seen: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and all(current is not e for e in seen):
        seen.append(current)
        current = current.__cause__ or (
            None if current.__suppress_context__ else current.__context__
        )
    return reversed(seen)


def crash_text(error: BaseException, *, messages: bool) -> str:
    """The traceback as text: file, line, function and source line of each frame and the type
    of each exception; its message only when ``messages`` (never any local variable)."""
    from careertui import __version__

    try:
        import textual

        textual_version = getattr(textual, "__version__", "?")
    except ImportError:  # pragma: no cover - the app runs on Textual
        textual_version = "?"
    lines = [
        f"=== careertui {__version__} stopped at {dt.datetime.now().astimezone().isoformat()} "
        f"(Python {platform.python_version()}, Textual {textual_version})\n"
    ]
    for exc in _chain(error):
        lines.append("Traceback (most recent call last):\n")
        lines.extend(traceback.format_list(traceback.extract_tb(exc.__traceback__)))
        kind = f"{type(exc).__module__}.{type(exc).__qualname__}"
        if messages:
            lines.append("".join(traceback.format_exception_only(exc)))
        else:
            lines.append(f"{kind} (message left out: the store is encrypted)\n")
    lines.append("\n")
    return "".join(lines)


def record_crash(
    app: CareerApp, error: BaseException, unsaved: Sequence[Draft] = ()
) -> CrashReport:
    """Keep the draft (what an open form holds, else the latest of the records ``unsaved``: a
    form dismissed them and they were still being saved) and write the log; never raises (it
    runs while the app is failing)."""
    store: Store = app.repo.store
    problems: list[str] = []
    draft_kept = False
    try:
        draft = capture(list(app.screen_stack)) or (unsaved[-1] if unsaved else None)
        if draft is not None:
            save_draft(store, draft)
            draft_kept = True
    except Exception as exc:  # noqa: BLE001 - report it, keep going
        problems.append(f"the draft could not be kept ({type(exc).__name__}: {exc})")
    log: Path | None = None
    try:
        try:
            encrypted = store.encrypted()
        except Exception:  # noqa: BLE001 - when in doubt, leave messages out
            encrypted = True
        log = append_crash_log(store.data_dir, crash_text(error, messages=not encrypted))
    except Exception as exc:  # noqa: BLE001
        problems.append(f"the details could not be written ({type(exc).__name__})")
    return CrashReport(log, draft_kept, "; ".join(problems))


def exit_message(report: CrashReport) -> str:
    """What ``careertui`` prints once the terminal is back: one line."""
    parts = ["error: careertui stopped after an unexpected error (a bug)"]
    if report.draft_kept:
        parts.append("what you were typing is kept and offered back at the next start")
    if report.log is not None:
        parts.append(f"details for a bug report: {report.log}")
    if report.problem:
        parts.append(report.problem)
    return "; ".join(parts)


# -- the next start -------------------------------------------------------------------------------
class DraftOfferScreen(ModalScreen[str | None]):
    """Offers the draft back at the start: ``restore``, ``discard``, or None (Escape: ask again
    at the next start)."""

    BINDINGS = [
        Binding("r", "answer('restore')", "Restore", id="draft.restore"),
        Binding("d", "answer('discard')", "Discard", id="draft.discard"),
        Binding("escape", "answer(None)", "Later", id="draft.later"),
    ]

    def __init__(self, draft: Draft) -> None:
        super().__init__()
        self.draft = draft

    @property
    def question(self) -> str:
        what = self.draft.preview()
        where = f" ({self.draft.title})" if self.draft.title else ""
        return (
            f"You were writing “{what}”{where} when careertui stopped.\n"
            "Restore it to finish it, or discard it?"
        )

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-dialog", classes="dialog"):
            yield Label(self.question, id="draft-question", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Restore (r)", variant="primary", id="draft-restore")
                yield Button("Discard (d)", id="draft-discard")
        yield DashboardFooter()

    def on_mount(self) -> None:
        self.query_one("#draft-restore", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss((event.button.id or "").removeprefix("draft-"))

    def action_answer(self, answer: str | None) -> None:
        self.dismiss(answer)


#: The prefixes of the ids of the text fields of dialogs kept as text (the guided start's, a
#: check-in's): not part of what the field is called.
_FIELD_PREFIXES = ("gs-", "check-in-")


def _readable(name: str) -> str:
    """A field as a person calls it: ``check-in-note`` -> ``Note``, ``next_action`` -> ``Next
    action``. Links to records (``gap_ids``, ``giver_id``) are left out before this: an id
    means nothing to the person copying their text."""
    for prefix in _FIELD_PREFIXES:
        name = name.removeprefix(prefix)
    words = name.replace("_", " ").replace("-", " ").strip()
    return words[:1].upper() + words[1:]


def _shown(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return ", ".join(str(item) for item in value)
    return str(value)


class RecoveredTextScreen(ModalScreen[None]):
    """A draft of a form that cannot be reopened by itself: the text to copy, read only."""

    BINDINGS = [Binding("escape", "app.pop_screen", "Close", id="draft.close")]

    def __init__(self, draft: Draft) -> None:
        super().__init__()
        self.draft = draft

    def compose(self) -> ComposeResult:
        text = "\n\n".join(
            f"{_readable(name)}: {_shown(value)}"
            for name, value in self.draft.values.items()
            if value not in (None, "", [], False) and not name.endswith(("_id", "_ids"))
        )
        with Vertical(id="form-dialog", classes="dialog"):
            yield Label(
                f"What you were writing in “{self.draft.title}” (Escape closes)",
                classes="dialog-title",
                markup=False,
            )
            yield TextArea(text, read_only=True, soft_wrap=True, id="recovered-text")
        yield DashboardFooter()


def reopen(app: CareerApp, draft: Draft) -> None:
    """Open the form the draft came from again (the record's edit form if it still exists, else
    a new one) and put the text back in it."""
    career = app.career
    dashboard = app.dashboard
    depth = len(app.screen_stack)
    record_id = draft.record_id
    if draft.kind == QUICK_WIN:
        dashboard.journal.quick_win()
    elif draft.model == "Win":
        dashboard.journal.open_win_form(next((w for w in career.wins if w.id == record_id), None))
    elif draft.model == "Gap":
        if any(gap.id == record_id for gap in career.gaps) and record_id:
            dashboard.gaps.edit(record_id)
        else:
            dashboard.gaps.new()
    elif draft.model == "Stakeholder":
        person = next((p for p in career.stakeholders if p.id == record_id), None)
        if person is not None:
            dashboard.people.edit(person)
        else:
            dashboard.people.new()
    elif draft.model in ("Priority", "Feedback"):
        section = "priorities" if draft.model == "Priority" else "feedback"
        records = career.priorities if draft.model == "Priority" else career.feedback
        index = next((i for i, r in enumerate(records) if r.id == record_id), None)
        if index is None:
            dashboard.vision.add_item(section)
        else:
            dashboard.vision.edit_section(section, index, record_id)
    if len(app.screen_stack) > depth:
        screen = app.screen_stack[-1]
        screen.call_later(fill, screen, draft)
    else:
        app.push_screen(RecoveredTextScreen(draft))
