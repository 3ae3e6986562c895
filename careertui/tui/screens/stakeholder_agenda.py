"""The next check-in's agenda, shown as Markdown: ``c`` copies it, ``s`` saves it as a file.

The screen shows what it is given. Copying goes to the terminal's clipboard; saving is asked of
the app (:class:`StakeholderAgendaScreen.SaveRequested`), which saves it with the exports,
outside the data directory (:func:`careertui.exchange.files.export_directory`), and tells the
user the file's full path.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Markdown

from careertui.domain.stakeholders import Agenda
from careertui.exchange.agenda import to_markdown
from careertui.tui.widgets.footer import DashboardFooter


class StakeholderAgendaScreen(ModalScreen[None]):
    """The agenda for one person's next check-in."""

    CSS_PATH = "stakeholder_agenda.tcss"

    BINDINGS = [
        Binding("escape,q", "close", "Close", id="stakeholder_agenda.close"),
        Binding("c,y", "copy", "Copy", id="stakeholder_agenda.copy"),
        Binding("s", "save", "Save as Markdown", id="stakeholder_agenda.save"),
    ]

    class SaveRequested(Message):
        """The user wants the agenda saved as a Markdown file (with the exports, outside the
        data directory)."""

        def __init__(self, agenda: Agenda) -> None:
            super().__init__()
            self.agenda = agenda

    def __init__(self, agenda: Agenda) -> None:
        super().__init__()
        self.agenda = agenda
        self.markdown = to_markdown(agenda)

    def compose(self) -> ComposeResult:
        with (
            Vertical(id="stakeholder-agenda"),
            VerticalScroll(id="stakeholder-agenda-body"),
        ):
            yield Markdown(self.markdown, id="stakeholder-agenda-text")
        yield DashboardFooter()

    def on_mount(self) -> None:
        self.query_one("#stakeholder-agenda-body").focus()

    def action_close(self) -> None:
        self.dismiss(None)

    def action_copy(self) -> None:
        self.app.copy_to_clipboard(self.markdown)
        self.notify(f"Agenda for {self.agenda.person.name} copied to the clipboard")

    def action_save(self) -> None:
        self.post_message(self.SaveRequested(self.agenda))
