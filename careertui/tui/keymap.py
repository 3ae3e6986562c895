"""The user's own keys: a small TOML file of binding ids and keys, applied with Textual's keymap.

``keymap.toml`` in the config directory (:func:`careertui.paths.keymap_file`) maps the binding
ids the app declares (the README's key table lists them) to one key or several, comma-separated::

    "dashboard.log_win" = "a"
    "journal.filter" = "ctrl+f,slash"

Nothing in it can stop the app: a file that is not TOML, an id the app does not have, a key
Textual cannot name — each is one line of a message shown at start, and the rest applies.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import sys
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from textual.binding import Binding
from textual.dom import DOMNode
from textual.keys import Keys, _character_to_key

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10
    import tomli as tomllib  # type: ignore[import-not-found]

_MODIFIERS = ("ctrl", "shift", "alt", "meta", "super", "hyper")
_NAMED = {key.value for key in Keys}


@dataclass
class LoadedKeymap:
    """The keys that apply (binding id -> Textual's comma-separated key names) and what in the
    file could not be used, one line each."""

    keys: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def key_name(key: str) -> str | None:
    """``key`` as Textual names it (``?`` -> ``question_mark``, ``Ctrl+S`` -> ``ctrl+s``), or
    None if it names no key."""
    key = key.strip()
    if not key:
        return None
    if len(key) == 1:
        return _character_to_key(key)
    *modifiers, base = key.split("+") if not key.endswith("++") else [*key[:-2].split("+"), "+"]
    if any(m.lower() not in _MODIFIERS for m in modifiers):
        return None
    if len(base) == 1:
        base = _character_to_key(base.lower() if modifiers else base)
    else:
        base = base.lower()
        if base not in _NAMED:
            try:
                unicodedata.lookup(base.replace("_", " "))
            except KeyError:
                return None
    return "+".join([*(m.lower() for m in modifiers), base])


def known_binding_ids() -> set[str]:
    """Every binding id careertui's app, screens and widgets declare."""
    import careertui.tui as tui

    ids: set[str] = set()
    for info in pkgutil.walk_packages(tui.__path__, prefix="careertui.tui."):
        module = importlib.import_module(info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ == module.__name__ and issubclass(cls, DOMNode):
                declared = cls.__dict__.get("BINDINGS") or []
                ids.update(b.id for b in Binding.make_bindings(declared) if b.id)
    return ids


def parse_keymap(text: str, known: Iterable[str]) -> LoadedKeymap:
    """The keymap in ``text`` (TOML), checked against the ``known`` binding ids."""
    loaded = LoadedKeymap()
    try:
        table = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        loaded.problems.append(f"not read, it is not TOML: {exc}")
        return loaded
    known = set(known)
    for binding_id, keys in table.items():
        if binding_id not in known:
            loaded.problems.append(
                f"{binding_id}: no key has this id (the README's key table lists them)"
            )
            continue
        if not isinstance(keys, str) or not keys.strip():
            loaded.problems.append(f'{binding_id}: give the keys as text, e.g. "ctrl+n" or "a,b"')
            continue
        parts = keys.split(",")  # the comma key itself is "comma"
        names = [key_name(key) for key in parts]
        bad = [key.strip() or "(empty)" for key, name in zip(parts, names, strict=True) if not name]
        if bad:
            loaded.problems.append(f"{binding_id}: not a key careertui knows: {', '.join(bad)}")
            continue
        loaded.keys[binding_id] = ",".join(name for name in names if name)
    return loaded


def load_keymap(path: Path | None) -> LoadedKeymap:
    """The keymap in ``path``; nothing (and no problem) when there is no such file."""
    if path is None:
        return LoadedKeymap()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return LoadedKeymap()
    except (OSError, UnicodeDecodeError) as exc:
        return LoadedKeymap(problems=[f"not read: {exc}"])
    return parse_keymap(text, known_binding_ids())


def problems_message(path: Path, loaded: LoadedKeymap) -> str:
    """What to tell the user at start about ``path``'s problems."""
    return "\n".join([f"Your keymap {path}:", *loaded.problems, "The other keys apply."])
