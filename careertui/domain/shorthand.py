"""The quick win's shorthand: one line that says what was done and what it touches, in the words
of the journal filter (:mod:`careertui.domain.journal`)::

    Ran the churn review with @tom and @sara #churn p:retention g:"exec comm" *

- ``@name`` (``with:name``) names a stakeholder; the word stays in the title as the part of the
  person's name that was typed ("@tom" → "Tom" for Tom Becker, "@\"tom b\"" → "Tom Becker");
- ``#tag`` (``tag:tag``) adds a tag; ``p:`` (``priority:``) ties the win to a company priority;
  ``g:`` (``gap:``) to a gap; ``c:`` (``competency:``) to a competency of the ladder; ``*``
  (``is:starred``) stars it. These leave the title.

Names are matched as ``careertui win`` matches them (:func:`careertui.domain.matching.find_one`:
an id, the whole name or a unique beginning of it, case-insensitive). A name that fits several
records or none is a problem, and a win with problems is not saved. Any other ``word:`` (and
``c:`` while there is no ladder) is part of the title ("Note: shipped" is a title, not an
unknown key).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from careertui.domain.errors import InputError
from careertui.domain.journal import (
    _COMPETENCY,
    _GAP,
    _KEY,
    _PRIORITY,
    _RAW_WORD,
    _STARRED,
    _TAG,
    _unquoted,
    _value,
)
from careertui.domain.matching import competencies_named, find_one
from careertui.domain.models import Gap, Priority, Stakeholder

_WITH = ("with:", "@")
T = TypeVar("T")


@dataclass
class QuickWinText:
    """What a quick-win line says. ``problems`` name what stops it from being saved."""

    title: str = ""
    tags: list[str] = field(default_factory=list)
    priority: Priority | None = None
    gaps: list[Gap] = field(default_factory=list)
    people: list[Stakeholder] = field(default_factory=list)
    competencies: list[str] = field(default_factory=list)
    starred: bool = False
    problems: list[str] = field(default_factory=list)

    @property
    def links(self) -> dict[str, object]:
        """The win's fields this line sets beyond its title."""
        return {
            "tags": list(self.tags),
            "priority_id": self.priority.id if self.priority is not None else None,
            "gap_ids": list(dict.fromkeys(g.id for g in self.gaps)),
            "stakeholder_ids": list(dict.fromkeys(s.id for s in self.people)),
            "competencies": list(dict.fromkeys(self.competencies)),
            "starred": self.starred,
        }

    def understood(self) -> list[str]:
        """What was understood beyond the title, one short phrase each."""
        parts = []
        if self.people:
            names = list(dict.fromkeys(s.name for s in self.people))
            parts.append("with " + ", ".join(names))
        if self.priority is not None:
            parts.append(f"priority “{self.priority.title}”")
        for gap in dict.fromkeys(g.title for g in self.gaps):
            parts.append(f"gap “{gap}”")
        for name in dict.fromkeys(self.competencies):
            parts.append(f"competency “{name}”")
        parts.extend("#" + tag for tag in self.tags)
        if self.starred:
            parts.append("★ starred")
        return parts


def as_typed(name: str, typed: str) -> str:
    """The words of ``name`` that cover what the user typed of it: "tom" → "Tom" of "Tom
    Becker", "tom b" → "Tom Becker"; the whole name when ``typed`` is an id or the whole name."""
    words = name.split()
    wanted = typed.strip()
    if not name.casefold().startswith(wanted.casefold()):
        return name
    shown: list[str] = []
    for word in words:
        shown.append(word)
        if len(" ".join(shown)) >= len(wanted):
            break
    return " ".join(shown)


def parse_quick_win(
    text: str,
    *,
    priorities: Sequence[Priority] = (),
    gaps: Sequence[Gap] = (),
    stakeholders: Sequence[Stakeholder] = (),
    competencies: Sequence[str] = (),
) -> QuickWinText:
    """Read a quick-win line. Never raises: a name that fits several records or none is in
    ``problems``, and so is a line with no title left."""
    result = QuickWinText()
    words: list[str] = []
    for raw in _RAW_WORD.findall(text):
        token = _unquoted(raw)
        key = _KEY.match(raw)
        # a quoted word is a word, as in the filter: only an unquoted start is shorthand
        shorthand = not raw.startswith(('"', "'"))
        if not token:
            continue
        if shorthand and token.casefold() in _STARRED:
            result.starred = True
        elif shorthand and token.startswith("#") and len(token) > 1:
            result.tags.append(token[1:].casefold())
        elif shorthand and key and (value := _value(token, _TAG)):
            result.tags.append(value.lstrip("#").casefold())
        elif shorthand and key and (value := _value(token, _PRIORITY)):
            found = _find(priorities, value, lambda p: p.title, "priority", result.problems)
            if found is not None:
                if result.priority is not None and result.priority.id != found.id:
                    result.problems.append("a win serves one priority: name only one")
                result.priority = found
        elif shorthand and key and (value := _value(token, _GAP)):
            gap = _find(gaps, value, lambda g: g.title, "gap", result.problems)
            if gap is not None:
                result.gaps.append(gap)
        elif shorthand and key and competencies and (value := _value(token, _COMPETENCY)):
            try:
                result.competencies.extend(competencies_named(competencies, [value]))
            except InputError as exc:
                result.problems.append(f"c: {exc}")
        elif shorthand and (value := _value(token, _WITH)):
            person = _find(stakeholders, value, lambda s: s.name, "stakeholder", result.problems)
            if person is not None:
                result.people.append(person)
            words.append(as_typed(person.name, value) if person is not None else value)
        else:
            words.append(raw)
    result.title = " ".join(words).strip()
    if not result.title and text.strip():  # (a blank line is the model's to refuse)
        result.problems.insert(0, "no title: say what you did")
    return result


def _find(
    items: Sequence[T], typed: str, name: Callable[[T], str], kind: str, problems: list[str]
) -> T | None:
    try:
        return find_one(items, typed, name, kind)
    except InputError as exc:
        problems.append(str(exc))
        return None


def gap_shorthand(gap: Gap, gaps: Sequence[Gap]) -> str:
    """The shorthand that names ``gap`` among ``gaps`` (``g:"Public speaking"``), read back as
    that gap by :func:`parse_quick_win`; by its id when its title cannot say it (a title
    another gap has too, or one holding quotes)."""
    by_title = f'g:"{gap.title}"'
    if parse_quick_win(by_title, gaps=gaps).gaps == [gap]:
        return by_title
    return f"g:{gap.id}"
