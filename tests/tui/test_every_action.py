"""Every action on every record, generated from the app itself.

1. Every binding: the bindings are enumerated from the app's classes the way scripts/keys.py
   builds the README's key table (app, dashboard, panes, the panes' widgets, every screen with
   keys), so a new binding or screen is pressed here without anyone remembering to add it. Each
   key of each binding is pressed on the demo career and on an empty store, after the keys that
   reach where it works (:data:`ROUTES`; a screen with no route fails the test that would press
   its keys). After each press: the app still runs, raised no error notification, shows what the
   store holds, and the store holds exactly the change the key means (:data:`EFFECTS`; a key not
   listed there must change nothing).
2. Every form on every kind of record (:data:`FORM_CASES`): opened as a user opens it, then
   (a) saved unchanged, (b) saved with one text field changed (the first text field the form
   has, found from the form's own field list), (c) cancelled.

   Decided: an unchanged save may set the ``updated`` time of the record the form edits (and
   write the blank vision where none was stored), and nothing else: no other field, no other
   record. A changed save changes exactly that field of that record (and its ``updated``); a
   cancel changes nothing. A form for a new record saved unchanged keeps the form open with the
   reason shown and stores nothing, unless every field is optional (a check-in), when it adds
   exactly one record.

Cost: each test is one step (its keys, then its checks) in an app kept running between the
tests of a store (every_action_helpers.Runner; a fresh app after a step that ends or crashes
it), so a test pays for its own keys and a failure names its binding, or its form and action.
The bindings run on the demo career and on an empty store at 120x36; the forms on the demo
career (plus the kinds of record it lacks, :func:`enrich`) and, one store each, on an empty
store, at 80x24 (the smallest terminal supported: long forms scroll).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
from textual.app import App
from textual.binding import Binding
from textual.pilot import Pilot
from textual.screen import ModalScreen, Screen
from textual.widgets import Input, TextArea

from careertui.demo import populate
from careertui.domain.models import Gap, GapStatus, Metric, Vision, Win
from careertui.store.repository import Repository
from careertui.tui.app import CareerApp
from careertui.tui.dashboard import DashboardScreen
from careertui.tui.panes.base import Pane
from careertui.tui.panes.stakeholders import GRID, StakeholderTable
from careertui.tui.panes.vision import TEXT_LISTS
from careertui.tui.screens.confirm import ConfirmScreen
from careertui.tui.screens.form import FormScreen
from careertui.tui.screens.quick_win import QuickWinScreen
from careertui.tui.screens.stakeholder_check_in import StakeholderCheckInScreen
from careertui.tui.widgets.win_list import WinList
from tests.test_readme import _script
from tests.tui.conftest import run_command
from tests.tui.every_action_helpers import (
    SMALL,
    Notes,
    Runners,
    Step,
    StepSkipped,
    Tables,
    beyond_timestamps,
    crash,
    describe,
    press_keys,
    read_tables,
    record_changes,
    screen_shows_store,
    settle,
    wait_until,
)
from tests.tui.vision_helpers import cursor_id, go_to

TODAY = dt.date(2026, 11, 23)  # tests/conftest.py pins CAREERTUI_TODAY
STORES = ("demo", "empty")
KEYS = _script("keys")
RUNNERS = Runners()
#: The tests share one event loop, so that one app serves many of them.
SHARED_LOOP = pytest.mark.asyncio(loop_scope="module")


@pytest_asyncio.fixture(scope="module", loop_scope="module", autouse=True)
async def _close_apps() -> AsyncIterator[None]:
    yield
    await RUNNERS.close()


@pytest.fixture(autouse=True)
def _harmless_editor(monkeypatch: pytest.MonkeyPatch) -> None:
    """ctrl+e is pressed too: should a terminal ever be handed over, the editor changes nothing."""
    monkeypatch.setenv("EDITOR", "true")
    monkeypatch.delenv("VISUAL", raising=False)


def make_store(data_dir: Path, store: str, *, enriched: bool = False) -> Path:
    repo = Repository.at(data_dir)
    if store == "demo":
        populate(repo, TODAY)
        if enriched:
            enrich(repo)
    return data_dir


# -- 1. every binding ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Route:
    """The keys that get from the dashboard (journal focused) to where a binding works."""

    keys: tuple[str, ...] = ()
    #: A command palette entry to run after the keys.
    palette: str | None = None
    #: Something to put in the store before a fresh app starts (e.g. a draft it offers back).
    prepare: Callable[[Path], None] | None = None
    #: Steps beyond keys (e.g. a change made elsewhere while a form is open).
    custom: Callable[[Pilot, Path], Awaitable[None]] | None = None


def kept_draft(kind: str, model: str = "") -> Callable[[Path], None]:
    """A draft left by a session that stopped on a bug: the next start offers it back."""

    def prepare(data_dir: Path) -> None:
        from careertui.store.drafts import Draft, save_draft

        save_draft(
            Repository.at(data_dir).store,
            Draft(kind=kind, title="Log a win", model=model, values={"title": "Half-typed win"}),
        )

    return prepare


async def conflicting_edit(pilot: Pilot, data_dir: Path) -> None:
    """Edit the first gap's title while another process changes it too, then save."""
    await pilot.press("2", "e")
    await settle(pilot)
    form = pilot.app.screen
    assert isinstance(form, FormScreen), f"e opened {type(form).__name__}"
    elsewhere = Repository.at(data_dir)
    gap = elsewhere.gaps.get(form.base["id"])
    assert gap is not None
    elsewhere.gaps.update(gap.model_copy(update={"title": f"{gap.title} (changed elsewhere)"}))
    await type_into(pilot, form)
    await pilot.press("ctrl+s")


