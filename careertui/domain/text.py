"""Text that is safe to store and to show: no terminal control characters.

A control character in a title or a name (ESC, BEL, NUL, the C1 range, …) can drive the
user's terminal when it is printed: set the clipboard, retitle the window, clear the screen.
Input refuses them (:func:`control_characters`), imports strip them (:func:`strip_control`),
and anything printed from the store goes through :func:`terminal_safe`, whatever the file
holds. Newlines and tabs are text, not control, and are kept.
"""

from __future__ import annotations

import re
import unicodedata

#: C0 controls except tab and newline, DEL, and the C1 range (U+0080–U+009F), plus the
#: Unicode bidirectional overrides that can make text read differently from what it holds.
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


#: What a stored control character is shown as: the replacement character, one for one, so
#: a stored text keeps its length (and its limits) and the reader sees that something was there.
REPLACEMENT = "\ufffd"


def control_characters(text: str) -> list[str]:
    """The distinct control characters in ``text``, as readable escapes (``\\x1b``)."""
    return list(
        dict.fromkeys(
            f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}"
            for c in CONTROL.findall(text)
        )
    )


def control_refusal(text: str) -> str | None:
    """Why ``text`` cannot be taken as typed input, or None when it holds no control character.

    The one rule for input: the models (:mod:`careertui.domain.models`) and the lean
    ``careertui win`` (:mod:`careertui.domain.win_record`) both refuse with this message.
    """
    if CONTROL.search(text) is None:  # the usual case, and the cheap one
        return None
    found = control_characters(text)
    return f"must not contain control characters (found {', '.join(found)}); remove them"


def one_line_ending(text: str) -> str:
    """``text`` with Windows (CRLF) and old Mac (CR) line endings made newlines."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def neutralise(text: str) -> str:
    """``text`` with every control character replaced by :data:`REPLACEMENT`, one for one:
    what a record already in the store shows instead of what it holds."""
    return CONTROL.sub(REPLACEMENT, text) if CONTROL.search(text) else text


def strip_control(text: str) -> str:
    """``text`` without control characters (carriage returns become newlines)."""
    return CONTROL.sub("", one_line_ending(text))


def terminal_safe(text: str) -> str:
    """``text`` with every control character shown as a visible escape, fit to print."""
    if not CONTROL.search(text):
        return text
    return CONTROL.sub(
        lambda m: (
            f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}"
        ),
        text,
    )


def json_terminal_safe(text: str) -> str:
    """JSON text (from orjson, which escapes only U+0000–U+001F) with every other control
    character written as a JSON ``\\uXXXX`` escape: the same JSON, fit to print."""
    if not CONTROL.search(text):
        return text
    return CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


#: What a shortened text ends with.
ELLIPSIS = "…"


def _char_width(char: str) -> int:
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def cell_width(text: str) -> int:
    """How many terminal cells ``text`` takes (wide East Asian characters take two)."""
    return sum(_char_width(char) for char in text)


def shorten(text: str, width: int) -> str:
    """``text`` if it fits in ``width`` cells, else its beginning and "…" in exactly that."""
    if cell_width(text) <= width:
        return text
    kept: list[str] = []
    used = 0
    for char in text:
        size = _char_width(char)
        if used + size > width - 1:
            break
        kept.append(char)
        used += size
    return "".join(kept) + ELLIPSIS
