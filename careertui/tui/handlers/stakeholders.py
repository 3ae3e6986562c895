"""The app's handlers for the stakeholder map's messages (a mixin of CareerApp)."""

from __future__ import annotations


class StakeholderHandlers:
    """Methods named `on_<widget>_<message>` are found through CareerApp's MRO."""
