"""What the app remembers between sessions (theme, the gap board's order, the guided start)."""

from __future__ import annotations

from typing import Any

from careertui.store.repository import Repository

#: Whether the gap board is in manual or score order.
GAP_ORDER = "gaps.order"
#: That the guided start was skipped or finished, so it does not open by itself again.
GUIDED_START = "vision.guided_start"
#: The app's colour theme.
THEME = "theme"


def remember(repo: Repository, key: str, value: Any) -> None:
    """Keep ``value`` under ``key`` for the next session."""
    repo.set_setting(key, value)
