"""The dashboard's footer: Textual's, recomposed once for any number of binding changes.

Textual's Footer schedules a full recompose after the next refresh every time the bindings
change, and a focus move changes them several times in a row (five times while the dashboard
starts, each recompose rebuilding every key). The result depends only on the bindings at the
time it runs, so one pending recompose is enough.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer


class DashboardFooter(Footer):
    _recompose_pending = False

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen and not self._recompose_pending:
            self._recompose_pending = True
            self.call_after_refresh(self._recompose_once)

    async def _recompose_once(self) -> None:
        self._recompose_pending = False  # a change from here on needs a recompose of its own
        await self.recompose()
