"""The fields of the full win form, with the career's priorities, gaps and people as choices."""

from __future__ import annotations

from typing import Any, Literal

from careertui.domain.errors import InputError
from careertui.domain.metrics import parse_metric
from careertui.domain.models import Metric
from careertui.store.repository import Career
from careertui.tui.screens.competency_field import competency_field
from careertui.tui.screens.form import FormField

INPUT_PREFIX = "input:"


def _metrics(lines: list[str]) -> list[Metric]:
    metrics = []
    for number, line in enumerate(lines, 1):
        kind: Literal["input", "output"] = "output"
        if line.casefold().startswith(INPUT_PREFIX):
            kind, line = "input", line[len(INPUT_PREFIX) :].strip()
        try:
            metrics.append(parse_metric(line, kind))
        except InputError as exc:
            raise InputError(f"line {number}: {exc}") from exc
    return metrics


def _metric_lines(metrics: list[Metric | dict[str, Any]] | None) -> str:
    """The metrics one a line, as the form shows them; the form holds a record as its
    ``model_dump()``, so each metric may come as a plain dict."""
    lines = []
    for item in metrics or []:
        metric = item if isinstance(item, Metric) else Metric.model_validate(item)
        lines.append((f"{INPUT_PREFIX} " if metric.kind == "input" else "") + str(metric))
    return "\n".join(lines)


def win_fields(career: Career) -> list[FormField]:
    return [
        FormField("title", "What did you do?", placeholder="Shipped the new onboarding flow"),
        FormField("date", "When", "date", placeholder="2026-11-23, yesterday, last friday"),
        FormField("impact", "Impact: why it mattered", "multiline"),
        FormField(
            "metrics",
            "Metrics, one a line: name: before -> after",
            "lines",
            help="e.g. 'activation rate: 31% -> 38%'; start a line with 'input:' for an input "
            "metric",
            parse=_metrics,
            format=_metric_lines,
        ),
        FormField(
            "priority_id",
            "The company priority it serves",
            "choice",
            choices=[(p.title, p.id) for p in career.priorities],
        ),
        FormField(
            "gap_ids",
            "Gaps it is evidence for",
            "multi",
            choices=[(g.title, g.id) for g in career.gaps],
        ),
        FormField(
            "stakeholder_ids",
            "People involved",
            "multi",
            choices=[(s.name, s.id) for s in career.stakeholders],
        ),
        *competency_field(career.vision.ladder, ("title", "impact", "body")),
        FormField("tags", "Tags", "words", placeholder="launch onboarding"),
        FormField("body", "The story (Markdown)", "multiline"),
        FormField("starred", "Star it (a highlight for the brag document)", "bool"),
    ]


#: The fields that tie a win to what it serves: the company priority and the gaps.
TIE_FIELDS = ("priority_id", "gap_ids")


def tie_fields(career: Career) -> list[FormField]:
    """The win form's priority and gaps, alone: the weekly review's "tie it" form."""
    return [field for field in win_fields(career) if field.name in TIE_FIELDS]
