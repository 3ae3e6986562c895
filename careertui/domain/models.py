"""The career data model.

Every record has a stable string id (it survives exports, imports and links), created and
updated timestamps, and validation whose messages name the field. The rules of the fields (text
limits, ranges, tags) are declared in :mod:`careertui.domain.fields` and the choices in
:mod:`careertui.domain.choices`, which the lean ``careertui win`` reads too; the field types here
are built from them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Annotated, Any, ClassVar, Literal

from annotated_types import GroupedMetadata
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)

from careertui.domain import fields
from careertui.domain.choices import GOAL_STATUSES as GOAL_STATUSES
from careertui.domain.choices import OPEN_GOAL_STATUSES
from careertui.domain.choices import GapCategory as GapCategory
from careertui.domain.choices import GapStatus as GapStatus
from careertui.domain.choices import GoalStatus as GoalStatus
from careertui.domain.choices import Relationship as Relationship
from careertui.domain.choices import Stance as Stance
from careertui.domain.clock import now, today
from careertui.domain.text import control_refusal, neutralise

#: The validation context of a record read from the store (``model_validate(doc,
#: context=FROM_STORE)``): its text is taken as it is, control characters shown as U+FFFD.
#: Without it (a form, the command line, an import) control characters are refused.
FROM_STORE: Mapping[str, bool] = MappingProxyType({"from_store": True})
#: The context that vouches for a stored record: it raises where :data:`FROM_STORE` would
#: neutralise or normalise, so a record that passes holds its text exactly as careertui writes
#: it (normal, without control characters). A file whose every record passes is marked so
#: beside its digest (:func:`careertui.store.lean.remember_checked`).
AS_WRITTEN: Mapping[str, bool] = MappingProxyType({"from_store": True, "as_written": True})
#: The context of a record of a file so marked: the text rules are not run again (a third of
#: the time it takes to read a large file); types, dates, choices and lengths still are.
TRUSTED: Mapping[str, bool] = MappingProxyType({"from_store": True, "trusted": True})


def _normal_text(value: object, info: ValidationInfo) -> object:
    if not isinstance(value, str) or info.context is TRUSTED:
        return value
    normal = fields.normal_text(value)
    if info.context is AS_WRITTEN and normal != value:
        raise ValueError("not as careertui writes it (line endings or surrounding blanks)")
    return normal


def _no_control(value: str, info: ValidationInfo) -> str:
    """The rule for every text field: input holding a control character (ESC, BEL, NUL, …,
    which would drive the terminal it is printed on) is refused, naming the field; text
    already stored is kept, its control characters neutralised, so an old store still opens
    and never reaches a terminal raw."""
    context = info.context
    if context is TRUSTED:
        return value
    if context is FROM_STORE or (
        context is not None
        and context is not AS_WRITTEN
        and isinstance(context, Mapping)
        and context.get("from_store")
    ):
        return neutralise(value)
    problem = control_refusal(value)
    if problem:
        raise ValueError(problem)
    return value


def _normal_tags(tags: list[str], info: ValidationInfo) -> list[str]:
    """A win's tags as kept (:func:`careertui.domain.fields.normal_tags`)."""
    if info.context is TRUSTED:
        return tags
    normal = fields.normal_tags(tags)
    if info.context is AS_WRITTEN and normal != tags:
        raise ValueError("not as careertui writes them")
    return normal


class TextField(GroupedMetadata):
    """The field type of a :class:`~careertui.domain.fields.TextRule`: line endings made
    newlines and the text trimmed (:func:`careertui.domain.fields.normal_text`, instead of
    pydantic's own stripping), then the rule's lengths, then the control-character rule."""

    def __init__(self, rule: fields.TextRule) -> None:
        self.rule = rule

    def __iter__(self) -> Iterator[Any]:
        yield StringConstraints(
            strip_whitespace=False,
            min_length=self.rule.min_length or None,
            max_length=self.rule.max_length,
        )
        yield BeforeValidator(_normal_text)
        yield AfterValidator(_no_control)