def stakeholder_view(grid: bool) -> Callable[[Pilot, Path], Awaitable[None]]:
    """The stakeholder map as a grid or a list (``v`` switches; the app keeps the view)."""

    async def route(pilot: Pilot, data_dir: Path) -> None:
        await pilot.press("3")
        if (pilot.app.dashboard.pane("stakeholders").view == GRID) != grid:
            await pilot.press("v")

    return route


#: How to reach each screen (by class name) and the pane spots that need more than the pane's
#: number key, per store ("*": both). Panes and their widgets without an entry are reached with
#: the pane's number key. A screen missing here fails its bindings' tests: add a route.
ROUTES: dict[str, dict[str, Route]] = {
    # values:0 (a ranked list), so J/K/e/a/d act on an item
    "VisionPane": {"demo": Route(("1", "right_square_bracket")), "empty": Route(("1",))},
    "QuadrantList": {"*": Route(custom=stakeholder_view(grid=True))},
    "StakeholderTable": {"*": Route(custom=stakeholder_view(grid=False))},
    "ConfirmScreen": {
        "demo": Route(("4", "d")),  # delete the newest win?
        "empty": Route(("4", "n", "x", "escape")),  # lose what was typed in a new win?
    },
    "FormScreen": {"*": Route(("4", "n"))},
    "QuickWinScreen": {"*": Route(("w",))},
    "HelpScreen": {"*": Route(("question_mark",))},
    "WeeklyReviewScreen": {"*": Route(("r",))},
    "LadderScreen": {"*": Route(("R",))},
    "GuidedStartScreen": {"*": Route(palette="Guided")},
    "GapDetailsScreen": {"demo": Route(("2", "enter"))},
    "StakeholderAgendaScreen": {"demo": Route(("3", "p"))},
    "StakeholderCheckInScreen": {"demo": Route(("3", "c"))},
    "StakeholderDetailsScreen": {"demo": Route(("3", "enter"))},
    # keep mine or theirs, when a field I edited was changed elsewhere meanwhile
    "ChoiceScreen": {"demo": Route(custom=conflicting_edit)},
    "DraftOfferScreen": {"*": Route(prepare=kept_draft("quick_win"))},
    # a draft of a form that cannot be reopened: restored, its text is shown to copy
    "RecoveredTextScreen": {"*": Route(("r",), prepare=kept_draft("text"))},
}


def declared_route(cls: type, store: str) -> Route | None:
    routes = ROUTES.get(cls.__name__)
    if routes is None:
        return None
    return routes.get(store) or routes.get("*")


@dataclass(frozen=True)
class BindingCase:
    store: str
    cls: type
    binding: Binding

    @property
    def group(self) -> str:
        return f"bindings:{self.store}:{self.cls.__module__}.{self.cls.__name__}"

    @property
    def step(self) -> str:
        return f"{self.binding.id or self.binding.action}@{self.binding.key}"

    @property
    def id(self) -> str:
        where = KEYS._where(self.cls).replace(" ", "-").replace(":", "")
        return f"{self.store}-{where}-{self.step}"


def binding_cases() -> list[BindingCase]:
    """Every key of every binding of every class scripts/keys.py puts in the README, per store."""
    cases = []
    for store in STORES:
        for cls in sorted(KEYS._classes(), key=KEYS._order):
            for binding in KEYS._bindings(cls):
                cases.append(BindingCase(store, cls, binding))
    return cases


BINDING_CASES = binding_cases()


# -- what each key may change -------------------------------------------------------------------
@dataclass
class Before:
    """The store and the cursors just before a key is pressed."""

    tables: Tables
    gap: Gap | None
    gap_order: str
    win: Win | None
    vision_row: str | None


def capture(app: CareerApp, data_dir: Path) -> Before:
    gaps = app.dashboard.pane("gaps")
    win_list = app.dashboard.query_one(WinList)
    return Before(
        tables=read_tables(data_dir),
        gap=gaps.selected,  # type: ignore[attr-defined]
        gap_order=gaps.order,  # type: ignore[attr-defined]
        win=win_list.highlighted,
        vision_row=cursor_id(app),
    )


Check = Callable[[Before, Tables, CareerApp], list[str]]


def unchanged(before: Before, after: Tables, app: CareerApp) -> list[str]:
    changes = record_changes(before.tables, after)
    return [f"the store changed: {describe(changes)}"] if changes else []


def _only(changes: dict, allowed: Callable[[tuple[str, str], Any], bool]) -> list[str]:
    stray = {key: change for key, change in changes.items() if not allowed(key, change)}
    return [f"unexpected changes: {describe(stray)}"] if stray else []


def _column(tables: Tables, status: str) -> list[str]:
    gaps = [g for g in tables.get("gaps", {}).values() if g["status"] == status]
    return [g["id"] for g in sorted(gaps, key=lambda g: (g["rank"], g["created"], g["id"]))]


def gap_reordered(step: int) -> Check:
    def check(before: Before, after: Tables, app: CareerApp) -> list[str]:
        gap = before.gap
        if gap is None or before.gap_order == "score":
            return unchanged(before, after, app)
        was = _column(before.tables, gap.status.value)
        here = was.index(gap.id)
        there = max(0, min(len(was) - 1, here + step))
        wanted = list(was)
        wanted.insert(there, wanted.pop(here))
        problems = _only(
            record_changes(before.tables, after),
            lambda key, change: (
                key[0] == "gaps" and isinstance(change, frozenset) and change <= {"rank", "updated"}
            ),
        )
        now = _column(after, gap.status.value)
        if now != wanted:
            problems.append(f"column {gap.status.value} is {now}, expected {wanted}")
        return problems

    return check


