"""Rules of the accomplishment journal: the filter language, wins per week, and how much of
the recent work serves a company priority.

The filter language (typed after ``/`` in the journal)::

    onboarding #launch priority:retention gap:"public speaking" with:maya * from:2026-01-01 to:today

Free words must all appear in the win (title, body, impact, metrics, tags). ``#tag`` needs the
tag; ``priority:`` (``p:``), ``gap:`` (``g:``) and ``with:`` (``@``) match a priority, gap or
stakeholder whose name contains the text (``priority:none`` finds wins tied to no priority);
``competency:`` (``c:``) matches a competency of the ladder whose name contains the text, and
keeps the wins tied to it directly or through a gap tied to it;
``*`` (or ``is:starred``) keeps starred wins; ``from:``/``to:`` take a date or a phrase such as
``"3 months ago"``; ``tag:launch`` is ``#launch``. Quote values that contain spaces.

Any other ``word:`` at the start of a word is an unknown key and is reported in ``problems``
(it would otherwise match nothing without a word why). A word is a key only when the part
before the colon is letters and is not quoted, and the colon is not followed by ``//``: so
``"note: x"``, ``10:30`` and ``https://example.com`` are free words.
"""

from __future__ import annotations

import datetime as dt
import re
import shlex
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from careertui.domain.cadence import week_start
from careertui.domain.dates import parse_when
from careertui.domain.errors import InputError
from careertui.domain.models import Gap, Priority, Stakeholder, Win

WEEKS_SHOWN = 26

_PRIORITY = ("priority:", "p:")
_GAP = ("gap:", "g:")
_WITH = ("with:", "@")
_STARRED = ("*", "is:starred", "is:star")
_TAG = ("tag:",)
_COMPETENCY = ("competency:", "c:")
_DATES = (("from:", "since:"), ("to:", "until:"))
#: Every ``key:`` the filter understands (``is:`` only as ``is:starred``).
KEYS = frozenset(
    prefix[:-1]
    for group in (_PRIORITY, _GAP, _WITH, _TAG, _COMPETENCY, *_DATES)
    for prefix in group
    if prefix.endswith(":")
) | {"is"}
#: The keys as the error names them (short forms and synonyms left out), as the help lists them.
KNOWN_KEYS = ("priority:", "gap:", "with:", "competency:", "tag:", "from:", "to:", "is:starred")


def search_text(win: Win) -> str:
    """Everything a free word may match in ``win``, folded for case-insensitive search."""
    parts = [win.title, win.body, win.impact, *(str(m) for m in win.metrics), *win.tags]
    return "\n".join(parts).casefold()


