"""Random sessions: Hypothesis draws a sequence of things a user does (log, edit, delete, undo
and star wins; add, move, step and close gaps; check in; filter the journal), Pilot does them
with keys, and after every step the store and the screen are compared with a plain model of
what they should hold.

The model is dictionaries and lists kept by the test; which record a key acts on is the one
under the cursor on screen (read before the key), as for a user.

The suite runs a modest number of sessions with a fixed seed (the same sessions every run);
``CAREERTUI_FULL_SESSIONS=1`` runs many more, freshly drawn.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from textual.pilot import Pilot
from textual.widgets import Input

from careertui.domain.gaps import COLUMNS
from careertui.domain.models import Gap, GapStatus, Stakeholder, Win
from careertui.store.repository import Repository
from careertui.tui.app import CareerApp, make_app
from careertui.tui.panes.gaps import GapsPane
from careertui.tui.panes.stakeholders import StakeholdersPane
from careertui.tui.screens.confirm import ConfirmScreen
from careertui.tui.screens.form import FormScreen
from careertui.tui.screens.quick_win import QuickWinScreen
from careertui.tui.screens.stakeholder_check_in import StakeholderCheckInScreen
from careertui.tui.widgets.win_list import WinList
from tests.tui.every_action_helpers import (
    SIZE,
    Notes,
    crash,
    press_keys,
    read_tables,
    screen_shows_store,
    settle,
    wait_until,
)

TODAY = dt.date(2026, 11, 23)  # tests/conftest.py pins CAREERTUI_TODAY
FULL = os.environ.get("CAREERTUI_FULL_SESSIONS") == "1"
EXAMPLES = 150 if FULL else 15
STEPS = 30 if FULL else 12
#: Words the titles are made of; none is part of another, so a filter word matches exactly the
#: titles holding it.
WORDS = ("alpha", "bravo", "delta", "kilo", "oscar")


# -- the model ----------------------------------------------------------------------------------
@dataclass
class WinModel:
    id: str
    title: str
    starred: bool
    date: dt.date
    created: dt.datetime


@dataclass
class GapModel:
    id: str
    title: str
    status: GapStatus
    current_level: int
    target_level: int
    impact: int


@dataclass
class PersonModel:
    id: str
    last_contact: dt.date | None
    check_ins: int


@dataclass
class Model:
    """What the store should hold, and what the journal's filter was set to."""

    wins: dict[str, WinModel] = field(default_factory=dict)
    #: Wins deleted in this session, last on top: ``u`` brings back the top one.
    deleted: list[WinModel] = field(default_factory=list)
    gaps: dict[str, GapModel] = field(default_factory=dict)
    #: Each column's gap ids, top to bottom.
    columns: dict[GapStatus, list[str]] = field(
        default_factory=lambda: {status: [] for status in COLUMNS}
    )
    people: dict[str, PersonModel] = field(default_factory=dict)
    filter: str = ""

    def shown_wins(self) -> list[str]:
        """The journal's list: newest first, kept by the filter (``*`` and free words)."""
        tokens = self.filter.split()
        kept = [
            w
            for w in self.wins.values()
            if ("*" not in tokens or w.starred)
            and all(t in w.title.casefold() for t in tokens if t != "*")
        ]
        kept.sort(key=lambda w: (w.date, w.created), reverse=True)
        return [w.id for w in kept]

    def move_gap_to(self, gap_id: str, status: GapStatus) -> None:
        gap = self.gaps[gap_id]
        self.columns[gap.status].remove(gap_id)
        self.columns[status].insert(0, gap_id)
        gap.status = status


def seed(repo: Repository) -> None:
    """A small career to start from: wins of different days (one starred), gaps in every
    column, two people."""
    with repo.transaction():
        for days, title, starred in (
            (0, "alpha kilo", False),
            (3, "bravo", True),
            (9, "delta alpha", False),
        ):
            repo.wins.add(Win(title=title, date=TODAY - dt.timedelta(days=days), starred=starred))
        for rank, (title, status, level) in enumerate(
            (
                ("Executive presence", GapStatus.BACKLOG, 1),
                ("Pricing", GapStatus.BACKLOG, 2),
                ("Managing managers", GapStatus.WORKING, 3),
                ("SQL", GapStatus.CLOSED, 2),
            )
        ):
            repo.gaps.add(
                Gap(title=title, status=status, current_level=level, target_level=3, rank=rank)
            )
        repo.stakeholders.add(
            Stakeholder(
                name="Maya Chen",
                influence=5,
                cadence_days=7,
                last_contact=TODAY - dt.timedelta(days=10),
            )
        )
        repo.stakeholders.add(Stakeholder(name="Tom Becker", influence=2))


