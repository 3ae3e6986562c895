"""How a stakeholder is marked on the map: a style per stance, the overdue mark, the legend,
and a person drawn as one chip of a quadrant."""

from __future__ import annotations

import datetime as dt

from rich.text import Text

from careertui.domain.cadence import is_overdue
from careertui.domain.models import Stakeholder, Stance
from careertui.domain.stakeholders import STANCE_MARKS

#: How stances look: supportive stances plain, "not yet" ones dimmed or italic so neutral and
#: unknown people stand out from the skeptics in the same quadrant.
STANCE_STYLES: dict[Stance, str] = {
    Stance.CHAMPION: "bold green",
    Stance.SUPPORTER: "green",
    Stance.NEUTRAL: "italic",
    Stance.SKEPTIC: "yellow",
    Stance.BLOCKER: "bold red",
    Stance.UNKNOWN: "italic dim",
}
#: Beside a person whose check-in is overdue.
OVERDUE_MARK = "!"
#: What the marks on the map mean (shown under the map when the pane is zoomed).
LEGEND = (
    "★ champion  + supporter  ~ neutral  − skeptic  ✕ blocker  ? unknown  · 1–5 influence  "
    f"· {OVERDUE_MARK} check-in overdue"
)


def chip(person: Stakeholder, today: dt.date) -> Text:
    """One person as a chip: stance mark, name, influence, and an overdue mark."""
    text = Text(f"{STANCE_MARKS[person.stance]} ", style=STANCE_STYLES[person.stance])
    text.append(person.name, style=STANCE_STYLES[person.stance])
    text.append(f" {person.influence}", style="dim")
    if is_overdue(person, today):
        text.append(f" {OVERDUE_MARK}", style="bold red")
    return text
