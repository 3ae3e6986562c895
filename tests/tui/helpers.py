"""What the user sees, read from the widgets the way they are drawn."""

from __future__ import annotations

from textual.app import App
from textual.widget import Widget
from textual.widgets import Static
from textual.widgets._toast import Toast


def text(widget: Widget) -> str:
    """The plain text a widget shows."""
    if isinstance(widget, Static):
        return str(widget.render())
    return str(widget.render())


def toasts(app: App) -> list[str]:
    """The notifications on screen."""
    return [str(toast.render()) for toast in app.screen.query(Toast)]


def visible(widget: Widget) -> bool:
    """Whether the widget takes space on screen (displayed, with its ancestors, and not empty)."""
    if not widget.display or any(not getattr(a, "display", True) for a in widget.ancestors):
        return False
    return widget.region.width > 0 and widget.region.height > 0
