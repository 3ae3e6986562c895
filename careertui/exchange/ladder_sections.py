"""The documents organised per competency, once a ladder with a target level is on record: in
the promotion case, the target level's expectations with the strongest evidence for each; in
the self-review, one section per expectation with its STAR stories from the period.

Competency names and expectations come from the ladder (the company's own words), so both
sections are shareable.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from careertui.domain.ladder import evidence
from careertui.domain.models import Win
from careertui.domain.priorities import labels
from careertui.exchange import documents
from careertui.exchange import markdown as md
from careertui.exchange.stories import star_story
from careertui.store.repository import Career

#: The strongest wins named per expectation in the case, and STAR stories per one in the review.
CASE_WINS = 3
REVIEW_STORIES = 2
NO_EVIDENCE = "No evidence yet in this period."


def has_ladder(career: Career) -> bool:
    vision = career.vision
    return vision.ladder is not None and bool(vision.ladder_target)


def case_blocks(career: Career, today: dt.date) -> list[list[str]]:
    """The case's "Against the ladder" section: each expectation of the target level, its
    evidence (the strongest wins, the latest date) or a plain "no evidence yet"."""
    if not has_ladder(career):
        return []
    vision = career.vision
    rows = evidence(vision, career.wins, career.gaps, today, documents.strength)
    priorities = labels([*career.priorities, *career.archived_priorities])
    assert vision.ladder is not None
    heading = f"Against the ladder: {vision.ladder_target}"
    blocks: list[list[str]] = [[md.heading(2, heading)]]
    covered = sum(1 for r in rows if r.wins)
    blocks.append(
        [
            f"{covered} of {len(rows)} expectations of {md.inline(vision.ladder_target)} on the "
            f"{md.inline(vision.ladder.ladder)} ladder have evidence."
        ]
    )
    for row in rows:
        lines = [md.bullet(f"**Expects:** {md.inline(row.expects)}")]
        if row.wins:
            best = list(row.wins[:CASE_WINS])
            latest = row.latest.isoformat() if row.latest else ""
            label = f"**Evidence ({len(row.wins)} win{'s' if len(row.wins) != 1 else ''}, "
            label += f"latest {latest})"
            label += f", the strongest {len(best)}:**" if len(best) < len(row.wins) else ":**"
            lines.append(md.bullet(label))
            lines += [f"  {md.bullet(documents.win_line(w, priorities))}" for w in best]
        else:
            lines.append(md.bullet("**Evidence:** none yet."))
        blocks += [[md.heading(3, row.competency)], lines]
    return blocks


def review_blocks(
    career: Career,
    wins: Sequence[Win],
    priorities: dict[str, str],
    today: dt.date,
    told: set[str],
) -> list[list[str]]:
    """The self-review's sections per expectation of the target level, from the period's
    ``wins``: the STAR stories of the strongest not told above, and the titles of those that
    were; "no evidence yet in this period" where there is none. Adds what it tells to
    ``told``."""
    if not has_ladder(career):
        return []

    vision = career.vision
    rows = evidence(vision, list(wins), career.gaps, today, documents.strength)
    assert vision.ladder is not None
    blocks: list[list[str]] = [
        [md.heading(2, f"Against the ladder: {vision.ladder_target}")],
        [
            f"One section per expectation of {md.inline(vision.ladder_target)} on the "
            f"{md.inline(vision.ladder.ladder)} ladder, with the period's evidence."
        ],
    ]
    for row in rows:
        blocks.append([md.heading(2, f"Competency: {row.competency}")])
        blocks.append([f"_Expects: {md.inline(row.expects)}_"])
        if not row.wins:
            blocks.append([NO_EVIDENCE])
            continue
        fresh = [w for w in row.wins if w.id not in told][:REVIEW_STORIES]
        seen = [w for w in row.wins if w.id in told]
        count = f"{len(row.wins)} win{'s' if len(row.wins) != 1 else ''} in the period."
        blocks.append([count])
        for win in fresh:
            blocks += star_story(win, None, priorities)
            told.add(win.id)
        if seen:
            names = ", ".join(f"“{md.inline(w.title)}”" for w in seen[:3])
            blocks.append([f"Also told above: {names}."])
    return blocks
