"""What day it is, in one place.

``CAREERTUI_TODAY`` (an ISO date) pins "today" for reproducible demos, screenshots and tests.
"""

from __future__ import annotations

import os
from datetime import date, datetime, timezone


def today() -> date:
    pinned = os.environ.get("CAREERTUI_TODAY")
    if pinned:
        return date.fromisoformat(pinned)
    return date.today()


def now() -> datetime:
    return datetime.now(timezone.utc)