def gap_moved_across(step: int) -> Check:
    def check(before: Before, after: Tables, app: CareerApp) -> list[str]:
        gap = before.gap
        columns = [s.value for s in GapStatus]
        index = columns.index(gap.status.value) + step if gap else -1
        if gap is None or not 0 <= index < len(columns):
            return unchanged(before, after, app)
        if isinstance(app.screen, ConfirmScreen):  # closing without evidence: it asks first
            return unchanged(before, after, app)
        problems = _only(
            record_changes(before.tables, after),
            lambda key, change: (
                key[0] == "gaps"
                and isinstance(change, frozenset)
                and change <= {"rank", "status", "updated"}
            ),
        )
        target = _column(after, columns[index])
        if not target or target[0] != gap.id:
            problems.append(f"{gap.title!r} is not at the top of {columns[index]!r}: {target}")
        return problems

    return check


def gap_stepped(name: str, step: int) -> Check:
    def check(before: Before, after: Tables, app: CareerApp) -> list[str]:
        gap = before.gap
        if gap is None:
            return unchanged(before, after, app)
        high = 5 if name == "impact" else gap.target_level
        wanted = max(1, min(high, getattr(gap, name) + step))
        if wanted == getattr(gap, name):
            return unchanged(before, after, app)
        changes = beyond_timestamps(record_changes(before.tables, after), before.tables)
        problems = []
        # a change of the current level is kept in the gap's level history too
        fields = {name, "level_history"} if name == "current_level" else {name}
        if changes != {("gaps", gap.id): frozenset(fields)}:
            problems.append(f"expected only {gap.title!r}'s {name} to change: {describe(changes)}")
        got = after["gaps"][gap.id][name]
        if got != wanted:
            problems.append(f"{name} is {got}, expected {wanted}")
        return problems

    return check


def order_toggled(before: Before, after: Tables, app: CareerApp) -> list[str]:
    changes = record_changes(before.tables, after)
    problems = _only(changes, lambda key, change: key == ("settings", "gaps.order"))
    wanted = "manual" if before.gap_order == "score" else "score"
    got = after.get("settings", {}).get("gaps.order", {}).get("value")
    if got != wanted:
        problems.append(f"the remembered order is {got!r}, expected {wanted!r}")
    return problems


def win_starred(before: Before, after: Tables, app: CareerApp) -> list[str]:
    win = before.win
    if win is None:
        return unchanged(before, after, app)
    changes = beyond_timestamps(record_changes(before.tables, after), before.tables)
    problems = []
    if changes != {("wins", win.id): frozenset({"starred"})}:
        problems.append(f"expected only the star of {win.title!r} to change: {describe(changes)}")
    if after["wins"][win.id]["starred"] == win.starred:
        problems.append("the star did not change")
    return problems


def vision_moved(step: int) -> Check:
    def check(before: Before, after: Tables, app: CareerApp) -> list[str]:
        section, _, index = (before.vision_row or "").partition(":")
        if section not in ("values", "methods", "priorities") or not index.isdigit():
            return unchanged(before, after, app)
        here = int(index)
        if section == "priorities":
            items = [
                p["id"]
                for p in sorted(before.tables["priorities"].values(), key=lambda p: p["rank"])
            ]
        else:
            items = list(before.tables["vision"]["vision"][section])
        there = max(0, min(len(items) - 1, here + step))
        if there == here:
            return unchanged(before, after, app)
        wanted = list(items)
        wanted.insert(there, wanted.pop(here))
        if section == "priorities":
            got = [p["id"] for p in sorted(after["priorities"].values(), key=lambda p: p["rank"])]
            problems = _only(
                record_changes(before.tables, after),
                lambda key, change: key[0] == "priorities" and change <= {"rank", "updated"},
            )
        else:
            got = after["vision"]["vision"][section]
            problems = _only(
                beyond_timestamps(record_changes(before.tables, after), before.tables),
                lambda key, change: key == ("vision", "vision") and change == {section},
            )
        if got != wanted:
            problems.append(f"{section} is {got}, expected {wanted}")
        return problems

    return check


def win_deleted(before: Before, after: Tables, app: CareerApp) -> list[str]:
    win = before.win
    changes = record_changes(before.tables, after)
    if win is None:
        return unchanged(before, after, app)
    if changes != {("wins", win.id): "removed"}:
        return [f"expected exactly the win {win.title!r} deleted: {describe(changes)}"]
    return []


def review_kept(before: Before, after: Tables, app: CareerApp) -> list[str]:
    """The weekly review's keys change only where it was left or finished, a thanks added, or
    whom a win was told to."""
    changes = record_changes(before.tables, after)
    return _only(
        changes,
        lambda key, change: (
            (key[0] == "settings" and key[1].startswith("review."))
            or (key[0] == "thanks" and change == "added")
            or key[0] == "wins"
        ),
    )


def guided_start_skipped(before: Before, after: Tables, app: CareerApp) -> list[str]:
    changes = record_changes(before.tables, after)
    problems = _only(changes, lambda key, change: key == ("settings", "vision.guided_start"))
    got = after.get("settings", {}).get("vision.guided_start", {}).get("value")
    if got != "skipped":
        problems.append(f"the guided start is remembered as {got!r}, expected 'skipped'")
    return problems


def gap_made(before: Before, after: Tables, app: CareerApp) -> list[str]:
    """``g`` on an obstacle puts it on the gap board (unless a gap of that title is there
    already); anywhere else in the demo's walk it changes nothing."""
    section, _, index = (before.vision_row or "").partition(":")
    if section != "obstacles" or not index.isdigit():
        return unchanged(before, after, app)
    obstacle = before.tables["vision"]["vision"]["obstacles"][int(index)]
    changes = record_changes(before.tables, after)
    problems = _only(changes, lambda key, change: key[0] == "gaps" and change == "added")
    titles = [after["gaps"][key[1]]["title"] for key in changes if key[0] == "gaps"]
    if titles not in ([], [obstacle]):
        problems.append(f"expected one gap “{obstacle}”, got {titles}")
    return problems


