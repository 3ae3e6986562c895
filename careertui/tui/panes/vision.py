"""The Vision pane: the 3–5 year vision (V2MOM) and where the user is now."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from careertui.domain.clock import today
from careertui.store.repository import Career
from careertui.tui.panes.base import Pane


class VisionPane(Pane):
    TITLE = "Vision"
    KEY = "1"
    EMPTY_TEXT = (
        "Start here: where do you want to be in 3–5 years, and where are you now?\n"
        "Write your vision (V2MOM: vision, values, methods, obstacles, measures); the gaps, "
        "people and wins all follow from it."
    )

    def compose_body(self) -> ComposeResult:
        with VerticalScroll(classes="pane-body", id="vision-scroll"):
            yield Static(id="vision-text")

    def is_empty(self, career: Career) -> bool:
        vision = career.vision
        return not (vision.statement or vision.target_role)

    def show(self, career: Career) -> None:
        self.set_empty(self.is_empty(career))
        vision = career.vision
        text = Text()
        if vision.target_role:
            text.append("Target role: ", style="bold").append(vision.target_role + "\n")
        if vision.horizon:
            left = vision.years_left(today())
            text.append("Horizon: ", style="bold")
            text.append(f"{vision.horizon.isoformat()} ({left} years left)\n")
        if vision.statement:
            text.append("\n" + vision.statement + "\n")
        for title, items in (
            ("Values", vision.values),
            ("Methods", vision.methods),
            ("Obstacles", vision.obstacles),
            ("Measures", vision.measures),
            ("Strengths now", vision.strengths),
        ):
            if items:
                text.append(f"\n{title}\n", style="bold")
                for item in items:
                    text.append(f"  • {item}\n")
        if career.priorities:
            text.append("\nCompany priorities\n", style="bold")
            for n, priority in enumerate(career.priorities, 1):
                text.append(f"  {n}. {priority.title}\n")
        self.query_one("#vision-text", Static).update(text)
