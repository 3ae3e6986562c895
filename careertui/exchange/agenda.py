"""The next check-in's agenda as Markdown, and saving it with the exports (0600), outside the
data directory."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from careertui.domain.stakeholders import Agenda


def _days_ago(since: dt.date, today: dt.date) -> str:
    days = (today - since).days
    if days == 0:
        return "today"
    if days == 1:
        return "yesterday"
    return f"{days} days ago"


def _quote(text: str) -> str:
    return " ".join(text.split())


def to_markdown(agenda: Agenda) -> str:
    """The agenda as a Markdown document, ready to paste into notes or a calendar invite."""
    person = agenda.person
    lines = [f"# Check-in with {person.name} — {agenda.today.isoformat()}", ""]
    about = [person.title, person.relationship.value, f"stance: {person.stance.value}"]
    lines += [" · ".join(a for a in about if a), ""]
    if agenda.since is None:
        lines += ["Last contact: none on record", ""]
    else:
        ago = _days_ago(agenda.since, agenda.today)
        lines += [f"Last contact: {agenda.since.isoformat()} ({ago})", ""]
    if agenda.last_check_in is not None and agenda.last_check_in.note:
        lines += [f"Last time: {_quote(agenda.last_check_in.note)}", ""]

    if person.cares_about or person.moves_needle:
        lines += ["## What they care about", ""]
        if person.cares_about:
            lines.append(f"- {_quote(person.cares_about)}")
        if person.moves_needle:
            lines.append(f"- Moves their needle: {_quote(person.moves_needle)}")
        lines.append("")

    lines += ["## Wins to share", ""]
    if agenda.wins:
        for item in agenda.wins:
            win = item.win
            entry = f"- **{win.title}** ({win.date.isoformat()})"
            metric = win.headline_metric
            if metric is not None:
                entry += f" — {metric}"
            lines.append(entry)
            if win.impact:
                lines.append(f"  - Impact: {_quote(win.impact)}")
            if item.reason:
                lines.append(f"  - Why them: {item.reason}")
    else:
        lines.append("- Nothing new on record that touches what they care about.")
    lines.append("")

    lines += ["## Where they could help", ""]
    if agenda.gaps:
        for gap in agenda.gaps:
            levels = f"{gap.current_level}→{gap.target_level}"
            entry = f"- **{gap.title}** ({gap.status.value}, {levels})"
            if gap.next_action:
                entry += f" — next: {_quote(gap.next_action)}"
            lines.append(entry)
    else:
        lines.append("- No open gaps linked to them.")
    lines.append("")

    lines += ["## Feedback to follow up", ""]
    if agenda.feedback:
        for note in agenda.feedback:
            theme = f" ({note.theme})" if note.theme else ""
            lines.append(f"- “{_quote(note.quote)}”{theme}, {note.date.isoformat()}")
    else:
        lines.append("- No open feedback from them.")
    lines.append("")

    if person.how_to_help:
        lines += ["## How I can help them", "", f"- {_quote(person.how_to_help)}", ""]
    return "\n".join(lines)


def file_name(agenda: Agenda) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", agenda.person.name.casefold()).strip("-") or "stakeholder"
    return f"check-in-{slug}-{agenda.today.isoformat()}.md"


def save(agenda: Agenda, data_dir: Path) -> Path:
    """Write the agenda to the export directory, outside the data directory ``data_dir``
    (:func:`careertui.exchange.files.export_directory`: created 0700, the file 0600, never
    through a symbolic link); return the file's full path."""
    from careertui.exchange.files import export_directory, make_private_dir, write_private

    folder = export_directory(data_dir)
    make_private_dir(folder)
    return write_private(folder / file_name(agenda), to_markdown(agenda))
