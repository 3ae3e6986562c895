"""Part 4: inside the app (Textual Pilot, in-process), the time from a keystroke to the repaint,
for a journal filter keystroke and a gap reorder, on ten years of data against a nearly empty
store.

Every screen update is timestamped (``App._display``). For each keystroke two figures are
kept, both from just before ``pilot.press``: the **first repaint** (what the user sees react)
and the repaint after which the screen is **settled** (no worker running, nothing repainted for
a few frames), so everything the key set off (filtering 3,650 wins, or saving the new order and
showing the re-read career) is inside the second. Each is compared with the same figure on a
nearly empty store.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bench.generate import TEN_YEARS, Shape, write_career
from bench.measure import Side
from bench.report import Comparison

TARGET = 2.0
SIZE = (120, 36)
#: A nearly empty store: the least that lets both keystrokes do something (two gaps to swap).
NEARLY_EMPTY = Shape(wins=1, gaps=2, stakeholders=1, feedback=0, priorities=1)
#: Quiet time, after the last repaint with no worker running, that counts as settled.
SETTLE = 0.06
FILTER_KEYS = [*"launch", *["backspace"] * 6]
#: Binding ids that move the selected gap down and up the board, in order of preference.
GAP_DOWN_IDS = ("gaps.move_down", "gap.move_down", "gaps.rank_down", "gap.rank_down")
GAP_UP_IDS = ("gaps.move_up", "gap.move_up", "gaps.rank_up", "gap.rank_up")


class CaseUnavailable(RuntimeError):
    """The app offers no way to do this keystroke (yet)."""


@dataclass
class Samples:
    settled: list[float]
    first: list[float]
    key: str


def _binding_key(app, ids: tuple[str, ...]) -> str:  # noqa: ANN001 - a CareerApp
    """The key bound (anywhere in the DOM) to the first of ``ids`` that exists."""
    nodes = [app, *app.screen.walk_children(with_self=True)]
    found: dict[str, str] = {}
    for node in nodes:
        for binding in getattr(node, "BINDINGS", []):
            binding_id = getattr(binding, "id", None)
            if binding_id in ids:
                found.setdefault(binding_id, binding.key.split(",")[0])
    for binding_id in ids:
        if binding_id in found:
            return found[binding_id]
    raise CaseUnavailable(f"no binding with an id in {ids}")


async def _settle(app, pilot, stamps: list[float], since: int, start: float) -> None:  # noqa: ANN001
    """Wait until no worker runs and no repaint has happened for ``SETTLE`` seconds."""
    while True:
        await pilot._wait_for_screen()
        busy = any(worker.is_running for worker in app.workers)
        now = time.perf_counter()
        if len(stamps) > since:
            if not busy and now - stamps[-1] > SETTLE:
                return
            if now - start > 30:
                raise TimeoutError("the screen kept repainting for 30 seconds after a key")
        elif not busy and now - start > 2:
            raise TimeoutError("a timed keystroke changed nothing on screen for 2 seconds")
        await asyncio.sleep(0.005)


async def _session(data_dir: Path, case: str, presses: int) -> Samples:
    """One app over ``data_dir``; ``presses`` timed keystrokes of ``case``."""
    from textual.widgets import Input

    from careertui.store.repository import Repository
    from careertui.tui.app import make_app

    app = make_app(Repository.at(data_dir))
    stamps: list[float] = []
    display = app._display

    def stamped(screen, renderable):  # noqa: ANN001, ANN202 - Textual's own signature
        if renderable is not None:
            stamps.append(time.perf_counter())
        return display(screen, renderable)

    app._display = stamped  # the screen calls self.app._display(...) on every update
    settled: list[float] = []
    first: list[float] = []
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        if case == "filter":
            await pilot.press("4", "slash")
            for widget in app.screen.query(Input):
                widget.cursor_blink = False  # a blinking cursor would repaint forever
            # Whole words typed and erased: every key changes the filter (no idle backspace).
            keys = [FILTER_KEYS[i % len(FILTER_KEYS)] for i in range(presses)]
            label = "typing"
        else:
            await pilot.press("2")
            await pilot.pause()
            down, up = _binding_key(app, GAP_DOWN_IDS), _binding_key(app, GAP_UP_IDS)
            keys = [down if i % 2 == 0 else up for i in range(presses)]  # down first: it moves
            label = f"{down}/{up}"
        await _settle(app, pilot, stamps, 0, time.perf_counter())
        for key in keys:
            since = len(stamps)
            start = time.perf_counter()
            await pilot.press(key)
            await _settle(app, pilot, stamps, since, start)
            settled.append(stamps[-1] - start)
            first.append(stamps[since] - start)
    return Samples(settled, first, label)


async def _measure(
    stores: dict[str, Path], case: str, presses: int, log: Callable[[str], None]
) -> dict[str, Samples]:
    """Alternate sessions over the two stores, half the presses each round."""
    results: dict[str, Samples] = {}
    rounds = 2
    for phase in range(rounds):
        order = list(stores) if phase % 2 == 0 else list(reversed(stores))
        for name in order:
            part = await _session(stores[name], case, presses // rounds)
            have = results.setdefault(name, Samples([], [], part.key))
            have.settled += part.settled
            have.first += part.first
        log(f"keys: {case} round {phase + 1}/{rounds}")
    return results


def compare_keystrokes(
    root: Path, today: dt.date, presses: int, log: Callable[[str], None]
) -> tuple[list[Comparison], dict[str, object]]:
    stores = {"ten years": root / "keys-ten-years", "nearly empty": root / "keys-nearly-empty"}
    log("keys: writing a ten-year career and a nearly empty one")
    write_career(stores["ten years"], TEN_YEARS, today)
    write_career(stores["nearly empty"], NEARLY_EMPTY, today)
    comparisons: list[Comparison] = []
    notes: dict[str, object] = {}
    for case, title in (
        ("filter", "Journal filter key → repaint"),
        ("reorder", "Gap reorder key → repaint"),
    ):
        try:
            results = asyncio.run(_measure(stores, case, presses, log))
        except CaseUnavailable as exc:
            notes[case] = f"not measured: {exc}"
            log(f"keys: {case} not measured: {exc}")
            continue
        big, small = results["ten years"], results["nearly empty"]
        for moment, mine, theirs in (
            ("first repaint", big.first, small.first),
            ("settled", big.settled, small.settled),
        ):
            comparisons.append(
                Comparison(
                    key=f"keystroke_{case}_{moment.replace(' ', '_')}",
                    title=f"{title}, {moment} ({big.key})",
                    subject=Side("ten years", seconds=mine),
                    reference=Side("nearly empty", seconds=theirs),
                    target=TARGET,
                )
            )
    return comparisons, notes
