"""The career data model.

Every record has a stable string id (it survives exports, imports and links), created and
updated timestamps, and validation whose messages name the field.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Mapping
from enum import Enum
from types import MappingProxyType
from typing import Annotated, ClassVar, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)

from careertui.domain.clock import now, today
from careertui.domain.text import control_refusal, neutralise, one_line_ending

#: The validation context of a record read from the store (``model_validate(doc,
#: context=FROM_STORE)``): its text is taken as it is, control characters shown as U+FFFD.
#: Without it (a form, the command line, an import) control characters are refused.
FROM_STORE: Mapping[str, bool] = MappingProxyType({"from_store": True})


def _line_endings(value: object) -> object:
    return one_line_ending(value) if isinstance(value, str) else value


def _no_control(value: str, info: ValidationInfo) -> str:
    """The rule for every text field: input holding a control character (ESC, BEL, NUL, …,
    which would drive the terminal it is printed on) is refused, naming the field; text
    already stored is kept, its control characters neutralised, so an old store still opens
    and never reaches a terminal raw."""
    context = info.context
    if isinstance(context, Mapping) and context.get("from_store"):
        return neutralise(value)
    problem = control_refusal(value)
    if problem:
        raise ValueError(problem)
    return value


#: Line endings made newlines first; control characters checked last, after the stripping
#: and the length limits (the order ``careertui.domain.win_record`` mirrors).
LINE_ENDINGS = BeforeValidator(_line_endings)
NO_CONTROL = AfterValidator(_no_control)

Level = Annotated[int, Field(ge=1, le=5)]
#: Text of any kind: every str field a person writes is one of these.
Plain = Annotated[str, LINE_ENDINGS, NO_CONTROL]
Text = Annotated[str, Field(max_length=20_000), LINE_ENDINGS, NO_CONTROL]
Title = Annotated[str, Field(min_length=1, max_length=300), LINE_ENDINGS, NO_CONTROL]
Short = Annotated[str, Field(max_length=300), LINE_ENDINGS, NO_CONTROL]


def new_id(prefix: str) -> str:
    return f"{prefix}_{secrets.token_hex(6)}"


def _clean_list(values: list[str]) -> list[str]:
    return [v.strip() for v in values if v and v.strip()]


class Record(BaseModel):
    """Common ground of every stored record."""

    model_config = ConfigDict(
        str_strip_whitespace=True,
        validate_assignment=True,
        extra="ignore",
        use_enum_values=False,
        defer_build=True,  # built on first use: a command pays only for the models it uses
    )
    #: The TinyDB table the record lives in, and the prefix of its ids.
    table: ClassVar[str] = ""
    id_prefix: ClassVar[str] = ""

    id: str = Field(default="", min_length=0, max_length=64)
    created: dt.datetime = Field(default_factory=now)
    updated: dt.datetime = Field(default_factory=now)

    @model_validator(mode="after")
    def _give_id(self) -> Record:
        if not self.id:
            object.__setattr__(self, "id", new_id(self.id_prefix))
        return self

    def touched(self, **changes: object) -> Record:
        """A copy with ``changes`` applied, validated, and ``updated`` set to now."""
        data = self.model_dump()
        data.update(changes)
        data["updated"] = now()
        return type(self).model_validate(data)


class Vision(Record):
    """Where the user wants to be in 3–5 years, and where they are now. One record."""

    table: ClassVar[str] = "vision"
    id_prefix: ClassVar[str] = "vision"
    SINGLETON_ID: ClassVar[str] = "vision"

    id: str = "vision"
    statement: Text = ""
    horizon: dt.date | None = None
    target_role: Short = ""
    company_kinds: list[Plain] = Field(default_factory=list)
    values: list[Plain] = Field(default_factory=list)
    methods: list[Plain] = Field(default_factory=list)
    obstacles: list[Plain] = Field(default_factory=list)
    measures: list[Plain] = Field(default_factory=list)
    strengths: list[Plain] = Field(default_factory=list)
    usps: list[Plain] = Field(default_factory=list)
    underused_skills: list[Plain] = Field(default_factory=list)

    class ScopeItem(BaseModel):
        """One responsibility: how much of it the user holds today, and what the target role
        asks. ``out`` means it is not in the user's scope at all."""

        model_config = ConfigDict(str_strip_whitespace=True, extra="ignore")

        LEVELS: ClassVar[tuple[str, ...]] = ("out", "influence", "execute", "own")

        responsibility: Title
        today: Literal["own", "execute", "influence", "out"] = "execute"
        target: Literal["own", "execute", "influence", "out"] = "own"

        @property
        def short_by(self) -> int:
            """How many steps (out → influence → execute → own) today is below the target."""
            return max(0, self.LEVELS.index(self.target) - self.LEVELS.index(self.today))

    class RoomToGrow(BaseModel):
        """Whether the company has room for the next step on the user's terms."""

        model_config = ConfigDict(str_strip_whitespace=True, extra="ignore")

        answer: Literal["not asked", "yes", "not yet", "no", "unclear"] = "not asked"
        asked_on: dt.date | None = Field(default=None, validate_default=True)
        asked_whom: Short = ""
        management_said: Text = ""
        openings: Text = ""

        @field_validator("asked_on")
        @classmethod
        def _asked_needs_a_date(cls, asked_on: dt.date | None, info: ValidationInfo) -> object:
            if asked_on is None and info.data.get("answer", "not asked") != "not asked":
                raise ValueError("say when you asked, or set the answer to 'not asked'")
            return asked_on

    #: What the user owns, executes and only influences today (schema 2).
    scope: list[ScopeItem] = Field(default_factory=list)
    #: What management said about room for the next step (schema 2).
    room_to_grow: RoomToGrow = Field(default_factory=RoomToGrow)

    _lists = field_validator(
        "company_kinds",
        "values",
        "methods",
        "obstacles",
        "measures",
        "strengths",
        "usps",
        "underused_skills",
    )(_clean_list)

    def years_left(self, on: dt.date | None = None) -> float | None:
        if self.horizon is None:
            return None
        return round((self.horizon - (on or today())).days / 365.25, 1)