Level = Annotated[int, Field(ge=fields.LEVEL.low, le=fields.LEVEL.high)]
#: Text of any kind: every str field a person writes is one of these.
Plain = Annotated[str, TextField(fields.PLAIN)]
Text = Annotated[str, TextField(fields.TEXT)]
Title = Annotated[str, TextField(fields.TITLE)]
Short = Annotated[str, TextField(fields.SHORT)]


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

    id: str = Field(default="", max_length=fields.ID_MAX)
    created: dt.datetime = Field(default_factory=now)
    updated: dt.datetime = Field(default_factory=now)

    @model_validator(mode="after")
    def _give_id(self) -> Record:
        if not self.id:
            object.__setattr__(self, "id", fields.new_id(self.id_prefix))
        return self


class Profile(BaseModel):
    """The person the career is about, as their documents introduce them. Every field is
    optional, so a store written before it existed loads with an empty profile."""

    model_config = ConfigDict(extra="ignore", validate_assignment=True)

    name: Short = ""
    #: The current job title ("Senior Product Manager").
    title: Short = ""
    #: The current level, as the company writes it ("L6", "Senior II").
    level: Short = ""
    #: Since when the person holds the current title.
    since: dt.date | None = None
    company: Short = ""
    team: Short = ""

    @property
    def is_blank(self) -> bool:
        """Nothing written yet."""
        return not any((self.name, self.title, self.level, self.since, self.company, self.team))


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
    #: Who the career is about: the facts every document names.
    profile: Profile = Field(default_factory=Profile)
    #: The career ladder promotions are decided against (``careertui import ladder``).
    ladder: Ladder | None = None
    #: The user's level on the ladder today, and the level they aim for (names of its levels).
    ladder_level: Short = ""
    ladder_target: Short = ""
    #: Every time the user asked for the promotion, oldest first.
    asks: list[PromotionAsk] = Field(default_factory=list)

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
        from careertui.domain.cadence import years_until

        return years_until(self.horizon, on or today())


class Priority(Record):
    """One of the company's top priorities, kept in rank order."""

    table: ClassVar[str] = "priorities"
    id_prefix: ClassVar[str] = "pri"

    title: Title
    description: Text = ""
    rank: int = Field(default=0, ge=0)
    #: The first day it was in force, when known.
    since: dt.date | None = None
    #: The last day it was in force: set when the priority is archived (a new half brings new
    #: priorities); its wins keep the link. None while it is in force.
    until: dt.date | None = None

    @field_validator("until")
    @classmethod
    def _ends_after_it_began(cls, until: dt.date | None, info: ValidationInfo) -> dt.date | None:
        since = info.data.get("since")
        if until is not None and since is not None and until < since:
            raise ValueError(f"cannot end before it began ({since.isoformat()})")
        return until

    @property
    def archived(self) -> bool:
        return self.until is not None


class LevelChange(BaseModel):
    """A gap's current level from a day on."""

    model_config = ConfigDict(extra="ignore")

    date: dt.date
    level: Level


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
    #: Each change of the current level, oldest first, with its date: the gap's trend.
    level_history: list[LevelChange] = Field(default_factory=list)
    #: The ladder's competencies this gap is about (by name).
    competencies: list[Plain] = Field(default_factory=list)

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
    cadence_days: int = Field(default=0, ge=fields.CADENCE_DAYS.low, le=fields.CADENCE_DAYS.high)
    last_contact: dt.date | None = None


class Metric(BaseModel):
    """An input or output metric, before → after. Values are text so units survive ("31%")."""

    model_config = ConfigDict(str_strip_whitespace=True, extra="ignore")

    name: Annotated[str, TextField(fields.METRIC_NAME)]
    kind: Literal["input", "output"] = "output"
    before: Annotated[str, TextField(fields.METRIC_BEFORE)] = ""
    after: Annotated[str, TextField(fields.METRIC_AFTER)]

    def __str__(self) -> str:
        if self.before:
            return f"{self.name}: {self.before} → {self.after}"
        return f"{self.name}: {self.after}"


class Told(BaseModel):
    """A win was shared with a stakeholder on a day."""

    model_config = ConfigDict(extra="ignore")

    stakeholder_id: Annotated[str, Field(min_length=1)]
    date: dt.date


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
    #: Whom the win was shared with, and when (oldest first).
    told: list[Told] = Field(default_factory=list)
    #: The ladder's competencies this win is evidence for (by name).
    competencies: list[Plain] = Field(default_factory=list)

    _normal_tags = field_validator("tags")(_normal_tags)

    @property
    def headline_metric(self) -> Metric | None:
        outputs = [m for m in self.metrics if m.kind == "output"]
        return next(iter(outputs or self.metrics), None)


