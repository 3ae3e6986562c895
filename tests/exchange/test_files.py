"""write_export and save_export: what the app's command palette calls to save an export and say
where."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from careertui.domain.errors import InputError
from careertui.exchange.exports import write_export
from careertui.store.repository import Repository
from tests.exchange.conftest import TODAY, outline


@pytest.mark.parametrize(
    ("kind", "name", "check"),
    [
        (
            "brag",
            "brag-document-2026-11-23.md",
            lambda text: (
                outline(text)[:2]
                == [(1, "Brag document: 2025-01-05 to 2026-11-23"), (2, "Summary")]
            ),
        ),
        (
            "case",
            "promotion-case-2026-11-23.md",
            lambda text: outline(text)[0] == (1, "Promotion case: Group PM, Platform"),
        ),
        (
            "json",
            "careertui-export-2026-11-23.json",
            lambda text: len(json.loads(text)["wins"]) == 4,
        ),
    ],
)
def test_each_export_is_saved_privately_in_the_directory(
    small_repo: Repository, tmp_path: Path, kind: str, name: str, check
) -> None:
    directory = tmp_path / "exports"
    path = write_export(kind, small_repo.career(), directory, today=TODAY)
    assert path == directory / name
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(directory.stat().st_mode) == 0o700
    assert check(path.read_text(encoding="utf-8"))


def test_a_second_export_the_same_day_never_overwrites_the_first(
    small_repo: Repository, tmp_path: Path
) -> None:
    first = write_export("case", small_repo.career(), tmp_path)
    first.write_text("edited by hand")
    second = write_export("case", small_repo.career(), tmp_path)
    assert second.name == "promotion-case-2026-11-23-2.md"
    assert first.read_text() == "edited by hand"


def test_an_unknown_kind_is_refused(small_repo: Repository, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="unknown export 'pdf'"):
        write_export("pdf", small_repo.career(), tmp_path)
    assert list(tmp_path.iterdir()) == [small_repo.store.data_dir]


def test_a_directory_that_cannot_be_made_is_an_error(
    small_repo: Repository, tmp_path: Path
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    with pytest.raises(InputError, match="cannot create"):
        write_export("brag", small_repo.career(), blocker / "exports")


def test_save_export_puts_files_outside_the_data(small_repo: Repository) -> None:
    from careertui.exchange.exports import save_export

    data_dir = small_repo.store.data_dir
    path = save_export("brag", small_repo.career(), data_dir)
    # No documents folder in the test's empty home: the fallback in the home directory.
    assert path == Path.home() / "careertui-exports" / "brag-document-2026-11-23.md"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
