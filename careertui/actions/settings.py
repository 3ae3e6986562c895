"""What the app remembers between sessions (:class:`~careertui.domain.settings.Settings`)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from careertui.domain.settings import GapOrder, GuidedStart, Settings
from careertui.store.repository import Repository

#: The stored keys, for code that still names a setting by key.
GAP_ORDER = Settings.stored_key("gap_order")
GUIDED_START = Settings.stored_key("guided_start")
THEME = Settings.stored_key("theme")


def remember_theme(repo: Repository, name: str) -> None:
    """Open with this colour theme next time."""
    _remember(repo, "theme", name)


def remember_gap_order(repo: Repository, order: GapOrder) -> None:
    """Show the gap board in this order next time."""
    _remember(repo, "gap_order", order)


def remember_guided_start(repo: Repository, outcome: GuidedStart) -> None:
    """The guided start was skipped or finished: it does not open by itself again."""
    _remember(repo, "guided_start", outcome)


def remember_review_step(repo: Repository, step: int | None) -> None:
    """The weekly review was left at ``step`` (None: not under way)."""
    _remember(repo, "review_step", step)


def finish_review(repo: Repository, on: dt.date) -> None:
    """The weekly review was finished on ``on``: the next is due a week later."""
    with repo.transaction():
        _remember(repo, "review_done", on)
        _remember(repo, "review_step", None)


def remember(repo: Repository, key: str, value: Any) -> None:
    """Keep ``value`` under the stored ``key`` (one of the keys above)."""
    names = {Settings.stored_key(name): name for name in Settings.model_fields}
    _remember(repo, names[key], value)


def _remember(repo: Repository, field: str, value: Any) -> None:
    repo.set_setting(Settings.stored_key(field), Settings.checked(field, value))
