"""The career ladder: import one (replacing the one on record), and place the user on it.

Wins and gaps name the competencies they are tied to; importing a ladder again keeps every
tie whose competency the new ladder still has (spelled as the new ladder spells it) and drops
the others, saying which.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from pydantic import ValidationError

from careertui.domain.errors import InputError, describe
from careertui.domain.models import Ladder, PromotionAsk, Vision
from careertui.store.repository import Repository


@dataclass
class LadderImport:
    """What importing a ladder did."""

    ladder: Ladder
    level: str = ""
    target: str = ""
    kept: int = 0
    #: Each tie dropped: (what it was on, e.g. "win 'Shipped X'", the competency).
    dropped: list[tuple[str, str]] = field(default_factory=list)

    def lines(self) -> list[str]:
        ladder = self.ladder
        lines = [
            f"ladder {ladder.ladder!r}: {len(ladder.levels)} levels, "
            f"{len(ladder.competencies)} competencies"
        ]
        lines.append(f"your level: {self.level or 'not set (use --level)'}")
        lines.append(f"target level: {self.target or 'not set (use --target)'}")
        if self.kept:
            lines.append(f"kept {self.kept} competency tie{'' if self.kept == 1 else 's'}")
        for where, name in self.dropped:
            lines.append(f"dropped the tie of {where} to {name!r} (no such competency now)")
        return lines


def _level(ladder: Ladder, typed: str | None, option: str, *guesses: str) -> str:
    """The ladder's level ``typed`` names (an InputError if none), else the first guess that
    is one of its levels, else nothing."""
    if typed:
        found = ladder.level(typed)
        if found is None:
            raise InputError(
                f"{option}: {typed!r} is not a level of this ladder ({', '.join(ladder.levels)})"
            )
        return found
    for guess in guesses:
        found = ladder.level(guess) if guess else None
        if found is not None:
            return found
    return ""


def _relinked(ladder: Ladder, names: list[str]) -> tuple[list[str], list[str]]:
    """``names`` as the ladder spells them (the ones it has), and the ones it has not."""
    kept, dropped = [], []
    for name in names:
        found = ladder.competency(name)
        if found is None:
            dropped.append(name)
        elif found.name not in kept:
            kept.append(found.name)
    return kept, dropped


def import_ladder(
    repo: Repository, ladder: Ladder, *, level: str | None = None, target: str | None = None
) -> LadderImport:
    """Put ``ladder`` on record in place of any earlier one, in one transaction. The user's
    level and target level are the ones named, else the ones on record if the new ladder has
    them, else the levels named like the profile's title and the vision's target role."""
    with repo.transaction():
        vision = repo.vision()
        report = LadderImport(
            ladder=ladder,
            level=_level(ladder, level, "--level", vision.ladder_level, vision.profile.title),
            target=_level(ladder, target, "--target", vision.ladder_target, vision.target_role),
        )
        levels = ladder.levels
        if (
            report.level
            and report.target
            and levels.index(report.target) < levels.index(report.level)
        ):
            raise InputError(
                f"the target level {report.target!r} is below your level {report.level!r}"
            )
        for collection, kind in ((repo.wins, "win"), (repo.gaps, "gap")):
            changed = []
            for record in collection.list():
                if not record.competencies:
                    continue
                kept, dropped = _relinked(ladder, record.competencies)
                report.kept += len(kept)
                report.dropped += [(f"{kind} {record.title!r}", name) for name in dropped]
                if kept != record.competencies:
                    changed.append(record.model_copy(update={"competencies": kept}))
            for record in changed:
                collection.update(record)  # type: ignore[arg-type]
        repo.save_vision(
            Vision.model_validate(
                {
                    **vision.model_dump(),
                    "ladder": ladder.model_dump(),
                    "ladder_level": report.level,
                    "ladder_target": report.target,
                }
            )
        )
    return report


def place_on_ladder(repo: Repository, *, level: str | None, target: str | None) -> Vision:
    """Set the user's level and/or target level on the ladder on record."""
    with repo.transaction():
        vision = repo.vision()
        if vision.ladder is None:
            raise InputError("no ladder yet; import one with careertui import ladder FILE")
        now = _level(vision.ladder, level, "--level", vision.ladder_level)
        aim = _level(vision.ladder, target, "--target", vision.ladder_target)
        if now and aim and vision.ladder.levels.index(aim) < vision.ladder.levels.index(now):
            raise InputError(f"the target level {aim!r} is below your level {now!r}")
        return repo.save_vision(
            vision.model_copy(update={"ladder_level": now, "ladder_target": aim})
        )


def record_ask(repo: Repository, ask: PromotionAsk) -> Vision:
    """Put asking for the promotion on record."""
    with repo.transaction():
        vision = repo.vision()
        asks = sorted([*vision.asks, ask], key=lambda a: a.date)
        return repo.save_vision(vision.model_copy(update={"asks": asks}))


def answer_ask(
    repo: Repository,
    *,
    answer: str,
    said: str | None = None,
    ask_again: dt.date | None = None,
) -> PromotionAsk:
    """Record the answer to the latest ask (and what was said, and when to ask again)."""
    with repo.transaction():
        vision = repo.vision()
        if not vision.asks:
            raise InputError("no ask on record yet; record one with --whom first")
        asks = sorted(vision.asks, key=lambda a: a.date)
        last = asks[-1]
        changes: dict[str, object] = {"answer": answer}
        if said is not None:
            changes["said"] = said
        if ask_again is not None:
            changes["ask_again"] = ask_again
        try:
            answered = PromotionAsk.model_validate({**last.model_dump(), **changes})
        except ValidationError as exc:
            raise InputError(describe(exc)) from exc
        repo.save_vision(vision.model_copy(update={"asks": [*asks[:-1], answered]}))
        return answered
