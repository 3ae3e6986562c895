"""Every importer fuzzed: ``careertui import json`` (careertui's own export) and ``careertui
import jrnl`` (jrnl's JSON export), fed random bytes, random JSON, and real exports with mutated
records. Each input either imports or is refused with a CareerError, never anything else and
never a hang; a refused import leaves the store byte-identical."""

from __future__ import annotations

import contextlib
import copy
import functools
import io
import tempfile
from collections.abc import Callable
from pathlib import Path

from hypothesis import event, given
from hypothesis import strategies as st

from careertui.cli import main
from careertui.domain.errors import CareerError
from careertui.exchange.backup import export_data, import_backup, load_backup
from careertui.exchange.jrnl import import_jrnl, load_jrnl
from careertui.store.repository import Repository
from tests.faults import counts
from tests.faults.fuzzing import (
    demo_bytes,
    dumps,
    fuzz_settings,
    json_values,
    mutated_bytes,
    mutated_documents,
    watchdog,
)


@functools.cache
def real_export() -> dict:
    with tempfile.TemporaryDirectory() as folder:
        repo = Repository.at(Path(folder))
        repo.store.path.parent.mkdir(parents=True, exist_ok=True)
        repo.store.path.write_bytes(demo_bytes())
        return export_data(repo.career())


@st.composite
def mutated_exports(draw) -> dict:
    data = copy.deepcopy(real_export())
    for _ in range(draw(st.integers(1, 3))):
        choice = draw(st.sampled_from(["record", "field", "top"]))
        if choice == "record":
            table, doc = draw(mutated_documents())
            if table == "vision":
                data["vision"] = doc
            elif isinstance(data.get(table), list):
                data[table].append(doc)
        elif choice == "field":
            table = draw(st.sampled_from(["wins", "gaps", "stakeholders", "priorities"]))
            if isinstance(data.get(table), list) and data[table]:
                row = data[table][draw(st.integers(0, len(data[table]) - 1))]
                if isinstance(row, dict) and row:
                    row[draw(st.sampled_from(sorted(row)))] = draw(json_values)
        else:
            key = draw(st.sampled_from([*sorted(data), "extra"]))
            data[key] = draw(json_values)
    return data


jrnl_entries = st.fixed_dictionaries(
    {},
    optional={
        "title": st.text(max_size=400) | json_values,
        "body": st.text(max_size=200) | json_values,
        "date": st.sampled_from(["2026-11-02", "2026-13-01", "11/02/2026", ""]) | json_values,
        "time": st.sampled_from(["09:00", "25:00", "9", ""]) | json_values,
        "tags": st.lists(st.sampled_from(["#win", "@dana", "", "#"]) | st.text(max_size=8))
        | json_values,
        "starred": st.booleans() | json_values,
        "uuid": st.uuids().map(str) | json_values,
    },
)
jrnl_files = st.fixed_dictionaries(
    {"entries": st.lists(jrnl_entries, max_size=6)}, optional={"tags": json_values}
)

export_inputs = (
    st.binary(max_size=300)
    | json_values.map(dumps)
    | mutated_exports().map(dumps)
    | st.builds(lambda: dumps(real_export())).flatmap(mutated_bytes)
)
jrnl_inputs = (
    st.binary(max_size=300)
    | json_values.map(dumps)
    | jrnl_files.map(dumps)
    | jrnl_files.map(dumps).flatmap(mutated_bytes)
)


def _import(raw: bytes, load: Callable, merge: Callable, command: str) -> None:
    with tempfile.TemporaryDirectory() as folder, watchdog():
        root = Path(folder)
        source = root / "import.json"
        source.write_bytes(raw)
        repo = Repository.at(root / "data")
        repo.store.data_dir.mkdir(mode=0o700)
        repo.store.path.write_bytes(demo_bytes())
        with contextlib.suppress(CareerError):
            load(source)
        try:
            merge(repo, source)
            event("imported")
        except CareerError:
            event("refused")
            assert repo.store.path.read_bytes() == demo_bytes(), "a refused import wrote"
        repo.career()  # whatever happened, the store still loads
        before = repo.store.path.read_bytes()
        err = io.StringIO()
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
            code = main(["--data-dir", str(repo.store.data_dir), "import", command, str(source)])
        assert code in (0, 2)
        if code == 2:
            assert err.getvalue().startswith("error: ") and err.getvalue().count("\n") == 1
            assert repo.store.path.read_bytes() == before


@fuzz_settings(counts.FUZZ_SLOW)
@given(export_inputs)
def test_json_import_imports_or_refuses_cleanly(raw: bytes) -> None:
    _import(raw, load_backup, import_backup, "json")


@fuzz_settings(counts.FUZZ_SLOW)
@given(jrnl_inputs)
def test_jrnl_import_imports_or_refuses_cleanly(raw: bytes) -> None:
    _import(raw, load_jrnl, import_jrnl, "jrnl")


def test_the_real_export_imports(tmp_path: Path) -> None:
    """The fuzzing starts from inputs that work: the unmutated export imports."""
    source = tmp_path / "export.json"
    source.write_bytes(dumps(real_export()))
    repo = Repository.at(tmp_path / "data")
    import_backup(repo, source)
    assert len(repo.career().wins) == len(real_export()["wins"]) > 0