def model_of(repo: Repository) -> Model:
    career = repo.career()
    model = Model()
    for win in career.wins:
        model.wins[win.id] = WinModel(win.id, win.title, win.starred, win.date, win.created)
    for gap in sorted(career.gaps, key=lambda g: (g.rank, g.created, g.id)):
        model.gaps[gap.id] = GapModel(
            gap.id, gap.title, gap.status, gap.current_level, gap.target_level, gap.impact
        )
        model.columns[gap.status].append(gap.id)
    for person in career.stakeholders:
        model.people[person.id] = PersonModel(person.id, person.last_contact, 0)
    for interaction in career.interactions:
        model.people[interaction.stakeholder_id].check_ins += 1
    return model


# -- what a user does ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Action:
    name: str
    text: str = ""

    def __repr__(self) -> str:
        return f"{self.name}({self.text!r})" if self.text else self.name


titles = st.lists(st.sampled_from(WORDS), min_size=1, max_size=3).map(" ".join)
filters = st.sampled_from(["", "*", *WORDS, "* alpha"])
ACTIONS = st.one_of(
    titles.map(lambda t: Action("log_win", t)),
    titles.map(lambda t: Action("edit_win", t)),
    st.just(Action("delete_win")),
    st.just(Action("undo_delete")),
    st.just(Action("star_win")),
    st.just(Action("next_win")),
    filters.map(lambda t: Action("filter", t)),
    titles.map(lambda t: Action("add_gap", t)),
    st.sampled_from(["J", "K", "H", "L"]).map(lambda k: Action("move_gap", k)),
    st.sampled_from(["right_square_bracket", "left_square_bracket", "plus", "minus"]).map(
        lambda k: Action("step_gap", k)
    ),
    st.just(Action("close_gap")),
    st.sampled_from(["j", "k", "h", "l"]).map(lambda k: Action("gap_cursor", k)),
    titles.map(lambda t: Action("check_in", t)),
    st.just(Action("next_person")),
)