class Feedback(Record):
    """A 360 quote or note."""

    table: ClassVar[str] = "feedback"
    id_prefix: ClassVar[str] = "fb"

    quote: Annotated[str, TextField(fields.QUOTE)]
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


class Goal(Record):
    """An interim goal agreed with the manager (the 30–60–90-day kind)."""

    table: ClassVar[str] = "goals"
    id_prefix: ClassVar[str] = "goal"

    title: Title
    due: dt.date
    #: How it will be measured.
    measure: Text = ""
    status: GoalStatus = "on track"
    gap_ids: list[str] = Field(default_factory=list)
    priority_ids: list[str] = Field(default_factory=list)

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_GOAL_STATUSES


class Thanks(Record):
    """A thank-you said to someone who helped with a win."""

    table: ClassVar[str] = "thanks"
    id_prefix: ClassVar[str] = "thx"

    stakeholder_id: Annotated[str, Field(min_length=1)]
    win_id: str | None = None
    date: dt.date = Field(default_factory=today)
    note: Text = ""


class Competency(BaseModel):
    """One competency of a career ladder and what it expects at some of the ladder's levels
    (level name → expectation)."""

    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")

    name: Title
    expects: dict[str, Text] = Field(default_factory=dict)


class Ladder(BaseModel):
    """A career ladder: its levels, lowest first, and its competencies. Names compare without
    regard to case."""

    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")

    ladder: Title
    levels: list[Short] = Field(min_length=1)
    competencies: list[Competency] = Field(default_factory=list)

    @field_validator("levels")
    @classmethod
    def _levels_named_once(cls, levels: list[str]) -> list[str]:
        seen: set[str] = set()
        for level in levels:
            if not level:
                raise ValueError("a level needs a name")
            if level.casefold() in seen:
                raise ValueError(f"the level {level!r} is named twice")
            seen.add(level.casefold())
        return levels

    @model_validator(mode="after")
    def _expectations_at_known_levels(self) -> Ladder:
        known = {level.casefold() for level in self.levels}
        seen: set[str] = set()
        for competency in self.competencies:
            if competency.name.casefold() in seen:
                raise ValueError(f"the competency {competency.name!r} is named twice")
            seen.add(competency.name.casefold())
            for level in competency.expects:
                if level.casefold() not in known:
                    raise ValueError(
                        f"{competency.name!r} expects something at {level!r}, which is not one "
                        f"of the levels ({', '.join(self.levels)})"
                    )
        return self

    def level(self, name: str) -> str | None:
        """The ladder's spelling of the level ``name`` (any case), or None."""
        return next((lv for lv in self.levels if lv.casefold() == name.strip().casefold()), None)

    def competency(self, name: str) -> Competency | None:
        """The competency named ``name`` (any case), or None."""
        folded = name.strip().casefold()
        return next((c for c in self.competencies if c.name.casefold() == folded), None)


class PromotionAsk(BaseModel):
    """Asking for the promotion: when, whom, what was asked, the answer and when to ask
    again."""

    model_config = ConfigDict(str_strip_whitespace=True, extra="ignore")

    ANSWERS: ClassVar[tuple[str, ...]] = ("waiting", "yes", "not yet", "no")

    date: dt.date = Field(default_factory=today)
    whom: Title
    what: Text = ""
    answer: Literal["waiting", "yes", "not yet", "no"] = "waiting"
    said: Text = ""
    ask_again: dt.date | None = None

    @field_validator("ask_again")
    @classmethod
    def _again_after(cls, again: dt.date | None, info: ValidationInfo) -> dt.date | None:
        asked = info.data.get("date")
        if again is not None and asked is not None and again <= asked:
            raise ValueError(f"must be after the day you asked ({asked.isoformat()})")
        return again


#: Every kind of record, in the order of the method: vision → now → gaps → people → wins.
RECORD_TYPES: tuple[type[Record], ...] = (
    Vision,
    Priority,
    Gap,
    Stakeholder,
    Feedback,
    Interaction,
    Win,
    Goal,
    Thanks,
)
