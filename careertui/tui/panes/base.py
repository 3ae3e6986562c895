"""What every pane has: a title with its number key, an empty state that teaches the method,
``show(career)`` called by the app at mount and after every change, and palette entries.

A pane never touches the store. It receives models through :meth:`Pane.show` and posts messages
named for what the user meant; the app writes through the repository and pushes fresh data down.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Static

from careertui.store.repository import Career
from careertui.tui.commands import PaletteCommand


class Pane(Vertical, can_focus=True):
    """Base of the four dashboard panes.

    Subclasses set ``TITLE``, ``KEY`` and ``EMPTY_TEXT``, yield their widgets from
    :meth:`compose_body` (give the main ones the class ``pane-body`` so the empty state hides
    them), implement :meth:`show` and :meth:`shows_nothing`, and may override
    :meth:`palette_commands`, and list in ``FOOTER_FIRST`` the ids of their most important keys:
    the footer shows those first, and a narrow footer leaves out the others first.
    """

    ALLOW_MAXIMIZE = True
    TITLE: ClassVar[str] = ""
    KEY: ClassVar[str] = ""
    EMPTY_TEXT: ClassVar[str] = ""
    #: Binding ids the footer shows before the pane's other keys, most important first.
    FOOTER_FIRST: ClassVar[tuple[str, ...]] = ()

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.border_title = f"{self.KEY} {self.TITLE}".strip()

    def compose(self) -> ComposeResult:
        yield Static(self.EMPTY_TEXT, classes="pane-empty")
        yield from self.compose_body()

    def compose_body(self) -> ComposeResult:
        yield from ()

    # -- what the app calls ----------------------------------------------------------------
    def show(self, career: Career) -> None:
        """Display ``career``. Called at mount and after every change: keep it cheap."""
        raise NotImplementedError

    def shows_nothing(self, career: Career) -> bool:
        """Whether ``career`` holds nothing for this pane (then it shows its empty state, which
        teaches the method)."""
        raise NotImplementedError

    def palette_commands(self) -> list[PaletteCommand]:
        """Entries this pane offers the command palette."""
        return []

    def select(self, record_id: str) -> None:
        """Put the cursor on the record ``record_id`` if this pane shows it (the app calls it
        once a record the user just added is on screen, so the next key acts on it)."""

    # -- helpers for subclasses ----------------------------------------------------------
    def set_empty(self, empty: bool) -> None:
        """Show the empty state instead of the pane's body (or the body again)."""
        self.set_class(empty, "-empty")

    def main_widget(self) -> Widget | None:
        """The widget that takes focus when the pane is chosen (``1``–``4``, ``tab``)."""
        for widget in self.query(".pane-body"):
            if widget.focusable:
                return widget
            for child in widget.query("*"):
                if child.focusable:
                    return child
        return None

    def focus_pane(self) -> None:
        target = None if self.has_class("-empty") else self.main_widget()
        # set_focus now, not focus() (deferred): a key pressed right after the pane's number
        # must reach this pane
        self.screen.set_focus(target or self)

    def owns_focus(self) -> bool:
        focused = self.screen.focused if self.is_attached else None
        return focused is not None and (focused is self or self in focused.ancestors)
