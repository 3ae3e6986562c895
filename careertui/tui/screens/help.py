"""``?``: every binding of the app, the dashboard and each pane, with where it works."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.dom import DOMNode
from textual.screen import ModalScreen
from textual.widgets import DataTable, Label, Static

from careertui.tui.widgets.footer import DashboardFooter

#: (where, keys, what it does)
HelpRow = tuple[str, str, str]


def bindings_of(
    node: DOMNode | type[DOMNode], own_only: bool = False, keymap: Mapping[str, str] | None = None
) -> list[Binding]:
    """The bindings declared on ``node``'s class and its bases (subclasses override); with
    ``own_only``, only those declared by careertui's classes (not Textual's scrolling keys);
    with the keys the user's ``keymap`` gives their ids instead of the declared ones."""
    by_key: dict[str, Binding] = {}
    keymap = keymap or {}
    kind = node if isinstance(node, type) else type(node)
    for cls in reversed(kind.__mro__):
        if own_only and not cls.__module__.startswith("careertui."):
            continue
        declared = cls.__dict__.get("BINDINGS")
        if not declared:
            continue
        for binding in Binding.make_bindings(declared):
            if binding.id is not None and binding.id in keymap:
                for key in keymap[binding.id].split(","):
                    by_key[key] = binding.with_key(key, key_display=None)
            else:
                by_key[binding.key] = binding
    return list(by_key.values())


def help_rows(
    where: str,
    node: DOMNode | type[DOMNode],
    display: Callable[[Binding], str],
    own_only: bool = False,
    keymap: Mapping[str, str] | None = None,
) -> list[HelpRow]:
    """Rows for ``node``'s bindings that have a description, keys shown as the footer does
    (the keys in force: the user's ``keymap`` applied)."""
    grouped: dict[str, list[str]] = {}
    for binding in bindings_of(node, own_only, keymap):
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
        yield DashboardFooter()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Where", "Key", "Does")
        table.add_rows(self.rows)
        table.focus()

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(None)
