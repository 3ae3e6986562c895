"""Finding a record by what the user typed: an id, an exact name, or a unique prefix."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from careertui.domain.errors import InputError

T = TypeVar("T")


def _attribute_id(item: object) -> object:
    return getattr(item, "id", None)


#: How many candidates an error names before saying "and N more".
SHOWN = 5


def plural(kind: str) -> str:
    """``kind`` in the plural: gap → gaps, priority → priorities."""
    if kind.endswith("y") and kind[-2:-1] not in tuple("aeiou"):
        return kind[:-1] + "ies"
    return kind + "s"


def _listed(names: Sequence[str]) -> str:
    shown = ", ".join(repr(n) for n in names[:SHOWN])
    more = len(names) - SHOWN
    return f"{shown} and {more} more" if more > 0 else shown


def find_one(
    items: Sequence[T],
    typed: str,
    name: Callable[[T], str],
    kind: str,
    ident: Callable[[T], object] = _attribute_id,
) -> T:
    """The item whose id or name matches ``typed`` (case-insensitive), or whose name is the
    only one that starts with it; else an InputError that says why: the candidates when the
    words fit more than one name, the closest names when they fit none.

    ``ident`` gives an item's id (by default its ``id`` attribute), so the same rules apply to
    records and to stored documents (``lambda doc: doc["id"]``).
    """
    wanted = typed.strip().casefold()
    exact = [item for item in items if name(item).casefold() == wanted]
    if len(exact) == 1:
        return exact[0]
    for item in items:
        if ident(item) == typed.strip():
            return item
    if len(exact) > 1:  # the same name twice: only an id tells them apart
        ids = ", ".join(str(ident(item)) for item in exact[:SHOWN])
        raise InputError(
            f"{typed!r} matches {len(exact)} {plural(kind)} with that name "
            f"(ids {ids}); give the id instead"
        )
    starts = [item for item in items if name(item).casefold().startswith(wanted)] if wanted else []
    if len(starts) == 1:
        return starts[0]
    if len(starts) > 1:
        names = sorted((name(item) for item in starts), key=str.casefold)
        raise InputError(
            f"{typed!r} matches {len(starts)} {plural(kind)}: {_listed(names)}; "
            "give more of the name"
        )
    import difflib  # only on the error path: it is not free to import

    by_name = {name(item).casefold(): item for item in items}
    close = difflib.get_close_matches(wanted, list(by_name), n=3, cutoff=0.4)
    originals = [name(by_name[key]) for key in close]
    if originals:
        hint = "closest: " + ", ".join(repr(o) for o in originals)
    elif items:
        hint = "known: " + ", ".join(repr(name(i)) for i in list(items)[:5])
    else:
        hint = f"there are no {plural(kind)} yet"
    raise InputError(f"no {kind} named {typed!r} ({hint})")


def competencies_named(known: Sequence[str], typed: Sequence[str]) -> list[str]:
    """The ladder's competencies (``known``, by name) that ``typed`` names, each as the ladder
    spells it (a whole name or a unique beginning, any case), repeats dropped; an InputError
    for a name that fits none, or when there is no ladder."""
    if typed and not known:
        raise InputError("no ladder yet; import one with careertui import ladder FILE")
    found: list[str] = []
    for name in typed:
        match = find_one(known, name, lambda n: n, "competency", ident=lambda n: n)
        if match not in found:
            found.append(match)
    return found
