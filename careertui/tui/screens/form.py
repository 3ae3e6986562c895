"""The generic record form: edits a pydantic model's fields and validates by building the model.

Each field's message (from pydantic, made readable by :mod:`careertui.tui.screens.messages`,
or from a field's own parser) shows next to that field and goes away as soon as the field is
valid again; focus moves to the first field in error; what was typed stays; the screen
dismisses only with a valid model. A field left as it was keeps its value exactly as given, so
saving an untouched record changes nothing. A required choice has no empty entry.

The form only returns what the user entered (``dismiss(model)``); the dashboard saves it. When
the save fails the dashboard opens the same form again with ``typed`` (the model it dismissed
with) in its fields and ``error`` (why it was not saved) at the top: nothing typed is lost, and
Escape still asks before it throws away what differs from the record as first opened.

``ctrl+s`` saves from any field, Escape cancels, ``ctrl+e`` writes the focused text field in
``$EDITOR``. Enter moves to the next field, and on the last field saves, so a user who presses
Enter after the title is taken to the next field rather than storing a record of defaults. In a
long text (a TextArea) Enter is a new line, as in any editor: Tab moves on from there. On a
checkbox or a multi-select list, space toggles (Enter moves on); a choice is picked by typing
the start of its label (a level or a score by its digit), or from its list opened with space.
The field with the focus, its label and its message always scroll into view.
"""

from __future__ import annotations

import contextlib
import types
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, Literal, TypeVar, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic_core import PydanticUndefined
from rich.text import Text
from textual import events, on
from textual.actions import SkipAction
from textual.app import ComposeResult, SuspendNotSupported
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Input, Label, Select, SelectionList, Static, TextArea
from textual.widgets.select import InvalidSelectValueError

from careertui.domain.clock import today
from careertui.domain.dates import parse_when
from careertui.domain.errors import CareerError
from careertui.editor import edit_text
from careertui.tui.screens.messages import field_noun, named, readable_errors
from careertui.tui.widgets.footer import DashboardFooter
from careertui.tui.widgets.marked_list import MarkedSelectionList
from careertui.tui.widgets.pick_select import PickSelect

M = TypeVar("M", bound=BaseModel)

FieldKind = Literal["text", "multiline", "choice", "multi", "int", "date", "bool", "lines", "words"]


@dataclass(frozen=True)
class FormField:
    """One field of a form.

    ``kind`` picks the widget: ``text`` and ``int`` an Input, ``multiline`` a TextArea (long
    text, ``$EDITOR`` with ctrl+e), ``lines`` a TextArea with one item a line, ``words`` an
    Input of space- or comma-separated words, ``choice`` a Select of ``choices`` (label, value),
    ``multi`` a SelectionList of ``choices``, ``date`` an Input that understands "yesterday",
    ``bool`` a Checkbox. ``parse`` turns the widget's value into the model's (raise
    ``CareerError`` or ``ValueError`` with a message for the user); ``format`` the other way.
    ``required`` (for a ``choice``): whether it offers no "(none)" entry; by default, when the
    model's field does not take None. ``noun`` names the field in messages ("Title: …"); by
    default the field's name, spelled out.
    """

    name: str
    label: str
    kind: FieldKind = "text"
    choices: Sequence[tuple[str, Any]] = ()
    placeholder: str = ""
    help: str = ""
    parse: Callable[[Any], Any] | None = None
    format: Callable[[Any], Any] | None = None
    required: bool | None = None
    noun: str = ""
    #: A line worked out from what is typed (every field's raw value, by name) and shown under
    #: the field as the user types, e.g. the competencies a win's words suggest.
    hint: Callable[[Mapping[str, Any]], str] | None = None

    @property
    def called(self) -> str:
        return self.noun or field_noun(self.name)


