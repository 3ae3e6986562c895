"""The guided start: on an empty store, five short questions, one at a time — the vision
statement, the target role and horizon, the company's top priorities, three strengths, and who
the user is today (the profile every document opens with).

Each answer is posted (:class:`GuidedStartScreen.AnswerGiven`) as soon as it is given, so the
app saves it then: quitting halfway keeps what was answered. Escape skips the rest
(:class:`GuidedStartScreen.Skipped`), asking first whether to save or discard what was typed on
the step in front; the command palette opens it again, filled in with what
is on record. A step left blank saves nothing and moves on.

Opened again when the company priorities are due for renewal (a new half,
:func:`careertui.domain.priorities.renewal_due`), the priorities step starts blank and says
so: the titles typed become the priorities in force, and the old ones not typed again are
archived with their period, their wins keeping the link (``{"renew": True}`` in the answer).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from textual.app import ComposeResult, SuspendNotSupported
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, ContentSwitcher, Input, Label, Static, TextArea

from careertui.domain.clock import today
from careertui.domain.dates import parse_when
from careertui.domain.errors import CareerError
from careertui.domain.models import Priority, Profile, Vision
from careertui.domain.vision import MAX_PRIORITIES, parse_horizon
from careertui.editor import edit_text
from careertui.tui.screens.messages import readable_errors
from careertui.tui.widgets.footer import DashboardFooter

#: The steps, in order: (id, title, question).
STEPS: tuple[tuple[str, str, str], ...] = (
    (
        "statement",
        "Your vision",
        "Where do you want to be in 3–5 years? Write it as if it were already true.",
    ),
    (
        "destination",
        "Target role and horizon",
        "What is the role, and by when? A number of years (4) or a date (2030-06-30).",
    ),
    (
        "priorities",
        "The company's top priorities",
        f"The 3–{MAX_PRIORITIES} things the company truly cares about, most important first. "
        "Your wins will be tied to them.",
    ),
    (
        "strengths",
        "Three strengths",
        "What are you known for today? Three strengths you would bet your next step on.",
    ),
    (
        "profile",
        "Who you are today",
        "Your brag document and promotion case open with this: your name, current title and "
        "level, since when, company and team. Fill in what you like.",
    ),
)
STRENGTHS = 3
#: The profile step's fields: (name, label, placeholder).
PROFILE_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("name", "Name", "as your documents should show it"),
    ("title", "Title", "e.g. Senior Product Manager"),
    ("level", "Level", "e.g. L6"),
    ("since", "Since", "2024-03-01, two years ago"),
    ("company", "Company", ""),
    ("team", "Team", ""),
)


class GuidedStartScreen(ModalScreen[None]):
    CSS_PATH = Path(__file__).with_name("guided_start.tcss")
    BINDINGS = [
        Binding("ctrl+s", "next", "Save and next", id="guided_start.next"),
        # the same key on the last step, named for what it does there (one of the two is on)
        Binding("ctrl+s", "finish", "Save and finish", id="guided_start.finish"),
        Binding("escape", "skip", "Skip", id="guided_start.skip"),
        Binding("ctrl+b", "back", "Back a step", id="guided_start.back"),
        # priority: the TextArea's own ctrl+e (end of line) must not take it.
        Binding(
            "ctrl+e", "external_editor", "Write in $EDITOR", id="guided_start.editor", priority=True
        ),
    ]
    FOOTER_FIRST = (
        "guided_start.next",
        "guided_start.finish",
        "guided_start.skip",
        "guided_start.back",
    )

    @dataclass
    class AnswerGiven(Message):
        """The answer to one step, validated: save it now.

        ``statement``: ``{"statement": str}``; ``destination``: ``{"target_role": str,
        "horizon": date | None}``; ``priorities``: ``{"priorities": [str, ...]}`` by rank ("" where
        a line was left blank), with ``"renew": True`` when they replace the old half's;
        ``strengths``: ``{"strengths": [str, str, str]}`` likewise;
        ``profile``: ``{"profile": {...}}``, the :class:`Profile` as JSON.
        """

        step: str
        answer: dict[str, Any]

    class Skipped(Message):
        """The user skipped the rest of the guided start."""

    class Finished(Message):
        """The user went through every step."""

    def __init__(
        self, vision: Vision, priorities: Sequence[Priority], renewal: str | None = None
    ) -> None:
        super().__init__()
        self.vision = vision
        #: Why the new half's priorities are due (:func:`careertui.domain.priorities.renewal_due`):
        #: the priorities step then starts blank, and what is typed there replaces the
        #: priorities in force, which are archived with their wins' links kept.
        self.renewal = renewal
        self.old_titles = [p.title for p in priorities]
        self.priority_titles = [] if renewal else self.old_titles[:MAX_PRIORITIES]
        self.step = 0
        self._given: dict[str, dict[str, Any]] = {}

    # -- layout -----------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        vision = self.vision
        with Vertical(id="guided-start", classes="dialog"):
            yield Label("", id="gs-title", classes="dialog-title")
            yield Static("", id="gs-question")
            with ContentSwitcher(initial="gs-step-statement", id="gs-steps"):
                with Vertical(id="gs-step-statement", classes="gs-step"):
                    area = TextArea(
                        vision.statement, id="gs-statement", soft_wrap=True, tab_behavior="focus"
                    )
                    area.border_subtitle = "ctrl+e: $EDITOR"
                    yield area
                    yield Static("", id="gs-statement-error", classes="field-error")
                with Vertical(id="gs-step-destination", classes="gs-step"):
                    yield Label("Target role", classes="field-label")
                    yield Input(
                        vision.target_role,
                        id="gs-target_role",
                        placeholder="e.g. Director of Product",
                    )
                    yield Static("", id="gs-target_role-error", classes="field-error")
                    yield Label("Horizon", classes="field-label")
                    yield Input(
                        vision.horizon.isoformat() if vision.horizon else "",
                        id="gs-horizon",
                        placeholder="4  (years)  or  2030-06-30",
                    )
                    yield Static("", id="gs-horizon-error", classes="field-error")
                with Vertical(id="gs-step-priorities", classes="gs-step"):
                    for n in range(MAX_PRIORITIES):
                        title = self.priority_titles[n] if n < len(self.priority_titles) else ""
                        yield Input(
                            title, id=f"gs-priority-{n}", placeholder=f"{n + 1}.", compact=True
                        )
                    yield Static("", id="gs-priorities-error", classes="field-error")
                with Vertical(id="gs-step-strengths", classes="gs-step"):
                    for n in range(STRENGTHS):
                        value = vision.strengths[n] if n < len(vision.strengths) else ""
                        yield Input(
                            value,
                            id=f"gs-strength-{n}",
                            placeholder=f"Strength {n + 1}",
                            compact=True,
                        )
                    yield Static("", id="gs-strengths-error", classes="field-error")
                with Vertical(id="gs-step-profile", classes="gs-step"):
                    profile = vision.profile
                    for name, label, placeholder in PROFILE_FIELDS:
                        value = getattr(profile, name)
                        with Horizontal(classes="gs-profile-row"):
                            yield Label(label, classes="gs-profile-label")
                            yield Input(
                                value.isoformat() if name == "since" and value else value or "",
                                id=f"gs-profile-{name}",
                                placeholder=placeholder,
                                compact=True,
                            )
                    yield Static("", id="gs-profile-error", classes="field-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Back (ctrl+b)", id="gs-back")
                yield Button("Skip (esc)", id="gs-skip")
                yield Button("Save and next (ctrl+s)", variant="primary", id="gs-next")
        yield DashboardFooter()

    def on_mount(self) -> None:
        self._show_step()

    @property
    def step_id(self) -> str:
        return STEPS[self.step][0]

    def _show_step(self) -> None:
        step_id, title, question = STEPS[self.step]
        self.query_one("#gs-title", Label).update(
            f"Guided start · step {self.step + 1} of {len(STEPS)} · {title}"
        )
        if step_id == "priorities" and self.renewal:
            question = self._renewal_question()
        self.query_one("#gs-question", Static).update(question)
        self.query_one(ContentSwitcher).current = f"gs-step-{step_id}"
        last = self.step == len(STEPS) - 1
        self.query_one("#gs-back", Button).display = self.step > 0
        self.query_one("#gs-next", Button).label = (
            "Save and finish (ctrl+s)" if last else "Save and next (ctrl+s)"
        )
        first = self.query_one(f"#gs-step-{step_id}").query("Input, TextArea").first()
        first.focus()
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The footer offers only what the step can do: no way back from the first step, and
        $EDITOR only for the vision statement (the one text area); "finish" on the last step
        where the others say "next"."""
        if action in ("next", "finish"):
            return (action == "finish") == (self.step == len(STEPS) - 1)
        if action == "back":
            return self.step > 0
        if action == "external_editor":
            return self.step_id == "statement"
        return True

    # -- answers ------------------------------------------------------------------------------
    def _renewal_question(self) -> str:
        assert self.renewal is not None
        old = "; ".join(self.old_titles) or "none"
        return (
            f"A new half: {self.renewal}. In force now: {old}. Type the new half's priorities, "
            "most important first: saving archives the ones not typed again (their wins keep "
            "the link). Leave every line blank to keep them."
        )

    def _errors(self, step_id: str, messages: dict[str, str]) -> None:
        for box in self.query_one(f"#gs-step-{step_id}").query(".field-error"):
            key = (box.id or "").removeprefix("gs-").removesuffix("-error")
            message = messages.get(key, "")
            assert isinstance(box, Static)
            box.update(message)
            box.set_class(bool(message), "-shown")

    def _value(self, selector: str) -> str:
        widget = self.query_one(selector)
        return widget.text if isinstance(widget, TextArea) else widget.value  # type: ignore[attr-defined]

    def _answer(self) -> tuple[dict[str, Any] | None, dict[str, str]]:
        """The current step's answer (None when left blank) and its messages."""
        step_id = self.step_id
        errors: dict[str, str] = {}
        if step_id == "statement":
            text = self._value("#gs-statement").strip()
            try:
                Vision(statement=text)
            except ValidationError as exc:
                errors["statement"] = readable_errors(exc).get("statement", str(exc))
            return ({"statement": text} if text else None), errors
        if step_id == "destination":
            role = self._value("#gs-target_role").strip()
            horizon = None
            try:
                Vision(target_role=role)
            except ValidationError as exc:
                errors["target_role"] = readable_errors(exc).get("target_role", str(exc))
            try:
                horizon = parse_horizon(self._value("#gs-horizon"), today())
            except CareerError as exc:
                errors["horizon"] = str(exc)
            given = role or horizon is not None
            return ({"target_role": role, "horizon": horizon} if given else None), errors
        if step_id == "priorities":
            titles = [self._value(f"#gs-priority-{n}").strip() for n in range(MAX_PRIORITIES)]
            problems = []
            for n, title in enumerate(titles):
                if not title:
                    continue
                try:
                    Priority(title=title)
                except ValidationError as exc:
                    named = readable_errors(exc, {"title": f"Priority {n + 1}"})
                    problems.append(named.get("title", str(exc)))
            if problems:
                errors["priorities"] = "; ".join(problems)
            while titles and not titles[-1]:
                titles.pop()
            if not any(titles):
                return None, errors
            return (
                {"priorities": titles, "renew": True} if self.renewal else {"priorities": titles}
            ), errors
        if step_id == "profile":
            return self._profile_answer()
        strengths = [self._value(f"#gs-strength-{n}").strip() for n in range(STRENGTHS)]
        problems = [
            f"Strength {n + 1}: at most 300 characters (this has {len(s)})"
            for n, s in enumerate(strengths)
            if len(s) > 300
        ]
        if problems:
            errors["strengths"] = "; ".join(problems)
        return ({"strengths": strengths} if any(strengths) else None), errors

    def _profile_answer(self) -> tuple[dict[str, Any] | None, dict[str, str]]:
        typed = {name: self._value(f"#gs-profile-{name}").strip() for name, _, _ in PROFILE_FIELDS}
        problems = []
        values: dict[str, Any] = dict(typed)
        values["since"] = None
        if typed["since"]:
            try:
                values["since"] = parse_when(typed["since"], today())
            except CareerError as exc:
                problems.append(f"Since: {exc}")
            else:
                if values["since"] > today():
                    problems.append("Since: that date is in the future")
        try:
            profile = Profile(**values)
        except ValidationError as exc:
            labels = {name: label for name, label, _ in PROFILE_FIELDS}
            problems.extend(readable_errors(exc, labels).values())
            profile = None
        errors = {"profile": "; ".join(problems)} if problems else {}
        if profile is None or profile.is_blank:
            return None, errors
        return {"profile": profile.model_dump(mode="json")}, errors

    def _unchanged(self, answer: dict[str, Any]) -> bool:
        """True when the answer is what is already on record (a reopened guided start)."""
        if self._given.get(self.step_id) == answer:
            return True
        vision = self.vision
        if self.step_id == "statement":
            return answer["statement"] == vision.statement
        if self.step_id == "destination":
            return (answer["target_role"], answer["horizon"]) == (
                vision.target_role,
                vision.horizon,
            )
        if self.step_id == "priorities":
            return answer["priorities"] == self.priority_titles[: len(answer["priorities"])]
        if self.step_id == "profile":
            return answer["profile"] == vision.profile.model_dump(mode="json")
        return answer["strengths"] == vision.strengths[:STRENGTHS]

    def action_finish(self) -> None:
        self.action_next()

    def action_next(self) -> None:
        answer, errors = self._answer()
        self._errors(self.step_id, errors)
        if errors:
            return
        if answer is not None and not self._unchanged(answer):
            self._given[self.step_id] = answer
            self.post_message(self.AnswerGiven(self.step_id, answer))
            if answer.get("renew"):  # renewed once: the new titles are on record now
                self.renewal = None
                self.priority_titles = [t for t in answer["priorities"] if t]
        if self.step == len(STEPS) - 1:
            self.post_message(self.Finished())
            self.dismiss(None)
            return
        self.step += 1
        self._show_step()

    def action_back(self) -> None:
        """Back to the previous step; what was given there is already saved and shows."""
        if self.step == 0:
            return
        self.step -= 1
        self._show_step()

    def _typed_unsaved(self) -> bool:
        """Something typed on this step that is not on record yet (or cannot be saved)."""
        answer, errors = self._answer()
        return bool(errors) or (answer is not None and not self._unchanged(answer))

    def action_skip(self) -> None:
        """Skip the rest; what was typed on this step is saved or discarded as the user says."""
        if not self._typed_unsaved():
            self._skip()
            return
        from careertui.tui.screens.choice import Answer, ChoiceScreen

        def answered(choice: str | None) -> None:
            if choice == "discard":
                self._skip()
            elif choice == "save":
                answer, errors = self._answer()
                self._errors(self.step_id, errors)
                if errors:  # it stays, with the reason under the field
                    return
                if answer is not None and not self._unchanged(answer):
                    self._given[self.step_id] = answer
                    self.post_message(self.AnswerGiven(self.step_id, answer))
                self._skip()

        self.app.push_screen(
            ChoiceScreen(
                "You typed something on this step. Skip the rest?",
                [
                    Answer("s", "Save what I typed, then skip", "save", "Save and skip"),
                    Answer("d", "Discard it and skip", "discard", "Discard and skip"),
                ],
            ),
            answered,
        )

    def _skip(self) -> None:
        self.post_message(self.Skipped())
        self.dismiss(None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "gs-next":
            self.action_next()
        elif event.button.id == "gs-skip":
            self.action_skip()
        elif event.button.id == "gs-back":
            self.action_back()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter moves to the next field of the step; on its last field, to the next step."""
        event.stop()
        fields = list(self.query_one(f"#gs-step-{self.step_id}").query(Input))
        position = fields.index(event.input) if event.input in fields else len(fields) - 1
        if position < len(fields) - 1:
            fields[position + 1].focus()
        else:
            self.action_next()

    def action_external_editor(self) -> None:
        area = self.focused
        if not isinstance(area, TextArea):
            self.notify("ctrl+e opens the vision statement in $EDITOR")
            return
        try:
            with self.app.suspend():
                text = edit_text(area.text)
        except SuspendNotSupported:
            self.notify("This terminal cannot hand over to $EDITOR", severity="warning")
            return
        except CareerError as exc:
            self.notify(str(exc), severity="error")
            return
        area.text = text.rstrip("\n")