#: What a binding changes in the store, by binding id (and, for keys whose meaning depends on
#: the screen they act on, by route: ``confirm.yes`` on the demo deletes the win it asked about).
EFFECTS: dict[str, Check] = {
    "gaps.move_down": gap_reordered(1),
    "gaps.move_up": gap_reordered(-1),
    "gaps.move_left": gap_moved_across(-1),
    "gaps.move_right": gap_moved_across(1),
    "gaps.impact_up": gap_stepped("impact", 1),
    "gaps.impact_down": gap_stepped("impact", -1),
    "gaps.level_up": gap_stepped("current_level", 1),
    "gaps.level_down": gap_stepped("current_level", -1),
    "gaps.toggle_order": order_toggled,
    "journal.star": win_starred,
    "vision.move_down": vision_moved(1),
    "vision.move_up": vision_moved(-1),
    "vision.make_gap": gap_made,
    "guided_start.skip": guided_start_skipped,
    **{
        f"review.{name}": review_kept
        for name in (
            "leave",
            "next",
            "back",
            "tie",
            "star",
            "capture",
            "thank",
            "told",
            "copy",
            "finish",
        )
    },
}
STORE_EFFECTS: dict[tuple[str, str], Check] = {
    ("demo", "confirm.yes"): win_deleted,
}


def effect(case: BindingCase) -> Check:
    binding_id = case.binding.id or ""
    return STORE_EFFECTS.get((case.store, binding_id)) or EFFECTS.get(binding_id, unchanged)


def quits(binding: Binding) -> bool:
    return binding.action in ("quit", "app.quit")


# -- reaching where a binding works -------------------------------------------------------------
async def to_dashboard(pilot: Pilot) -> None:
    """Close whatever an earlier step left open (the harness, not a user, does this)."""
    app = pilot.app
    while len(app.screen_stack) > 1:
        app.pop_screen()
        await pilot.pause()
    if isinstance(app.focused, Input):  # the journal's filter: Escape leaves it, as a user would
        await pilot.press("escape")
    await settle(pilot)


def _route(app: CareerApp, cls: type, store: str) -> Route | None:
    if cls.__name__ in ROUTES:
        return declared_route(cls, store) or Route(("__unreachable__",))
    if issubclass(cls, (App, DashboardScreen)):
        return Route()
    if issubclass(cls, Pane):
        return Route((cls.KEY,))
    if not issubclass(cls, Screen):  # a widget in a pane: the pane's key focuses it
        for widget in app.dashboard.query(cls):
            pane = next((a for a in widget.ancestors if isinstance(a, Pane)), None)
            if pane is not None:
                return Route((pane.KEY,))
    return None


def _reached(app: CareerApp, cls: type) -> bool:
    if issubclass(cls, (App, DashboardScreen)):
        return isinstance(app.screen, DashboardScreen)
    if issubclass(cls, Screen):
        return isinstance(app.screen, cls)
    if issubclass(cls, Pane):
        return isinstance(app.screen, DashboardScreen) and any(
            isinstance(pane, cls) and pane.owns_focus() for pane in app.dashboard.panes
        )
    return isinstance(app.focused, cls)


async def reach(pilot: Pilot, cls: type, store: str, data_dir: Path) -> None:
    app = pilot.app
    assert isinstance(app, CareerApp)
    route = _route(app, cls, store)
    if route is None:
        raise AssertionError(
            f"no way to reach {cls.__name__} to press its keys: add it to ROUTES in "
            "tests/tui/test_every_action.py"
        )
    if route.keys == ("__unreachable__",):
        raise StepSkipped(f"{cls.__name__} has nothing to open on in the {store} store")
    await pilot.press(*route.keys)
    if route.palette:
        await run_command(pilot, route.palette)
    if route.custom:
        await route.custom(pilot, data_dir)
    await settle(pilot)
    if not _reached(app, cls):
        where = f"screen {type(app.screen).__name__}, focus {type(app.focused).__name__}"
        if store == "empty":
            raise StepSkipped(f"{cls.__name__} is not on show in an empty store ({where})")
        raise AssertionError(f"the keys {route} did not reach {cls.__name__} ({where})")


def binding_step(case: BindingCase, data_dir: Path) -> Step:
    route = declared_route(case.cls, case.store)
    fresh: Callable[[], None] | None = None
    if route is not None and route.prepare is not None:
        prepare = route.prepare

        def fresh() -> None:
            prepare(data_dir)

    async def run(pilot: Pilot, notes: Notes) -> None:
        app = pilot.app
        assert isinstance(app, CareerApp)
        if fresh is None:  # a fresh app may open with a screen of its own (a draft offered)
            await to_dashboard(pilot)
        await reach(pilot, case.cls, case.store, data_dir)
        before = capture(app, data_dir)
        mark = len(notes.seen)
        await pilot.press(case.binding.key)
        await settle(pilot)
        if quits(case.binding):
            await wait_until(pilot, lambda: not app.is_running, "the app to quit", timeout=5)
            assert app._exception is None, crash(app)
            assert app.return_code in (0, None), f"quit with return code {app.return_code}"
            assert record_changes(before.tables, read_tables(data_dir)) == {}
            return
        if died := crash(app):
            raise AssertionError(died)
        after = read_tables(data_dir)
        problems = effect(case)(before, after, app)
        problems += [f"error notification: {e}" for e in notes.errors_since(mark)]
        if shown := screen_shows_store(app, after):
            problems.append(shown)
        assert not problems, "\n".join(problems)

    return Step(case.step, run, exits=quits(case.binding), fresh=fresh)


