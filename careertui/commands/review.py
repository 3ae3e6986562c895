"""``careertui review [--week WHEN] [--done]``: the weekly review in the terminal.

Prints the five steps the app's review walks through — this week's wins (untied ones, gaps
being worked on with no win), the gaps (levels, trends, next actions), the people (overdue
check-ins, helpers not yet thanked, wins worth telling someone about), the interim goals, and
the snippet for the manager. ``--done`` records the review as finished today, so the status
line stops saying it is due.
"""

from __future__ import annotations

import argparse
import sys

from careertui.commands import repository
from careertui.domain.clock import today
from careertui.domain.text import terminal_safe


def run(args: argparse.Namespace) -> int:
    from careertui.domain.dates import parse_when

    on = today()
    week = parse_when(args.week, on) if args.week else None
    repo = repository(args)
    career = repo.career()
    from careertui.exchange.weekly_review import review_lines

    sys.stdout.write(terminal_safe("\n".join(review_lines(career, on, week)).rstrip()) + "\n")
    if args.done:
        from careertui.actions.settings import finish_review

        finish_review(repo, on)
        print("review done; the next is due in 7 days")
    return 0
