"""The export and import commands, run as the user runs them: the installed console script."""

from __future__ import annotations

import json
import stat
import sys
from pathlib import Path

import pytest

from careertui.store.repository import Repository
from tests.conftest import CLI, Result
from tests.exchange.conftest import digest, outline


def _one_error_line(result: Result, *needles: str) -> None:
    assert result.returncode == 2, result
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    assert "Traceback" not in result.stderr
    for needle in needles:
        assert needle in lines[0], lines[0]
    assert result.stdout == ""


@pytest.fixture
def demo_cli(cli: CLI, demo_repo: Repository) -> CLI:
    return cli


def test_export_brag_prints_markdown_for_the_range(demo_cli: CLI) -> None:
    result = demo_cli("export", "brag", "--from", "2026-06-01", "--to", "2026-08-31")
    assert result.returncode == 0, result.stderr
    heads = outline(result.stdout)
    assert heads[0] == (1, "Brag document: Alex Rivera, 2026-06-01 to 2026-08-31")
    assert (2, "Summary") in heads
    dates = [t.split(":")[0] for level, t in heads if level == 3]
    assert dates and all("2026-06-01" <= d <= "2026-08-31" for d in dates)


def test_export_to_a_file_is_private_and_says_where(demo_cli: CLI, tmp_path: Path) -> None:
    for kind, name, first in [
        ("brag", "brag.md", "Brag document"),
        ("case", "case.md", "Promotion case: Alex Rivera for Director of Product, Platform"),
        ("json", "all.json", None),
    ]:
        out = tmp_path / name
        result = demo_cli("export", kind, "--out", str(out))
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip().endswith(f"written to {out}")
        assert stat.S_IMODE(out.stat().st_mode) == 0o600
        text = out.read_text(encoding="utf-8")
        if first:
            assert outline(text)[0][1].startswith(first)
        else:
            assert json.loads(text)["format"] == "careertui-export"


def test_export_json_then_import_into_an_empty_store(demo_cli: CLI, tmp_path: Path) -> None:
    exported = demo_cli("export", "json")
    assert exported.returncode == 0
    path = tmp_path / "backup.json"
    path.write_text(exported.stdout)
    other = CLI(tmp_path / "other")
    first = other("import", "json", str(path))
    assert first.returncode == 0, first.stderr
    data = json.loads(exported.stdout)
    # the five in force and the archived one
    assert "added:   1 vision, 6 priorities, 15 stakeholders" in first.stdout
    assert f"{len(data['wins'])} wins" in first.stdout
    assert "updated: nothing" in first.stdout and "skipped: 0" in first.stdout
    again = other("import", "json", str(path))
    assert "added:   nothing" in again.stdout and "updated: nothing" in again.stdout
    again_export = json.loads(other("export", "json").stdout)
    for table in ("priorities", "gaps", "stakeholders", "wins", "feedback", "interactions"):
        assert sorted(again_export[table], key=lambda r: r["id"]) == sorted(
            data[table], key=lambda r: r["id"]
        )
    assert again_export["vision"] == data["vision"]


def test_import_jrnl_from_the_command_line(cli: CLI, tmp_path: Path) -> None:
    path = tmp_path / "j.json"
    path.write_text(
        json.dumps(
            {
                "tags": {"#launch": 1},
                "entries": [
                    {
                        "title": "Shipped it.",
                        "body": "",
                        "date": "2026-02-03",
                        "time": "10:00",
                        "tags": ["#launch"],
                        "starred": True,
                    }
                ],
            }
        )
    )
    result = cli("import", "jrnl", str(path))
    assert result.returncode == 0, result.stderr
    assert "added:   1 win" in result.stdout
    wins = json.loads(cli("wins", "--json").stdout)
    assert [(w["date"], w["title"], w["tags"], w["starred"]) for w in wins] == [
        ("2026-02-03", "Shipped it.", ["launch"], True)
    ]


