"""The app's handlers for the vision pane's messages (a mixin of CareerApp)."""

from __future__ import annotations


class VisionHandlers:
    """Methods named `on_<widget>_<message>` are found through CareerApp's MRO."""