@dataclass
class WinFilter:
    """A parsed filter. ``problems`` says what in the text could not be used."""

    text: str = ""
    words: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    starred: bool = False
    priority_ids: set[str] | None = None
    untied: bool = False
    gap_ids: list[set[str]] = field(default_factory=list)
    stakeholder_ids: list[set[str]] = field(default_factory=list)
    #: Per ``competency:`` asked, what ties a win to it: ``c:<name>`` (folded) for a direct
    #: tie, ``g:<gap id>`` for a gap tied to it (:func:`competency_keys`).
    competency_keys: list[set[str]] = field(default_factory=list)
    start: dt.date | None = None
    end: dt.date | None = None
    problems: list[str] = field(default_factory=list)

    @property
    def active(self) -> bool:
        return bool(self.text.strip())

    def matches(self, win: Win, haystack: str | None = None) -> bool:
        if self.starred and not win.starred:
            return False
        if self.start is not None and win.date < self.start:
            return False
        if self.end is not None and win.date > self.end:
            return False
        if self.untied and win.priority_id:
            return False
        if self.priority_ids is not None and win.priority_id not in self.priority_ids:
            return False
        if any(tag not in win.tags for tag in self.tags):
            return False
        if any(not ids.intersection(win.gap_ids) for ids in self.gap_ids):
            return False
        if any(not ids.intersection(win.stakeholder_ids) for ids in self.stakeholder_ids):
            return False
        if self.competency_keys:
            keys = competency_keys(win)
            if any(not wanted.intersection(keys) for wanted in self.competency_keys):
                return False
        if self.words:
            text = haystack if haystack is not None else search_text(win)
            return all(word in text for word in self.words)
        return True

    def apply(self, wins: Iterable[Win]) -> list[Win]:
        return [win for win in wins if self.matches(win)]

    @property
    def words_only(self) -> bool:
        """Only free words to look for: nothing about a win but its search text matters."""
        return not (
            self.starred
            or self.untied
            or self.tags
            or self.gap_ids
            or self.stakeholder_ids
            or self.competency_keys
            or self.priority_ids is not None
            or self.start is not None
            or self.end is not None
        )

    def narrows(self, other: WinFilter) -> bool:
        """Whether every win this filter keeps is also kept by ``other``, so this filter can be
        applied to ``other``'s result instead of to every win. Worked out from what the two
        filters ask, not from their text: ``launch`` narrows ``launc``, but ``p:none`` does not
        narrow ``p:non`` (which looks for a priority named "non…")."""
        if other.starred and not self.starred:
            return False
        if other.untied and not self.untied:
            return False
        if other.start is not None and (self.start is None or self.start < other.start):
            return False
        if other.end is not None and (self.end is None or self.end > other.end):
            return False
        if other.priority_ids is not None and (
            self.priority_ids is None or not self.priority_ids <= other.priority_ids
        ):
            return False
        if any(tag not in self.tags for tag in other.tags):
            return False
        for mine, theirs in (
            (self.gap_ids, other.gap_ids),
            (self.stakeholder_ids, other.stakeholder_ids),
            (self.competency_keys, other.competency_keys),
        ):
            # a win meets each of their id sets if it meets one of mine inside it
            if any(not any(ids <= wanted for ids in mine) for wanted in theirs):
                return False
        # a win that contains one of my words contains every part of that word
        return all(any(word in longer for longer in self.words) for word in other.words)


def competency_keys(win: Win) -> set[str]:
    """What ties ``win`` to competencies, as :attr:`WinFilter.competency_keys` names it."""
    return {f"c:{name.casefold()}" for name in win.competencies} | {
        f"g:{gap_id}" for gap_id in win.gap_ids
    }


class WinSearch:
    """The wins of one career, ready to be filtered on every keystroke.

    Each win's folded search text is worked out once (the first time a filter has free words),
    not on every keystroke, and is taken over from the previous career's search for a win that
    has not been saved since (same id, same ``updated``). The results of the filters asked so
    far are kept, each narrower than the one below it: a filter that narrows the last result
    (one more character typed) looks only at that result, and one that is the same as an
    earlier result (a backspace) is answered from it without looking at any win.
    """

    #: how many results to keep (one a character typed, in practice)
    DEPTH = 64

    def __init__(self, wins: Sequence[Win], previous: WinSearch | None = None) -> None:
        self.wins = wins
        self._haystacks: list[str] | None = None
        #: the latest search texts worked out before this career (never a chain of careers)
        self._earlier: tuple[Sequence[Win], list[str]] | None = None
        if previous is not None:
            self._earlier = (
                (previous.wins, previous._haystacks)
                if previous._haystacks is not None
                else previous._earlier
            )
        self._results: list[tuple[WinFilter, list[int], list[Win]]] = []

    def _search_texts(self) -> list[str]:
        if self._haystacks is None:
            known: dict[str, tuple[dt.datetime, str]] = {}
            if self._earlier is not None:
                wins, texts = self._earlier
                known = {win.id: (win.updated, text) for win, text in zip(wins, texts, strict=True)}
            self._haystacks = []
            for win in self.wins:
                seen = known.get(win.id)
                self._haystacks.append(
                    seen[1] if seen is not None and seen[0] == win.updated else search_text(win)
                )
            self._earlier = None
        return self._haystacks

    def apply(self, query: WinFilter) -> Sequence[Win]:
        """The wins ``query`` keeps, in the order of :attr:`wins`. The sequence returned is
        shared with later calls: do not change it."""
        if not query.active:
            return self.wins
        results = self._results
        while results and not query.narrows(results[-1][0]):
            results.pop()
        if results:
            last, indexes, wins = results[-1]
            if last.narrows(query):  # the same wins, asked again
                return wins
            candidates: Sequence[int] = indexes
        else:
            candidates = range(len(self.wins))
        everything = self.wins
        if query.words_only:
            texts = self._search_texts()
            words = query.words
            if len(words) == 1:
                word = words[0]
                found = [i for i in candidates if word in texts[i]]
            else:
                found = [i for i in candidates if all(w in texts[i] for w in words)]
        elif query.words:
            texts = self._search_texts()
            found = [i for i in candidates if query.matches(everything[i], texts[i])]
        else:
            found = [i for i in candidates if query.matches(everything[i])]
        wins = [everything[i] for i in found]
        results.append((query, found, wins))
        if len(results) > self.DEPTH:
            del results[0]
        return wins


