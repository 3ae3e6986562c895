"""``careertui`` with no command: open the dashboard over the user's store."""

from __future__ import annotations

import argparse

from careertui.commands import repository


def run(args: argparse.Namespace) -> int:
    repo = repository(args)
    career = repo.career()  # an unreadable store stops here with one error line, before any screen
    from careertui.tui.app import make_app

    app = make_app(repo, career)
    app.run()
    return app.return_code or 0
