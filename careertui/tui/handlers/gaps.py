"""The app's handlers for the gap board's messages (a mixin of CareerApp)."""

from __future__ import annotations


class GapHandlers:
    """Methods named `on_<widget>_<message>` are found through CareerApp's MRO."""
