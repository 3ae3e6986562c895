"""``careertui`` with no command: open the dashboard over the user's store."""

from __future__ import annotations

import argparse
import sys

from careertui.commands import repository
from careertui.domain.clock import today
from careertui.domain.errors import InputError

NO_TERMINAL = "careertui needs a terminal"
SCRIPT_HINT = "to log a win from a script use careertui win 'what you did'"


def require_terminal(hint: str = SCRIPT_HINT) -> None:
    """An InputError unless both stdin and stdout are a terminal: the app cannot run without
    one (it would wait forever for keys that never come)."""
    streams = (sys.stdin, sys.stdout)
    if not all(stream is not None and stream.isatty() for stream in streams):
        raise InputError(f"{NO_TERMINAL}; {hint}")


def run(args: argparse.Namespace) -> int:
    today()  # a CAREERTUI_TODAY the app cannot use stops here, with one error line
    repo = repository(args)
    career = repo.career()  # an unreadable store stops here with one error line, before any screen
    require_terminal()
    from careertui.paths import keymap_file
    from careertui.tui.app import make_app

    app = make_app(repo, career, keymap_file())
    app.run()
    if app.crash_report is not None:  # the terminal is back: say where the details are
        from careertui.tui.crash import exit_message

        print(exit_message(app.crash_report), file=sys.stderr)
    return app.return_code or 0
