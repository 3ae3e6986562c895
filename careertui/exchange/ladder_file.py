"""Read a career ladder from YAML or JSON (JSON is read as the YAML it also is)::

    ladder: Product management
    levels: [Product Manager, Senior PM, Group PM, Director of Product]
    competencies:
      - name: Product strategy
        expects:
          Senior PM: Sets the strategy for one product area and defends it with evidence.

A file that cannot be used gives one :class:`LadderFileError` naming the line and the field.
careertui ships an example ladder for product management (:func:`example`).
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from careertui.domain.errors import InputError
from careertui.domain.models import Ladder

#: The example ladders careertui ships, by the name ``--example`` takes.
EXAMPLES = {"pm": "pm.yaml"}
#: The keys of a ladder file and of one competency.
_TOP_KEYS = ("ladder", "levels", "competencies")
_COMPETENCY_KEYS = ("name", "expects")


class LadderFileError(InputError):
    """A ladder file that cannot be used; the message names the line and the field."""


def _where(source: str, line: int | None, field: str) -> str:
    at = f"{source} line {line + 1}" if line is not None else source
    return f"{at}: {field}" if field else at


def read_ladder(text: str, source: str = "ladder") -> Ladder:
    """The ladder ``text`` describes; a :class:`LadderFileError` naming the line and field of
    the first thing wrong."""
    import yaml

    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "not YAML or JSON"
        raise LadderFileError(
            f"{_where(source, mark.line if mark else None, '')}: {problem}"
        ) from exc
    except yaml.YAMLError as exc:
        raise LadderFileError(f"{source}: not YAML or JSON ({exc})") from exc
    if root is None:
        raise LadderFileError(f"{source}: the file is empty; see 'careertui import ladder --help'")
    lines: dict[tuple[Any, ...], int] = {}
    data = _plain(root, (), lines, source)
    if not isinstance(data, dict):
        raise LadderFileError(
            f"{_where(source, root.start_mark.line, '')}: a ladder is a mapping with the keys "
            f"{', '.join(_TOP_KEYS)}"
        )
    _check_keys(data, _TOP_KEYS, (), lines, source)
    for index, item in enumerate(data.get("competencies") or []):
        if isinstance(item, dict):
            _check_keys(item, _COMPETENCY_KEYS, ("competencies", index), lines, source)
    for key in ("ladder", "levels"):
        if key not in data:
            raise LadderFileError(f"{_where(source, 0, key)}: missing (every ladder has one)")
    _check_links(data, lines, source)
    try:
        return Ladder.model_validate(data)
    except ValidationError as exc:
        error = exc.errors()[0]
        loc = tuple(error["loc"])
        message = str(error["msg"]).removeprefix("Value error, ")
        while loc and loc not in lines:
            loc = loc[:-1]
        field = _field(tuple(error["loc"]))
        raise LadderFileError(
            f"{_where(source, lines.get(loc, 0) if loc else None, field)}: {message}"
        ) from exc


def _check_links(data: dict[str, Any], lines: dict[tuple[Any, ...], int], source: str) -> None:
    """Each competency named once, and expecting things only at levels of the ladder."""
    levels = data.get("levels")
    names = [str(lv) for lv in levels] if isinstance(levels, list) else None
    known = {name.casefold() for name in names} if names is not None else None
    seen: set[str] = set()
    competencies = data.get("competencies")
    for index, item in enumerate(competencies if isinstance(competencies, list) else []):
        if not isinstance(item, dict):
            continue
        name = item.get("name")
        if isinstance(name, str) and name.strip():
            at = ("competencies", index, "name")
            if name.strip().casefold() in seen:
                raise LadderFileError(
                    f"{_where(source, lines.get(at), _field(at))}: {name.strip()!r} is named twice"
                )
            seen.add(name.strip().casefold())
        expects = item.get("expects")
        if known is None or not isinstance(expects, dict):
            continue
        for level in expects:
            if level.strip().casefold() not in known:
                where = ("competencies", index, "expects", level)
                raise LadderFileError(
                    f"{_where(source, lines.get(where), _field(where))}: not one of the levels "
                    f"({', '.join(names or [])})"
                )


def _field(loc: tuple[Any, ...]) -> str:
    """``("competencies", 1, "name")`` as ``competencies[1].name``."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _check_keys(
    data: dict[str, Any],
    known: tuple[str, ...],
    at: tuple[Any, ...],
    lines: dict[tuple[Any, ...], int],
    source: str,
) -> None:
    for key in data:
        if key not in known:
            field = _field((*at, key))
            raise LadderFileError(
                f"{_where(source, lines.get((*at, key)), field)}: unknown key (known: "
                f"{', '.join(known)})"
            )


def _plain(node: Any, at: tuple[Any, ...], lines: dict[tuple[Any, ...], int], source: str) -> Any:
    """The YAML ``node`` as plain Python values (every scalar as text, as a ladder has only
    text), recording the line of each key and item in ``lines``."""
    import yaml

    lines[at] = node.start_mark.line
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise LadderFileError(
                    f"{_where(source, key_node.start_mark.line, _field(at))}: a key must be text"
                )
            key = str(key_node.value)
            here = (*at, key)
            if key in result:
                place = _where(source, key_node.start_mark.line, _field(here))
                raise LadderFileError(f"{place}: named twice")
            result[key] = _plain(value_node, here, lines, source)
            lines[here] = key_node.start_mark.line
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_plain(item, (*at, i), lines, source) for i, item in enumerate(node.value)]
    if node.tag == "tag:yaml.org,2002:null" and node.value in ("", "~", "null", "Null", "NULL"):
        return None
    return str(node.value)


def read_ladder_file(path: Path) -> Ladder:
    """The ladder in the file at ``path`` (YAML or JSON)."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise LadderFileError(f"cannot read {path}: {exc.strerror or exc}") from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LadderFileError(f"{path}: not UTF-8 text") from exc
    return read_ladder(text, str(path))


def example(name: str) -> Ladder:
    """One of the example ladders careertui ships (:data:`EXAMPLES`)."""
    if name not in EXAMPLES:
        raise InputError(f"no example ladder {name!r} (there is: {', '.join(EXAMPLES)})")
    text = resources.files("careertui.ladders").joinpath(EXAMPLES[name]).read_text("utf-8")
    return read_ladder(text, f"example {name}")
