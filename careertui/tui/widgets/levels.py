"""How a capability level is drawn: filled dots out of five, as on the gap board's cards, the
gap details and the level choices of the gap form."""

from __future__ import annotations

#: The top of the level scale (1 = beginner … 5 = where the target role needs you).
LEVELS = 5


def level_dots(level: int) -> str:
    """``●●○○○`` for level 2 of 5."""
    level = max(0, min(LEVELS, level))
    return "●" * level + "○" * (LEVELS - level)