def _words(text: str) -> list[str]:
    return [w for w in text.replace(",", " ").split() if w]


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _shown(field: FormField, value: Any) -> Any:
    """The model's value as the widget shows it."""
    if field.format is not None:
        return field.format(value)
    if field.kind in ("text", "multiline", "int"):
        return "" if value is None else str(value)
    if field.kind == "date":
        return "" if value is None else value.isoformat()
    if field.kind == "lines":
        return "\n".join(str(v) for v in value or [])
    if field.kind == "words":
        return " ".join(str(v) for v in value or [])
    if field.kind == "multi":
        return list(value or [])
    if field.kind == "bool":
        return bool(value)
    return value


def shown_values(fields: Sequence[FormField], record: BaseModel) -> dict[str, Any]:
    """``record``'s values as the form's widgets show them, by field name (what a form opened
    again after a failed save, or a draft, holds)."""
    return {field.name: _shown(field, getattr(record, field.name, None)) for field in fields}


def _same(held: Any, value: Any) -> bool:
    """A choice's value as held (in a draft it went through JSON: an enum as its value)
    against the choice's own."""
    return held == value or held == getattr(value, "value", value) or held == str(value)


def _put(field: FormField, widget: Widget, value: Any) -> None:
    """Put ``value``, as the widget shows it, into the field's widget; a choice the field no
    longer offers (a gap since deleted, say) is left out."""
    if isinstance(widget, TextArea):
        widget.text = str(value or "")
    elif isinstance(widget, Input):
        widget.value = str(value if value is not None else "")
    elif isinstance(widget, Checkbox):
        widget.value = bool(value)
    elif isinstance(widget, Select):
        choice = next((v for _, v in field.choices if _same(value, v)), None)
        if choice is not None:
            widget.value = choice
        elif value is None:
            with contextlib.suppress(InvalidSelectValueError):  # a choice that needs one
                widget.clear()
    elif isinstance(widget, SelectionList):
        wanted = value if isinstance(value, list) else []
        widget.deselect_all()
        for _, choice in field.choices:
            if any(_same(item, choice) for item in wanted):
                widget.select(choice)


def _takes_none(model: type[BaseModel], name: str) -> bool:
    """Whether the model's field ``name`` accepts None (or is not a field of the model)."""
    info = model.model_fields.get(name)
    if info is None:
        return True
    annotation = info.annotation
    if annotation is None or annotation is type(None):
        return True
    if get_origin(annotation) in (Union, types.UnionType):
        return type(None) in get_args(annotation)
    return False


def _default(model: type[BaseModel], name: str) -> Any:
    info = model.model_fields.get(name)
    if info is None:
        return None
    value = info.get_default(call_default_factory=True)
    return None if value is PydanticUndefined else value


def _choice(field: FormField, shown: Any, required: bool, default: Any) -> Select[Any]:
    known = [v for _, v in field.choices]
    wid = f"field-{field.name}"
    if not required:
        return PickSelect(
            list(field.choices),
            id=wid,
            allow_blank=True,
            value=shown if shown in known else Select.NULL,
            prompt="(none)",
        )
    value = next(
        (v for v in (shown, default) if v is not None and v in known),
        known[0] if known else Select.NULL,
    )
    return PickSelect(list(field.choices), id=wid, allow_blank=False, value=value)


def _widget(field: FormField, value: Any, required: bool = False, default: Any = None) -> Widget:
    shown = _shown(field, value)
    wid = f"field-{field.name}"
    if field.kind in ("multiline", "lines"):
        area = TextArea(shown, id=wid, soft_wrap=True, tab_behavior="focus")
        area.border_subtitle = "ctrl+e: $EDITOR"
        return area
    if field.kind == "choice":
        return _choice(field, shown, required, default)
    if field.kind == "multi":
        return MarkedSelectionList(
            *((label, v, v in (shown or [])) for label, v in field.choices), id=wid
        )
    if field.kind == "bool":
        return Checkbox(field.label, value=bool(shown), id=wid)
    return Input(
        shown,
        id=wid,
        placeholder=field.placeholder,
        type="integer" if field.kind == "int" else "text",
    )