@SHARED_LOOP
@pytest.mark.parametrize("case", BINDING_CASES, ids=[c.id for c in BINDING_CASES])
async def test_every_binding(case: BindingCase, tmp_path: Path) -> None:
    runner = await RUNNERS.get(
        f"bindings-{case.store}", lambda: make_store(tmp_path / "store", case.store)
    )
    outcome = await runner.run(binding_step(case, runner.data_dir))
    if outcome.skipped:
        pytest.skip(outcome.skipped)
    assert outcome.passed, f"pressing {case.binding.key!r} ({case.id}):\n{outcome.problem}"


def test_the_walk_covers_every_binding_the_readme_lists() -> None:
    """The walk and the README's key table come from the same classes: same rows, every store."""
    walked = {(KEYS._where(c.cls), c.binding.id or c.binding.action) for c in BINDING_CASES}
    listed = {(row.where, row.binding_id or "") for row in KEYS.rows()}
    missing = {(where, bid) for where, bid in listed if bid and (where, bid) not in walked}
    assert not missing
    for store in STORES:
        assert sum(c.store == store for c in BINDING_CASES) >= 100


def test_every_screen_with_keys_has_a_route() -> None:
    screens = {cls.__name__ for cls in KEYS._classes() if issubclass(cls, ModalScreen)}
    assert screens <= ROUTES.keys(), f"add a route for {sorted(screens - ROUTES.keys())}"


# -- 2. every form on every kind of record ------------------------------------------------------
def enrich(repo: Repository) -> None:
    """The kinds of record the demo career lacks: wins of each shape, a gap made from feedback,
    scope items and a room-to-grow answer."""
    career = repo.career()
    priority = career.priorities[0]
    gaps = career.gaps[:2]
    people = career.stakeholders[:2]
    anonymous = next(f for f in career.feedback if f.giver_id is None)
    with repo.transaction():
        for win in (
            Win(title="Plain win", date=TODAY),
            Win(
                title="Win with output metrics",
                date=TODAY,
                metrics=[
                    Metric(name="activation rate", before="31%", after="38%"),
                    Metric(name="NPS", after="41"),
                ],
            ),
            Win(
                title="Win with input metrics",
                date=TODAY,
                metrics=[
                    Metric(name="experiments shipped", kind="input", before="2", after="6"),
                ],
            ),
            Win(
                title="Win with a story",
                date=TODAY,
                impact="Unblocked **three** teams.\nThe second line of the impact.",
                body="## Context\n\n- first point\n- second point\n\n> a quote",
            ),
            Win(
                title="Win with links",
                date=TODAY,
                priority_id=priority.id,
                gap_ids=[g.id for g in gaps],
                stakeholder_ids=[p.id for p in people],
            ),
            Win(
                title="Starred win with tags", date=TODAY, tags=["launch", "customer"], starred=True
            ),
        ):
            repo.wins.add(win)
        rank = max(g.rank for g in career.gaps) + 1
        repo.gaps.add(
            Gap(
                title="Lead with the ask",
                why="From the 360.",
                rank=rank,
                source_feedback_id=anonymous.id,
            )
        )
        vision = repo.vision()
        repo.save_vision(
            vision.model_copy(
                update={
                    "scope": [
                        Vision.ScopeItem(
                            responsibility="Pricing decisions", today="influence", target="own"
                        ),
                        Vision.ScopeItem(
                            responsibility="Hiring PMs", today="execute", target="own"
                        ),
                    ],
                    "room_to_grow": Vision.RoomToGrow(
                        answer="not yet",
                        asked_on=TODAY - dt.timedelta(days=30),
                        asked_whom="Maya (manager)",
                        management_said="Not this cycle.\n\nAsk again in spring.",
                        openings="One director role in EMEA.",
                    ),
                }
            )
        )


def by(table: str, **wanted: Any) -> Callable[[Tables], str | None]:
    """The record of ``table`` whose fields hold ``wanted``."""

    def pick(tables: Tables) -> str | None:
        for key, doc in tables.get(table, {}).items():
            if all(doc.get(name) == value for name, value in wanted.items()):
                return key
        return None

    return pick


def demo_win_with_input_metric(tables: Tables) -> str | None:
    wins = [
        w
        for w in tables["wins"].values()
        if any(m["kind"] == "input" for m in w["metrics"]) and w["tags"] and w["stakeholder_ids"]
    ]
    wins.sort(key=lambda w: (w["date"], w["created"]), reverse=True)
    return wins[0]["id"] if wins else None


def anonymous_feedback(tables: Tables) -> str | None:
    return next((k for k, f in tables["feedback"].items() if f["giver_id"] is None), None)


def named_feedback(tables: Tables) -> str | None:
    return next((k for k, f in tables["feedback"].items() if f["giver_id"]), None)


def first_priority(tables: Tables) -> str | None:
    return min(tables["priorities"].values(), key=lambda p: p["rank"])["id"]


def archived_priority(tables: Tables) -> str | None:
    return next((k for k, p in tables["priorities"].items() if p["until"]), None)


# -- opening forms as a user --------------------------------------------------------------------
Open = Callable[[Pilot, "str | None"], Awaitable[None]]


async def select_win(pilot: Pilot, win_id: str) -> None:
    await pilot.press("4")
    win_list = pilot.app.dashboard.query_one(WinList)
    await pilot.press("home")
    for _ in range(len(win_list.wins)):
        if win_list.highlighted is not None and win_list.highlighted.id == win_id:
            return
        await pilot.press("j")
    raise AssertionError(f"the journal does not list the win {win_id}")


async def select_gap(pilot: Pilot, gap_id: str) -> None:
    app = pilot.app
    await pilot.press("2")
    board = app.dashboard.pane("gaps")
    gap = next(g for g in app.career.gaps if g.id == gap_id)
    await pilot.press("h", "h", *["l"] * list(GapStatus).index(gap.status), "g")
    for _ in range(len(app.career.gaps)):
        if board.selected is not None and board.selected.id == gap_id:
            return
        await pilot.press("j")
    raise AssertionError(f"the board does not show the gap {gap.title!r}")


