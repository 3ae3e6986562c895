"""The Vision pane: both ends of the map — the destination (vision statement, target role,
V2MOM, company priorities) and the starting point (strengths, 360 feedback, scope today, room
to grow).

The statement is on top (as Markdown when it has some); every section below is rows of one
:class:`OptionList`, so the arrow keys walk the whole pane and a redraw costs one list, not a
widget per record. The pane never touches the store: keys post messages that say what the user
meant; the app writes and calls :meth:`VisionPane.show` again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from careertui.domain.clock import today
from careertui.domain.dates import shown
from careertui.domain.goals import due_text, open_goals
from careertui.domain.models import (
    GOAL_STATUSES,
    Feedback,
    Goal,
    GoalStatus,
    Priority,
    Profile,
    Vision,
)
from careertui.domain.priorities import period_text
from careertui.domain.vision import (
    moved,
    needs_guided_start,
    priority_warning,
    room_to_grow_flag,
    scope_gaps,
    scope_summary,
    years_left_text,
)
from careertui.store.repository import Career
from careertui.tui.commands import PaletteCommand
from careertui.tui.panes.base import Pane
from careertui.tui.widgets.prose import Prose
from careertui.tui.widgets.vision_glance import GlanceLine, VisionGlance
from careertui.tui.widgets.vision_outline import VisionOutline


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    hint: str
    ranked: bool = False
    #: The name in the pane's glance, where every section takes one line.
    short: str = ""


#: The sections in the order the pane shows them: the destination, then where I am now.
SECTIONS: tuple[Section, ...] = (
    Section("destination", "Destination", "e edit"),
    Section("profile", "Who I am today", "e edit · on every document"),
    Section("values", "Values", "ranked · J/K move · e edit · a add · d delete", True, "Values"),
    Section("methods", "Methods", "ranked · J/K move · e edit · a add · d delete", True, "Methods"),
    Section(
        "obstacles", "Obstacles", "g make a gap · e edit · a add · d delete", short="Obstacles"
    ),
    Section("measures", "Measures", "e edit · a add · d delete", short="Measures"),
    Section(
        "priorities",
        "Company priorities",
        "ranked · J/K move · e edit · a add · x archive · d delete",
        ranked=True,
        short="Priorities",
    ),
    Section("goals", "Interim goals", "s status · e edit · a add · d delete", short="Goals"),
    Section("strengths", "Strengths", "e edit · a add · d delete", short="Strengths"),
    Section("usps", "Unique selling points", "e edit · a add · d delete", short="USPs"),
    Section(
        "underused_skills", "Under-used skills", "e edit · a add · d delete", short="Under-used"
    ),
    Section(
        "feedback", "360 feedback", "g make a gap · e edit · a add · d delete", short="Feedback"
    ),
    Section("scope", "Scope today", "e edit · a add · d delete", short="Scope"),
    Section("room", "Room to grow", "e edit", short="Room"),
)
SECTION_BY_KEY = {section.key: section for section in SECTIONS}
#: How many archived priorities the pane lists (the most recently ended); the rest are counted.
ARCHIVED_SHOWN = 5
#: The sections that are plain lists of text on the vision record.
TEXT_LISTS = ("values", "methods", "obstacles", "measures", "strengths", "usps", "underused_skills")


def row_id(section: str, index: int | None = None) -> str:
    """``values:2`` for an item, ``values:-`` for the section's placeholder or summary row
    (flags are ``room:flag``, ``priorities:warn``; headers ``values:h``)."""
    return f"{section}:{'-' if index is None else index}"


def parse_row_id(option_id: str | None) -> tuple[str, int | None] | None:
    if not option_id or ":" not in option_id:
        return None
    section, _, index = option_id.partition(":")
    if section not in SECTION_BY_KEY or index == "h":
        return None
    return section, (int(index) if index.isdigit() else None)


def _one_line(text: str, limit: int = 200) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _room_glance(room: Vision.RoomToGrow) -> tuple[str, ...]:
    """Room to grow in the glance: the answer and what management said (nothing if not asked)."""
    if room.answer == "not asked" and not room.management_said:
        return ()
    said = (f"“{_one_line(room.management_said, 60)}”",) if room.management_said else ()
    return (room.answer, *said)


class VisionPane(Pane):
    """The vision: the statement on top, every section as a row of one outline below."""

    TITLE = "Vision"
    KEY = "1"
    EMPTY_TEXT = (
        "Start here: where do you want to be in 3–5 years, and where are you now?\n"
        "Press e to write your vision, or open the guided start from the command palette "
        "(ctrl+p, “Guided start”). V2MOM: vision, values, methods, obstacles, measures; the "
        "gaps, people and wins all follow from it."
    )

    FOOTER_FIRST = (
        "vision.edit",
        "vision.add",
        "vision.make_gap",
        "vision.move_down",
        "vision.move_up",
    )
    BINDINGS = [
        Binding("e", "edit", "Edit", id="vision.edit"),
        Binding("a", "add", "Add", id="vision.add"),
        Binding("d", "delete", "Delete", id="vision.delete"),
        Binding("s", "goal_status", "Goal status", show=False, id="vision.goal_status"),
        Binding("x", "archive", "Archive or restore priority", show=False, id="vision.archive"),
        Binding("J", "move(1)", "Move down", id="vision.move_down"),
        Binding("K", "move(-1)", "Move up", id="vision.move_up"),
        Binding("g", "make_gap", "Make a gap", id="vision.make_gap"),
        Binding(
            "right_square_bracket",
            "section(1)",
            "Next section",
            id="vision.next_section",
            show=False,
        ),
        Binding(
            "left_square_bracket",
            "section(-1)",
            "Previous section",
            id="vision.previous_section",
            show=False,
        ),
    ]

    # -- messages: what the user meant ------------------------------------------------------
    @dataclass
    class EditSection(Message):
        """Edit ``section`` (the item at ``index``, for sections of records or items)."""

        section: str
        index: int | None
        record_id: str | None

    @dataclass
    class AddItem(Message):
        """Add an item to ``section`` (a value, a priority, a feedback quote, …)."""

        section: str

    @dataclass
    class DeleteItem(Message):
        """Delete the item at ``index`` of ``section`` (``record_id`` for records)."""

        section: str
        index: int
        record_id: str | None

    @dataclass
    class ArchivePriority(Message):
        """Archive the company priority ``priority_id``: it leaves the list in force, its wins
        keep the link."""

        priority_id: str

    @dataclass
    class RestorePriority(Message):
        """Put the archived priority ``priority_id`` back in force."""

        priority_id: str

    @dataclass
    class MoveItem(Message):
        """Move the item at ``index`` of a ranked section ``step`` places (+1 down, -1 up).

        ``expected`` is the item's text (a priority's id), so a write never moves another item
        when the list changed meanwhile.
        """

        section: str
        index: int
        step: int
        record_id: str | None
        expected: str

    @dataclass
    class MakeGap(Message):
        """Turn an obstacle or a feedback marked as a gap into a gap card."""

        section: str
        index: int
        record_id: str | None

    @dataclass
    class GoalStatusChanged(Message):
        """Set the interim goal ``goal_id`` to ``status``."""

        goal_id: str
        status: GoalStatus

    @dataclass
    class OpenGuidedStart(Message):
        """Open the guided start; ``automatic`` when the pane first shows an empty store (the
        app decides whether it should open by itself)."""

        automatic: bool = False

    # -- layout -----------------------------------------------------------------------------
    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._career: Career | None = None
        self._statement: str | None = None
        self._row_ids: list[str | None] = []
        self._follow: str | None = None
        self._shown_once = False
        #: What of the gaps and the day the outline was last drawn with.
        self._marks: tuple[object, ...] = ()

    def compose_body(self) -> ComposeResult:
        yield Prose("", id="vision-statement", classes="pane-body")
        yield VisionGlance(f"{self.KEY} lists every item", id="vision-glance", classes="pane-body")
        yield VisionOutline(id="vision-outline", classes="pane-body")
        yield Prose("", id="vision-detail", classes="pane-body -none")

    @property
    def outline(self) -> VisionOutline:
        return self.query_one(VisionOutline)

    # -- data -------------------------------------------------------------------------------
    def shows_nothing(self, career: Career) -> bool:
        blank = Vision()
        vision = career.vision
        return (
            not career.priorities
            and not career.archived_priorities
            and not career.feedback
            and not career.goals
            and all(
                getattr(vision, name) == getattr(blank, name)
                for name in Vision.model_fields
                if name not in ("id", "created", "updated")
            )
        )

    def show(self, career: Career) -> None:
        before, self._career = self._career, career
        if not self._shown_once:
            self._shown_once = True
            if needs_guided_start(career.vision, career.priorities):
                # show() runs in the app's call stack; sent as the pane, the message bubbles
                # all the way up to the app instead of stopping at the caller.
                self.post_message(self.OpenGuidedStart(automatic=True).set_sender(self))
        self.set_empty(self.shows_nothing(career))
        statement = career.vision.statement or "*No vision statement yet: press e on Destination.*"
        if statement != self._statement:
            self._statement = statement
            self.query_one("#vision-statement", Prose).update(statement)
        # The outline shows the vision, priorities and feedback, and of the gaps only which
        # obstacles and feedback are on the board: a gap moved or a win logged leaves it be.
        marks = (
            {gap.title.casefold() for gap in career.gaps},
            {gap.source_feedback_id for gap in career.gaps},
            today(),
        )
        unchanged = not career.changed_since(before) & {
            "vision",
            "priorities",
            "archived_priorities",
            "feedback",
            "goals",
        }
        if unchanged and marks == self._marks and self._follow is None:
            return
        self._marks = marks
        destination, glance = self._glance(career)
        self.border_subtitle = "" if self.shows_nothing(career) else destination
        self.query_one(VisionGlance).show(glance)
        outline = self.outline
        keep = self._follow or self._highlighted_id()
        self._follow = None
        options = list(self._options(career))
        self._row_ids = [option.id for option in options]
        scrolled = outline.scroll_y
        outline.set_options(options)
        # Stay where the user was looking; the cursor row is then scrolled into view if needed.
        outline.set_scroll(None, scrolled)
        if keep in self._row_ids:
            outline.highlighted = self._row_ids.index(keep)
        elif keep is not None and keep.partition(":")[0] in SECTION_BY_KEY:
            # The item left (deleted): stay in its section.
            section = keep.partition(":")[0]
            same = [
                i
                for i, (rid, option) in enumerate(zip(self._row_ids, options, strict=True))
                if rid and rid.startswith(f"{section}:") and not option.disabled
            ]
            outline.highlighted = same[-1] if same else None
        if outline.highlighted is None:
            outline.action_first()
        outline.call_after_refresh(outline.scroll_to_highlight)

    # -- the glance ---------------------------------------------------------------------------
    @staticmethod
    def _glance(career: Career) -> tuple[str, list[GlanceLine]]:
        """The destination in one line (the pane's bottom border shows it) and every other
        section with its items, for the glance shown while another pane is active."""
        vision = career.vision
        destination = f"→ {vision.target_role}" if vision.target_role else "No target role yet"
        years = vision.years_left(today())
        if vision.target_role and years is not None and years >= 0:
            destination += f" in {years:g} year{'' if years == 1 else 's'}"
        elif vision.horizon:
            destination += f" ({years_left_text(vision, today())})"
        items: dict[str, tuple[str, ...]] = {
            **{key: tuple(getattr(vision, key)) for key in TEXT_LISTS},
            "priorities": tuple(p.title for p in career.priorities),
            "goals": tuple(
                f"{g.title} ({g.status}, {due_text(g, today())})" for g in open_goals(career.goals)
            ),
            "feedback": tuple(
                f"“{_one_line(f.quote, 60)}” — {f.giver_name or 'anonymous'}"
                for f in career.feedback
            ),
            "scope": tuple(f"{item.responsibility} ({item.today})" for item in vision.scope),
            "room": _room_glance(vision.room_to_grow),
        }
        empty = {"room": "not asked yet"}
        # on a short terminal the goals give way first (turned to, the pane lists them)
        lines = [
            GlanceLine(
                section.short,
                items[section.key],
                empty.get(section.key, "none yet"),
                spare=section.key == "goals",
            )
            for section in SECTIONS
            if section.key not in ("destination", "profile")
        ]
        return destination, lines

    # -- selecting what was just added ------------------------------------------------------
    def select(self, record_id: str) -> None:
        """Put the cursor on the company priority or the feedback ``record_id``."""
        career = self._career
        if career is None:
            return
        for section, records in (
            ("priorities", career.priorities),
            ("goals", career.goals),
            ("feedback", career.feedback),
        ):
            for index, record in enumerate(records):
                if record.id == record_id:
                    self._go_to_row(row_id(section, index))
                    return

    def select_item(self, section: str, text: str) -> None:
        """Put the cursor on the item ``text`` of a list section (values, strengths, …, or the
        responsibility of a scope item)."""
        career = self._career
        if career is None:
            return
        if section == "scope":
            items = [item.responsibility for item in career.vision.scope]
        elif section in TEXT_LISTS:
            items = list(getattr(career.vision, section))
        else:
            return
        found = [i for i, item in enumerate(items) if item.casefold() == text.casefold()]
        if found:
            self._go_to_row(row_id(section, found[-1]))

    def _go_to_row(self, option_id: str) -> None:
        if option_id in self._row_ids:
            self.outline.highlighted = self._row_ids.index(option_id)
            self.outline.scroll_to_highlight()

    def _highlighted_id(self) -> str | None:
        index = self.outline.highlighted
        if index is None or not 0 <= index < len(self._row_ids):
            return None
        return self._row_ids[index]

    # -- rows -------------------------------------------------------------------------------
    def _options(self, career: Career):  # noqa: ANN202 - a generator of options
        vision = career.vision
        for section in SECTIONS:
            yield self._header(section)
            if section.key == "destination":
                yield from self._destination(vision)
            elif section.key == "profile":
                yield from self._profile(vision.profile)
            elif section.key in TEXT_LISTS:
                items: list[str] = getattr(vision, section.key)
                on_board = (
                    {gap.title.casefold() for gap in career.gaps}
                    if section.key == "obstacles"
                    else set()
                )
                for index, item in enumerate(items):
                    mark = f"{index + 1:>2}. " if section.ranked else "  • "
                    note = (
                        ("  → on the gap board", "$text-muted")
                        if (item.casefold() in on_board)
                        else ""
                    )
                    yield Option(Content.assemble(mark, item, note), id=row_id(section.key, index))
                if not items:
                    yield self._placeholder(section.key, "none yet — a to add")
            elif section.key == "priorities":
                yield from self._priorities(career)
            elif section.key == "goals":
                yield from self._goals(career)
            elif section.key == "feedback":
                linked = {gap.source_feedback_id for gap in career.gaps}
                yield from self._feedback(career.feedback, linked)
            elif section.key == "scope":
                yield from self._scope(vision.scope)
            elif section.key == "room":
                yield from self._room(vision.room_to_grow)

    @staticmethod
    def _header(section: Section) -> Option:
        return Option(
            Content.assemble(
                (section.title.upper(), "bold $accent"), "  ", (section.hint, "$text-muted")
            ),
            id=f"{section.key}:h",
            disabled=True,
        )

    @staticmethod
    def _placeholder(section: str, text: str) -> Option:
        return Option(Content.assemble(("  " + text, "italic $text-muted")), id=row_id(section))

    @staticmethod
    def _flag(section: str, text: str, name: str) -> Option:
        return Option(Content.assemble(("  ⚠ " + text, "bold $warning")), id=f"{section}:{name}")

    def _destination(self, vision: Vision):  # noqa: ANN202
        horizon = (
            f"{shown(vision.horizon)} · {years_left_text(vision, today())}"
            if vision.horizon
            else "no horizon set"
        )
        kinds = ", ".join(vision.company_kinds) or "—"
        yield Option(
            Content.assemble(("  Target role: ", "bold"), vision.target_role or "—"),
            id=row_id("destination", 0),
        )
        yield Option(
            Content.assemble(("  Horizon: ", "bold"), horizon), id=row_id("destination", 1)
        )
        yield Option(
            Content.assemble(("  Companies I want to serve: ", "bold"), kinds),
            id=row_id("destination", 2),
        )

    def _profile(self, profile: Profile):  # noqa: ANN202
        if profile.is_blank:
            yield self._placeholder("profile", "your name and current role — e to fill in")
            return
        role = ", ".join(part for part in (profile.title, profile.level) if part) or "—"
        since = f" · since {shown(profile.since)}" if profile.since else ""
        yield Option(
            Content.assemble(("  " + (profile.name or "—"), "bold"), f" · {role}{since}"),
            id=row_id("profile", 0),
        )
        where = " · ".join(part for part in (profile.team, profile.company) if part)
        if where:
            yield Option(Content.assemble("  " + where), id=row_id("profile", 1))

    def _priorities(self, career: Career):  # noqa: ANN202
        for index, priority in enumerate(career.priorities):
            yield Option(
                Content.assemble(f"{index + 1:>2}. ", (priority.title, "bold")),
                id=row_id("priorities", index),
            )
        if not career.priorities:
            yield self._placeholder("priorities", "none yet — a to add the company's top 3–5")
        warning = priority_warning(len(career.priorities))
        if warning:
            yield self._flag("priorities", warning, "warn")
        archived = career.archived_priorities
        if archived:
            # kept apart and dimmed, the most recently ended first: their wins keep the link
            yield Option(
                Content.assemble(
                    (
                        f"  archived ({len(archived)}): their wins keep the link · x restores",
                        "italic $text-muted",
                    )
                ),
                id="priorities:archived",
                disabled=True,
            )
            # numbered on after the ones in force: e edits, x restores, d deletes
            after = len(career.priorities)
            for index, priority in enumerate(archived[:ARCHIVED_SHOWN]):
                yield Option(
                    Content.assemble(
                        ("    " + priority.title, "$text-muted"),
                        (f"  {period_text(priority)}", "italic $text-muted"),
                    ),
                    id=row_id("priorities", after + index),
                )
            if len(archived) > ARCHIVED_SHOWN:
                more = len(archived) - ARCHIVED_SHOWN
                yield Option(
                    Content.assemble((f"    and {more} older", "italic $text-muted")),
                    id="priorities:older",
                    disabled=True,
                )

    def _goals(self, career: Career):  # noqa: ANN202
        styles = {"on track": "$success", "at risk": "bold $warning", "done": "$text-muted"}
        on = today()
        for index, goal in enumerate(career.goals):
            when = due_text(goal, on) if goal.is_open else shown(goal.due)
            yield Option(
                Content.assemble(
                    "  ",
                    (f"{goal.status:<8}", styles.get(goal.status, "$text-muted")),
                    f" {shown(goal.due)} ",
                    (goal.title, "bold" if goal.is_open else ""),
                    (f" · {when}" if goal.is_open else "", "$text-muted"),
                ),
                id=row_id("goals", index),
            )
        if not career.goals:
            yield self._placeholder("goals", "none yet — a to add a 30/60/90-day goal")

    def _feedback(self, feedback: list[Feedback], linked: set[str | None]):  # noqa: ANN202
        for index, item in enumerate(feedback):
            kind = ("gap", "bold $error") if item.kind == "gap" else ("strength", "bold $success")
            board = (" → on the board", "$text-muted") if item.id in linked else ""
            who = item.giver_name or "anonymous"
            theme = f" · {item.theme}" if item.theme else ""
            yield Option(
                Content.assemble(
                    f"  {shown(item.date)} ",
                    kind,
                    board,
                    (theme, "$text-muted"),
                    "  ",
                    f"“{_one_line(item.quote)}” — {who}",
                ),
                id=row_id("feedback", index),
            )
        if not feedback:
            yield self._placeholder("feedback", "no 360 feedback yet — a to add a quote")

    def _scope(self, scope: list[Vision.ScopeItem]):  # noqa: ANN202
        short = {id(item) for item in scope_gaps(scope)}
        # the levels as wide as the longest ones here, so the responsibilities line up close
        today_w = max((len(item.today) for item in scope), default=0)
        target_w = max((len(item.target) for item in scope), default=0)
        for index, item in enumerate(scope):
            level = (
                f"{item.today:>{today_w}} → {item.target:<{target_w}} ",
                "bold $warning" if id(item) in short else "$text-muted",
            )
            yield Option(
                Content.assemble("  ", level, " ", item.responsibility), id=row_id("scope", index)
            )
        yield Option(Content.assemble(("  " + scope_summary(scope), "italic")), id=row_id("scope"))

    def _room(self, room: Vision.RoomToGrow):  # noqa: ANN202
        asked = (
            f"{room.answer} · asked {shown(room.asked_on)}"
            + (f" ({room.asked_whom})" if room.asked_whom else "")
            if room.asked_on
            else room.answer
        )
        yield Option(Content.assemble(("  Answer: ", "bold"), asked), id=row_id("room", 0))
        if room.management_said:
            yield Option(
                Content.assemble(
                    ("  Management said: ", "bold"), f"“{_one_line(room.management_said)}”"
                ),
                id=row_id("room", 1),
            )
        if room.openings:
            yield Option(
                Content.assemble(("  Open roles or budget: ", "bold"), _one_line(room.openings)),
                id=row_id("room", 2),
            )
        flag = room_to_grow_flag(room, today())
        if flag:
            yield self._flag("room", flag, "flag")

    # -- what the keys mean -----------------------------------------------------------------
    def _target(self) -> tuple[str, int | None, str | None]:
        """The section, item index and record id under the cursor."""
        parsed = parse_row_id(self._highlighted_id())
        if parsed is None:
            return "destination", None, None
        section, index = parsed
        return section, index, self._record_id(section, index)

    def _record_id(self, section: str, index: int | None) -> str | None:
        if self._career is None or index is None:
            return None
        rows: Sequence[Priority | Feedback | Goal]
        if section == "priorities":
            rows = [*self._career.priorities, *self._career.archived_priorities[:ARCHIVED_SHOWN]]
        elif section == "goals":
            rows = self._career.goals
        elif section == "feedback":
            rows = self._career.feedback
        else:
            return None
        return rows[index].id if index < len(rows) else None

    def action_edit(self) -> None:
        section, index, record_id = self._target()
        if section in ("priorities", "goals", "feedback", "scope") and index is None:
            self.post_message(self.AddItem(section))
            return
        self.post_message(self.EditSection(section, index, record_id))

    def action_add(self) -> None:
        section, _, _ = self._target()
        if section in ("destination", "profile", "room"):
            self.post_message(self.EditSection(section, None, None))
            return
        self.post_message(self.AddItem(section))

    def action_goal_status(self) -> None:
        """The goal under the cursor to its next status (on track → at risk → done →
        dropped → on track)."""
        section, index, record_id = self._target()
        career = self._career
        if section != "goals" or record_id is None or career is None:
            self.notify("Move to an interim goal to change its status")
            return
        goal = next(g for g in career.goals if g.id == record_id)
        status = GOAL_STATUSES[(GOAL_STATUSES.index(goal.status) + 1) % len(GOAL_STATUSES)]
        self.post_message(self.GoalStatusChanged(goal.id, status))

    def action_archive(self) -> None:
        """Archive the company priority under the cursor (the app asks first), or put an
        archived one back in force."""
        section, index, record_id = self._target()
        if section != "priorities" or index is None or record_id is None:
            self.notify("Move to a company priority to archive it (x)")
            return
        if index >= self._count(section):
            self.post_message(self.RestorePriority(record_id))
        else:
            self.post_message(self.ArchivePriority(record_id))

    def action_delete(self) -> None:
        section, index, record_id = self._target()
        if section in ("destination", "profile", "room") or index is None:
            self.notify("Move to an item to delete it (e edits the section)")
            return
        self.post_message(self.DeleteItem(section, index, record_id))

    def action_move(self, step: int) -> None:
        section, index, record_id = self._target()
        if not SECTION_BY_KEY[section].ranked:
            self.notify("Values, methods and company priorities are the ranked lists")
            return
        if index is None:
            return
        count = self._count(section)
        if index >= count:  # an archived priority
            self.notify("Archived priorities are listed as they ended; x puts one back in force")
            return
        target = max(0, min(count - 1, index + step))
        if target == index:
            return
        career = self._career
        assert career is not None
        # Show the new order at once, so that J J J moves the item three places even before
        # the first write is back; the app's fresh snapshot replaces this one.
        if section == "priorities":
            order, _ = moved(career.priorities, index, step)
            expected = career.priorities[index].id
            optimistic = replace(career, priorities=order)
        else:
            items = getattr(career.vision, section)
            order, _ = moved(items, index, step)
            expected = items[index]
            optimistic = replace(career, vision=career.vision.model_copy(update={section: order}))
        self.post_message(self.MoveItem(section, index, step, record_id, expected))
        self._follow = row_id(section, target)
        self.show(optimistic)

    def action_section(self, step: int) -> None:
        """Jump to the first row of the next (or previous) section."""
        starts = [
            i + 1
            for i, rid in enumerate(self._row_ids)
            if rid and rid.endswith(":h") and i + 1 < len(self._row_ids)
        ]
        if not starts:
            return
        current = self.outline.highlighted or 0
        if step > 0:
            later = [i for i in starts if i > current]
            target = later[0] if later else starts[-1]
        else:
            earlier = [i for i in starts if i < current]
            target = earlier[-1] if earlier else starts[0]
        self.outline.highlighted = target

    def action_make_gap(self) -> None:
        section, index, record_id = self._target()
        if section not in ("obstacles", "feedback") or index is None:
            self.notify("g turns an obstacle, or feedback marked as a gap, into a gap card")
            return
        self.post_message(self.MakeGap(section, index, record_id))

    def _count(self, section: str) -> int:
        if self._career is None:
            return 0
        if section == "priorities":
            return len(self._career.priorities)
        return len(getattr(self._career.vision, section))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_edit()

    # -- the long text under the cursor, rendered -------------------------------------------
    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self._show_detail(event.option.id)

    def detail_text(self, option_id: str | None) -> str:
        """The Markdown shown under the outline for the row ``option_id`` ("" for none)."""
        parsed = parse_row_id(option_id)
        career = self._career
        if parsed is None or career is None:
            return ""
        section, index = parsed
        if section == "priorities" and index is not None and index < len(career.priorities):
            priority = career.priorities[index]
            return f"**{priority.title}**\n\n{priority.description}" if priority.description else ""
        if section == "feedback" and index is not None and index < len(career.feedback):
            item = career.feedback[index]
            quote = "\n".join(f"> {line}" for line in item.quote.splitlines())
            about = " · ".join(x for x in (item.kind, item.theme) if x)
            who = item.giver_name or "anonymous"
            return f"{quote}\n\n— {who}, {shown(item.date)} · {about}"
        if section == "room":
            room = career.vision.room_to_grow
            parts = []
            if room.management_said:
                parts.append(f"**Management said:** {room.management_said}")
            if room.openings:
                parts.append(f"**Open roles or budget:** {room.openings}")
            return "\n\n".join(parts)
        return ""

    def _show_detail(self, option_id: str | None) -> None:
        text = self.detail_text(option_id)
        detail = self.query_one("#vision-detail", Prose)
        detail.set_class(not text, "-none")
        detail.update(text)

    def palette_commands(self) -> list[PaletteCommand]:
        return [
            (
                "Guided start",
                "Vision, target role and horizon, company priorities, strengths — "
                "one step at a time",
                lambda: self.post_message(self.OpenGuidedStart()),
            ),
            (
                "Edit vision statement",
                "The destination: statement, target role, horizon",
                lambda: self.post_message(self.EditSection("destination", None, None)),
            ),
            (
                "Edit room to grow",
                "What management said about the next step, and when",
                lambda: self.post_message(self.EditSection("room", None, None)),
            ),
        ]
