"""Every key binding of careertui as a Markdown table, written into README.md.

The table is generated from the app's own classes, so it cannot drift from the keys the app
really has: the app's ``BINDINGS`` (with Textual's quit and command palette keys), the dashboard
screen's, each pane's and its widgets', and every screen's (forms, dialogs, details). It goes
into README.md between ``<!-- keys:start -->`` and ``<!-- keys:end -->``.

    python scripts/keys.py            # rewrite the table in README.md
    python scripts/keys.py --check    # exit 1 (and show the difference) if README.md is stale
    python scripts/keys.py --print    # print the table

tests/test_readme.py runs the check in the suite.
"""

from __future__ import annotations

import argparse
import difflib
import importlib
import inspect
import pkgutil
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
START = "<!-- keys:start -->"
END = "<!-- keys:end -->"
#: The panes in the order of the method, with the words their modules are named by.
FAMILIES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("vision", ("vision", "guided")),
    ("gaps", ("gap",)),
    ("stakeholders", ("stakeholder",)),
    ("journal", ("journal", "win")),
)


@dataclass(frozen=True)
class Row:
    where: str
    keys: str
    does: str
    binding_id: str


def _modules() -> list[object]:
    import careertui.tui as tui

    names = sorted(
        info.name for info in pkgutil.walk_packages(tui.__path__, prefix="careertui.tui.")
    )
    return [importlib.import_module(name) for name in names]


def _classes() -> list[type]:
    """careertui's Textual classes (app, screens, widgets) that declare bindings of their own."""
    from textual.dom import DOMNode

    found: list[type] = []
    for module in _modules():
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if (
                cls.__module__ == module.__name__
                and issubclass(cls, DOMNode)
                and cls.__dict__.get("BINDINGS")
            ):
                found.append(cls)
    return found


def _words(name: str) -> str:
    """``StakeholderCheckInScreen`` -> ``Stakeholder check in``."""
    for suffix in ("Screen", "Pane"):
        if name.endswith(suffix) and name != suffix:
            name = name[: -len(suffix)]
    words = re.findall(r"[A-Z][a-z0-9]*|[a-z0-9]+", name)
    text = " ".join(words).lower()
    return text[:1].upper() + text[1:]


def _family(cls: type) -> int | None:
    stem = cls.__module__.rsplit(".", 1)[-1]
    for index, (_, words) in enumerate(FAMILIES):
        if any(stem.startswith(word) for word in words):
            return index
    return None


def _where(cls: type) -> str:
    from textual.app import App
    from textual.screen import ModalScreen

    from careertui.tui.panes.base import Pane

    if issubclass(cls, App):
        return "Everywhere"
    if issubclass(cls, Pane) and getattr(cls, "TITLE", ""):
        return f"{cls.TITLE} pane"
    family = _family(cls)
    if not issubclass(cls, ModalScreen) and family is not None:
        # A widget inside a pane: its keys work when it has the focus.
        pane = FAMILIES[family][0].capitalize()
        return f"{pane} pane: {_words(cls.__name__).lower()}"
    return _words(cls.__name__)


def _order(cls: type) -> tuple[int, int, int, str]:
    from textual.app import App
    from textual.screen import ModalScreen, Screen

    from careertui.tui.panes.base import Pane

    if issubclass(cls, App):
        return (0, 0, 0, "")
    if issubclass(cls, Screen) and not issubclass(cls, ModalScreen):
        return (1, 0, 0, cls.__name__)
    family = _family(cls)
    if family is not None:
        kind = 0 if issubclass(cls, Pane) else 2 if issubclass(cls, ModalScreen) else 1
        return (2, family, kind, cls.__module__ + "." + cls.__name__)
    return (3, 0, 0, _words(cls.__name__))


def key_name(key: str) -> str:
    """A key as a person reads it: ``?`` for ``question_mark``, ``enter`` rather than ``⏎``."""
    from textual.keys import format_key

    shown = format_key(key)
    return shown if len(shown) == 1 and shown.isascii() and shown.isprintable() else key


def _keys(binding: object) -> str:
    display = getattr(binding, "key_display", None)
    keys = [display] if display else [key_name(k.strip()) for k in binding.key.split(",")]
    return " ".join(f"`` {k} ``" if "`" in k else f"`{k}`" for k in keys)


def _bindings(cls: type) -> list[object]:
    from textual.app import App
    from textual.binding import Binding

    if issubclass(cls, App):
        # The app's own keys and Textual's App keys the user can press (not the system ones).
        declared: list[object] = []
        for klass in reversed(cls.__mro__):
            if klass.__dict__.get("BINDINGS"):
                declared += Binding.make_bindings(klass.__dict__["BINDINGS"])
        if cls.ENABLE_COMMAND_PALETTE and not any(
            b.action in {"command_palette", "app.command_palette"} for b in declared
        ):
            declared.append(
                Binding(
                    cls.COMMAND_PALETTE_BINDING,
                    "command_palette",
                    "Command palette: every action by name",
                )
            )
        return [b for b in declared if not b.system]
    return list(Binding.make_bindings(cls.__dict__["BINDINGS"]))


def rows() -> list[Row]:
    """Every binding, in the order a person meets them: app, dashboard, panes, dialogs."""
    result: list[Row] = []
    for cls in sorted(_classes(), key=_order):
        where = _where(cls)
        for binding in _bindings(cls):
            row = Row(
                where,
                _keys(binding),
                binding.description or binding.action.replace("_", " "),
                binding.id or "",
            )
            last = result[-1] if result else None
            if last and (last.where, last.does, last.binding_id) == (
                row.where,
                row.does,
                row.binding_id,
            ):
                # One binding with several keys ("down,j") is one row.
                result[-1] = Row(last.where, f"{last.keys} {row.keys}", last.does, last.binding_id)
            else:
                result.append(row)
    return result


def render() -> str:
    def cell(text: str) -> str:
        return text.replace("|", "\\|")

    lines = ["| Where | Key | Does | Binding id |", "| --- | --- | --- | --- |"]
    lines += [
        f"| {cell(r.where)} | {cell(r.keys)} | {cell(r.does)} | "
        f"{f'`{r.binding_id}`' if r.binding_id else ''} |"
        for r in rows()
    ]
    return "\n".join(lines)


def with_table(readme: str, table: str) -> str:
    """``readme`` with the text between the markers replaced by ``table``."""
    start, end = readme.find(START), readme.find(END)
    if start < 0 or end < start:
        raise SystemExit(f"error: README.md has no {START} … {END} block")
    return readme[: start + len(START)] + "\n" + table + "\n" + readme[end:]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="fail if README.md is stale")
    parser.add_argument("--print", action="store_true", help="print the table")
    parser.add_argument("--readme", type=Path, default=README, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    table = render()
    if args.print:
        print(table)
        return 0
    current = args.readme.read_text(encoding="utf-8")
    wanted = with_table(current, table)
    if args.check:
        if current == wanted:
            return 0
        diff = difflib.unified_diff(
            current.splitlines(), wanted.splitlines(), "README.md", "generated", lineterm=""
        )
        sys.stderr.write("\n".join(diff) + "\n")
        sys.stderr.write(
            "error: README.md's key table differs from the app's bindings; "
            "run python scripts/keys.py\n"
        )
        return 1
    if wanted != current:
        args.readme.write_text(wanted, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
