"""Part ``panes``: inside the app (Textual Pilot, in-process, 120×36), what the user waits for
when choosing a pane and when logging a win.

1. **Pane switch** (``pane_switch``): ``presses`` keys 1→2→3→4→1… on ten years of data
   (:data:`~bench.generate.TEN_YEARS`), each from just before ``pilot.press`` to the first
   screen update after which the chosen pane looks as it does once everything has settled
   (at 120×36 every pane is on screen: the chosen one gets the accent border, the focus and,
   for the vision, its full outline). The reference is :class:`bench.control_app.ControlApp`,
   a plain Textual app with the same layout and about as many widgets of the same kinds per
   pane (stock DataTables and an OptionList holding the same rows), switched the same way;
   the two run alternately, half the presses each round (the second round goes on with the
   cycle where the first stopped). Target: at most 1.2× the control. The time to the first
   update of any kind, and each pane's samples, go to the extra dict.
2. **A write on screen** (``write_visible_demo``, ``write_visible_forty``): ``w`` opens the
   quick win form, a unique title is typed, and the time runs from just before Enter to the
   first screen update after which the win's row (its date, then its title) is on screen in
   the journal's list. On the demo career (:func:`careertui.demo.populate`) and on forty
   years (:data:`FORTY_YEARS`, 14,600 wins); against a fixed 50 ms limit (the reference side
   is the limit itself, so the ratio reads "times the limit").
3. **The durable write's own cost**: ``Store.transaction`` (lock, read, the win added, the
   data file, about 10 MB at forty years, written and synced, the backups) timed around each
   quick win's save, by wrapping it on the store the app's save worker uses; and the read of
   the career after it, which the worker does next. Medians and every sample go to the extra
   dict (``write_save_forty_years``; both cases under their own keys), not to a comparison.

How "on screen" is told: every update the app sends to the terminal (``App._display``, the
one door to the terminal; in a test run it writes nothing) is timestamped and kept. After a
session the updates are replayed, in order, onto a grid of 120×36 cells (:class:`Terminal`:
characters and their colours, as a terminal would hold them), and each timed key is checked
update by update: the pane's region against its settled look, or the journal list's region
for the row ``<date>   <title>`` (the form's own input, the "Win logged" notification and the
details under the list say the title without the date before it, so they never count). The
replay runs after the session, so checking costs the app nothing while it is measured.

Every write adds a win; each case has a data directory of its own. The number of writes per
case is ``presses``, at most :data:`MAX_WRITES` (each forty-year write rewrites a file of
several megabytes). "Today" is pinned to ``today`` (``CAREERTUI_TODAY``) while measuring, so
the new wins and the written careers agree on the date.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import io
import os
import random
import re
import statistics
import string
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.cells import cell_len
from rich.console import Console
from rich.segment import ControlType
from rich.style import Style
from textual.app import App
from textual.geometry import Region

from bench.control_app import PANE_IDS, ControlApp, ControlData
from bench.generate import TEN_YEARS, Shape, write_career
from bench.keystroke import SIZE, _settle
from bench.measure import Side
from bench.report import Comparison
from bench.shell import _limit

if TYPE_CHECKING:
    from careertui.store.repository import Career, Repository

#: The pane switch may take at most this many times the control app's.
SWITCH_TARGET = 1.2
#: A win logged must be on screen within this many seconds.
WRITE_LIMIT = 0.050
#: Forty years of a busy career: a win a day.
FORTY_YEARS = Shape(wins=14_600, gaps=150, stakeholders=300, feedback=60, priorities=5)
#: The most writes timed per case, whatever ``presses`` says.
MAX_WRITES = 10
#: Sessions of each app in the pane switch, alternating which goes first.
ROUNDS = 2

#: One cell of the terminal: the character and its style (None: never written).
Cell = tuple[str, Style | None]
#: A cell as compared: the character, its colours and boldness (not the mouse metadata).
Look = tuple[tuple[str, Any, Any, Any], ...]


class MeasureError(RuntimeError):
    """What was timed never showed on screen (the measurement would be meaningless)."""


# -- what the terminal shows ------------------------------------------------------------------
class Terminal:
    """The cells of a terminal, as the updates replayed onto it have left them."""

    def __init__(self, width: int, height: int) -> None:
        self.width, self.height = width, height
        self.cells: list[list[Cell]] = [[(" ", None)] * width for _ in range(height)]
        self._console = Console(width=width, height=height, file=io.StringIO())

    def copy(self) -> Terminal:
        other = Terminal.__new__(Terminal)
        other.width, other.height, other._console = self.width, self.height, self._console
        other.cells = [row[:] for row in self.cells]
        return other

    def apply(self, update: Any) -> None:
        """Write one update (a Textual ``LayoutUpdate`` or ``ChopsUpdate``): its segments
        are cursor moves and text, exactly what the app would write to the terminal."""
        console = self._console
        x = y = 0
        for segment in update.__rich_console__(console, console.options):
            if segment.control:
                for code in segment.control:
                    if code[0] == ControlType.CURSOR_MOVE_TO:
                        x, y = code[1], code[2]
                continue
            text = segment.text
            if text == "\n" or not 0 <= y < self.height:
                continue
            row, style = self.cells[y], segment.style
            for char in text:
                width = cell_len(char)
                if width and 0 <= x < self.width:
                    row[x] = (char, style)
                    if width == 2 and x + 1 < self.width:
                        row[x + 1] = ("", style)
                x += width

    def replay(self, updates: Sequence[Any]) -> None:
        for update in updates:
            self.apply(update)

    def look(self, region: Region) -> Look:
        """The characters and colours in ``region``."""
        cells: list[tuple[str, Any, Any, Any]] = []
        for row in self.cells[region.y : region.bottom]:
            for char, style in row[region.x : region.right]:
                if style is None:
                    cells.append((char, None, None, None))
                else:
                    cells.append((char, style.color, style.bgcolor, style.bold))
        return tuple(cells)

    def lines(self, region: Region) -> list[str]:
        """The text of each line of ``region``."""
        return [
            "".join(char for char, _ in row[region.x : region.right])
            for row in self.cells[region.y : region.bottom]
        ]


class Recorder:
    """Timestamps and keeps every update ``app`` sends to the terminal (as bench.keystroke
    does, and the updates as well)."""

    def __init__(self, app: App[Any]) -> None:
        self.stamps: list[float] = []
        self.updates: list[Any] = []
        display = app._display

        def stamped(screen, renderable):  # noqa: ANN001, ANN202 - Textual's own signature
            if renderable is not None and not app._batch_count:
                self.stamps.append(time.perf_counter())
                self.updates.append(renderable)
            return display(screen, renderable)

        app._display = stamped  # type: ignore[method-assign]


@dataclass
class Press:
    """One timed key: when it was pressed, the updates it set off (``since`` to ``end``,
    the last one settled), and where on screen to look."""

    start: float
    since: int
    end: int
    region: Region
    wanted: re.Pattern[str] | None = None


def _shown(recorder: Recorder, presses: Sequence[Press]) -> list[float]:
    """For each press, the time to the first update after which its region looks as it does
    once settled (and did not before the press)."""
    screen = Terminal(*SIZE)
    done = 0
    times: list[float] = []
    for press in presses:
        screen.replay(recorder.updates[done : press.since])
        done = press.since
        settled = screen.copy()
        settled.replay(recorder.updates[press.since : press.end])
        wanted = settled.look(press.region)
        if screen.look(press.region) == wanted:
            raise MeasureError(f"the key changed nothing in {press.region}")
        for index in range(press.since, press.end):
            screen.apply(recorder.updates[index])
            done = index + 1
            if screen.look(press.region) == wanted:
                times.append(recorder.stamps[index] - press.start)
                break
    return times


def _visible(recorder: Recorder, presses: Sequence[Press]) -> list[float]:
    """For each press, the time to the first update after which a line of its region matches
    its ``wanted`` pattern."""
    screen = Terminal(*SIZE)
    done = 0
    times: list[float] = []
    for press in presses:
        assert press.wanted is not None
        screen.replay(recorder.updates[done : press.since])
        done = press.since
        for index in range(press.since, press.end):
            screen.apply(recorder.updates[index])
            done = index + 1
            if any(press.wanted.search(line) for line in screen.lines(press.region)):
                times.append(recorder.stamps[index] - press.start)
                break
        else:
            raise MeasureError(f"{press.wanted.pattern!r} never showed in {press.region}")
    return times


async def _quiet(app: App[Any], pilot: Any, recorder: Recorder) -> None:
    """Wait (untimed) until nothing runs and nothing has been repainted for a moment."""
    await _settle(app, pilot, recorder.stamps, 0, time.perf_counter())


@contextlib.contextmanager
def _today_pinned(today: dt.date) -> Iterator[None]:
    from careertui.domain.clock import PINNED_ENV

    before = os.environ.get(PINNED_ENV)
    os.environ[PINNED_ENV] = today.isoformat()
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(PINNED_ENV, None)
        else:
            os.environ[PINNED_ENV] = before


# -- 1. pane switch ---------------------------------------------------------------------------
@dataclass
class SwitchSamples:
    shown: list[float] = field(default_factory=list)
    first: list[float] = field(default_factory=list)
    #: The pane each sample switched to.
    panes: list[str] = field(default_factory=list)
    widgets: dict[str, int] = field(default_factory=dict)

    def by_pane(self) -> dict[str, list[float]]:
        found: dict[str, list[float]] = {pane_id: [] for pane_id in PANE_IDS}
        for pane_id, seconds in zip(self.panes, self.shown, strict=True):
            found[pane_id].append(seconds)
        return found


def widget_counts(app: App[Any]) -> dict[str, int]:
    """Widgets on the screen (``query("*")``), in all and per pane."""
    counts = {"screen": len(app.screen.query("*"))}
    for pane_id in PANE_IDS:
        counts[pane_id] = len(app.screen.query_one(f"#{pane_id}").query("*"))
    counts["outside the panes"] = counts["screen"] - sum(counts[p] for p in PANE_IDS) - 4
    return counts


async def _switch_session(app: App[Any], presses: int, offset: int = 0) -> SwitchSamples:
    """``presses`` pane keys in ``app`` (careertui's or the control), going on with the cycle
    1→2→3→4→1… from its ``offset``-th key. Both apps start on the journal (4); when the cycle
    goes on from elsewhere, the pane before the first timed key is chosen first, untimed."""
    recorder = Recorder(app)
    timed: list[Press] = []
    samples = SwitchSamples()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await _quiet(app, pilot, recorder)
        samples.widgets = widget_counts(app)
        before = (offset - 1) % len(PANE_IDS)
        if PANE_IDS[before] != "journal":
            await pilot.press(str(before + 1))
            await _quiet(app, pilot, recorder)
        for i in range(offset, offset + presses):
            n = i % len(PANE_IDS)
            pane_id = PANE_IDS[n]
            since, start = len(recorder.stamps), time.perf_counter()
            await pilot.press(str(n + 1))
            await _settle(app, pilot, recorder.stamps, since, start)
            pane = app.screen.query_one(f"#{pane_id}")
            focused = app.screen.focused
            if focused is None or (focused is not pane and pane not in focused.ancestors):
                raise MeasureError(f"key {n + 1} left the focus outside #{pane_id}")
            timed.append(Press(start, since, len(recorder.stamps), pane.region))
            samples.panes.append(pane_id)
    samples.first = [recorder.stamps[p.since] - p.start for p in timed]
    samples.shown = _shown(recorder, timed)
    return samples


def _control_data(career: Career, today: dt.date) -> ControlData:
    """careertui's rows for the control app: the same wins, gaps and people, as text."""
    from careertui.domain.journal import wins_per_week
    from careertui.domain.models import GapStatus
    from careertui.domain.stakeholders import by_quadrant

    vision = career.vision
    lists = {
        "Destination": [
            f"Target role: {vision.target_role}",
            f"Horizon: {vision.horizon.isoformat() if vision.horizon else '–'}",
        ],
        "Values": vision.values,
        "Methods": vision.methods,
        "Obstacles": vision.obstacles,
        "Measures": vision.measures,
        "Strengths": vision.strengths,
        "Priorities": [p.title for p in career.priorities],
        "Goals": [g.title for g in career.goals],
        "Feedback": [f"“{f.quote}” ({f.theme})" for f in career.feedback],
    }
    glance = [f"{name:<11} {len(items)}: {'; '.join(items[:3])}" for name, items in lists.items()]
    outline = [line for name, items in lists.items() for line in (name, *(f"  {i}" for i in items))]
    titles = {p.id: p.title for p in [*career.priorities, *career.archived_priorities]}
    wins = [
        (
            w.date.isoformat(),
            "★" if w.starred else "",
            w.title,
            titles.get(w.priority_id or "", ""),
            str(w.headline_metric or ""),
        )
        for w in career.wins
    ]
    columns = [
        [
            (g.title, f"{g.current_level}→{g.target_level}", f"impact {g.impact}")
            for g in career.gaps
            if g.status == status
        ]
        for status in (GapStatus.BACKLOG, GapStatus.WORKING, GapStatus.CLOSED)
    ]
    people = [(p.name, p.title) for p in career.stakeholders]
    quadrants = [[(p.name, p.title) for p in q] for q in by_quadrant(career.stakeholders).values()]
    return ControlData(
        statement=vision.statement,
        glance=glance,
        outline=outline,
        gap_columns=columns,
        quadrants=quadrants,
        people=people,
        wins=wins,
        weeks=wins_per_week(career.wins, today),
        status=f"{len(wins)} wins · {len(career.gaps)} gaps · {len(people)} people",
    )


async def _measure_switch(
    data_dir: Path, today: dt.date, presses: int, log: Callable[[str], None]
) -> dict[str, SwitchSamples]:
    """careertui and the control app alternately, half the presses each round."""
    from careertui.store.repository import Repository
    from careertui.tui.app import make_app

    data = _control_data(Repository.at(data_dir).career(), today)
    makers: dict[str, Callable[[], App[Any]]] = {
        "careertui": lambda: make_app(Repository.at(data_dir)),
        "control": lambda: ControlApp(data),
    }
    results: dict[str, SwitchSamples] = {}
    each = max(presses // ROUNDS, 1)
    for phase in range(ROUNDS):
        order = list(makers) if phase % 2 == 0 else list(reversed(makers))
        for name in order:
            part = await _switch_session(makers[name](), each, offset=phase * each)
            have = results.setdefault(name, SwitchSamples(widgets=part.widgets))
            have.shown += part.shown
            have.first += part.first
            have.panes += part.panes
        log(f"panes: pane switch round {phase + 1}/{ROUNDS}")
    return results


# -- 2. and 3. a quick win --------------------------------------------------------------------
@dataclass
class WriteSamples:
    visible: list[float] = field(default_factory=list)
    first: list[float] = field(default_factory=list)
    #: ``Store.transaction`` of each save, and the career read again after it.
    save: list[float] = field(default_factory=list)
    reread: list[float] = field(default_factory=list)
    wins: int = 0
    file_bytes: int = 0


def _timed_store(repo: Repository, saves: list[float], rereads: list[float]) -> None:
    """Time every ``Store.transaction`` and ``Repository.career`` of ``repo`` (what the save
    worker runs: the action's transaction, then the read of the career it shows)."""
    store = repo.store
    transaction = store.transaction

    @contextlib.contextmanager
    def timed_transaction() -> Iterator[Any]:
        start = time.perf_counter()
        with transaction() as db:
            yield db
        saves.append(time.perf_counter() - start)

    career = repo.career

    def timed_career() -> Career:
        start = time.perf_counter()
        read = career()
        rereads.append(time.perf_counter() - start)
        return read

    store.transaction = timed_transaction  # type: ignore[method-assign]
    repo.career = timed_career  # type: ignore[method-assign]


def _keys(text: str) -> list[str]:
    return ["space" if char == " " else char for char in text]


async def _write_session(data_dir: Path, writes: int, tag: str) -> WriteSamples:
    """``writes`` quick wins logged with ``w``, a title and Enter, in one app."""
    from textual.widgets import Input

    from careertui.domain.clock import today
    from careertui.domain.dates import shown
    from careertui.store.repository import Repository
    from careertui.tui.app import make_app
    from careertui.tui.screens.quick_win import QuickWinScreen
    from careertui.tui.widgets.win_list import WinList

    repo = Repository.at(data_dir)
    saves: list[float] = []
    rereads: list[float] = []
    app = make_app(repo)
    _timed_store(repo, saves, rereads)
    recorder = Recorder(app)
    samples = WriteSamples()
    timed: list[Press] = []
    token = "".join(random.Random().choices(string.ascii_lowercase, k=4))
    date = re.escape(shown(today()))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await _quiet(app, pilot, recorder)
        samples.wins = len(app.career.wins)
        for i in range(writes):
            title = f"bench {tag} win {i + 1:02d} {token}"
            await pilot.press("w")
            await pilot.pause()
            if not isinstance(app.screen, QuickWinScreen):
                raise MeasureError(f"w opened {type(app.screen).__name__}, not the quick win")
            for box in app.screen.query(Input):
                box.cursor_blink = False  # a blinking cursor would repaint forever
            await pilot.press(*_keys(title))
            await _quiet(app, pilot, recorder)
            saved, read = len(saves), len(rereads)
            since, start = len(recorder.stamps), time.perf_counter()
            await pilot.press("enter")
            await _settle(app, pilot, recorder.stamps, since, start)
            if len(saves) != saved + 1:
                raise MeasureError(f"Enter ran {len(saves) - saved} store transactions, not 1")
            samples.save.append(saves[-1])
            samples.reread += rereads[read:]
            region = app.screen.query_one(WinList).region
            wanted = re.compile(rf"{date}\s+(★\s+)?{re.escape(title)}")
            timed.append(Press(start, since, len(recorder.stamps), region, wanted))
            app.clear_notifications()  # "Win logged" would pile up over the list
            await _quiet(app, pilot, recorder)
    samples.first = [recorder.stamps[p.since] - p.start for p in timed]
    samples.visible = _visible(recorder, timed)
    samples.file_bytes = repo.store.path.stat().st_size
    return samples


def _figures(values: list[float]) -> dict[str, object]:
    return {"median_seconds": statistics.median(values) if values else None, "seconds": values}


# -- the part ---------------------------------------------------------------------------------
def compare_panes_and_writes(
    root: Path, today: dt.date, presses: int, log: Callable[[str], None]
) -> tuple[list[Comparison], dict[str, object]]:
    """The pane switch against the control app, and a quick win's way to the screen (demo
    career, forty years) against 50 ms; the forty-year save's own cost in the extra dict."""
    from careertui.demo import populate
    from careertui.store.repository import Repository

    switch_dir = root / "panes-ten-years"
    demo_dir = root / "writes-demo"
    forty_dir = root / "writes-forty-years"
    writes = max(1, min(presses, MAX_WRITES))
    comparisons: list[Comparison] = []
    extra: dict[str, object] = {"writes_per_case": writes}
    with _today_pinned(today):
        log("panes: writing a ten-year career, the demo career and a forty-year one")
        write_career(switch_dir, TEN_YEARS, today)
        populate(Repository.at(demo_dir), today)
        write_career(forty_dir, FORTY_YEARS, today)

        switch = asyncio.run(_measure_switch(switch_dir, today, presses, log))
        mine, theirs = switch["careertui"], switch["control"]
        comparisons.append(
            Comparison(
                key="pane_switch",
                title="Pane key (1–4) → the new pane shown, ten years",
                subject=Side("ten years", seconds=mine.shown),
                reference=Side("control app", seconds=theirs.shown),
                target=SWITCH_TARGET,
            )
        )
        extra["pane_switch"] = {
            "widgets": {"careertui": mine.widgets, "control": theirs.widgets},
            "first_repaint": {
                "careertui": Side("ten years", seconds=mine.first).summary(),
                "control": Side("control app", seconds=theirs.first).summary(),
            },
            "shown_by_pane": {"careertui": mine.by_pane(), "control": theirs.by_pane()},
        }

        cases = {
            "demo": ("write_visible_demo", demo_dir, "demo career"),
            "forty": ("write_visible_forty", forty_dir, "forty years"),
        }
        for tag, (key, data_dir, label) in cases.items():
            log(f"panes: {writes} quick wins on the {label}")
            samples = asyncio.run(_write_session(data_dir, writes, tag))
            what = f"{label}, {samples.wins:,} wins"
            comparisons.append(
                Comparison(
                    key=key,
                    title=f"Quick win Enter → the win on screen, {what}",
                    subject=Side(label, seconds=samples.visible),
                    reference=_limit("50 ms limit", WRITE_LIMIT, None),
                    target=1.0,
                )
            )
            extra[key] = {
                "wins_before": samples.wins,
                "file_bytes_after": samples.file_bytes,
                "first_repaint": _figures(samples.first),
                "save_transaction": _figures(samples.save),
                "reread": _figures(samples.reread),
            }
        forty = extra["write_visible_forty"]
        assert isinstance(forty, dict)
        extra["write_save_forty_years"] = forty["save_transaction"]
    return comparisons, extra