# -- bad input ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("what", "content", "needles"),
    [
        ("json", None, ["missing.json: no such file"]),
        ("json", "not json at all", ["not valid JSON"]),
        (
            "json",
            json.dumps({"format": "careertui-export", "schema": 99}),
            ["schema: written by a newer careertui (schema 99"],
        ),
        (
            "json",
            json.dumps(
                {
                    "format": "careertui-export",
                    "schema": 2,
                    "wins": [
                        {"id": "win_x", "title": "ok"},
                        {"id": "win_y", "title": "ok", "date": "soon"},
                    ],
                }
            ),
            ["win #2 'win_y': date: "],
        ),
        ("jrnl", None, ["missing.json: no such file"]),
        ("jrnl", "{", ["not valid JSON"]),
        (
            "jrnl",
            json.dumps({"entries": [{"title": "", "date": "2026-01-01"}]}),
            ["entry #1", "title:"],
        ),
    ],
)
def test_bad_import_files_get_one_error_line_and_nothing_is_written(
    demo_cli: CLI, tmp_path: Path, what: str, content: str | None, needles: list[str]
) -> None:
    path = tmp_path / "missing.json"
    if content is not None:
        path.write_text(content)
    store = demo_cli.data_dir / "careertui.json"
    before = digest(store)
    _one_error_line(demo_cli("import", what, str(path)), *needles)
    assert digest(store) == before


def test_bad_import_into_no_store_creates_nothing(cli: CLI, tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text("[]")
    _one_error_line(cli("import", "json", str(path)), "not a careertui JSON export")
    assert not cli.data_dir.exists()


@pytest.mark.parametrize(
    ("args", "needles"),
    [
        (
            ["export", "case", "--from", "2026-01-01"],
            ["apply to 'export brag' or 'export review' only"],
        ),
        (
            ["export", "brag", "--from", "2026-09-01", "--to", "2026-08-01"],
            ["--from 2026-09-01 is after --to 2026-08-01"],
        ),
        (["export", "brag", "--from", "the day after never"], ["cannot understand the date"]),
        (["export", "brag", "--out", "/nonexistent-dir/brag.md"], ["does not exist"]),
    ],
)
def test_bad_export_arguments(demo_cli: CLI, args: list[str], needles: list[str]) -> None:
    _one_error_line(demo_cli(*args), *needles)


def test_export_out_to_a_directory_is_refused(demo_cli: CLI, tmp_path: Path) -> None:
    _one_error_line(demo_cli("export", "brag", "--out", str(tmp_path)), "is a directory")


def test_exports_never_load_textual(demo_cli: CLI, tmp_path: Path) -> None:
    code = (
        "import sys; from careertui.cli import main; "
        f"rc = main(['--data-dir', {str(demo_cli.data_dir)!r}, 'export', 'case', '--out', "
        f"{str(tmp_path / 'c.md')!r}]); "
        f"rc |= main(['--data-dir', {str(tmp_path / 'x')!r}, 'import', 'json', "
        f"{str(tmp_path / 'none.json')!r}]) != 2; "
        "assert not any(m.startswith('textual') for m in sys.modules), 'textual loaded'; "
        "sys.exit(rc)"
    )
    import subprocess

    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr


def test_an_encrypted_store_exports_and_imports_with_a_note(demo_cli: CLI, tmp_path: Path) -> None:
    secret = {"CAREERTUI_PASSPHRASE": "correct horse battery"}
    assert demo_cli("encrypt", env=secret).returncode == 0
    out = tmp_path / "all.json"
    result = demo_cli("export", "json", "--out", str(out), env=secret)
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == "note: the data file is encrypted; this JSON export is not"
    wins = json.loads(out.read_text())["wins"]
    assert len(wins) > 100
    # importing it back into the encrypted store finds everything already there
    again = demo_cli("import", "json", str(out), env=secret)
    assert again.returncode == 0, again.stderr
    assert "added:   nothing" in again.stdout and "updated: nothing" in again.stdout
    assert (demo_cli.data_dir / "careertui.json").read_bytes().startswith(b"careertui-encrypted")


def test_exporting_an_empty_store_writes_nothing_there(cli: CLI) -> None:
    result = cli("export", "case")
    assert result.returncode == 0, result.stderr
    assert outline(result.stdout)[0] == (1, "Promotion case")
    assert not cli.data_dir.exists()
