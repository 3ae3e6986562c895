"""The rules of the fields a person fills in, declared once.

The pydantic models (:mod:`careertui.domain.models`) build their field types from these rules,
and the lean ``careertui win`` (:mod:`careertui.domain.win_record`) checks a new win by them
without importing pydantic, so a limit or the tag rule is written here and nowhere else (the
choices are in :mod:`careertui.domain.choices`). This module imports only the standard library.

Every text field takes its input the same way (:func:`normal_text`): valid Unicode only, line
endings made newlines, the whitespace of :data:`WHITESPACE` trimmed from both ends; then its
length limits (a :class:`TextRule`), then the control-character rule
(:func:`careertui.domain.text.control_refusal`).
"""

from __future__ import annotations

import os
from collections.abc import Iterable

from careertui.domain.text import one_line_ending

#: What text is trimmed of: the Unicode ``White_Space`` characters. Not ``str.strip()``, which
#: also trims U+001C–U+001F (control characters, refused rather than trimmed).
WHITESPACE = (
    "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
    "\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)


def trim(text: str) -> str:
    """``text`` without leading and trailing :data:`WHITESPACE`."""
    return text.strip(WHITESPACE)


def normal_text(text: str) -> str:
    """Typed or stored text as a text field keeps it: newline line endings, trimmed.

    Raises ValueError for text that is not valid Unicode: an unpaired surrogate, which is what
    Python makes of bytes that are not UTF-8 in a command-line argument, and which no JSON
    encoder writes."""
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError as exc:
            found = ord(text[exc.start])  # U+DC80–U+DCFF: a byte Python could not decode
            what = f"the byte \\x{found - 0xDC00:02x}" if found >= 0xDC80 else f"\\u{found:04x}"
            raise ValueError(f"must be valid UTF-8 text (found {what}); retype it") from None
    return trim(one_line_ending(text))


class TextRule:
    """The length limits of a kind of text, counted after trimming (None: no limit).

    (Plain classes rather than named tuples or dataclasses: this module is imported by every
    ``careertui win``, and building those costs more than the rest of it.)"""

    __slots__ = ("min_length", "max_length")

    def __init__(self, min_length: int = 0, max_length: int | None = None) -> None:
        self.min_length = min_length
        self.max_length = max_length


class Range:
    """The whole numbers a field takes, both ends included."""

    __slots__ = ("low", "high")

    def __init__(self, low: int, high: int) -> None:
        self.low = low
        self.high = high


#: A record's name: one to 300 characters.
TITLE = TextRule(1, 300)
#: A short optional text (a job title, a theme).
SHORT = TextRule(0, 300)
#: A long optional text (a win's body, a note).
TEXT = TextRule(0, 20_000)
#: An item of a list of words or phrases (a tag, a value), before the list's own rule.
PLAIN = TextRule()
#: A piece of feedback: a required long text.
QUOTE = TextRule(1, 20_000)
METRIC_NAME = TextRule(1, 200)
METRIC_BEFORE = TextRule(0, 100)
METRIC_AFTER = TextRule(1, 100)

#: The longest record id.
ID_MAX = 64


def new_id(prefix: str) -> str:
    """A fresh record id: the kind's prefix and 12 random hex digits (``win_3f2a9c0b1d4e``)."""
    return f"{prefix}_{os.urandom(6).hex()}"


#: A level of skill, impact, effort or influence.
LEVEL = Range(1, 5)
#: How often to be in touch with a stakeholder, in days (0: no cadence).
CADENCE_DAYS = Range(0, 3650)


def normal_tags(tags: Iterable[str]) -> list[str]:
    """A win's tags as kept: lower case, without a leading ``#``, blanks and repeats dropped,
    in the order given. Raises ValueError for a tag of more than one word.

    Each tag has already passed as :data:`PLAIN` text (trimmed, no control characters)."""
    seen: list[str] = []
    for raw in tags:
        tag = raw.strip().lstrip("#").lower()
        if not tag:
            continue
        if any(ch.isspace() for ch in tag):
            raise ValueError(f"tag {tag!r} must be one word")
        if tag not in seen:
            seen.append(tag)
    return seen
