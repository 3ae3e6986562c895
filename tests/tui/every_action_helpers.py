"""Helpers for the generated tests (tests/tui/test_every_action.py, test_random_sessions.py):
read the store as plain tables, tell exactly which records and fields changed, wait until the
app is quiet, and run a sequence of steps in as few apps as possible while keeping each step's
result its own.

The app is driven only with keys; the helpers read what it stores (a fresh ``Repository`` over
the same data directory) and what it shows (its widgets' public properties).
"""

from __future__ import annotations

import asyncio
import traceback
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from textual.message import Message
from textual.notifications import Notify
from textual.pilot import Pilot
from textual.worker import WorkerState

from careertui.domain.models import RECORD_TYPES, Vision
from careertui.domain.settings import Settings
from careertui.store.repository import Repository
from careertui.tui.app import CareerApp, make_app

SIZE = (120, 36)
#: The smallest terminal careertui supports: forms taller than it scroll.
SMALL = (80, 24)
#: The one field a save may change on a record it was not asked to change.
TIMESTAMP = "updated"

Tables = dict[str, dict[str, Any]]
#: What happened to one record: "added", "removed", or the names of the fields that changed.
Change = str | frozenset[str]
Key = tuple[str, str]


# -- the store as plain data --------------------------------------------------------------------
def read_tables(data_dir: Path) -> Tables:
    """Every table as the data file holds it now (read by a repository of its own).

    The vision is a single record the app treats as blank until something is saved; a store
    without one reads as holding the blank vision, so that saving a blank vision is no change.
    """
    tables = Repository.at(data_dir).tables()  # parsed afresh: the caller's to keep
    vision = tables.setdefault(Vision.table, {})
    if Vision.SINGLETON_ID not in vision:
        blank = Vision().model_dump(mode="json")
        blank["created"] = blank["updated"] = None
        vision[Vision.SINGLETON_ID] = blank
    return tables


def record_changes(before: Tables, after: Tables) -> dict[Key, Change]:
    """Which records were added, removed or changed (and in which fields)."""
    found: dict[Key, Change] = {}
    for table in sorted(before.keys() | after.keys()):
        old, new = before.get(table, {}), after.get(table, {})
        for key in sorted(old.keys() | new.keys()):
            if key not in new:
                found[(table, key)] = "removed"
            elif key not in old:
                found[(table, key)] = "added"
            elif old[key] != new[key]:
                a, b = old[key], new[key]
                if isinstance(a, dict) and isinstance(b, dict):
                    found[(table, key)] = frozenset(
                        name for name in a.keys() | b.keys() if a.get(name) != b.get(name)
                    )
                else:
                    found[(table, key)] = frozenset({"value"})
    return found


def beyond_timestamps(changes: dict[Key, Change], before: Tables) -> dict[Key, Change]:
    """``changes`` without records whose only change is their ``updated`` time (or, for the
    blank vision first written, ``created`` and ``updated``)."""
    kept: dict[Key, Change] = {}
    for key, change in changes.items():
        if isinstance(change, frozenset):
            allowed = {TIMESTAMP}
            if before.get(key[0], {}).get(key[1], {}).get("created") is None:
                allowed.add("created")
            rest = change - allowed
            if not rest:
                continue
            change = frozenset(rest)
        kept[key] = change
    return kept


def describe(changes: dict[Key, Change]) -> str:
    if not changes:
        return "nothing"
    return "; ".join(
        f"{table}/{key}: {_change_text(change)}" for (table, key), change in changes.items()
    )


def _change_text(change: Change) -> str:
    return change if isinstance(change, str) else "fields " + ", ".join(sorted(change))


# -- the app ------------------------------------------------------------------------------------
def crash(app: CareerApp) -> str | None:
    """Why the app is no longer running, with the traceback of what crashed it (None: fine)."""
    if app._exception is not None:
        return "the app crashed:\n" + "".join(traceback.format_exception(app._exception))
    if not app.is_running:
        return f"the app stopped (return code {app.return_code})"
    return None


def _busy(app: CareerApp) -> bool:
    if app.saving:
        return True
    return any(w.state in (WorkerState.PENDING, WorkerState.RUNNING) for w in app.workers)


async def settle(pilot: Pilot, timeout: float = 15.0) -> None:
    """Let the app finish what the last key started: saves (a worker thread each), re-reads,
    messages and a repaint."""
    app = pilot.app
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    await pilot.pause()
    while app.is_running and _busy(app):
        if loop.time() > deadline:
            raise AssertionError(f"the app was still saving after {timeout}s")
        await pilot.pause(0.02)
    if app.is_running:
        await pilot.pause()


async def wait_until(
    pilot: Pilot, condition: Callable[[], object], what: str, timeout: float = 10.0
) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        if not pilot.app.is_running:
            raise AssertionError(f"the app stopped while waiting for {what}")
        if loop.time() > deadline:
            raise AssertionError(f"gave up after {timeout}s waiting for {what}")
        await pilot.pause(0.02)