#: A word as the user typed it: runs of quoted text and other characters up to unquoted
#: white space (an unfinished quote runs to the end).
_RAW_WORD = re.compile(r"""(?:"(?:[^"\\]|\\.)*(?:"|$)|'[^']*(?:'|$)|\\.|\\$|[^\s"'\\])+""")
#: ``key:`` at the start of an unquoted word: letters only (so ``10:30`` is a word) and not
#: the ``//`` of an address (so ``https://…`` is a word).
_KEY = re.compile(r"([A-Za-z]+):(?!//)")


def _unquoted(word: str) -> str:
    try:
        return " ".join(shlex.split(word))
    except ValueError:  # an unfinished quote while the user is still typing
        return word.replace('"', "").replace("'", "")


def _tokens(text: str) -> list[tuple[str, str | None]]:
    """Each word of ``text`` without its quotes, with the key it starts with (``foo`` for
    ``foo:bar``, ``foo:"two words"``), or None for a plain word. A quoted word, ``10:30`` and
    ``https://…`` have no key."""
    found = []
    for raw in _RAW_WORD.findall(text):
        token = _unquoted(raw)
        if not token:
            continue
        key = _KEY.match(raw)
        found.append((token, key.group(1).casefold() if key else None))
    return found


def _value(token: str, prefixes: Sequence[str]) -> str | None:
    lowered = token.casefold()
    for prefix in prefixes:
        if lowered.startswith(prefix):
            return token[len(prefix) :].strip()
    return None


def _ids(kind: str, wanted: str, named: Iterable[tuple[str, str]], problems: list[str]) -> set[str]:
    folded = wanted.casefold()
    ids = {record_id for record_id, name in named if folded in name.casefold()}
    if not ids:
        problems.append(f"no {kind} matches {wanted!r}")
    return ids


def parse_filter(
    text: str,
    *,
    priorities: Sequence[Priority] = (),
    gaps: Sequence[Gap] = (),
    stakeholders: Sequence[Stakeholder] = (),
    competencies: Sequence[str] = (),
    today: dt.date,
) -> WinFilter:
    """Read the filter the user typed. Never raises: what cannot be used is in ``problems``
    (and a name that matches nothing matches no win)."""
    result = WinFilter(text=text)
    for token, key in _tokens(text):
        if token.casefold() in _STARRED:
            result.starred = True
        elif token.startswith("#") and len(token) > 1:
            result.tags.append(token[1:].casefold())
        elif key is not None and key not in KEYS:
            result.problems.append(
                f"unknown key {key + ':'!r} (known: {' '.join(KNOWN_KEYS)}; "
                "quote a word to search for it)"
            )
        elif key == "is":
            result.problems.append(f"{token!r}: the only 'is:' filter is is:starred")
        elif (value := _value(token, _TAG)) is not None and value:
            result.tags.append(value.lstrip("#").casefold())
        elif (value := _value(token, _PRIORITY)) is not None and value:
            if value.casefold() == "none":
                result.untied = True
                continue
            found = _ids("priority", value, ((p.id, p.title) for p in priorities), result.problems)
            result.priority_ids = (
                found if result.priority_ids is None else result.priority_ids & found
            )
        elif (value := _value(token, _GAP)) is not None and value:
            result.gap_ids.append(
                _ids("gap", value, ((g.id, g.title) for g in gaps), result.problems)
            )
        elif (value := _value(token, _WITH)) is not None and value:
            result.stakeholder_ids.append(
                _ids("stakeholder", value, ((s.id, s.name) for s in stakeholders), result.problems)
            )
        elif (value := _value(token, _COMPETENCY)) is not None and value:
            names = _ids("competency", value, ((n, n) for n in competencies), result.problems)
            folded = {n.casefold() for n in names}
            keys = {f"c:{n}" for n in folded}
            keys |= {
                f"g:{g.id}"
                for g in gaps
                if folded.intersection(c.casefold() for c in g.competencies)
            }
            result.competency_keys.append(keys if names else set())
        elif (value := _value(token, _DATES[0])) is not None and value:
            result.start = _date(value, today, result.problems)
        elif (value := _value(token, _DATES[1])) is not None and value:
            result.end = _date(value, today, result.problems)
        else:
            result.words.append(token.casefold())
    return result


