"""Keys pressed while a form's record is being saved: held, never acting on the dashboard the
form closed over, and replayed once the record is stored (the user, having pressed Enter, goes
on typing to the dashboard); dropped when the save fails and the form comes back.

The dashboard owns one :class:`KeyHold`, started when it saves what a form dismissed with; the
app offers it every key first (:meth:`KeyHold.take`).
"""

from __future__ import annotations

from textual import events
from textual.app import App

#: Escape while holding: the user does not want to wait for the save; the keys held so far are
#: pressed now and the next ones act at once (the save goes on).
RELEASE = frozenset({"escape"})
#: Save keys pressed again before any other key repeat the save: swallowed, not replayed (a
#: second Enter would otherwise open whatever the dashboard's cursor is on).
REPEATED_SAVE = frozenset({"enter", "ctrl+s"})


class KeyHold:
    def __init__(self) -> None:
        self.holding = False
        self._keys: list[tuple[str, str | None]] = []
        self._app: App[object] | None = None

    def start(self, app: App[object]) -> None:
        """Hold the keys from now on (those already held stay held)."""
        if not self.holding:
            self._keys = []
        self.holding = True
        self._app = app

    def take(self, event: events.Key) -> bool:
        """Hold ``event`` if holding (and stop it reaching anything); whether it was held."""
        if not self.holding:
            return False
        event.stop()
        event.prevent_default()
        if event.key in RELEASE:
            if self._app is not None:
                self.replay(self._app)
            return True
        if self._keys or event.key not in REPEATED_SAVE:
            self._keys.append((event.key, event.character))
        return True

    def drop(self) -> None:
        """The save failed: the held keys are forgotten (they were meant for a screen the user
        does not get: the form comes back)."""
        self.holding = False
        self._keys = []

    def replay(self, app: App[object]) -> None:
        """The record is stored: press the held keys again, in order, on the screen now shown."""
        keys, self._keys = self._keys, []
        self.holding = False
        if keys:
            _after_refresh(app, keys)


#: Seconds after which the screen is redrawn anyway, so a key that changed nothing on screen
#: does not keep the next ones waiting.
NUDGE = 0.2


def _after_refresh(app: App[object], keys: list[tuple[str, str | None]]) -> None:
    app.call_after_refresh(_press, app, keys)
    screen = app.screen

    def nudge() -> None:
        # a screen the last key opened draws itself once it is whole: leave it be (and an app
        # on its way out, its screens gone, has nothing to draw)
        if app.screen_stack and app.screen_stack[-1] is screen:
            screen.refresh()

    app.set_timer(NUDGE, nudge)


def _press(app: App[object], keys: list[tuple[str, str | None]]) -> None:
    """Press the first key, and the rest once the screen has caught up with it (a key that
    opens a form has the form open before the next key arrives, as when typed)."""
    (key, character), rest = keys[0], keys[1:]
    # sent by the app, as a typed key is: it bubbles all the way up to the app's bindings
    app.post_message(events.Key(key, character).set_sender(app))
    if rest:
        _after_refresh(app, rest)