class Session:
    """Does actions with keys and keeps the model in step."""

    def __init__(self, pilot: Pilot, data_dir: Path, model: Model, notes: Notes) -> None:
        self.pilot = pilot
        self.app = pilot.app
        assert isinstance(self.app, CareerApp)
        self.data_dir = data_dir
        self.model = model
        self.notes = notes

    # -- reading the screen and the store ------------------------------------------------------
    @property
    def win_list(self) -> WinList:
        return self.app.dashboard.query_one(WinList)

    @property
    def board(self) -> GapsPane:
        pane = self.app.dashboard.pane("gaps")
        assert isinstance(pane, GapsPane)
        return pane

    @property
    def people_pane(self) -> StakeholdersPane:
        pane = self.app.dashboard.pane("stakeholders")
        assert isinstance(pane, StakeholdersPane)
        return pane

    def stored(self) -> Repository:
        return Repository.at(self.data_dir)

    def new_win(self, title: str) -> WinModel:
        """The one win the store holds that the model does not, which must be ``title``."""
        fresh = [w for w in self.stored().wins.list() if w.id not in self.model.wins]
        assert [w.title for w in fresh] == [title], f"expected one new win {title!r}: {fresh}"
        win = fresh[0]
        return WinModel(win.id, win.title, win.starred, win.date, win.created)

    # -- doing ---------------------------------------------------------------------------------
    async def do(self, action: Action) -> None:
        await getattr(self, action.name)(action.text)
        await settle(self.pilot)

    async def press(self, *keys: str) -> None:
        await self.pilot.press(*keys)
        await settle(self.pilot)

    async def log_win(self, title: str) -> None:
        await self.press("w", *press_keys(title), "enter")
        await wait_until(
            self.pilot,
            lambda: not isinstance(self.app.screen, QuickWinScreen),
            "the quick win to close",
        )
        await settle(self.pilot)
        win = self.new_win(title)
        self.model.wins[win.id] = win

    async def edit_win(self, title: str) -> None:
        await self.press("4")
        win = self.win_list.highlighted
        await self.press("e")
        if win is None:
            assert not isinstance(self.app.screen, FormScreen)
            return
        form = self.app.screen
        assert isinstance(form, FormScreen), f"e opened {type(form).__name__}"
        box = form.query_one("#field-title", Input)
        box.focus()
        box.value = ""
        await self.press(*press_keys(title), "ctrl+s")
        await wait_until(self.pilot, lambda: self.app.screen is not form, "the form to close")
        self.model.wins[win.id].title = title

    async def delete_win(self, _: str) -> None:
        await self.press("4")
        win = self.win_list.highlighted
        await self.press("d")
        if win is None:
            return
        assert isinstance(self.app.screen, ConfirmScreen), "d asks before deleting"
        await self.press("y")
        self.model.deleted.append(self.model.wins.pop(win.id))

    async def undo_delete(self, _: str) -> None:
        await self.press("4", "u")
        if self.model.deleted:
            win = self.model.deleted.pop()
            self.model.wins[win.id] = win

    async def star_win(self, _: str) -> None:
        await self.press("4")
        win = self.win_list.highlighted
        await self.press("*")
        if win is not None:
            self.model.wins[win.id].starred = not self.model.wins[win.id].starred

    async def next_win(self, _: str) -> None:
        await self.press("4", "j")

    async def filter(self, text: str) -> None:
        await self.press("4", "/")
        box = self.app.dashboard.query_one("#journal-filter", Input)
        assert box.has_focus, "/ puts the cursor in the filter"
        box.value = ""
        await self.press(*press_keys(text), "enter")
        self.model.filter = text

    async def add_gap(self, title: str) -> None:
        await self.press("2", "n")
        form = self.app.screen
        assert isinstance(form, FormScreen), f"n opened {type(form).__name__}"
        await self.press(*press_keys(title), "ctrl+s")
        await wait_until(self.pilot, lambda: self.app.screen is not form, "the form to close")
        await settle(self.pilot)
        fresh = [g for g in self.stored().gaps.list() if g.id not in self.model.gaps]
        assert [g.title for g in fresh] == [title], f"expected one new gap {title!r}: {fresh}"
        gap = fresh[0]
        # a new gap starts in the backlog, whichever column the cursor is in
        assert gap.status == GapStatus.BACKLOG, f"added to {gap.status.value}, not the backlog"
        self.model.gaps[gap.id] = GapModel(gap.id, title, GapStatus.BACKLOG, 1, 3, 3)
        self.model.columns[GapStatus.BACKLOG].append(gap.id)

    async def move_gap(self, key: str) -> None:
        await self.press("2")
        gap = self.board.selected
        await self.pilot.press(key)
        if isinstance(self.app.screen, ConfirmScreen):  # closing without evidence
            await self.pilot.press("y")
        await settle(self.pilot)
        if gap is None:
            return
        model = self.model
        if key in ("J", "K"):
            column = model.columns[gap.status]
            here = column.index(gap.id)
            there = max(0, min(len(column) - 1, here + (1 if key == "J" else -1)))
            column.insert(there, column.pop(here))
        else:
            index = COLUMNS.index(gap.status) + (1 if key == "L" else -1)
            if 0 <= index < len(COLUMNS):
                model.move_gap_to(gap.id, COLUMNS[index])

    async def step_gap(self, key: str) -> None:
        await self.press("2")
        gap = self.board.selected
        await self.press(key)
        if gap is None:
            return
        kept = self.model.gaps[gap.id]
        if key in ("plus", "minus"):
            kept.impact = max(1, min(5, kept.impact + (1 if key == "plus" else -1)))
        else:
            step = 1 if key == "right_square_bracket" else -1
            kept.current_level = max(1, min(kept.target_level, kept.current_level + step))

    async def close_gap(self, _: str) -> None:
        await self.press("2")
        gap = self.board.selected
        if gap is None:
            return
        for _ in range(len(COLUMNS)):
            if self.model.gaps[gap.id].status == GapStatus.CLOSED:
                break
            await self.move_gap("L")
            assert self.board.selected is not None and self.board.selected.id == gap.id, (
                "the cursor follows the gap it moved"
            )

    async def gap_cursor(self, key: str) -> None:
        await self.press("2", key)

    async def check_in(self, note: str) -> None:
        await self.press("3")
        person = self.people_pane.selected
        await self.press("c")
        if person is None:
            assert not isinstance(self.app.screen, StakeholderCheckInScreen)
            return
        screen = self.app.screen
        assert isinstance(screen, StakeholderCheckInScreen), f"c opened {type(screen).__name__}"
        await self.press(*press_keys(note), "enter")
        await wait_until(self.pilot, lambda: self.app.screen is not screen, "the check-in to close")
        kept = self.model.people[person.id]
        kept.check_ins += 1
        if kept.last_contact is None or kept.last_contact < TODAY:
            kept.last_contact = TODAY

    async def next_person(self, _: str) -> None:
        await self.press("3", "down")

    # -- checking ------------------------------------------------------------------------------
    def check(self, mark: int) -> None:
        app, model = self.app, self.model
        died = crash(app)
        assert died is None, died
        errors = self.notes.errors_since(mark)
        assert not errors, f"error notifications: {errors}"
        career = self.stored().career()
        # the store
        assert {w.id: (w.title, w.starred, w.date) for w in career.wins} == {
            w.id: (w.title, w.starred, w.date) for w in model.wins.values()
        }, "the stored wins differ from the model"
        for status in COLUMNS:
            stored = [
                g.id
                for g in sorted(career.gaps, key=lambda g: (g.rank, g.created, g.id))
                if g.status == status
            ]
            assert stored == model.columns[status], f"the stored {status.value} column"
        assert {g.id: (g.title, g.status, g.current_level, g.impact) for g in career.gaps} == {
            g.id: (g.title, g.status, g.current_level, g.impact) for g in model.gaps.values()
        }, "the stored gaps differ from the model"
        counts = {p.id: 0 for p in career.stakeholders}
        for interaction in career.interactions:
            counts[interaction.stakeholder_id] += 1
        assert {p.id: (p.last_contact, counts[p.id]) for p in career.stakeholders} == {
            p.id: (p.last_contact, p.check_ins) for p in model.people.values()
        }, "the stored check-ins differ from the model"
        # the screen
        shown = screen_shows_store(app, read_tables(self.data_dir))
        assert shown is None, shown
        if app.screen is app.dashboard:
            assert [w.id for w in self.win_list.wins] == model.shown_wins(), (
                f"the journal lists other wins than the filter {model.filter!r} keeps"
            )
            for status in COLUMNS:
                assert [c.gap_id for c in self.board.cards(status)] == model.columns[status], (
                    f"the board's {status.value} column differs from the model"
                )


_runs = itertools.count()


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=not FULL,
    database=None,
    # shrinking replays sessions for minutes; the failure message lists the steps anyway
    phases=list(Phase) if FULL else [Phase.explicit, Phase.generate],
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(seeded=st.booleans(), actions=st.lists(ACTIONS, min_size=1, max_size=STEPS))
async def test_random_session(tmp_path: Path, seeded: bool, actions: list[Action]) -> None:
    data_dir = Path(tempfile.mkdtemp(prefix=f"session{next(_runs)}-", dir=tmp_path))
    repo = Repository.at(data_dir)
    if seeded:
        seed(repo)
    model = model_of(repo)
    notes = Notes()
    app = make_app(repo)
    async with app.run_test(size=SIZE, message_hook=notes.hook) as pilot:
        session = Session(pilot, data_dir, model, notes)
        await settle(pilot)
        session.check(0)
        for number, action in enumerate(actions, 1):
            mark = len(notes.seen)
            try:
                await session.do(action)
                session.check(mark)
            except AssertionError as exc:
                done = ", ".join(map(repr, actions[:number]))
                raise AssertionError(f"after step {number} ({done}): {exc}") from exc
