"""``careertui readiness [--json]``: "am I ready to ask?", a score out of 100 and its terms,
each with the figures behind it and what would raise it, and the caps that hold."""

from __future__ import annotations

import argparse
import json
import sys

from careertui.commands import repository
from careertui.domain.clock import today
from careertui.domain.text import terminal_safe


def run(args: argparse.Namespace) -> int:
    from careertui.domain.readiness import readiness_of

    found = readiness_of(repository(args).career(), today())
    ask = found.last_ask
    if args.json:
        data = {
            "score": found.score,
            "verdict": found.verdict,
            "ready": found.ready,
            "asked": found.asked,
            "caps": list(found.caps),
            "terms": [
                {
                    "key": t.key,
                    "label": t.label,
                    "points": t.points,
                    "most": t.most,
                    "figures": t.figures,
                    "raise": t.raise_by or None,
                }
                for t in found.terms
            ],
            "last_ask": ask.model_dump(mode="json") if ask else None,
        }
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return 0
    lines = [found.summary()]
    for term in found.terms:
        lines.append(f"  {term.label:<13}{term.points:>3}/{term.most:<3} {term.figures}")
        if term.raise_by:
            lines.append(f"  {'':<20}↑ {term.raise_by}")
    for cap in found.caps:
        lines.append(f"cap: {cap}")
    if ask is not None:
        again = f"; ask again on {ask.ask_again.isoformat()}" if ask.ask_again else ""
        lines.append(f"last asked {ask.whom} on {ask.date.isoformat()}: {ask.answer}{again}")
    elif found.ready:
        lines.append("you have not asked yet: careertui ask --whom NAME --what TEXT")
    for line in lines:
        print(terminal_safe(line))
    return 0
