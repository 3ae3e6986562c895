"""The kinds of export: the one table the command line, the command palette and the exchange
layer read.

Each :class:`ExportKind` row says everything about one document a user can make of their
career:

- ``name``: what follows ``careertui export`` on the command line (``careertui export brag``);
- ``title``: what messages call it ("brag document written to …");
- ``palette_name`` and ``palette_help``: its entry in the app's command palette;
- ``renderer``: the function that renders it, as ``"module:function"``; it is imported only
  when an export is made, so reading this table loads no exporter. It is called as
  ``function(career, **options)`` and returns the text of the export;
- ``options``: the keyword arguments the renderer takes among :data:`RENDER_OPTIONS`; a kind
  whose renderer takes ``start`` and ``end`` covers a date range and accepts ``--from``/``--to``
  on the command line; a kind whose renderer takes ``private`` and ``fmt`` is a *document*:
  shareable unless ``private=True`` (``--private``), Markdown or HTML by ``fmt`` (``--format``);
- ``stem`` and ``extension``: the file the app saves, ``{stem}-{date}.{extension}``; a JSON
  export printed to a terminal stays valid JSON. A document saved as HTML ends in ``.html``
  instead (:meth:`ExportKind.extension_for`).

Everything else derives from :data:`EXPORT_KINDS`: the choices, help and messages of
``careertui export``, the palette's export commands (:mod:`careertui.tui.exports`) and the
files :mod:`careertui.exchange.exports` renders and saves. Adding a kind is adding a row (and
writing its renderer).

The table sits beside the command line rather than in the exchange layer because the command
line reads it on every start, ``careertui win`` included, and that must not load the exchange
layer: this module imports nothing of careertui's and nothing heavy.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    import datetime as dt

    from careertui.store.repository import Career

#: The keyword arguments a renderer may take.
RENDER_OPTIONS = ("today", "start", "end", "private", "fmt", "week")
#: The formats of a document, the first the default, and the extension of each.
FORMATS = ("markdown", "html")
FORMAT_EXTENSIONS = {"markdown": "md", "html": "html"}


class ExportKind(NamedTuple):
    """One kind of export (see the module's docstring for each field)."""

    name: str
    title: str
    palette_name: str
    palette_help: str
    renderer: str
    options: tuple[str, ...]
    stem: str
    extension: str

    @property
    def ranged(self) -> bool:
        """Whether the export covers a date range the user may bound with --from and --to."""
        return "start" in self.options and "end" in self.options

    @property
    def weekly(self) -> bool:
        """Whether the export covers one week the user may name with --week."""
        return "week" in self.options

    @property
    def is_document(self) -> bool:
        """Whether the export is a document: shareable or private, Markdown or HTML."""
        return "private" in self.options and "fmt" in self.options

    def extension_for(self, fmt: str = FORMATS[0]) -> str:
        """The extension of a file of this export in format ``fmt``."""
        return FORMAT_EXTENSIONS.get(fmt, self.extension) if self.is_document else self.extension

    @property
    def is_json(self) -> bool:
        """Whether the export is JSON (printed to a terminal, it is escaped as JSON)."""
        return self.extension == "json"

    def load_renderer(self) -> Callable[..., str]:
        """The renderer, imported now."""
        module, _, function = self.renderer.partition(":")
        renderer: Callable[..., str] = getattr(importlib.import_module(module), function)
        return renderer

    def render(
        self,
        career: Career,
        *,
        today: dt.date,
        start: dt.date | None = None,
        end: dt.date | None = None,
        private: bool = False,
        fmt: str = FORMATS[0],
        week: dt.date | None = None,
    ) -> str:
        """The text of this export of ``career``; ``start`` and ``end`` bound a ranged kind
        only, ``private`` and ``fmt`` shape a document only, ``week`` picks a weekly kind's
        week; the others ignore them."""
        given = {
            "today": today,
            "start": start,
            "end": end,
            "private": private,
            "fmt": fmt,
            "week": week,
        }
        return self.load_renderer()(career, **{option: given[option] for option in self.options})


#: Every kind of export, in the order the command line and the palette list them.
EXPORT_KINDS: tuple[ExportKind, ...] = (
    ExportKind(
        name="brag",
        title="brag document",
        palette_name="Export brag document",
        palette_help="Your strongest wins, then every win grouped by company priority",
        renderer="careertui.exchange.brag:brag_document",
        options=("today", "start", "end", "private", "fmt"),
        stem="brag-document",
        extension="md",
    ),
    ExportKind(
        name="case",
        title="promotion case",
        palette_name="Export promotion case",
        palette_help="The case for the target role: evidence, feedback, supporters, the ask",
        renderer="careertui.exchange.case:promotion_case",
        options=("today", "private", "fmt"),
        stem="promotion-case",
        extension="md",
    ),
    ExportKind(
        name="review",
        title="self-review",
        palette_name="Export self-review",
        palette_help="The last twelve months as STAR stories per gap, and the feedback received",
        renderer="careertui.exchange.review:self_review",
        options=("today", "start", "end", "private", "fmt"),
        stem="self-review",
        extension="md",
    ),
    ExportKind(
        name="json",
        title="JSON export",
        palette_name="Export JSON backup",
        palette_help="Everything on record, as JSON that import reads back",
        renderer="careertui.exchange.backup:export_json",
        options=(),
        stem="careertui-export",
        extension="json",
    ),
    ExportKind(
        name="snippet",
        title="weekly snippet",
        palette_name="Export weekly snippet",
        palette_help="A short, shareable summary of the week for your manager",
        renderer="careertui.exchange.snippet:snippet",
        options=("today", "week"),
        stem="weekly-snippet",
        extension="md",
    ),
    ExportKind(
        name="ics",
        title="calendar of reminders",
        palette_name="Export reminders calendar",
        palette_help="Check-ins, the weekly review and goal due dates, for your calendar",
        renderer="careertui.exchange.calendar:calendar",
        options=("today",),
        stem="careertui-reminders",
        extension="ics",
    ),
)


def export_names() -> list[str]:
    """The names the command line accepts after ``careertui export``."""
    return [kind.name for kind in EXPORT_KINDS]


def ranged_names() -> list[str]:
    """The names of the kinds that take --from and --to."""
    return [kind.name for kind in EXPORT_KINDS if kind.ranged]


def weekly_names() -> list[str]:
    """The names of the kinds that take --week."""
    return [kind.name for kind in EXPORT_KINDS if kind.weekly]


def document_names() -> list[str]:
    """The names of the kinds that take --private and --format."""
    return [kind.name for kind in EXPORT_KINDS if kind.is_document]


def find_kind(name: str) -> ExportKind | None:
    """The kind called ``name``, if there is one."""
    return next((kind for kind in EXPORT_KINDS if kind.name == name), None)