async def select_person(pilot: Pilot, person_id: str) -> None:
    app = pilot.app
    await pilot.press("3")
    pane = app.dashboard.pane("stakeholders")
    if pane.view == GRID:  # type: ignore[attr-defined]
        await pilot.press("v")
    table = app.dashboard.query_one(StakeholderTable)
    target = table.get_row_index(person_id)
    for _ in range(table.row_count + 1):
        if pane.selected is not None and pane.selected.id == person_id:  # type: ignore[attr-defined]
            return
        await pilot.press("down" if table.cursor_row < target else "up")
    raise AssertionError(f"could not select {person_id}")


def on_win(key: str) -> Open:
    async def open_(pilot: Pilot, target: str | None) -> None:
        assert target
        await select_win(pilot, target)
        await pilot.press(key)

    return open_


def on_gap(*keys: str) -> Open:
    async def open_(pilot: Pilot, target: str | None) -> None:
        assert target
        await select_gap(pilot, target)
        await pilot.press(*keys)

    return open_


def on_person(key: str) -> Open:
    async def open_(pilot: Pilot, target: str | None) -> None:
        assert target
        await select_person(pilot, target)
        await pilot.press(key)

    return open_


async def go_to_row(pilot: Pilot, row: str) -> None:
    """Focus the vision pane (1), jump by sections (] and [) to the row's section, then move
    down or up to the row."""
    from careertui.tui.panes.vision import SECTIONS

    await pilot.press("1")
    order = [section.key for section in SECTIONS]
    wanted = order.index(row.partition(":")[0])
    for _ in range(len(order) * 2):
        here = (cursor_id(pilot.app) or "destination:").partition(":")[0]
        if here == row.partition(":")[0] or here not in order:
            break
        await pilot.press(
            "right_square_bracket" if order.index(here) < wanted else "left_square_bracket"
        )
    await go_to(pilot, row)


def on_row(row: str, key: str) -> Open:
    """``row`` like ``values:0``; ``priorities:*``/``feedback:*`` is the target record's row."""

    async def open_(pilot: Pilot, target: str | None) -> None:
        section, _, index = row.partition(":")
        if index == "*":
            records = list(getattr(pilot.app.career, section))
            if section == "priorities":  # the archived ones are listed after those in force
                records += pilot.app.career.archived_priorities
            index = str([r.id for r in records].index(target))
        await go_to_row(pilot, f"{section}:{index}")
        await pilot.press(key)

    return open_


def keys(*pressed: str) -> Open:
    async def open_(pilot: Pilot, target: str | None) -> None:
        await pilot.press(*pressed)

    return open_


def palette(name: str) -> Open:
    async def open_(pilot: Pilot, target: str | None) -> None:
        await run_command(pilot, name)

    return open_


@dataclass(frozen=True)
class FormCase:
    """A form opened on one kind of record (or for a new one)."""

    name: str
    open: Open
    #: The table of the record the form edits (``target`` picks it) or adds to.
    table: str
    target: Callable[[Tables], str | None] = lambda tables: None
    #: Where in the record the form's fields live (``("scope", 0)``: the first scope item).
    path: tuple[str | int, ...] = ()
    adds: bool = False
    #: A new record whose every field is optional: saved unchanged, it is added.
    blank_saves: bool = False
    #: The fields of the target record a save may change besides (a check-in: last contact).
    cascade: frozenset[str] = frozenset()
    #: The vision list a one-line entry form appends to.
    appends_to: str | None = None
    stores: tuple[str, ...] = ("demo",)


WIN_KINDS = {
    "plain": "Plain win",
    "output-metrics": "Win with output metrics",
    "input-metrics": "Win with input metrics",
    "body-and-impact": "Win with a story",
    "links": "Win with links",
    "tags-starred": "Starred win with tags",
}