def screen_shows_store(app: CareerApp, tables: Tables) -> str | None:
    """A problem when the career the app shows is not the one the store holds (``tables``,
    read just now)."""
    career = app.career
    differ = []
    for model in RECORD_TYPES:
        if model is Vision:
            continue
        records = list(getattr(career, model.table))
        if model.table == "priorities":  # the app holds the archived ones apart
            records += career.archived_priorities
        shown = {r.id: r.model_dump(mode="json") for r in records}
        stored = tables.get(model.table, {})
        if shown.keys() != stored.keys() or any(
            shown[key] != doc and shown[key] != model.model_validate(doc).model_dump(mode="json")
            for key, doc in stored.items()
        ):
            differ.append(model.table)
    timeless = {"created", "updated"}
    vision = {k: v for k, v in tables["vision"]["vision"].items() if k not in timeless}
    if career.vision.model_dump(mode="json", exclude=timeless) != Vision.model_validate(
        {**Vision().model_dump(), **vision}
    ).model_dump(mode="json", exclude=timeless):
        differ.append("vision")
    settings = {key: doc.get("value") for key, doc in tables.get("settings", {}).items()}
    if career.settings != Settings.from_stored(settings):
        differ.append("settings")
    if differ:
        return f"the app shows a career that differs from the store in: {', '.join(differ)}"
    return None


@dataclass
class Notes:
    """Every notification the app raised (read from the messages, so none expires unseen)."""

    seen: list[tuple[str, str, str]] = field(default_factory=list)

    def hook(self, message: Message) -> None:
        if isinstance(message, Notify):
            n = message.notification
            self.seen.append((n.severity, n.title, str(n.message)))

    def errors_since(self, mark: int) -> list[str]:
        return [
            f"{title}: {text}" for severity, title, text in self.seen[mark:] if severity == "error"
        ]


# -- running steps, each with its own result ----------------------------------------------------
class StepSkipped(Exception):
    """The step cannot be done in this store (say, no record to open a screen on)."""


@dataclass
class Outcome:
    passed: bool = True
    skipped: str = ""
    problem: str = ""


@dataclass
class Step:
    """One thing to try in a running app; raises AssertionError (or anything) when it finds a
    defect."""

    name: str
    run: Callable[[Pilot, Notes], Awaitable[None]]
    #: Whether the step ends the app on purpose (quit).
    exits: bool = False
    #: Prepares the store for a fresh app, started for this step (e.g. a draft it offers).
    fresh: Callable[[], None] | None = None


Item = tuple[Step, "asyncio.Future[Outcome]"]


class Runner:
    """Runs steps, one per test, in one app kept between the tests (a fresh app after a step
    that ended it, and for a step that asks for one), so a test pays for its own keys only.

    The app lives in a task of its own, fed from a queue, so that Textual's context stays in
    one task; the tests must share one event loop (``loop_scope="module"``).
    """

    def __init__(self, data_dir: Path, size: tuple[int, int] = SIZE) -> None:
        self.data_dir = data_dir
        self.size = size
        #: Whatever the tests want to keep with the store (e.g. the ids of chosen records).
        self.context: dict[str, Any] = {}
        self._queue: asyncio.Queue[Item | None] = asyncio.Queue()
        self._task = asyncio.get_running_loop().create_task(self._serve())

    async def run(self, step: Step) -> Outcome:
        done: asyncio.Future[Outcome] = asyncio.get_running_loop().create_future()
        await self._queue.put((step, done))
        return await done

    async def close(self) -> None:
        await self._queue.put(None)
        await self._task

    async def _serve(self) -> None:
        item = await self._queue.get()
        while item is not None:
            if item[0].fresh is not None:
                item[0].fresh()
            app = make_app(Repository.at(self.data_dir))
            notes = Notes()
            try:
                async with app.run_test(size=self.size, message_hook=notes.hook) as pilot:
                    await settle(pilot)
                    item = await self._one_app(item, pilot, notes)
            except Exception:  # noqa: BLE001, S110 - run_test re-raises a crash; reported already
                pass

    async def _one_app(self, item: Item | None, pilot: Pilot, notes: Notes) -> Item | None:
        """Run steps until one ends the app or wants a fresh one; returns the next item."""
        first = True
        while item is not None:
            step, done = item
            if step.fresh is not None and not first:
                return item
            first = False
            try:
                outcome = await _run_step(step, pilot, notes)
            except BaseException as exc:  # noqa: BLE001 - never leave a test waiting
                outcome = Outcome(passed=False, problem=repr(exc))
            done.set_result(outcome)
            item = await self._queue.get()
            if not pilot.app.is_running:
                return item
        return None


class Runners:
    """One :class:`Runner` a name, one app alive at a time."""

    def __init__(self) -> None:
        self._runners: dict[str, Runner] = {}

    async def get(
        self, name: str, make_store: Callable[[], Path], size: tuple[int, int] = SIZE
    ) -> Runner:
        runner = self._runners.get(name)
        if runner is None:
            await self.close()
            runner = self._runners[name] = Runner(make_store(), size)
        return runner

    async def close(self) -> None:
        for runner in self._runners.values():
            await runner.close()
        self._runners.clear()


async def _run_step(step: Step, pilot: Pilot, notes: Notes) -> Outcome:
    app = pilot.app
    try:
        await step.run(pilot, notes)
    except StepSkipped as skip:
        return Outcome(skipped=str(skip) or "not possible here")
    except Exception as exc:  # noqa: BLE001 - every defect is reported against its step
        report = "".join(traceback.format_exception(exc))
        died = crash(app)
        if died and not step.exits:
            report = f"{died}\n--- the step then failed with ---\n{report}"
        return Outcome(passed=False, problem=report)
    if not step.exits and (died := crash(app)):
        return Outcome(passed=False, problem=died)
    return Outcome()


def press_keys(text: str) -> list[str]:
    """The keys that type ``text`` (newlines as Enter)."""
    return ["enter" if char == "\n" else char for char in text]
