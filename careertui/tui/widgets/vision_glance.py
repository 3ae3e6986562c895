"""The vision at a glance: one line a section with its first items, as many sections as the
height holds.

The vision pane shows it while another pane is active, so the whole map reads at a glance without
zooming; the pane's outline, where every item is a row to act on, takes its place when the user
turns to the pane.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.text import Text
from textual.widget import Widget

#: Cells between a section's name and its items.
LABEL_GAP = 1


@dataclass(frozen=True)
class GlanceLine:
    """One section: its short name and its items, most important first."""

    label: str
    items: tuple[str, ...]
    #: Shown when the section has no items.
    empty: str = "none yet"
    #: Left out, like an empty section, before the other sections are cut.
    spare: bool = False


class VisionGlance(Widget):
    """The destination and one line a section, each cut at the width; sections that do not fit
    are named on a last line."""

    DEFAULT_CSS = """
    VisionGlance { height: 1fr; }
    VisionGlance > .vision-glance--label { color: $accent; text-style: bold; }
    VisionGlance > .vision-glance--muted { color: $text-muted; }
    """
    COMPONENT_CLASSES = {
        "vision-glance--label",
        "vision-glance--muted",
    }

    def __init__(
        self, more: str = "", *, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(id=id, classes=classes)
        #: How to see the sections that do not fit (after their names on the last line).
        self.more = more
        self._sections: tuple[GlanceLine, ...] = ()

    def show(self, sections: Sequence[GlanceLine]) -> None:
        """Show ``sections`` (redraws only when they changed)."""
        if tuple(sections) == self._sections:
            return
        self._sections = tuple(sections)
        self.refresh()

    def lines(self, height: int) -> list[tuple[GlanceLine | None, str]]:
        """The sections ``height`` lines show, one line each, in order; when they do not all
        fit, empty ones are left out first, then spare ones, then the last line names the
        rest."""
        shown: list[GlanceLine] = list(self._sections)
        room = max(height, 1)
        for leave_out in (lambda line: not line.items, lambda line: line.spare):
            for line in reversed(self._sections):
                if len(shown) <= room:
                    break
                if line in shown and leave_out(line):
                    shown.remove(line)
        result: list[tuple[GlanceLine | None, str]] = [(line, "") for line in shown]
        if len(shown) > room:
            result = result[: room - 1]
            rest = [line.label for line in shown[room - 1 :]]
            result.append((None, f"+ {', '.join(rest)}: {self.more}"))
        return result

    def render(self) -> Text:
        width = self.content_region.width or self.size.width
        height = self.size.height
        label_width = max((len(line.label) for line in self._sections), default=0) + LABEL_GAP
        label_style = self.get_component_rich_style("vision-glance--label")
        muted = self.get_component_rich_style("vision-glance--muted")
        chosen = self.lines(height)
        # Lines to spare go to the sections, in order, whose items do not fit on one line.
        spare = height - len(chosen)
        rows: list[Text] = []
        for section, plain in chosen:
            if section is None:
                rows.append(Text(plain, style=muted))
                continue
            body = (
                Text(" · ".join(section.items))
                if section.items
                else Text(section.empty, style=muted)
            )
            wrapped = body.wrap(self.app.console, max(width - label_width, 1))
            take = min(len(wrapped), 1 + max(spare, 0))
            spare -= take - 1
            for number, part in enumerate(wrapped[:take]):
                row = Text(no_wrap=True, end="")
                label = section.label if number == 0 else ""
                row.append(label.ljust(label_width), label_style)
                row.append_text(part)
                if number == take - 1 and take < len(wrapped):
                    row.append(" " + " ".join(w.plain for w in wrapped[take:]))
                rows.append(row)
        out = Text(no_wrap=True, end="")
        for number, row in enumerate(rows):
            row.truncate(width, overflow="ellipsis")
            if number:
                out.append("\n")
            out.append_text(row)
        return out