FORM_CASES: list[FormCase] = [
    *(
        FormCase(f"win-{kind}", on_win("e"), "wins", by("wins", title=title))
        for kind, title in WIN_KINDS.items()
    ),
    FormCase("win-demo-everything", on_win("e"), "wins", demo_win_with_input_metric),
    FormCase("gap-working", on_gap("e"), "gaps", by("gaps", title="Executive communication")),
    FormCase("gap-closed", on_gap("e"), "gaps", by("gaps", title="Hiring bar raiser")),
    FormCase("gap-from-feedback", on_gap("e"), "gaps", by("gaps", title="Lead with the ask")),
    FormCase(
        "stakeholder-in-touch", on_person("e"), "stakeholders", by("stakeholders", name="Maya Chen")
    ),
    FormCase(
        "stakeholder-never-contacted",
        on_person("e"),
        "stakeholders",
        by("stakeholders", name="James Whitfield"),
    ),
    FormCase(
        "check-in-in-touch",
        on_person("c"),
        "interactions",
        by("stakeholders", name="Maya Chen"),
        adds=True,
        blank_saves=True,
        cascade=frozenset({"last_contact"}),
    ),
    FormCase(
        "check-in-never-contacted",
        on_person("c"),
        "interactions",
        by("stakeholders", name="James Whitfield"),
        adds=True,
        blank_saves=True,
        cascade=frozenset({"last_contact"}),
    ),
    FormCase("priority", on_row("priorities:*", "e"), "priorities", first_priority),
    FormCase("priority-archived", on_row("priorities:*", "e"), "priorities", archived_priority),
    FormCase("feedback-named", on_row("feedback:*", "e"), "feedback", named_feedback),
    FormCase("feedback-anonymous", on_row("feedback:*", "e"), "feedback", anonymous_feedback),
    FormCase(
        "vision-destination", on_row("destination:0", "e"), "vision", by("vision", id="vision")
    ),
    *(
        FormCase(
            f"vision-{section}", on_row(f"{section}:0", "e"), "vision", by("vision", id="vision")
        )
        for section in TEXT_LISTS
    ),
    FormCase(
        "vision-scope-item",
        on_row("scope:0", "e"),
        "vision",
        by("vision", id="vision"),
        path=("scope", 0),
    ),
    FormCase(
        "vision-room-to-grow",
        on_row("room:0", "e"),
        "vision",
        by("vision", id="vision"),
        path=("room_to_grow",),
    ),
    # forms for a new record
    FormCase("new-win", keys("4", "n"), "wins", adds=True, stores=STORES),
    FormCase("quick-win", keys("w"), "wins", adds=True, stores=STORES),
    FormCase(
        "gap-details-log-win",
        on_gap("enter", "w"),
        "wins",
        by("gaps", title="Executive communication"),
        adds=True,
    ),
    FormCase("new-gap", keys("2", "n"), "gaps", adds=True, stores=STORES),
    FormCase("new-stakeholder", keys("3", "n"), "stakeholders", adds=True, stores=STORES),
    FormCase("new-priority", on_row("priorities:0", "a"), "priorities", adds=True),
    FormCase("new-feedback", on_row("feedback:0", "a"), "feedback", adds=True),
    FormCase(
        "new-scope-item",
        on_row("scope:0", "a"),
        "vision",
        by("vision", id="vision"),
        path=("scope",),
        adds=True,
    ),
    *(
        FormCase(
            f"new-{section}-entry",
            on_row(f"{section}:0", "a"),
            "vision",
            by("vision", id="vision"),
            adds=True,
            appends_to=section,
        )
        for section in TEXT_LISTS
    ),
    # an empty store: the vision pane offers its destination (e) and the palette room to grow
    FormCase(
        "vision-destination-first",
        keys("1", "e"),
        "vision",
        by("vision", id="vision"),
        stores=("empty",),
    ),
    FormCase(
        "vision-room-to-grow-first",
        palette("Edit room to grow"),
        "vision",
        by("vision", id="vision"),
        path=("room_to_grow",),
        stores=("empty",),
    ),
]
ACTIONS = ("save-unchanged", "save-changed", "cancel")


@dataclass(frozen=True)
class FormRun:
    store: str
    case: FormCase
    action: str

    @property
    def id(self) -> str:
        return f"{self.store}-{self.case.name}-{self.action}"


FORM_RUNS = [
    FormRun(store, case, action)
    for case in FORM_CASES
    for store in case.stores
    for action in ACTIONS
]


# -- acting on a form ---------------------------------------------------------------------------
@dataclass
class Typed:
    """The field an action typed into: its name, kind and the text typed."""

    name: str
    kind: str
    text: str = ""
    before: Any = None


def _dig(doc: Any, path: tuple[str | int, ...]) -> Any:
    for part in path:
        doc = doc[part]
    return doc


def the_text_field(screen: Screen) -> tuple[str, str, Input | TextArea]:
    """The first field a user types words into: (name, kind, widget)."""
    if isinstance(screen, FormScreen):
        for kind in (("text", "multiline"), ("lines",)):
            for form_field in screen.fields:
                if form_field.kind in kind:
                    widget = screen.widget_for(form_field.name)
                    assert isinstance(widget, (Input, TextArea))
                    return form_field.name, form_field.kind, widget
        raise AssertionError(f"the form {screen.form_title!r} has no text field")
    if isinstance(screen, QuickWinScreen):
        return "title", "text", screen.query_one("#quick-win-title", Input)
    if isinstance(screen, StakeholderCheckInScreen):
        return "note", "text", screen.query_one("#check-in-note", Input)
    raise AssertionError(f"{type(screen).__name__} is not a form")


async def type_into(pilot: Pilot, screen: Screen) -> Typed:
    name, kind, widget = the_text_field(screen)
    widget.focus()
    await pilot.pause()
    if isinstance(widget, TextArea):
        current = widget.text
        widget.move_cursor(widget.document.end)
    else:
        current = widget.value
        await pilot.press("end")  # focus may have selected the text: typing would replace it
    if kind == "lines":
        text = ("\n" if current.strip() else "") + "Edited item"
    else:
        text = (" " if current.strip() else "") + "Edited"
    await pilot.press(*press_keys(text))
    return Typed(name, kind, text, current)


async def save(pilot: Pilot, screen: Screen) -> None:
    if isinstance(screen, FormScreen):
        await pilot.press("ctrl+s")
    else:
        screen.query_one(Input).focus()
        await pilot.press("enter")


def shown_errors(screen: Screen) -> str:
    if isinstance(screen, FormScreen):
        return "; ".join(f"{k or 'form'}: {v}" for k, v in screen.errors().items())
    texts = [str(w.render()) for w in screen.query(".field-error")]
    return "; ".join(t for t in texts if t.strip())


def is_form(screen: Screen) -> bool:
    return isinstance(screen, (FormScreen, QuickWinScreen, StakeholderCheckInScreen))


