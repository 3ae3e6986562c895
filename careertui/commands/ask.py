"""``careertui ask --whom NAME [--what TEXT] [--date WHEN] [--answer …] [--again WHEN]``: put
asking for the promotion on record; ``--answer`` alone records the answer to the last ask."""

from __future__ import annotations

import argparse

from careertui.commands import repository
from careertui.domain.clock import today
from careertui.domain.errors import InputError
from careertui.domain.text import terminal_safe


def run(args: argparse.Namespace) -> int:
    from pydantic import ValidationError

    from careertui.actions.ladder import answer_ask, record_ask
    from careertui.domain.dates import parse_when, parse_win_date
    from careertui.domain.errors import describe
    from careertui.domain.models import PromotionAsk

    now = today()
    again = parse_when(args.again, now) if args.again else None
    repo = repository(args)
    if args.whom is None:
        if args.answer is None or args.what or args.date:
            raise InputError("say whom you asked (--whom NAME), or give --answer for the last ask")
        answered = answer_ask(repo, answer=args.answer, said=args.said, ask_again=again)
        print(
            terminal_safe(
                f"the ask of {answered.date.isoformat()} to {answered.whom}: {answered.answer}"
            )
        )
        return 0
    when = parse_win_date(args.date, now) if args.date else now
    try:
        ask = PromotionAsk(
            date=when,
            whom=args.whom,
            what=args.what or "",
            answer=args.answer or "waiting",
            said=args.said or "",
            ask_again=again,
        )
    except ValidationError as exc:
        raise InputError(describe(exc)) from exc
    record_ask(repo, ask)
    print(terminal_safe(f"recorded: asked {ask.whom} on {ask.date.isoformat()} ({ask.answer})"))
    return 0
