"""The kinds of export come from one table: ``careertui export`` accepts exactly its names, the
command palette offers exactly its entries, and every row exports, from the shell and from the
app, under the names the table gives."""

from __future__ import annotations

import ast
import inspect
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from careertui.export_kinds import EXPORT_KINDS, RENDER_OPTIONS, ExportKind
from careertui.store.repository import Repository
from careertui.tui.app import make_app
from careertui.tui.screens.choice import ChoiceScreen
from tests.conftest import CLI
from tests.exchange.conftest import TODAY
from tests.tui.conftest import SIZE, run_command, wait_for
from tests.tui.helpers import toasts

EXCHANGE = Path(__file__).resolve().parents[2] / "careertui" / "exchange"
KINDS = pytest.mark.parametrize("kind", EXPORT_KINDS, ids=[kind.name for kind in EXPORT_KINDS])


def _one_error_line(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), stderr
    return lines[0]


def test_the_command_line_accepts_exactly_the_kinds_in_the_table(cli: CLI) -> None:
    result = cli("export", "pdf")
    assert result.returncode == 2
    line = _one_error_line(result.stderr)
    offered = re.search(r"choose from (.*?)\)", line)
    assert offered, line
    assert [name.strip(" '") for name in offered.group(1).split(",")] == [
        kind.name for kind in EXPORT_KINDS
    ]
    usage = cli("export", "--help").stdout
    assert "{" + ",".join(kind.name for kind in EXPORT_KINDS) + "}" in usage


@KINDS
def test_every_kind_exports_from_the_command_line(
    cli: CLI, small_repo: Repository, tmp_path: Path, kind: ExportKind
) -> None:
    out = tmp_path / f"out.{kind.extension}"
    written = cli("export", kind.name, "--out", str(out))
    assert written.returncode == 0, written.stderr
    mode = "shareable " if kind.is_document else ""
    assert written.stdout.strip() == f"{mode}{kind.title} written to {out}"
    text = out.read_text(encoding="utf-8")
    if kind.name not in ("snippet", "ics"):  # the week's snippet and the reminders hold no old win
        assert "Shipped" in text  # a win of the small store
    printed = cli("export", kind.name)
    assert printed.returncode == 0, printed.stderr
    if kind.is_json:
        assert json.loads(printed.stdout)["wins"] == json.loads(text)["wins"]
    else:
        assert printed.stdout == text


@KINDS
def test_only_a_ranged_kind_takes_from_and_to(
    cli: CLI, small_repo: Repository, kind: ExportKind
) -> None:
    result = cli("export", kind.name, "--from", "2026-01-01", "--to", "2026-11-01")
    if kind.ranged:
        assert result.returncode == 0, result.stderr
        assert "2026-01-01 to 2026-11-01" in result.stdout
    else:
        assert result.returncode == 2
        assert f"not 'export {kind.name}'" in _one_error_line(result.stderr)
        assert result.stdout == ""


async def test_the_palette_offers_exactly_the_kinds_in_the_table_and_each_saves(
    small_repo: Repository,
) -> None:
    app = make_app(small_repo)
    exports = Path.home() / "careertui-exports"  # no documents folder in the test's home
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        offered = [name for name, _, _ in app.palette_commands() if name.startswith("Export")]
        assert offered == [kind.palette_name for kind in EXPORT_KINDS]
        for kind in EXPORT_KINDS:
            await run_command(pilot, kind.palette_name)
            if kind.is_document:  # shareable or private: the dialog asks
                await wait_for(pilot, lambda: isinstance(app.screen, ChoiceScreen))
                await pilot.press("enter")
            saved = exports / f"{kind.stem}-{TODAY.isoformat()}.{kind.extension}"
            # each kind's own notice, whole path and all (earlier ones may have timed out)
            await wait_for(
                pilot,
                lambda saved=saved: any(
                    "Exported" in t and str(saved) in t.replace("\n", "") for t in toasts(app)
                ),
            )
            assert saved.is_file(), sorted(exports.iterdir())


@KINDS
def test_each_renderer_takes_the_options_its_row_names(kind: ExportKind) -> None:
    assert set(kind.options) <= set(RENDER_OPTIONS), kind.options
    parameters = inspect.signature(kind.load_renderer()).parameters
    assert set(kind.options) <= set(parameters), (kind.renderer, list(parameters))
    required = {
        name
        for name, p in list(parameters.items())[1:]
        if p.default is inspect.Parameter.empty
        and p.kind not in (inspect.Parameter.VAR_POSITIONAL, inspect.Parameter.VAR_KEYWORD)
    }
    assert required <= set(kind.options), (kind.renderer, required)


def test_building_the_command_line_loads_no_exporter() -> None:
    code = (
        "import sys; from careertui.cli import build_parser; build_parser(); "
        "loaded = [m for m in sys.modules if m.startswith('careertui.exchange')]; "
        "assert not loaded, loaded"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr


def _exchange_imports(path: Path) -> set[str]:
    """The exchange modules ``path`` imports, at the top or inside a function."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    prefix = "careertui.exchange."
    return {name.removeprefix(prefix).split(".")[0] for name in found if name.startswith(prefix)}


def test_no_two_exchange_modules_import_each_other_even_lazily() -> None:
    graph = {path.stem: _exchange_imports(path) - {path.stem} for path in EXCHANGE.glob("*.py")}
    assert "backup" in graph and "files" in graph["backup"]  # the walk sees the imports

    def cycle_from(module: str, trail: tuple[str, ...]) -> tuple[str, ...] | None:
        if module in trail:
            return (*trail[trail.index(module) :], module)
        for imported in sorted(graph.get(module, ())):
            found = cycle_from(imported, (*trail, module))
            if found:
                return found
        return None

    cycles = [c for module in sorted(graph) if (c := cycle_from(module, ()))]
    assert not cycles, " -> ".join(cycles[0])