def expected_changes(
    run: FormRun, target: str | None, typed: Typed | None, before: Tables, after: Tables
) -> list[str]:
    """What the store should hold after the action, given what it held before."""
    case, action = run.case, run.action
    raw = record_changes(before, after)
    if action == "cancel":
        return [f"cancel changed the store: {describe(raw)}"] if raw else []
    changes = beyond_timestamps(raw, before)
    problems: list[str] = []
    record = (case.table, target) if target else None
    cascade = ("stakeholders", target) if case.cascade and target else None

    def allowed_cascade(key: tuple[str, str], change: Any) -> bool:
        return key == cascade and isinstance(change, frozenset) and change <= case.cascade

    if case.adds and case.appends_to is None and case.path == ():
        if action == "save-unchanged" and not case.blank_saves:
            return [f"a blank new record was stored: {describe(raw)}"] if raw else []
        added = [
            key for key, change in changes.items() if change == "added" and key[0] == case.table
        ]
        others = {k: v for k, v in changes.items() if k not in added and not allowed_cascade(k, v)}
        if len(added) != 1:
            problems.append(f"expected one new record in {case.table}: {describe(changes)}")
        if others:
            problems.append(f"and nothing else, but: {describe(others)}")
        if added and typed is not None:
            doc = after[case.table][added[0][1]]
            if doc.get(typed.name) != "Edited":
                problems.append(f"the new record's {typed.name} is {doc.get(typed.name)!r}")
        return problems

    # an edit of the target record (or an item appended to a list in it)
    top = case.appends_to or (case.path[0] if case.path else None)
    stray_raw = {k: v for k, v in raw.items() if k != record}
    if stray_raw:
        problems.append(f"records other than the one edited changed: {describe(stray_raw)}")
    if action == "save-unchanged":
        if record in changes:
            problems.append(f"an unchanged save changed {describe({record: changes[record]})}")
        return problems
    assert typed is not None and record is not None
    changed_field = top or typed.name
    if changes.get(record) != frozenset({changed_field}):
        problems.append(f"expected only {changed_field} to change: {describe(changes)}")
    old = _dig(before[case.table][target], case.path)
    new = _dig(after[case.table][target], case.path)
    if case.appends_to:
        wanted: Any = [*old[case.appends_to], "Edited"]
        got = new[case.appends_to]
    elif case.path == ("scope",):  # a new scope item
        wanted = [*old, {"responsibility": "Edited", "today": "execute", "target": "own"}]
        got = new
    elif typed.kind == "lines":
        wanted = [*old[typed.name], "Edited item"]
        got = new[typed.name]
    else:
        wanted = (typed.before + typed.text).strip()
        got = new[typed.name]
    if got != wanted:
        problems.append(f"{changed_field} is {got!r}, expected {wanted!r}")
    return problems


def form_step(run: FormRun, data_dir: Path, target: str | None) -> Step:
    case = run.case

    async def act(pilot: Pilot, notes: Notes) -> None:
        app = pilot.app
        assert isinstance(app, CareerApp)
        await to_dashboard(pilot)
        await case.open(pilot, target)
        await settle(pilot)
        if died := crash(app):
            raise AssertionError(f"opening the form: {died}")
        screen = app.screen
        assert is_form(screen), f"the keys opened {type(screen).__name__}, not a form"
        before = read_tables(data_dir)
        mark = len(notes.seen)
        typed = None
        if run.action == "save-changed":
            typed = await type_into(pilot, screen)
            await save(pilot, screen)
        elif run.action == "save-unchanged":
            await save(pilot, screen)
        else:
            await pilot.press("escape")
        await settle(pilot)
        if died := crash(app):
            raise AssertionError(died)
        problems: list[str] = []
        if run.action == "save-unchanged" and case.adds and not case.blank_saves:
            if app.screen is not screen:
                problems.append("saving a blank new record closed the form")
            elif not shown_errors(screen):
                problems.append("saving a blank new record showed no reason next to a field")
            table_changes = record_changes(before, read_tables(data_dir))
            if table_changes:
                problems.append(f"a blank new record changed the store: {describe(table_changes)}")
            await pilot.press("escape")
            await settle(pilot)
        elif is_form(app.screen):  # still open, or back after a failed save
            problems.append(f"a form is still open; it shows: {shown_errors(app.screen) or '-'}")
        else:
            problems += expected_changes(run, target, typed, before, read_tables(data_dir))
        problems += [f"error notification: {e}" for e in notes.errors_since(mark)]
        if shown := screen_shows_store(app, read_tables(data_dir)):
            problems.append(shown)
        assert not problems, "\n".join(problems)

    return Step(run.action, act)


def form_store(data_dir: Path, store: str) -> Path:
    make_store(data_dir, store, enriched=True)
    return data_dir


@SHARED_LOOP
@pytest.mark.parametrize("run", FORM_RUNS, ids=[r.id for r in FORM_RUNS])
async def test_every_form(run: FormRun, tmp_path: Path) -> None:
    # the demo forms share a store; each form on an empty store has one of its own
    name = "forms-demo" if run.store == "demo" else f"forms-empty-{run.case.name}"
    runner = await RUNNERS.get(name, lambda: form_store(tmp_path / "store", run.store), SMALL)
    if "targets" not in runner.context:
        tables = read_tables(runner.data_dir)
        runner.context["targets"] = {
            case.name: case.target(tables) for case in FORM_CASES if run.store in case.stores
        }
    target = runner.context["targets"][run.case.name]
    if target is None and not run.case.adds:
        raise AssertionError(f"the {run.store} store holds no record for {run.case.name}")
    outcome = await runner.run(form_step(run, runner.data_dir, target))
    if outcome.skipped:
        pytest.skip(outcome.skipped)
    assert outcome.passed, f"{run.id}:\n{outcome.problem}"


def test_every_form_kind_is_covered() -> None:
    """Every kind of record the brief names has a form case, on the demo career."""
    names = {case.name for case in FORM_CASES}
    for section in TEXT_LISTS:
        assert f"vision-{section}" in names and f"new-{section}-entry" in names
    assert {
        "priority",
        "priority-archived",
        "feedback-named",
        "vision-scope-item",
        "vision-room-to-grow",
        "check-in-in-touch",
        "gap-working",
        "stakeholder-in-touch",
    } <= names
    assert {f"win-{kind}" for kind in WIN_KINDS} <= names
