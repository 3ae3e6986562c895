"""A benchmark probe: start one Textual app headless and exit right after its first full paint.

    python bench/paint_probe.py minimal
    python bench/paint_probe.py careertui DATA_DIR

``careertui`` goes through the real front door (``careertui.cli.main``, the same code the
``careertui`` command runs); ``minimal`` is a Textual app that shows one Static. Both run with
``App.run`` made headless at 120×36, and exit from ``call_after_refresh`` once the screen and
every widget on it have processed their pending messages (the data is on screen). The probe
fails (exit 3) if the app exited before the compositor painted anything.
"""

from __future__ import annotations

import sys

SIZE = (120, 36)


def _instrument() -> list[int]:
    """Make every ``App.run`` headless, exiting after the first refresh once ready."""
    from textual.app import App

    paints: list[int] = []
    display = App._display
    run = App.run

    def counting_display(self, screen, renderable):  # noqa: ANN001, ANN202 - Textual's own
        if renderable is not None:
            paints.append(1)
        return display(self, screen, renderable)

    async def exit_after_first_refresh(pilot) -> None:  # noqa: ANN001
        await pilot._wait_for_screen()  # every pending message handled; no idle sleeps
        pilot.app.call_after_refresh(pilot.app.exit)

    def headless_run(self, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        kwargs.update(headless=True, size=SIZE, auto_pilot=exit_after_first_refresh)
        return run(self, *args, **kwargs)

    App._display = counting_display
    App.run = headless_run
    return paints


def _minimal() -> int:
    from textual.app import App, ComposeResult
    from textual.widgets import Static

    class Minimal(App[None]):
        def compose(self) -> ComposeResult:
            yield Static("careertui benchmark: the minimal Textual app")

    Minimal().run()
    return 0


def main(argv: list[str]) -> int:
    paints = _instrument()
    if argv[:1] == ["minimal"]:
        code = _minimal()
    elif argv[:1] == ["careertui"] and len(argv) == 2:
        from careertui.cli import main as careertui_main
        from careertui.commands import dashboard

        # headless: the app is given no terminal, and needs none
        dashboard.require_terminal = lambda *args, **kwargs: None

        code = careertui_main(["--data-dir", argv[1]])
    else:
        sys.stderr.write(__doc__ or "")
        return 2
    if code == 0 and not paints:
        sys.stderr.write("the app exited before its first paint\n")
        return 3
    return code


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
