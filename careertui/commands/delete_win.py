"""``careertui delete-win ID [--yes]``: delete a win from the shell.

The win is the one whose id starts with ID (:func:`careertui.actions.wins.find_win`; ``careertui
wins`` shows the ids). It is shown and the user is asked on the terminal first; ``--yes`` skips
the question for scripts, and with no terminal to ask on and no ``--yes`` nothing is deleted.
:func:`careertui.actions.wins.delete_win` deletes it and moves back a last contact it set.
"""

from __future__ import annotations

import argparse

import careertui.commands as commands
from careertui.commands import repository
from careertui.domain.errors import InputError
from careertui.domain.text import terminal_safe


def run(args: argparse.Namespace) -> int:
    from careertui.actions.wins import delete_win, find_win

    repo = repository(args)
    win = find_win(repo, args.id)
    named = terminal_safe(f"win {win.id} on {win.date.isoformat()}: {win.title}")
    if not args.yes:
        if not commands.terminal_available():
            raise InputError(
                "delete-win asks before it deletes, and there is no terminal to ask on; run it "
                "again with --yes to delete without asking. Nothing was changed"
            )
        if not commands.confirm(f"Delete {named}? [y/N] "):
            raise InputError("not deleted (not confirmed); nothing was changed")
    delete_win(repo, win.id)
    print(f"deleted {named}")
    return 0
