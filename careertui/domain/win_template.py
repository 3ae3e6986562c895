"""The template ``careertui win --edit`` opens in ``$EDITOR``: every field of a win on a line of
its own, labelled, and the body under ``body:``; read back into the same fields.

::

    title: Drafted the platform memo
    impact: Daniel took it to the exec offsite
    metric: review time: 10 days -> 4 days
    input metric:
    priority: Grow net revenue
    gaps: Executive communication
    people: Daniel, Maya
    tags: writing, exec
    body:
    Everything from here on, as written (Markdown; `#` headings stay).

Above ``body:``, lines starting with ``#`` are notes and blank lines are skipped; an indented line
carries on the value above it. ``metric`` and ``input metric`` may be given more than once; gaps,
people and tags are comma-separated. Plain text rules only: the lean ``careertui win`` imports
this, so it loads neither pydantic nor the models.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from careertui.domain.errors import InputError

#: The labels, in the order the template shows them.
LABELS = (
    "title",
    "impact",
    "metric",
    "input metric",
    "priority",
    "gaps",
    "people",
    "tags",
    "body",
)
#: Labels that may be given on several lines.
REPEATABLE = frozenset({"metric", "input metric"})
#: Labels whose value is a comma-separated list.
LISTS = frozenset({"gaps", "people", "tags"})

NOTES = """\
# Log a win: fill in what applies and save; leave a line empty to skip it.
# metric / input metric: "name: before -> after", one a line (repeat the label for more).
# priority, gaps, people: an id, the whole name or the start of it; lists are comma-separated.
# Lines starting with # above "body:" are left out; everything under "body:" is the body.
"""


@dataclass
class WinTemplate:
    """A win's fields as written in the template."""

    title: str = ""
    impact: str = ""
    metrics: list[str] = field(default_factory=list)
    input_metrics: list[str] = field(default_factory=list)
    priority: str = ""
    gaps: list[str] = field(default_factory=list)
    people: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    body: str = ""


def _one_line(value: str) -> str:
    return " ".join(value.split())


def render(win: WinTemplate) -> str:
    """The template for ``win``, every label present (empty where nothing is known yet)."""
    lines = [NOTES, f"title: {_one_line(win.title)}", f"impact: {_one_line(win.impact)}"]
    lines += [f"metric: {m}" for m in win.metrics or [""]]
    lines += [f"input metric: {m}" for m in win.input_metrics or [""]]
    lines.append(f"priority: {win.priority}")
    for label, values in (("gaps", win.gaps), ("people", win.people), ("tags", win.tags)):
        lines.append(f"{label}: {', '.join(values)}")
    lines.append("body:")
    if win.body:
        lines.append(win.body)
    return "\n".join(line.rstrip() for line in lines) + "\n"


def _label(line: str) -> tuple[str, str] | None:
    name, colon, value = line.partition(":")
    key = " ".join(name.split()).casefold()
    if not colon or key not in LABELS:
        return None
    return key, value.strip()


def _items(value: str) -> list[str]:
    return [item.strip() for item in value.split(",") if item.strip()]


def parse(text: str) -> WinTemplate:
    """Read the template back. An InputError names the line (counted from 1) that cannot be
    read: a word that is not one of the labels, or a label given twice.

    Text with no label at all (the template cleared and a win written as plain text) is read
    as a title on its first line and a body under it."""
    values: dict[str, list[str]] = {}
    lines = text.splitlines()
    written = [line for line in lines if line.strip() and not line.lstrip().startswith("#")]
    if written and not any(_label(line) for line in written):
        first = lines.index(written[0])
        return WinTemplate(title=written[0].strip(), body="\n".join(lines[first + 1 :]).strip())
    last: str | None = None
    body: list[str] | None = None
    for number, line in enumerate(lines, 1):
        if body is not None:
            body.append(line)
            continue
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line[:1].isspace() and last is not None and last not in REPEATABLE | LISTS:
            values[last][-1] = f"{values[last][-1]} {line.strip()}".strip()
            continue
        labelled = _label(line)
        if labelled is None:
            raise InputError(
                f"line {number}: {_one_line(line)[:40]!r} does not start with one of the labels "
                f"({', '.join(label + ':' for label in LABELS)})"
            )
        key, value = labelled
        if key == "body":
            body = [value] if value else []
            continue
        if key in values and key not in REPEATABLE:
            raise InputError(f"line {number}: {key!r} is given twice; give it once")
        values.setdefault(key, []).append(value)
        last = key

    def one(key: str) -> str:
        return (values.get(key) or [""])[0]

    def many(key: str) -> list[str]:
        return [item for value in values.get(key, []) for item in _items(value)]

    def repeated(key: str) -> list[str]:
        return [value for value in values.get(key, []) if value]

    return WinTemplate(
        title=one("title"),
        impact=one("impact"),
        metrics=repeated("metric"),
        input_metrics=repeated("input metric"),
        priority=one("priority"),
        gaps=many("gaps"),
        people=many("people"),
        tags=many("tags"),
        body="\n".join(body or []).strip(),
    )


def starting(
    text: str,
    *,
    impact: str = "",
    metrics: Sequence[str] = (),
    input_metrics: Sequence[str] = (),
    priority: str = "",
    gaps: Sequence[str] = (),
    people: Sequence[str] = (),
    tags: Sequence[str] = (),
    body: str = "",
) -> WinTemplate:
    """The template's first fill: what the command line already said (``text``'s first line is
    the title, the rest the start of the body)."""
    title, _, rest = text.strip().partition("\n")
    return WinTemplate(
        title=title.strip(),
        impact=impact,
        metrics=list(metrics),
        input_metrics=list(input_metrics),
        priority=priority,
        gaps=list(gaps),
        people=list(people),
        tags=list(tags),
        body="\n".join(p for p in (rest.strip(), body) if p),
    )
