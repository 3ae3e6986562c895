"""A choice picked by typing: with the (closed) choice focused, typing the start of a label
picks it — ``4`` in a level picks "4 ●●●●○", ``m`` in a category picks the first choice whose
label starts with "m", and typing it again the next one. Space or the arrows open the list as
before; Enter is left to the form (it moves to the next field)."""

from __future__ import annotations

from typing import Any

from textual import events
from textual.widgets import Select


class PickSelect(Select[Any]):
    """A :class:`Select` whose value is picked by typing the start of a label."""

    _typed = ""

    def __init__(self, options: Any, **kwargs: Any) -> None:
        super().__init__(options, **kwargs)
        self._labels: list[tuple[str, Any]] = [(str(label), value) for label, value in options]

    def on_blur(self) -> None:
        self._typed = ""

    def pick(self, text: str) -> bool:
        """Pick the choice whose label starts with ``text`` (the next such after the current
        one when the same key is typed again); whether one did."""
        text = text.casefold()
        matching = [v for label, v in self._labels if label.casefold().startswith(text)]
        if not matching:
            return False
        current = None if self.is_blank() else self.value
        if current in matching and len(text) == 1:
            matching = (
                matching[matching.index(current) + 1 :] + matching[: matching.index(current) + 1]
            )
        self.value = matching[0]
        return True

    def on_key(self, event: events.Key) -> None:
        if self.expanded or event.character is None or not event.is_printable:
            return
        if event.character == " ":
            return  # space opens the list
        event.stop()
        event.prevent_default()
        typed = self._typed + event.character
        if len(typed) > 1 and self.pick(typed):
            self._typed = typed
        elif self.pick(event.character):
            self._typed = event.character
        else:
            self._typed = ""
            self.app.bell()
