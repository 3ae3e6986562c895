"""The dashboard's footer: the keys that matter most first, and only as many as fit.

Logging a win comes first (the daily use); then the keys the pane with the focus names as its
most important (its ``FOOTER_FIRST``); then the other keys of the focused widget, the pane and
the dashboard, in the order they are declared; help and quit close the row. When the row is too
narrow, keys leave from the end of the middle part, so ``w``, ``?`` and ``q`` are always there.

Textual's Footer schedules a full recompose after the next refresh every time the bindings
change, and a focus move changes them several times in a row (five times while the dashboard
starts, each recompose rebuilding every key). The result depends only on the bindings and the
width at the time it runs, so one pending recompose is enough.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import groupby

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey, FooterLabel, KeyGroup

#: Binding ids shown before every other key.
FIRST = ("dashboard.log_win",)
#: Binding ids shown after every other key.
LAST = ("app.help", "dashboard.quit")


@dataclass(frozen=True)
class Shown:
    """One entry of the footer: a key, or keys of one group under one label."""

    bindings: tuple[tuple[Binding, bool, str], ...]
    grouped: bool

    def width(self, key_display: dict[str, str]) -> int:
        """The cells the entry takes in the footer (Textual's Footer, not compact)."""
        if self.grouped:
            keys = sum(cell_len(key_display[b.key]) for b, _, _ in self.bindings)
            label = self.bindings[0][0].group
            return 1 + keys + 1 + cell_len(label.description if label else "") + 1
        binding = self.bindings[0][0]
        return cell_len(key_display[binding.key]) + 2 + cell_len(binding.description) + 1


def entries(bindings: list[tuple[Binding, bool, str]]) -> list[Shown]:
    """The footer's entries for ``bindings`` in the order given: one per action, and one for
    the keys of a group shown together."""
    by_action: defaultdict[str, list[tuple[Binding, bool, str]]] = defaultdict(list)
    for item in bindings:
        by_action[item[0].action].append(item)
    found: list[Shown] = []
    for group, same in groupby(by_action.values(), lambda items: items[0][0].group):
        actions = list(same)
        if group is not None and len(actions) > 1:
            found.append(Shown(tuple(items[0] for items in actions), grouped=True))
        else:
            found.extend(Shown((items[0],), grouped=False) for items in actions)
    return found


def fitting(
    found: list[Shown], widths: list[int], room: int, leading: tuple[str, ...] = ()
) -> list[Shown]:
    """``found`` in footer order, without the entries of least importance that do not fit in
    ``room`` cells: first the ones pinned by :data:`FIRST`, then the middle ones (those with a
    binding id in ``leading`` first, in its order, then the rest as given), then :data:`LAST`;
    the middle ones leave from its end."""

    def pinned(entry: Shown, ids: tuple[str, ...]) -> bool:
        return any(b.id in ids for b, _, _ in entry.bindings)

    def rank(entry: Shown) -> int:
        ids = [b.id for b, _, _ in entry.bindings]
        for pins in (FIRST, LAST):
            for spot, pin in enumerate(pins):
                if pin in ids:
                    return spot
        return 0

    width = dict(zip(map(id, found), widths, strict=True))
    first = sorted((e for e in found if pinned(e, FIRST)), key=rank)
    last = sorted((e for e in found if pinned(e, LAST)), key=rank)

    def lead(entry: Shown) -> int:
        spots = [leading.index(b.id) for b, _, _ in entry.bindings if b.id in leading]
        return min(spots, default=len(leading))

    middle = sorted((e for e in found if not pinned(e, FIRST) and not pinned(e, LAST)), key=lead)
    left = room - sum(width[id(e)] for e in (*first, *last))
    kept: list[Shown] = []
    for entry in middle:
        if width[id(entry)] > left:
            break
        left -= width[id(entry)]
        kept.append(entry)
    return [*first, *kept, *last]


class DashboardFooter(Footer):
    _recompose_pending = False
    #: The width the keys were last chosen for.
    _composed_width = -1

    def compose(self) -> ComposeResult:
        if not self._bindings_ready:
            return
        self._composed_width = self.size.width
        active = self.screen.active_bindings
        shown = [
            (binding, enabled, tooltip)
            for (_, binding, enabled, tooltip) in active.values()
            if binding.show
        ]
        found = entries(shown)
        display = {
            b.key: self.app.get_key_display(b) for entry in found for b, _, _ in entry.bindings
        }
        palette = self._palette_key()
        room = self.size.width or 10_000
        if palette is not None:
            room -= cell_len(palette.key_display) + 2 + cell_len(palette.description) + 2
        widths = [entry.width(display) for entry in found]
        for entry in fitting(found, widths, room, self._leading()):
            yield from self._keys(entry, display)
        if palette is not None:
            yield palette

    def _leading(self) -> tuple[str, ...]:
        """The binding ids the focused widget and its containers name as their most important."""
        focused = self.screen.focused
        if focused is None:
            return ()
        return tuple(
            binding_id
            for node in (focused, *focused.ancestors)
            for binding_id in getattr(node, "FOOTER_FIRST", ())
        )

    def _keys(self, entry: Shown, display: dict[str, str]) -> Iterator[Widget]:
        if entry.grouped:
            group = entry.bindings[0][0].group
            assert group is not None
            with KeyGroup(classes="-compact" if group.compact else ""):
                for binding, enabled, tooltip in entry.bindings:
                    yield FooterKey(
                        binding.key,
                        display[binding.key],
                        "",
                        binding.action,
                        disabled=not enabled,
                        tooltip=tooltip or binding.description,
                        classes="-grouped",
                    ).data_bind(compact=Footer.compact)
            yield FooterLabel(group.description)
            return
        binding, enabled, tooltip = entry.bindings[0]
        yield FooterKey(
            binding.key,
            display[binding.key],
            binding.description,
            binding.action,
            disabled=not enabled,
            tooltip=tooltip,
        ).data_bind(compact=Footer.compact)

    def _palette_key(self) -> FooterKey | None:
        if not (self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE):
            return None
        found = self.screen.active_bindings.get(self.app.COMMAND_PALETTE_BINDING)
        if found is None:
            return None
        _node, binding, enabled, _tooltip = found
        return FooterKey(
            binding.key,
            self.app.get_key_display(binding),
            binding.description,
            binding.action,
            classes="-command-palette",
            disabled=not enabled,
            tooltip=binding.tooltip or binding.description,
        )

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen:
            self._recompose_soon()

    def on_resize(self, event: events.Resize) -> None:
        if self._bindings_ready and event.size.width != self._composed_width:
            self._recompose_soon()

    def _recompose_soon(self) -> None:
        if not self._recompose_pending:
            self._recompose_pending = True
            self.call_after_refresh(self._recompose_once)

    async def _recompose_once(self) -> None:
        self._recompose_pending = False  # a change from here on needs a recompose of its own
        await self.recompose()