def _date(text: str, today: dt.date, problems: list[str]) -> dt.date | None:
    try:
        return parse_when(text, today)
    except InputError as exc:
        problems.append(str(exc))
        return None


# -- at a glance -----------------------------------------------------------------------------
def wins_per_week(wins: Iterable[Win], today: dt.date, weeks: int = WEEKS_SHOWN) -> list[int]:
    """How many wins fell in each of the last ``weeks`` weeks (Monday to Sunday), oldest first;
    the last entry is the current week."""
    counts = [0] * weeks
    this_week = week_start(today)
    first = this_week - dt.timedelta(weeks=weeks - 1)
    end = this_week + dt.timedelta(days=7)
    for win in wins:
        if first <= win.date < end:  # most of a long journal is older: passed over at once
            counts[weeks - 1 - (this_week - week_start(win.date)).days // 7] += 1
    return counts


# -- completing what the user types in the filter ---------------------------------------------
_KEYWORDS = ("priority:", "gap:", "with:", "competency:", "tag:", "from:", "to:", "is:starred")


def _complete_name(typed: str, names: Iterable[str]) -> str | None:
    """The rest of the first name that starts with ``typed``: up to the next space when the
    user has not opened a quote (a part of a name is enough to match), the whole name and the
    closing quote when they have."""
    quoted = typed.startswith('"')
    wanted = typed.lstrip('"').casefold()
    for name in sorted(names, key=str.casefold):
        if name.casefold().startswith(wanted) and len(name) > len(wanted):
            rest = name[len(wanted) :]
            if quoted:
                return rest + '"'
            return rest.split(" ")[0] or None
    return None


def completion(
    text: str,
    *,
    priorities: Sequence[Priority] = (),
    gaps: Sequence[Gap] = (),
    stakeholders: Sequence[Stakeholder] = (),
    tags: Iterable[str] = (),
    competencies: Sequence[str] = (),
) -> str | None:
    """``text`` completed at its last word (a keyword, or a priority, gap, person or tag after
    its prefix), or None. The result always starts with ``text``."""
    if not text or text[-1].isspace():
        return None
    last = text.split(" ")[-1]
    folded = last.casefold()
    choices: tuple[tuple[tuple[str, ...], list[str]], ...] = (
        (_PRIORITY, [p.title for p in priorities]),
        (_GAP, [g.title for g in gaps]),
        (_WITH, [s.name for s in stakeholders]),
        (("#", *_TAG), sorted(set(tags))),
        (_COMPETENCY, list(competencies)),
    )
    for prefixes, names in choices:
        for prefix in prefixes:
            if folded.startswith(prefix):
                rest = _complete_name(last[len(prefix) :], names)
                return text + rest if rest else None
    if len(folded) >= 2:
        for keyword in _KEYWORDS:
            if keyword.startswith(folded) and keyword != folded:
                return text + keyword[len(folded) :]
    return None
