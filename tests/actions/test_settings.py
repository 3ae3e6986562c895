"""What the app remembers between sessions: stored by the actions, read back typed.

A value that does not fit is refused before anything is written; one that got into the file
some other way (a hand edit, a newer careertui) is passed over and the default used.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from careertui.actions.settings import (
    GAP_ORDER,
    GUIDED_START,
    THEME,
    remember,
    remember_gap_order,
    remember_guided_start,
    remember_theme,
)
from careertui.domain.models import Stakeholder
from careertui.domain.settings import Settings
from careertui.store.repository import Repository


def settings_on_file(data_dir: Path) -> Settings:
    """The settings as the next start of the app reads them."""
    return Repository.at(data_dir).career().settings


@pytest.fixture
def stored(repo: Repository) -> Repository:
    """A store whose file exists (a record in it), so "nothing written" can be compared."""
    repo.stakeholders.add(Stakeholder(name="Maya Chen"))
    return repo


def test_defaults_before_anything_is_remembered(repo: Repository, data_dir: Path) -> None:
    assert settings_on_file(data_dir) == Settings(theme=None, gap_order="manual", guided_start=None)


def test_remember_theme_is_read_back_typed(repo: Repository, data_dir: Path) -> None:
    remember_theme(repo, "gruvbox")
    assert settings_on_file(data_dir).theme == "gruvbox"
    remember_theme(repo, "nord")
    assert settings_on_file(data_dir).theme == "nord"
    assert Repository.at(data_dir).setting(THEME) == "nord"


def test_remember_gap_order_is_read_back_typed(repo: Repository, data_dir: Path) -> None:
    remember_gap_order(repo, "score")
    assert settings_on_file(data_dir).gap_order == "score"
    assert Repository.at(data_dir).setting(GAP_ORDER) == "score"
    remember_gap_order(repo, "manual")
    assert settings_on_file(data_dir).gap_order == "manual"


def test_remember_guided_start_is_read_back_typed(repo: Repository, data_dir: Path) -> None:
    remember_guided_start(repo, "skipped")
    assert settings_on_file(data_dir).guided_start == "skipped"
    remember_guided_start(repo, "done")
    assert settings_on_file(data_dir).guided_start == "done"
    assert Repository.at(data_dir).setting(GUIDED_START) == "done"


def test_remembering_one_setting_keeps_the_others(repo: Repository, data_dir: Path) -> None:
    remember_theme(repo, "nord")
    remember_gap_order(repo, "score")
    remember_guided_start(repo, "done")
    assert settings_on_file(data_dir) == Settings(
        theme="nord", gap_order="score", guided_start="done"
    )


def test_remember_by_stored_key_is_the_same_as_by_name(repo: Repository, data_dir: Path) -> None:
    remember(repo, GAP_ORDER, "score")
    remember(repo, GUIDED_START, "skipped")
    remember(repo, THEME, "dracula")
    assert settings_on_file(data_dir) == Settings(
        theme="dracula", gap_order="score", guided_start="skipped"
    )


@pytest.mark.parametrize(
    ("action", "value"),
    [
        (remember_theme, "x" * 101),
        (remember_theme, 42),
        (remember_gap_order, "sideways"),
        (remember_guided_start, "maybe"),
    ],
    ids=["theme-too-long", "theme-not-text", "gap-order", "guided-start"],
)
def test_a_bad_value_is_refused_and_nothing_written(
    stored: Repository, data_dir: Path, action: Any, value: Any
) -> None:
    remember_gap_order(stored, "score")
    before = stored.store.path.read_bytes()
    with pytest.raises(ValidationError):
        action(stored, value)
    assert stored.store.path.read_bytes() == before
    assert settings_on_file(data_dir).gap_order == "score"


def test_remember_a_bad_value_or_an_unknown_key_writes_nothing(stored: Repository) -> None:
    before = stored.store.path.read_bytes()
    with pytest.raises(ValidationError):
        remember(stored, GAP_ORDER, "sideways")
    with pytest.raises(KeyError):
        remember(stored, "no.such.setting", "x")
    assert stored.store.path.read_bytes() == before


def test_a_hand_edited_bad_value_is_passed_over(repo: Repository, data_dir: Path) -> None:
    remember_theme(repo, "nord")
    remember_gap_order(repo, "score")
    remember_guided_start(repo, "done")
    path = repo.store.path
    data = json.loads(path.read_text(encoding="utf-8"))
    data["settings"][GAP_ORDER] = {"value": "upside-down"}
    data["settings"][GUIDED_START] = {"value": ["not", "a", "word"]}
    path.write_text(json.dumps(data), encoding="utf-8")

    settings = settings_on_file(data_dir)

    assert (settings.gap_order, settings.guided_start) == ("manual", None)  # the defaults
    assert settings.theme == "nord"  # the value that fits is still read
    assert Repository.at(data_dir).settings() == settings
