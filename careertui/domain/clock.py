"""What day it is, in one place.

``CAREERTUI_TODAY`` (an ISO date) pins "today" for reproducible demos, screenshots and tests.
"""

from __future__ import annotations

import os
from datetime import date, datetime, timezone

from careertui.domain.errors import InputError

PINNED_ENV = "CAREERTUI_TODAY"
#: The days ``CAREERTUI_TODAY`` may pin: far enough from date.min and date.max that
#: date arithmetic around "today" never overflows.
PINNED_RANGE = (date(1970, 1, 1), date(2999, 12, 31))


def today() -> date:
    pinned = os.environ.get(PINNED_ENV)
    if pinned:
        return _pinned(pinned)
    return date.today()


def _pinned(text: str) -> date:
    first, last = PINNED_RANGE
    try:
        day = date.fromisoformat(text.strip())
    except ValueError:
        day = None
    if day is None or not first <= day <= last:
        raise InputError(
            f"{PINNED_ENV}={text!r} is not a date careertui can use as today; set it to a "
            f"YYYY-MM-DD date from {first.isoformat()} to {last.isoformat()}, or unset it"
        )
    return day


def now() -> datetime:
    return datetime.now(timezone.utc)
