"""``careertui export brag|case|review`` with --private, --format and --from/--to, run as the
user runs them: the installed console script."""

from __future__ import annotations

from pathlib import Path

import pytest

from careertui.store.repository import Repository
from tests.conftest import CLI, Result
from tests.exchange.documents_helpers import MARKERS, external_references, plant_markers


def _one_error_line(result: Result, *needles: str) -> None:
    assert result.returncode == 2, result
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    assert "Traceback" not in result.stderr
    for needle in needles:
        assert needle in lines[0], lines[0]
    assert result.stdout == ""


@pytest.fixture
def marked_cli(cli: CLI, small_repo: Repository) -> CLI:
    plant_markers(small_repo)
    return cli


@pytest.mark.parametrize("kind", ["brag", "case", "review"])
def test_shareable_by_default_private_on_request(marked_cli: CLI, kind: str) -> None:
    shareable = marked_cli("export", kind)
    private = marked_cli("export", kind, "--private")
    assert shareable.returncode == private.returncode == 0, shareable.stderr + private.stderr
    assert not [m for m in MARKERS.values() if m in shareable.stdout]
    if kind != "brag":
        assert MARKERS["gap_why"] in private.stdout
    assert private.stdout != shareable.stdout


def test_review_as_a_private_html_file_for_a_period(marked_cli: CLI, tmp_path: Path) -> None:
    out = tmp_path / "review.html"
    result = marked_cli(
        "export",
        "review",
        "--from",
        "2026-06-01",
        "--to",
        "2026-07-31",
        "--private",
        "--format",
        "html",
        "--out",
        str(out),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"private self-review written to {out}"
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "<h1>Self-review: Jo Rivera, 2026-06-01 to 2026-07-31</h1>" in page
    assert "Shipped the onboarding flow" in page  # June
    assert "Spoke at" not in page  # October
    assert external_references(page) == []
    assert oct(out.stat().st_mode & 0o777) == "0o600"


def test_html_printed_to_the_terminal(marked_cli: CLI) -> None:
    result = marked_cli("export", "brag", "--format", "html")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("<!DOCTYPE html>") and "</html>" in result.stdout


@pytest.mark.parametrize(
    ("args", "needles"),
    [
        (["export", "json", "--private"], ["--private and --format apply to", "not 'export json'"]),
        (["export", "json", "--format", "html"], ["not 'export json'"]),
        (["export", "case", "--format", "pdf"], ["invalid choice: 'pdf'"]),
        (["export", "case", "--to", "2026-01-01"], ["'export brag' or 'export review' only"]),
        (
            ["export", "review", "--from", "2026-09-01", "--to", "2026-08-01"],
            ["--from 2026-09-01 is after --to 2026-08-01"],
        ),
        (["export", "review", "--from", "someday soon-ish"], ["cannot understand the date"]),
    ],
)
def test_bad_document_options(
    marked_cli: CLI, tmp_path: Path, args: list[str], needles: list[str]
) -> None:
    out = tmp_path / "never.html"
    _one_error_line(marked_cli(*args, "--out", str(out)), *needles)
    assert not out.exists()
