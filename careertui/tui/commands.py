"""The command palette's provider: every action by name, gathered from the app and each pane
(``Pane.palette_commands()``), so a pane adds its entries in its own module."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeAlias

from textual.command import DiscoveryHit, Hit, Hits, Provider

#: One entry of the command palette: (name, help, callback). The app, the export commands and
#: every pane build their entries as this.
PaletteCommand: TypeAlias = tuple[str, str, Callable[[], object]]


class CareerCommands(Provider):
    def _commands(self) -> list[PaletteCommand]:
        gather = getattr(self.app, "palette_commands", None)
        return list(gather()) if gather is not None else []

    async def discover(self) -> Hits:
        for name, help_text, callback in self._commands():
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, callback in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)
