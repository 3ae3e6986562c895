"""The choices of the fields that take one of a fixed set of values, declared once.

The pydantic models (:mod:`careertui.domain.models`) use these enums as field types, and the
lean ``careertui win`` (:mod:`careertui.domain.win_record`) reads them when it checks a stored
stakeholder. A module of its own, imported only then: building the enums costs a plain
``careertui win`` more than the rest of its rules. Standard library only.
"""

from __future__ import annotations

from enum import Enum
from typing import Literal


class GapCategory(str, Enum):
    SKILL = "skill"
    EXPERIENCE = "experience"
    VISIBILITY = "visibility"
    RELATIONSHIP = "relationship"
    SCOPE = "scope/title"
    OTHER = "other"


class GapStatus(str, Enum):
    BACKLOG = "backlog"
    WORKING = "working on"
    CLOSED = "closed"


class Relationship(str, Enum):
    MANAGER = "manager"
    SKIP_LEVEL = "skip-level"
    PEER = "peer"
    MENTOR = "mentor"
    SPONSOR = "sponsor"
    DIRECT_REPORT = "direct report"
    EXECUTIVE = "executive"
    CUSTOMER = "customer"
    OTHER = "other"


class Stance(str, Enum):
    CHAMPION = "champion"
    SUPPORTER = "supporter"
    NEUTRAL = "neutral"
    SKEPTIC = "skeptic"
    BLOCKER = "blocker"
    UNKNOWN = "unknown"


GoalStatus = Literal["on track", "at risk", "done", "dropped"]
#: A goal's statuses, in the order the app cycles through them.
GOAL_STATUSES: tuple[GoalStatus, ...] = ("on track", "at risk", "done", "dropped")
#: The statuses of a goal still being worked on.
OPEN_GOAL_STATUSES: tuple[GoalStatus, ...] = ("on track", "at risk")
