"""The accomplishment journal: wins newest first, the selected win in full, a filter, and at a
glance the wins per week and how much of the recent work serves a company priority.

The pane only shows and asks: it posts :class:`JournalPane.WinFormRequested`,
:class:`JournalPane.WinDeleteRequested`, :class:`JournalPane.WinStarToggled`,
:class:`JournalPane.WinToldRequested` and :class:`JournalPane.UndoDeleteRequested`; the
dashboard writes (:mod:`careertui.tui.dashboard.journal`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.widgets import Input, Sparkline, Static

from careertui.domain import journal as rules
from careertui.domain.clock import today
from careertui.domain.dates import shown
from careertui.domain.ladder import competency_names
from careertui.domain.models import Win
from careertui.domain.priorities import alignment, period_text
from careertui.store.repository import Career
from careertui.tui.commands import PaletteCommand
from careertui.tui.panes.base import Pane
from careertui.tui.widgets.filter_suggester import FilterSuggester
from careertui.tui.widgets.prose import Prose
from careertui.tui.widgets.win_list import WinList


class JournalPane(Pane):
    TITLE = "Journal"
    KEY = "4"
    EMPTY_TEXT = (
        "Last, and every day: the wins that prove you are closing the gaps. "
        "Press w to log one in a line, or n for the full form (impact, metrics, the priority "
        "it serves)."
    )
    FOOTER_FIRST = ("journal.new", "journal.edit", "journal.filter", "journal.star", "journal.told")
    BINDINGS = [
        Binding("n", "new", "New win", id="journal.new"),
        Binding("e", "edit", "Edit", id="journal.edit"),
        Binding("d", "delete", "Delete", id="journal.delete"),
        Binding("u", "undo", "Undo delete", id="journal.undo"),
        Binding("asterisk", "star", "Star", id="journal.star"),
        Binding("o", "told", "Told", id="journal.told"),
        Binding("slash", "filter", "Filter", id="journal.filter"),
    ]

    # -- messages: what the user meant ------------------------------------------------------
    @dataclass
    class WinFormRequested(Message):
        """The user wants the full form: a new win (``win`` None) or to edit ``win``."""

        win: Win | None

    @dataclass
    class WinDeleteRequested(Message):
        """The user wants ``win`` deleted (``u`` brings it back)."""

        win: Win

    @dataclass
    class WinStarToggled(Message):
        """The user starred ``win``, or took its star away."""

        win: Win

    @dataclass
    class WinToldRequested(Message):
        """The user told someone about ``win`` today: whom, they choose next."""

        win: Win

    @dataclass
    class UndoDeleteRequested(Message):
        """The user wants the last deleted win back."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.career: Career | None = None
        #: The day the glance line (sparkline, alignment) was last drawn for.
        self._glanced_on: dt.date | None = None
        #: What each Static of the pane shows, by selector.
        self._drawn: dict[str, Text | str] = {}
        self.filter = rules.WinFilter()
        self._search: rules.WinSearch | None = None
        #: the filter text and career the list shows the result for
        self._shown: tuple[str, Career] | None = None
        self._refilter_pending = False

    def compose(self) -> ComposeResult:
        yield Static(self.EMPTY_TEXT, classes="pane-empty", id="journal-empty")
        with Horizontal(id="journal-glance", classes="pane-body"):
            yield Static("26 wks", id="journal-weeks-label")
            yield Sparkline([], id="journal-weeks")
            yield Static(id="journal-alignment")
        yield Input(
            placeholder="filter: words #tag priority:… gap:… with:… * from:… to:…  (→ completes)",
            id="journal-filter",
            suggester=FilterSuggester(lambda: self.career),
        )
        yield Static(id="journal-count", classes="pane-body")
        yield WinList(id="win-list", classes="pane-body")
        with VerticalScroll(id="win-details", classes="pane-body"):
            yield Static(id="win-heading")
            yield Prose(id="win-body")
            yield Static(id="win-facts")

    # -- data ----------------------------------------------------------------------------------
    def shows_nothing(self, career: Career) -> bool:
        return not career.wins

    def show(self, career: Career) -> None:
        if self._search is None or career.wins is not self._search.wins:
            self._search = rules.WinSearch(career.wins, previous=self._search)
        before, self.career = self.career, career
        self.set_empty(self.shows_nothing(career))
        on = today()
        # The glance line reads every win: redrawn only when the wins, priorities or day changed.
        if self._glanced_on != on or career.changed_since(before) & {
            "wins",
            "priorities",
            "archived_priorities",
        }:
            self._glanced_on = on
            self._show_glance(career, on)
        self._shown = None  # a career pushed: filter it now, with what is typed
        self._refilter()

    def _show_glance(self, career: Career, on: dt.date) -> None:
        weeks = rules.wins_per_week(career.wins, on)
        self.query_one("#journal-weeks", Sparkline).data = weeks
        self.query_one(
            "#journal-weeks", Sparkline
        ).tooltip = f"Wins per week over the last {len(weeks)} weeks ({sum(weeks)} in all)"
        every = [*career.priorities, *career.archived_priorities]
        share = alignment(career.wins, every, on)
        glance = Text()
        if not every:
            glance.append(
                "no company priorities yet: add them to see what your wins serve", style="dim"
            )
        else:
            glance.append(f"{share.percent}%" if share.percent is not None else "–", style="bold")
            glance.append(f" of {share.days}-day wins on a priority", style="dim")
        alignment_box = self.query_one("#journal-alignment", Static)
        alignment_box.tooltip = str(share)
        alignment_box.update(glance)

    def _refilter(self) -> None:
        """Show the wins the filter's current text keeps (nothing to do when the list already
        shows them for this career)."""
        career = self.career
        search = self._search
        if career is None or search is None:
            return
        text = self.query_one("#journal-filter", Input).value
        if self._shown is not None and self._shown[0] == text and self._shown[1] is career:
            return
        self._shown = (text, career)
        self.filter = rules.parse_filter(
            text,
            priorities=[*career.priorities, *career.archived_priorities],
            gaps=career.gaps,
            stakeholders=career.stakeholders,
            competencies=competency_names(career.vision),
            today=today(),
        )
        wins = search.apply(self.filter)
        priorities = {
            **{p.id: f"{p.title} (archived)" for p in career.archived_priorities},
            **{p.id: p.title for p in career.priorities},
        }
        self.query_one(WinList).set_wins(wins, priorities)
        total = len(career.wins)
        count = Text()
        if self.filter.active:
            count.append(f"{len(wins)} of {total} wins match", style="bold")
            if self.filter.problems:
                count.append("  " + "; ".join(self.filter.problems), style="italic")
        else:
            count.append(f"{total} win{'s' if total != 1 else ''}", style="dim")
            count.append("  / filters", style="dim")
        self._put("#journal-count", count)
        if not wins:
            self._show_details(None)

    # -- details -------------------------------------------------------------------------------
    def on_win_list_highlighted(self, message: WinList.Highlighted) -> None:
        message.stop()
        self._show_details(message.win)

    def _show_details(self, win: Win | None) -> None:
        body = self.query_one("#win-body", Prose)
        career = self.career
        if win is None or career is None:
            self._put(
                "#win-heading",
                Text("No win matches the filter." if self.filter.active else "", style="dim"),
            )
            body.update("")
            self._put("#win-facts", "")
            return
        title = Text()
        title.append(("★ " if win.starred else ""), style="bold yellow")
        title.append(win.title, style="bold")
        title.append(f"  {shown(win.date)}", style="dim")
        self._put("#win-heading", title)
        body.update(win.body)
        self._put("#win-facts", self._facts(win, career))

    def _put(self, selector: str, content: Text | str) -> None:
        """Show ``content`` in a Static, unless it shows that already: every update lays out
        the screen again, which after a save would repaint every pane for nothing."""
        if self._drawn.get(selector) != content:
            self._drawn[selector] = content
            self.query_one(selector, Static).update(content)

    @staticmethod
    def _facts(win: Win, career: Career) -> Text:
        names = {
            **{p.id: f"{p.title} (archived, {period_text(p)})" for p in career.archived_priorities},
            **{p.id: p.title for p in career.priorities},
            **{g.id: g.title for g in career.gaps},
            **{s.id: s.name for s in career.stakeholders},
        }
        text = Text()

        def line(label: str, value: str) -> None:
            if value:
                text.append(f"{label}: ", style="bold").append(value + "\n")

        line("Impact", win.impact)
        for metric in win.metrics:
            line(f"{metric.kind.capitalize()} metric", str(metric))
        line("Serves", names.get(win.priority_id or "", "") if win.priority_id else "")
        line("Gaps", ", ".join(names.get(i, "(removed)") for i in win.gap_ids))
        line("With", ", ".join(names.get(i, "(removed)") for i in win.stakeholder_ids))
        line("Tags", " ".join(f"#{t}" for t in win.tags))
        line(
            "Told",
            ", ".join(
                f"{names.get(t.stakeholder_id, '(removed)')} ({shown(t.date)})" for t in win.told
            ),
        )
        return text

    # -- filter ----------------------------------------------------------------------------------
    def action_filter(self) -> None:
        box = self.query_one("#journal-filter", Input)
        box.add_class("-open")
        box.focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        """A key in the filter: the character is painted first, then the list follows. Keys
        that arrive before the list caught up are folded into one refilter, which reads the
        text as it is then, so the list always ends on the result for the last key."""
        if event.input.id == "journal-filter":
            event.stop()
            if not self._refilter_pending:
                self._refilter_pending = True
                self.call_after_refresh(self._catch_up)

    def _catch_up(self) -> None:
        self._refilter_pending = False
        if self.is_attached:
            self._refilter()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "journal-filter":
            event.stop()
            self._refilter()  # the list the next key acts on is the one for this text
            if not event.value.strip():
                event.input.remove_class("-open")
            self.query_one(WinList).focus()

    def on_key(self, event) -> None:  # noqa: ANN001
        box = self.query_one("#journal-filter", Input)
        if event.key == "escape" and box.has_focus:
            event.stop()
            box.value = ""
            self._refilter()
            box.remove_class("-open")
            self.query_one(WinList).focus()

    def set_filter(self, text: str) -> None:
        box = self.query_one("#journal-filter", Input)
        box.value = text
        box.set_class(bool(text), "-open")
        self._refilter()

    # -- asking the app --------------------------------------------------------------------------
    def _selected(self) -> Win | None:
        win = self.query_one(WinList).highlighted
        if win is None:
            self.notify("No win selected", severity="warning")
        return win

    def action_new(self) -> None:
        self.post_message(self.WinFormRequested(None))

    def action_edit(self) -> None:
        if (win := self._selected()) is not None:
            self.post_message(self.WinFormRequested(win))

    def action_delete(self) -> None:
        if (win := self._selected()) is not None:
            self.post_message(self.WinDeleteRequested(win))

    def action_star(self) -> None:
        if (win := self._selected()) is not None:
            self.post_message(self.WinStarToggled(win))

    def action_told(self) -> None:
        if (win := self._selected()) is not None:
            self.post_message(self.WinToldRequested(win))

    def action_undo(self) -> None:
        self.post_message(self.UndoDeleteRequested())

    def select(self, record_id: str) -> None:
        """Select the win ``record_id`` (just logged or restored), if the filter shows it."""
        self.query_one(WinList).select_id(record_id)

    def main_widget(self) -> WinList:
        return self.query_one(WinList)

    def palette_commands(self) -> list[PaletteCommand]:
        def focus_then(action):  # noqa: ANN001, ANN202
            def run() -> None:
                self.focus_pane()
                action()

            return run

        return [
            (
                "New win (full form)",
                "Every field: impact, metrics, priority, gaps, people",
                focus_then(self.action_new),
            ),
            (
                "Filter wins",
                "Free text, #tag, priority:, gap:, with:, *, from:, to:",
                focus_then(self.action_filter),
            ),
            (
                "Show starred wins",
                "Filter the journal to starred wins",
                focus_then(lambda: self.set_filter("*")),
            ),
            (
                "Edit the selected win",
                "The full form for the win under the cursor (e)",
                focus_then(self.action_edit),
            ),
            ("Star the selected win", "Or take its star away (*)", focus_then(self.action_star)),
            (
                "Told someone about the selected win",
                "Record whom you shared it with, today (o)",
                focus_then(self.action_told),
            ),
            (
                "Delete the selected win",
                "After confirmation; u undoes (d)",
                focus_then(self.action_delete),
            ),
            (
                "Undo the last delete",
                "Bring back the win deleted last (u)",
                focus_then(self.action_undo),
            ),
        ]
