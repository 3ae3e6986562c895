"""``?``: every binding of the app, the dashboard and each pane, with where it works."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.dom import DOMNode
from textual.screen import ModalScreen
from textual.widgets import DataTable, Label, Static

#: (where, keys, what it does)
HelpRow = tuple[str, str, str]


def bindings_of(node: DOMNode, own_only: bool = False) -> list[Binding]:
    """The bindings declared on ``node``'s class and its bases (subclasses override); with
    ``own_only``, only those declared by careertui's classes (not Textual's scrolling keys)."""
    by_key: dict[str, Binding] = {}
    for cls in reversed(type(node).__mro__):
        if own_only and not cls.__module__.startswith("careertui."):
            continue
        declared = cls.__dict__.get("BINDINGS")
        if not declared:
            continue
        for binding in Binding.make_bindings(declared):
            by_key[binding.key] = binding
    return list(by_key.values())


def help_rows(
    where: str, node: DOMNode, display: Callable[[Binding], str], own_only: bool = False
) -> list[HelpRow]:
    """Rows for ``node``'s bindings that have a description, keys shown as the footer does."""
    grouped: dict[str, list[str]] = {}
    for binding in bindings_of(node, own_only):
        if binding.description and binding.system is False:
            grouped.setdefault(binding.description, []).append(display(binding))
    return [(where, " / ".join(keys), description) for description, keys in grouped.items()]


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,question_mark,q", "dismiss", "Close", id="help.close")]

    def __init__(self, rows: Sequence[HelpRow], notes: Iterable[str] = ()) -> None:
        super().__init__()
        self.rows = list(rows)
        self.notes = list(notes)

    def compose(self) -> ComposeResult:
        with Vertical(id="help-dialog", classes="dialog"):
            yield Label("Keys", classes="dialog-title")
            yield DataTable(id="help-table", cursor_type="row", zebra_stripes=True)
            for note in self.notes:
                yield Static(note, classes="field-help")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Where", "Key", "Does")
        table.add_rows(self.rows)
        table.focus()

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(None)
