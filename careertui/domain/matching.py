"""Finding a record by what the user typed: an id, an exact name, or a unique prefix."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from careertui.domain.errors import InputError

T = TypeVar("T")


def _attribute_id(item: object) -> object:
    return getattr(item, "id", None)


def find_one(
    items: Sequence[T],
    typed: str,
    name: Callable[[T], str],
    kind: str,
    ident: Callable[[T], object] = _attribute_id,
) -> T:
    """The item whose id or name matches ``typed`` (case-insensitive), or an InputError that
    lists the closest names.

    ``ident`` gives an item's id (by default its ``id`` attribute), so the same rules apply to
    records and to stored documents (``lambda doc: doc["id"]``).
    """
    wanted = typed.strip().casefold()
    by_name = {name(item).casefold(): item for item in items}
    if wanted in by_name:
        return by_name[wanted]
    for item in items:
        if ident(item) == typed.strip():
            return item
    starts = [item for key, item in by_name.items() if key.startswith(wanted)] if wanted else []
    if len(starts) == 1:
        return starts[0]
    import difflib  # only on the error path: it is not free to import

    close = difflib.get_close_matches(wanted, list(by_name), n=3, cutoff=0.4)
    close += [name(s).casefold() for s in starts if name(s).casefold() not in close]
    originals = [name(by_name[key]) for key in close[:3]]
    if originals:
        hint = "closest: " + ", ".join(repr(o) for o in originals)
    elif items:
        hint = "known: " + ", ".join(repr(name(i)) for i in list(items)[:5])
    else:
        hint = f"there are no {kind}s yet"
    raise InputError(f"no {kind} named {typed!r} ({hint})")
