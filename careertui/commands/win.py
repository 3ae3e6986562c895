"""``careertui win TEXT …``: log a win from the shell, with nothing written on bad input.

This is the command people run many times a day, so it stays lean. Everything typed is
parsed and validated before the store is touched, without pydantic
(:mod:`careertui.domain.win_record` checks it by the rules the ``Win`` model is built from,
:mod:`careertui.domain.fields`, and gives the model's document and messages). Then
:func:`careertui.actions.lean_win.append_win` takes the store's lock, reads the file once, looks
up only the tables an option names, adds the win and writes once, importing neither pydantic,
TinyDB nor filelock. When the store needs more than that (encrypted, an older schema, changed
since careertui last checked it, a first write, anything unusual) it writes nothing and this
command runs the full path: the typed repository, exactly as before.
The editor, natural-language dates and the fuzzy "did you mean" hints are imported only when
used.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import Any

from careertui.commands import data_dir
from careertui.commands.win_fields import metric_docs, title_and_body
from careertui.domain.clock import today
from careertui.domain.errors import CareerError, InputError
from careertui.domain.text import terminal_safe
from careertui.domain.win_record import link_names, new_win


def _title_and_body(args: argparse.Namespace) -> tuple[str, str]:
    text = args.text or ""
    if text == "-":
        text = sys.stdin.read()
    return title_and_body(text)


def _edited(args: argparse.Namespace) -> tuple[str, str]:
    """``--edit``: every field in a labelled template in ``$EDITOR``, started from what the
    command line said; the options take what was written back (``args`` is changed)."""
    from careertui.domain import win_template
    from careertui.editor import edit_text

    text = args.text or ""
    if text == "-":
        text = sys.stdin.read()
    start = win_template.starting(
        text,
        impact=args.impact or "",
        metrics=args.metric,
        input_metrics=args.input_metric,
        priority=args.priority or "",
        gaps=args.gap,
        people=args.with_,
        tags=args.tag,
        body=args.body or "",
    )
    written = edit_text(win_template.render(start))
    args.written = written
    read = win_template.parse(written)
    args.impact, args.body = read.impact, None
    args.metric, args.input_metric = read.metrics, read.input_metrics
    args.priority = read.priority or None
    args.gap, args.with_, args.tag = read.gaps, read.people, read.tags
    if not read.title:
        raise InputError("the template's title is empty; say what you did on the 'title:' line")
    return read.title, read.body


def run(args: argparse.Namespace) -> int:
    if not args.edit:
        return _run(args, *_title_and_body(args))
    try:
        return _run(args, *_edited(args))
    except CareerError as exc:
        written = getattr(args, "written", None)
        if written is None:  # the editor never gave anything back
            raise
        from careertui.editor import keep_text

        kept = keep_text(written)
        raise CareerError(f"{exc}; nothing was written; what you wrote is kept in {kept}") from exc


def _run(args: argparse.Namespace, title: str, body: str) -> int:
    when = today()
    if args.date:
        from careertui.domain.dates import parse_win_date

        when = parse_win_date(args.date, when)
    metrics = metric_docs(args)
    body = "\n".join(p for p in (body, args.body or "") if p)
    told = getattr(args, "told", [])
    link_names(priority=args.priority, gaps=args.gap, people=[*args.with_, *told])
    # Validated before the store is touched; the links are filled in under the lock.
    doc = new_win(
        date=when,
        title=title,
        body=body,
        impact=args.impact or "",
        metrics=metrics,
        tags=args.tag,
        starred=args.star,
    )
    from careertui.actions.lean_win import HAND_OVER, append_win

    stored = append_win(
        data_dir(args),
        doc,
        priority=args.priority,
        gaps=args.gap,
        people=args.with_,
        told=told,
        told_on=today().isoformat(),
        competencies=args.competency,
    )
    if stored is HAND_OVER:
        stored = _full_path(args, when, title, body, metrics)
    star = " ★" if stored["starred"] else ""
    print(terminal_safe(f"saved win {stored['id']} on {stored['date']}{star}: {stored['title']}"))
    return 0


def _full_path(
    args: argparse.Namespace,
    when: dt.date,
    title: str,
    body: str,
    metrics: list[dict[str, str]],
) -> dict[str, Any]:
    """Log the win through the typed repository: the store is encrypted, new, of another
    schema version, or not as careertui last checked it."""
    from pydantic import ValidationError

    from careertui.actions.wins import log_win
    from careertui.commands import repository
    from careertui.commands.win_fields import links
    from careertui.domain.errors import describe
    from careertui.domain.models import Metric, Told, Win

    try:
        win = Win(
            date=when,
            title=title,
            body=body,
            impact=args.impact or "",
            metrics=[Metric(**m) for m in metrics],
            tags=args.tag,
            starred=args.star,
        )
    except ValidationError as exc:  # pragma: no cover - new_win refused it already
        raise InputError(describe(exc)) from exc
    repo = repository(args)
    with repo.transaction():
        named = links(
            repo,
            priority=args.priority,
            gaps=args.gap,
            people=args.with_,
            competencies=args.competency,
        )
        told = getattr(args, "told", [])
        if told:
            heard = links(repo, priority=None, gaps=[], people=told)["stakeholder_ids"]
            named["told"] = [Told(stakeholder_id=i, date=today()) for i in heard]
        # The ids come from stored records, so the copy needs no second validation.
        win = log_win(repo, win.model_copy(update=named) if named else win)
    return win.model_dump(mode="json")
