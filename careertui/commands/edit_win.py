"""``careertui edit-win ID [--title …] [--impact …] [--date …] [--star/--no-star] …``: change a
win from the shell.

The win is the one whose id starts with ID (:func:`careertui.actions.wins.find_win`; ``careertui
wins`` shows the ids). Its fields take ``careertui win``'s options, read the same way
(:mod:`careertui.commands.win_fields`); an option not given leaves its field as it is, a list
option given (``--tag``, ``--gap``, ``--with``, the metrics) replaces that list, and ``--clear
FIELD`` empties one. The change is saved by :func:`careertui.actions.wins.edit_win`: only the
fields changed here, and a new date or new people move everyone's last contact.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from careertui.commands import repository
from careertui.commands.win_fields import links, metric_docs, title_and_body
from careertui.domain.clock import today
from careertui.domain.errors import InputError
from careertui.domain.text import terminal_safe

if TYPE_CHECKING:
    from careertui.domain.models import Win

#: What ``--clear FIELD`` empties: the win's field and its empty value.
CLEARED: dict[str, tuple[str, Any]] = {
    "body": ("body", ""),
    "impact": ("impact", ""),
    "metrics": ("metrics", []),
    "priority": ("priority_id", None),
    "gaps": ("gap_ids", []),
    "people": ("stakeholder_ids", []),
    "tags": ("tags", []),
    "competencies": ("competencies", []),
}
#: The option that sets each field ``--clear`` can empty, to refuse both at once.
SETTERS = {
    "body": ("body",),
    "impact": ("impact",),
    "metrics": ("metric", "input_metric"),
    "priority": ("priority",),
    "gaps": ("gap",),
    "people": ("with_",),
    "tags": ("tag",),
    "competencies": ("competency",),
}
#: How an option is typed, for the messages.
TYPED = {"with_": "--with", "input_metric": "--input-metric"}
#: The options that name a value (not given: None) and those that list values (not given: []).
VALUED = ("title", "body", "impact", "priority", "date", "star")
LISTED = ("metric", "input_metric", "gap", "with_", "tag", "clear", "competency")


def typed_changes(args: argparse.Namespace) -> dict[str, Any]:
    """The changes the options ask for that need no stored record (dates and metrics parsed),
    by the win's field names; an InputError for what cannot be used."""
    named = [name for name in VALUED if getattr(args, name) is not None]
    named += [name for name in LISTED if getattr(args, name)]
    if not named and not args.edit:
        raise InputError(
            "nothing to change: name a field, e.g. --title TEXT, --date WHEN, --tag TAG or "
            "--star (see 'careertui edit-win --help')"
        )
    changes: dict[str, Any] = {}
    for field in dict.fromkeys(args.clear):
        given = [name for name in SETTERS[field] if getattr(args, name) not in (None, [])]
        if given:
            option = TYPED.get(given[0], f"--{given[0]}")
            raise InputError(f"--clear {field} and {option} contradict each other; give one")
        name, empty = CLEARED[field]
        changes[name] = empty
    for name in ("title", "body", "impact"):
        if getattr(args, name) is not None:
            changes[name] = getattr(args, name)
    if args.date is not None:
        from careertui.domain.dates import parse_win_date

        changes["date"] = parse_win_date(args.date, today())
    if args.metric or args.input_metric:
        changes["metrics"] = metric_docs(args)
    if args.tag:
        changes["tags"] = args.tag
    if args.star is not None:
        changes["starred"] = args.star
    return changes


def edited_win(original: Win, changes: dict[str, Any]) -> Win:
    """``original`` with ``changes``, validated as a new win would be."""
    from pydantic import ValidationError

    from careertui.domain.errors import describe
    from careertui.domain.models import Win

    try:
        return Win.model_validate({**original.model_dump(), **changes})
    except ValidationError as exc:
        raise InputError(describe(exc)) from exc


def _in_editor(original: Win, changes: dict[str, Any]) -> dict[str, Any]:
    """The title and body as the user leaves them in $EDITOR, starting from what they will be."""
    from careertui.editor import edit_text

    title = changes.get("title", original.title)
    body = changes.get("body", original.body)
    text = edit_text(f"{title}\n\n{body}".rstrip() + "\n")
    new_title, new_body = title_and_body(text)
    return {**changes, "title": new_title, "body": new_body}


def run(args: argparse.Namespace) -> int:
    from careertui.actions.wins import edit_win, find_win

    changes = typed_changes(args)
    repo = repository(args)
    original = find_win(repo, args.id)
    changes |= links(
        repo,
        priority=args.priority,
        gaps=args.gap,
        people=args.with_,
        competencies=args.competency,
    )
    if args.edit:
        changes = _in_editor(original, changes)
    edited = edited_win(original, changes)
    if edited == original:
        print(terminal_safe(f"win {original.id} already says that; nothing changed"))
        return 0
    saved = edit_win(repo, original, edited)
    star = " ★" if saved.starred else ""
    print(terminal_safe(f"saved win {saved.id} on {saved.date.isoformat()}{star}: {saved.title}"))
    return 0