def _raw(widget: Widget) -> Any:
    """What the widget holds, as typed."""
    if isinstance(widget, TextArea):
        return widget.text
    if isinstance(widget, Select):
        return None if widget.is_blank() else widget.value
    if isinstance(widget, SelectionList):
        return sorted(map(str, widget.selected))
    if isinstance(widget, (Checkbox, Input)):
        return widget.value
    return None


def _read(field: FormField, widget: Widget) -> Any:
    """The widget's value as the model takes it; raises CareerError/ValueError with a message."""
    if isinstance(widget, TextArea):
        raw: Any = widget.text
    elif isinstance(widget, Select):
        raw = None if widget.is_blank() else widget.value
    elif isinstance(widget, SelectionList):
        raw = list(widget.selected)
    elif isinstance(widget, Checkbox):
        raw = widget.value
    else:
        assert isinstance(widget, Input)
        raw = widget.value
    if field.kind == "lines":
        raw = _lines(raw)
    elif field.kind == "words":
        raw = _words(raw)
    elif field.kind == "date":
        try:
            raw = parse_when(raw, today()) if raw.strip() else None
        except CareerError as exc:
            raise ValueError(named(field.called, str(exc))) from exc
    elif field.kind == "int" and not str(raw).strip():
        raise ValueError(f"{field.called}: enter a whole number")
    return field.parse(raw) if field.parse is not None else raw