class Priority(Record):
    """One of the company's top priorities, kept in rank order."""

    table: ClassVar[str] = "priorities"
    id_prefix: ClassVar[str] = "pri"

    title: Title
    description: Text = ""
    rank: int = Field(default=0, ge=0)


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


class Gap(Record):
    """A capability gap between where the user is and where the vision says they want to be."""

    table: ClassVar[str] = "gaps"
    id_prefix: ClassVar[str] = "gap"

    title: Title
    why: Text = ""
    category: GapCategory = GapCategory.SKILL
    current_level: Level = 1
    target_level: Level = 3
    impact: Level = 3
    effort: Level = 3
    status: GapStatus = GapStatus.BACKLOG
    next_action: Text = ""
    due: dt.date | None = None
    rank: int = Field(default=0, ge=0)
    stakeholder_ids: list[str] = Field(default_factory=list)
    #: The feedback this gap was made from, if any.
    source_feedback_id: str | None = None

    @field_validator("target_level")
    @classmethod
    def _target_not_below_current(cls, target: int, info: ValidationInfo) -> int:
        current = info.data.get("current_level")
        if current is not None and target < current:
            raise ValueError(f"must not be below the current level ({current})")
        return target

    @property
    def size(self) -> int:
        return self.target_level - self.current_level


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


class Stakeholder(Record):
    """Someone who decides or influences the user's next step."""

    table: ClassVar[str] = "stakeholders"
    id_prefix: ClassVar[str] = "stk"

    name: Title
    title: Short = ""
    relationship: Relationship = Relationship.PEER
    influence: Level = 3
    stance: Stance = Stance.UNKNOWN
    cares_about: Text = ""
    moves_needle: Text = ""
    how_to_help: Text = ""
    cadence_days: int = Field(default=0, ge=0, le=3650)
    last_contact: dt.date | None = None


class Metric(BaseModel):
    """An input or output metric, before → after. Values are text so units survive ("31%")."""

    model_config = ConfigDict(str_strip_whitespace=True, extra="ignore")

    name: Annotated[str, Field(min_length=1, max_length=200), LINE_ENDINGS, NO_CONTROL]
    kind: Literal["input", "output"] = "output"
    before: Annotated[str, Field(max_length=100), LINE_ENDINGS, NO_CONTROL] = ""
    after: Annotated[str, Field(min_length=1, max_length=100), LINE_ENDINGS, NO_CONTROL]

    def __str__(self) -> str:
        if self.before:
            return f"{self.name}: {self.before} → {self.after}"
        return f"{self.name}: {self.after}"


class Win(Record):
    """A journal entry: an accomplishment with measurable impact."""

    table: ClassVar[str] = "wins"
    id_prefix: ClassVar[str] = "win"

    date: dt.date = Field(default_factory=today)
    title: Title
    body: Text = ""
    impact: Text = ""
    metrics: list[Metric] = Field(default_factory=list)
    priority_id: str | None = None
    gap_ids: list[str] = Field(default_factory=list)
    stakeholder_ids: list[str] = Field(default_factory=list)
    tags: list[Plain] = Field(default_factory=list)
    starred: bool = False

    @field_validator("tags")
    @classmethod
    def _normal_tags(cls, tags: list[str]) -> list[str]:
        seen: list[str] = []
        for tag in tags:
            tag = tag.strip().lstrip("#").lower()
            if not tag:
                continue
            if any(ch.isspace() for ch in tag):
                raise ValueError(f"tag {tag!r} must be one word")
            if tag not in seen:
                seen.append(tag)
        return seen

    @property
    def headline_metric(self) -> Metric | None:
        outputs = [m for m in self.metrics if m.kind == "output"]
        return (outputs or self.metrics or [None])[0]


class Feedback(Record):
    """A 360 quote or note."""

    table: ClassVar[str] = "feedback"
    id_prefix: ClassVar[str] = "fb"

    quote: Annotated[str, Field(min_length=1, max_length=20_000), LINE_ENDINGS, NO_CONTROL]
    giver_id: str | None = None
    giver_name: Short = ""
    date: dt.date = Field(default_factory=today)
    theme: Short = ""
    kind: Literal["strength", "gap"] = "strength"


class Interaction(Record):
    """A check-in with a stakeholder."""

    table: ClassVar[str] = "interactions"
    id_prefix: ClassVar[str] = "int"

    stakeholder_id: Annotated[str, Field(min_length=1)]
    date: dt.date = Field(default_factory=today)
    note: Text = ""


#: Every kind of record, in the order of the method: vision → now → gaps → people → wins.
RECORD_TYPES: tuple[type[Record], ...] = (
    Vision,
    Priority,
    Gap,
    Stakeholder,
    Feedback,
    Interaction,
    Win,
)
