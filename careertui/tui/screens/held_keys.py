"""Keys pressed while a form saves: held, never typed into the form, and replayed to the screen
below once the form has closed (the user, having pressed Enter, expects the dashboard back and
goes on typing to it).

A form owns one :class:`KeyHold`; its ``on_key`` offers each key to :meth:`KeyHold.take`.
"""

from __future__ import annotations

from textual import events
from textual.app import App

#: Keys a saving form still acts on itself (Escape closes it; the save goes on).
PASSED_THROUGH = frozenset({"escape"})
#: Save keys pressed again before any other key repeat the save: swallowed, not replayed (a
#: second Enter would otherwise open whatever the dashboard's cursor is on).
REPEATED_SAVE = frozenset({"enter", "ctrl+s"})


class KeyHold:
    def __init__(self) -> None:
        self.holding = False
        self._keys: list[tuple[str, str | None]] = []

    def start(self) -> None:
        self.holding = True
        self._keys = []

    def take(self, event: events.Key) -> bool:
        """Hold ``event`` if saving (and stop it reaching the form); whether it was held."""
        if not self.holding or event.key in PASSED_THROUGH:
            return False
        event.stop()
        event.prevent_default()
        if self._keys or event.key not in REPEATED_SAVE:
            self._keys.append((event.key, event.character))
        return True

    def drop(self) -> None:
        """The save failed: the form is editable again and the held keys are forgotten (they
        were meant for a screen the user did not get back)."""
        self.holding = False
        self._keys = []

    def replay(self, app: App[object]) -> None:
        """The form closed: press the held keys again, in order, on the screen now shown."""
        keys, self._keys = self._keys, []
        self.holding = False
        if keys:
            app.call_after_refresh(_press, app, keys)


def _press(app: App[object], keys: list[tuple[str, str | None]]) -> None:
    """Press the first key, and the rest once the screen has caught up with it (a key that
    opens a form has the form open before the next key arrives, as when typed)."""
    (key, character), rest = keys[0], keys[1:]
    app.post_message(events.Key(key, character))
    if rest:
        app.call_after_refresh(_press, app, rest)
