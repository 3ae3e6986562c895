"""The README's screenshots, made from the demo career by driving the real app.

    python scripts/screenshots.py            # write screenshots/*.svg
    python scripts/screenshots.py --check    # exit 1 if screenshots/ differs from the app now

Each run writes the demo career (``careertui.demo.populate``) into a fresh temporary directory
with today pinned to the same date the tests use, builds the app with ``make_app`` exactly as
``careertui`` does, drives it with the keys a person would press (Textual's Pilot) and saves SVG
screenshots: the whole dashboard, each pane maximised with ``z``, and the guided start on an
empty store. The same input gives byte-for-byte the same SVGs, so rerun it whenever the UI
changes and commit what it writes; tests/test_readme.py checks that it was.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "screenshots"
#: The date the tests pin, so the demo career (dated relative to today) is the same every run.
TODAY = "2026-11-23"
SIZE = (120, 36)


@dataclass(frozen=True)
class Shot:
    name: str
    caption: str
    keys: tuple[str, ...]
    empty_store: bool = False


#: Every screenshot, in the order the README shows them.
SHOTS: tuple[Shot, ...] = (
    Shot("dashboard", "The dashboard: vision, gaps, stakeholders and journal at once", ()),
    Shot("vision", "Vision and where you are now (1, then z to maximise)", ("1", "z")),
    Shot("gaps", "The gap board (2, z)", ("2", "z")),
    Shot("stakeholders", "The stakeholder map (3, z)", ("3", "z")),
    Shot("journal", "The accomplishment journal (4, z)", ("4", "z")),
    Shot("guided-start", "The guided start on an empty store", (), empty_store=True),
)


def _pin_environment(home: Path) -> None:
    """Today pinned, and no user settings or data directory that could change the pictures."""
    os.environ["CAREERTUI_TODAY"] = TODAY
    os.environ.pop("CAREERTUI_DATA_DIR", None)
    os.environ["HOME"] = str(home)
    os.environ["XDG_DATA_HOME"] = str(home / ".local" / "share")
    os.environ["XDG_CONFIG_HOME"] = str(home / ".config")


async def _settle(pilot: object) -> None:
    """Let the app finish what the last key started (workers, refreshes, layout)."""
    app = pilot.app  # type: ignore[attr-defined]
    for _ in range(3):
        await pilot.pause()  # type: ignore[attr-defined]
        await app.workers.wait_for_complete()
    await pilot.pause()  # type: ignore[attr-defined]


async def _open_guided_start(pilot: object) -> None:
    """The guided start opens by itself on an empty store; if not, from the command palette."""
    from careertui.tui.screens.guided_start import GuidedStartScreen

    app = pilot.app  # type: ignore[attr-defined]
    await _settle(pilot)
    if not isinstance(app.screen, GuidedStartScreen):
        await pilot.press("ctrl+p")  # type: ignore[attr-defined]
        await _settle(pilot)
        await pilot.press(*"Guided start", "enter")  # type: ignore[attr-defined]
        await _settle(pilot)
    if not isinstance(app.screen, GuidedStartScreen):
        raise SystemExit("error: the guided start did not open on an empty store")


async def _shoot(shot: Shot, data_dir: Path, out: Path) -> Path:
    from careertui.store.repository import Repository
    from careertui.tui.app import make_app

    app = make_app(Repository.at(data_dir))
    async with app.run_test(size=SIZE) as pilot:
        await _settle(pilot)
        prepare: Callable[[object], Awaitable[None]] | None = (
            _open_guided_start if shot.empty_store else None
        )
        if prepare is not None:
            await prepare(pilot)
        for key in shot.keys:
            await pilot.press(key)
            await _settle(pilot)
        target = out / f"{shot.name}.svg"
        target.write_text(app.export_screenshot(title=f"careertui · {shot.name}"), encoding="utf-8")
        return target


async def generate(out: Path) -> list[Path]:
    """Write every screenshot into ``out``; return the files written."""
    from careertui.demo import populate
    from careertui.domain.clock import today
    from careertui.store.repository import Repository

    written: list[Path] = []
    saved = dict(os.environ)
    try:
        with tempfile.TemporaryDirectory(prefix="careertui-screenshots-") as tmp:
            _pin_environment(Path(tmp) / "home")
            demo = Path(tmp) / "demo"
            populate(Repository.at(demo), today())
            for shot in SHOTS:
                data_dir = Path(tmp) / shot.name if shot.empty_store else demo
                written.append(await _shoot(shot, data_dir, out))
    finally:
        os.environ.clear()
        os.environ.update(saved)
    return written


def stale(out: Path = OUT) -> list[str]:
    """The screenshots in ``out`` that differ from what the app shows now (or are missing)."""
    with tempfile.TemporaryDirectory(prefix="careertui-screenshots-check-") as fresh:
        made = asyncio.run(generate(Path(fresh)))
        return [
            path.name
            for path in made
            if not (out / path.name).exists() or (out / path.name).read_bytes() != path.read_bytes()
        ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--check",
        action="store_true",
        help="exit 1 if screenshots/ differs from what the app shows now",
    )
    parser.add_argument("--out", type=Path, default=OUT, help="where to write (screenshots/)")
    args = parser.parse_args(argv)
    if args.check:
        differing = stale(args.out)
        if differing:
            sys.stderr.write(
                f"error: out of date: {', '.join(differing)}; run python scripts/screenshots.py\n"
            )
            return 1
        return 0
    args.out.mkdir(parents=True, exist_ok=True)
    for path in asyncio.run(generate(args.out)):
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