class FormScreen(ModalScreen[M | None], Generic[M]):
    BINDINGS = [
        # Priority, so no field takes them (Enter would open a choice, toggle a checkbox). The
        # app runs a priority key's action at once, while the keys typed before it still wait
        # in the field's queue: the save waits for them (:meth:`_after_typed`).
        Binding("ctrl+s", "save", "Save", id="form.save", priority=True),
        Binding("escape", "cancel", "Cancel", id="form.cancel"),
        Binding("enter", "next_field", "Next field", id="form.next", priority=True),
        Binding("ctrl+e", "external_editor", "Write in $EDITOR", id="form.editor", priority=True),
    ]
    #: The footer's order (the footer shows the keys of the screen in front).
    FOOTER_FIRST = ("form.save", "form.cancel", "form.next", "form.editor")

    def __init__(
        self,
        title: str,
        model: type[M],
        fields: Sequence[FormField],
        initial: M | Mapping[str, Any] | None = None,
        *,
        typed: BaseModel | None = None,
        error: str = "",
    ) -> None:
        super().__init__()
        self.form_title = title
        self.model = model
        self.fields = list(fields)
        if isinstance(initial, BaseModel):
            self.base: dict[str, Any] = initial.model_dump()
        else:
            self.base = dict(initial or {})
        #: What the user entered before a save that failed, and why it failed.
        self._typed_before = typed
        self._error = error
        self._as_opened: list[Any] = []

    def _required(self, field: FormField) -> bool:
        if field.required is not None:
            return field.required
        return not _takes_none(self.model, field.name)

    # -- layout --------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        with Vertical(id="form-dialog", classes="dialog"):
            yield Label(self.form_title, classes="dialog-title")
            with VerticalScroll(id="form-fields"):
                for field in self.fields:
                    with Vertical(classes=f"form-field form-{field.kind}", id=f"row-{field.name}"):
                        if field.kind != "bool":
                            yield Label(field.label, classes="field-label")
                        yield _widget(
                            field,
                            self.base.get(field.name),
                            self._required(field),
                            _default(self.model, field.name),
                        )
                        if field.help:
                            yield Static(field.help, classes="field-help")
                        if field.hint is not None:
                            yield Static("", id=f"hint-{field.name}", classes="field-help")
                        yield Static("", id=f"error-{field.name}", classes="field-error")
            yield Static("", id="form-error", classes="field-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save (ctrl+s)", variant="primary", id="form-save")
                yield Button("Cancel (esc)", id="form-cancel")
        yield DashboardFooter()

    def on_mount(self) -> None:
        self._show_hints()
        self._as_opened = self._typed()
        if self.fields:
            self.set_focus(self.widget_for(self.fields[0].name))
        if self._typed_before is not None or self._error:
            # once every field's own parts are mounted (a choice's list of options)
            self.call_after_refresh(self._show_typed)

    def _show_hints(self) -> None:
        hinted = [field for field in self.fields if field.hint is not None]
        if not hinted:
            return
        values = {field.name: _raw(self.widget_for(field.name)) for field in self.fields}
        for field in hinted:
            assert field.hint is not None
            self.query_one(f"#hint-{field.name}", Static).update(Text(field.hint(values)))

    def _show_typed(self) -> None:
        """What was typed before a save that failed, back in the fields, and why."""
        if self._typed_before is not None:
            self.fill(shown_values(self.fields, self._typed_before))
        if self._error:
            self._show_errors({"": f"Not saved: {self._error}"})
        widget = self.focused
        if isinstance(widget, Input):
            widget.action_end()  # as it was typed: the cursor after the text, none selected

    def fill(self, values: Mapping[str, Any]) -> None:
        """Put ``values`` (as the widgets show them, by field name) into the fields."""
        for field in self.fields:
            if field.name in values:
                _put(field, self.widget_for(field.name), values[field.name])

    def _typed(self) -> list[Any]:
        return [_raw(self.widget_for(field.name)) for field in self.fields]

    def widget_for(self, name: str) -> Widget:
        return self.query_one(f"#field-{name}")

    # -- errors --------------------------------------------------------------------------------
    def _show_field_error(self, name: str, message: str) -> None:
        box = self.query_one(f"#error-{name}", Static)
        box.update(message)
        box.set_class(bool(message), "-shown")
        self.query_one(f"#row-{name}").set_class(bool(message), "-invalid")

    def _show_errors(self, errors: dict[str, str]) -> None:
        names = {f.name for f in self.fields}
        for field in self.fields:
            self._show_field_error(field.name, errors.get(field.name, ""))
        other = [
            v if not k else named(field_noun(k), v) for k, v in errors.items() if k not in names
        ]
        form_error = self.query_one("#form-error", Static)
        form_error.update("; ".join(other))
        form_error.set_class(bool(other), "-shown")
        for field in self.fields:
            if field.name in errors:
                widget = self.widget_for(field.name)
                widget.focus()
                widget.scroll_visible()
                break

    def errors(self) -> dict[str, str]:
        """The messages currently shown, by field name (``""`` for the form as a whole)."""
        shown = {
            f.name: str(self.query_one(f"#error-{f.name}", Static).content) for f in self.fields
        }
        shown[""] = str(self.query_one("#form-error", Static).content)
        return {k: v for k, v in shown.items() if v}

    @on(Input.Changed)
    @on(TextArea.Changed)
    @on(Select.Changed)
    @on(SelectionList.SelectedChanged)
    @on(Checkbox.Changed)
    def _field_changed(self) -> None:
        """A field changed: every field message still shown is worked out again, so it goes
        away as soon as the field is valid (or says what is wrong now)."""
        self._show_hints()
        if not self._as_opened:
            return
        shown = {name: message for name, message in self.errors().items() if name}
        if not shown:
            return
        _model, errors = self._check()
        for name in shown:
            self._show_field_error(name, errors.get(name, ""))

    # -- saving --------------------------------------------------------------------------------
    def _check(self) -> tuple[M | None, dict[str, str]]:
        """The model built from what was typed, and the message for each field in error.

        A field left as it was opened keeps the value it was given, exactly: saving a record
        nobody touched writes back what was read."""
        values: dict[str, Any] = {}
        errors: dict[str, str] = {}
        opened = self._as_opened or [None] * len(self.fields)
        for field, as_opened in zip(self.fields, opened, strict=True):
            widget = self.widget_for(field.name)
            if field.name in self.base and self._as_opened and _raw(widget) == as_opened:
                continue
            try:
                values[field.name] = _read(field, widget)
            except (CareerError, ValueError) as exc:
                errors[field.name] = str(exc)
        model: M | None = None
        nouns = {field.name: field.called for field in self.fields}
        try:
            model = self.model.model_validate({**self.base, **values})
        except ValidationError as exc:
            for name, message in readable_errors(exc, nouns).items():
                errors.setdefault(name, message)
        return (None if errors else model), errors

    def build(self) -> M | None:
        """The model built from what was typed, or None with every message shown."""
        model, errors = self._check()
        self._show_errors(errors)
        return model

    def action_save(self) -> None:
        """Dismiss with the model built from what was typed (or show why it cannot be), once
        every key typed before ctrl+s is in its field."""
        self._after_typed(self._save)

    def _after_typed(self, callback: Callable[[], object]) -> None:
        """``callback`` once the keys already typed into the focused field have reached it:
        they wait in the field's queue, and the call goes in behind them."""
        if self.focused is None:
            callback()
        else:
            self.focused.call_later(callback)

    def _save(self) -> None:
        model = self.build()
        if model is not None and self.is_current:
            self.dismiss(model)  # the app saves it; a second Enter finds the form gone

    def action_cancel(self) -> None:
        """Close without saving; ask first if something was typed, so nothing is lost by a
        stray Escape."""
        if self._typed() == self._as_opened:
            self.dismiss(None)
            return
        from careertui.tui.screens.confirm import ConfirmScreen

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(
            ConfirmScreen("Close the form and lose what you typed?", "Discard"), answered
        )

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "form-save":
            self.action_save()
        elif event.button.id == "form-cancel":
            self.action_cancel()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        index = self._field_of(event.input)
        if index is not None:
            self._move_on(index)

    # -- moving through the fields -------------------------------------------------------------
    def _field_of(self, widget: Widget | None) -> int | None:
        """The index of the field whose widget is ``widget``."""
        if widget is None:
            return None
        for index, field in enumerate(self.fields):
            if widget.id == f"field-{field.name}":
                return index
        return None

    def action_next_field(self) -> None:
        """Enter: the next field, or save on the last one. A new line in a long text, a pick in
        an open list of choices and a press of a focused button are left to them."""
        focused = self.focused
        if isinstance(focused, (TextArea, Button)):
            raise SkipAction()
        index = self._field_of(focused)
        if index is None:  # an open list of choices, say
            raise SkipAction()
        self._move_on(index)

    def _move_on(self, index: int) -> None:
        """From field ``index`` to the next (the keys typed from now on go there), or save on
        the last one."""
        if index == len(self.fields) - 1:
            self.action_save()
            return
        # at once (``focus()`` waits its turn behind the keys already sent to the app)
        self.set_focus(self.widget_for(self.fields[index + 1].name))

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """The focused field's whole row (label, widget, message) scrolls into view."""
        index = self._field_of(event.widget)
        if index is None:
            return
        fields = self.query_one("#form-fields", VerticalScroll)
        if index == 0:  # the label above the first field too
            self.call_after_refresh(fields.scroll_home, animate=False)
            return
        row = self.query_one(f"#row-{self.fields[index].name}")
        self.call_after_refresh(fields.scroll_to_widget, row, animate=False)

    # -- $EDITOR -------------------------------------------------------------------------------
    def action_external_editor(self) -> None:
        widget = self.focused
        if not isinstance(widget, (TextArea, Input)):
            self.notify("Move to a text field first, then ctrl+e opens it in $EDITOR")
            return
        initial = widget.text if isinstance(widget, TextArea) else widget.value
        try:
            with self.app.suspend():
                text = edit_text(initial)
        except SuspendNotSupported:
            self.notify("This terminal cannot hand over to $EDITOR", severity="warning")
            return
        except CareerError as exc:
            self.notify(str(exc), severity="error")
            return
        if isinstance(widget, TextArea):
            widget.text = text.rstrip("\n")
        else:
            widget.value = " ".join(text.split())
