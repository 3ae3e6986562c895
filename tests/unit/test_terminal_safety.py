"""Control characters (ESC, BEL, NUL, C1, bidi overrides) in text: refused on input by the models
and by the lean ``careertui win`` with the same rule, kept harmless when a store already holds
them (the store still opens, and writes still work)."""

from __future__ import annotations

import datetime as dt
import typing
from pathlib import Path

import orjson
import pytest
from pydantic import BaseModel, ValidationError

from careertui.domain.errors import InputError, describe, field_errors
from careertui.domain.models import (
    RECORD_TYPES,
    Feedback,
    Gap,
    Goal,
    Interaction,
    Metric,
    Priority,
    Relationship,
    Stakeholder,
    Thanks,
    Vision,
    Win,
)
from careertui.domain.text import CONTROL
from careertui.domain.win_record import link_names, new_win
from careertui.store.repository import Repository

#: Sets the clipboard, then clears the screen; a C1 CSI and a right-to-left override follow.
CLIPBOARD = "\x1b]52;c;cm0gLXJmIH4=\x07"
CLEAR = "\x1b[2J"
PAYLOAD = f"{CLIPBOARD}{CLEAR}\x9b31m\u202e"


# -- a store that already holds control characters ------------------------------------------
def poisoned_store(data_dir: Path) -> Repository:
    """A store written by careertui, then hand-edited so every text holds :data:`PAYLOAD`
    (as an older careertui, or an import before the rule, could have left it)."""
    repo = Repository.at(data_dir)
    with repo.transaction():
        repo.save_vision(
            Vision(
                statement="Lead",
                target_role="Director",
                values=["Candour"],
                scope=[Vision.ScopeItem(responsibility="Roadmap")],
            )
        )
        repo.priorities.add(Priority(id="pri_1", title="Grow revenue"))
        repo.stakeholders.add(
            Stakeholder(
                id="stk_1",
                name="Ana Ruiz",
                title="VP",
                relationship=Relationship.MANAGER,
                cares_about="Rev",
            )
        )
        repo.gaps.add(Gap(id="gap_1", title="Executive presence", next_action="Present"))
        repo.feedback.add(Feedback(id="fb_1", quote="Lead with the ask", giver_name="Ana"))
        repo.interactions.add(Interaction(id="int_1", stakeholder_id="stk_1", note="1:1"))
        repo.wins.add(
            Win(
                id="win_1",
                date=dt.date(2026, 11, 2),
                title="Shipped onboarding",
                impact="Teams activate",
                body="Notes",
                priority_id="pri_1",
                tags=["launch"],
                metrics=[Metric(name="activation", before="31%", after="38%")],
                starred=True,
                stakeholder_ids=["stk_1"],
                gap_ids=["gap_1"],
            )
        )
    tables = orjson.loads(repo.store.path.read_bytes())
    edits = {
        "vision": ("statement", "target_role"),
        "priorities": ("title", "description"),
        "stakeholders": ("name", "title", "cares_about"),
        "gaps": ("title", "next_action", "why"),
        "feedback": ("quote", "giver_name", "theme"),
        "interactions": ("note",),
        "wins": ("title", "impact", "body"),
    }
    for table, names in edits.items():
        for doc in tables[table].values():
            for name in names:
                doc[name] = f"{doc[name]} {PAYLOAD} end"
    vision = tables["vision"]["vision"]
    vision["values"] = [f"Candour{PAYLOAD}"]
    vision["scope"][0]["responsibility"] = f"Roadmap{PAYLOAD}"
    win = tables["wins"]["win_1"]
    win["tags"] = [f"launch{CLEAR}"]
    win["metrics"][0].update(name=f"activation{CLIPBOARD}", after=f"38%{CLEAR}")
    repo.store.path.write_bytes(orjson.dumps(tables))
    return Repository.at(data_dir)


def raw_controls(text: str) -> list[str]:
    """The control characters (other than newline and tab) in ``text``."""
    return CONTROL.findall(text)


# -- every text field of every model refuses them on input ----------------------------------
def _valid(model: type[BaseModel]) -> dict[str, object]:
    required = {
        Priority: {"title": "p"},
        Gap: {"title": "g"},
        Stakeholder: {"name": "s"},
        Feedback: {"quote": "q"},
        Interaction: {"stakeholder_id": "stk_1"},
        Win: {"title": "w"},
        Metric: {"name": "m", "after": "1"},
        Vision.ScopeItem: {"responsibility": "r"},
        Goal: {"title": "g", "due": "2026-12-31"},
        Thanks: {"stakeholder_id": "stk_1"},
    }
    return dict(required.get(model, {}))


def _is_text(annotation: object) -> bool:
    if typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    return annotation is str


def _text_fields(model: type[BaseModel]) -> list[tuple[str, bool]]:
    """Every field a person writes text into: (name, is it a list of texts). Ids are not."""
    found = []
    for name, info in model.model_fields.items():
        if name == "id" or name.endswith(("_id", "_ids")):
            continue
        annotation = info.annotation
        if _is_text(annotation):
            found.append((name, False))
        elif typing.get_origin(annotation) is list and _is_text(typing.get_args(annotation)[0]):
            found.append((name, True))
    return found


MODELS = [*RECORD_TYPES, Metric, Vision.ScopeItem, Vision.RoomToGrow]
TEXT_FIELDS = [(m, name, many) for m in MODELS for name, many in _text_fields(m)]


def test_the_walk_finds_the_text_fields() -> None:
    """The generated cases below cover every kind of text (a walk that found nothing would
    prove nothing)."""
    names = {(m.__name__, name) for m, name, _ in TEXT_FIELDS}
    assert {
        ("Win", "title"),
        ("Win", "tags"),
        ("Metric", "name"),
        ("Vision", "values"),
        ("Stakeholder", "name"),
        ("ScopeItem", "responsibility"),
        ("RoomToGrow", "asked_whom"),
        ("Feedback", "quote"),
    } <= names
    assert len(TEXT_FIELDS) >= 30


@pytest.mark.parametrize(
    ("model", "name", "many"), TEXT_FIELDS, ids=[f"{m.__name__}.{n}" for m, n, _ in TEXT_FIELDS]
)
@pytest.mark.parametrize("control", ["\x1b[2J", "\x07", "\x00", "\x9b", "\u202e", "\x7f"])
def test_every_text_field_refuses_control_characters_naming_the_field(
    model: type[BaseModel], name: str, many: bool, control: str
) -> None:
    value = f"ok{control}ok"
    data = {**_valid(model), name: ["fine", value] if many else value}
    with pytest.raises(ValidationError) as caught:
        model(**data)
    errors = field_errors(caught.value)
    field = f"{name}.1" if many else name
    assert list(errors) == [field]
    assert errors[field].startswith("must not contain control characters (found \\")


def test_newlines_and_tabs_are_text_and_line_endings_become_newlines() -> None:
    win = Win(title="Shipped\tit", body="one\r\ntwo\rthree\n\tfour")
    assert win.title == "Shipped\tit"
    assert win.body == "one\ntwo\nthree\n\tfour"


def test_the_lean_win_refuses_with_the_models_message() -> None:
    cases = [
        {"title": f"Shipped {CLIPBOARD}"},
        {"title": "ok", "body": f"x{CLEAR}"},
        {"title": "ok", "impact": "\x9b1m"},
        {"title": "ok", "tags": ["fine", "bad\x07"]},
    ]
    for fields in cases:
        with pytest.raises(ValidationError) as model:
            Win(date=dt.date(2026, 11, 2), **fields)
        with pytest.raises(InputError) as lean:
            new_win(date=dt.date(2026, 11, 2), **fields)
        assert str(lean.value) == describe(model.value)
        assert "must not contain control characters" in str(lean.value)


def test_link_names_with_control_characters_are_refused_naming_the_option() -> None:
    link_names(priority="Grow revenue", gaps=["SQL"], people=["Ana"])  # plain names pass
    for option, kwargs in [
        ("--priority", {"priority": "a\x1b"}),
        ("--gap", {"priority": None, "gaps": ["x\x07"]}),
        ("--with", {"priority": None, "people": ["ok", "\x1b]0;t\x07"]}),
    ]:
        with pytest.raises(InputError, match=f"^{option}: must not contain control"):
            link_names(**kwargs)


# -- a store that already holds them --------------------------------------------------------
def test_a_store_holding_control_characters_opens_and_shows_none(data_dir: Path) -> None:
    career = poisoned_store(data_dir).career()
    texts = [
        career.vision.statement,
        career.vision.target_role,
        *career.vision.values,
        career.vision.scope[0].responsibility,
        *(p.title for p in career.priorities),
        *(s.name for s in career.stakeholders),
        *(s.cares_about for s in career.stakeholders),
        *(g.title for g in career.gaps),
        *(f.quote for f in career.feedback),
        *(i.note for i in career.interactions),
        *(w.title for w in career.wins),
        *(w.body for w in career.wins),
        *(str(m) for w in career.wins for m in w.metrics),
        *(t for w in career.wins for t in w.tags),
    ]
    assert all(raw_controls(t) == [] for t in texts), texts
    win = career.wins[0]
    # each control character is shown as one U+FFFD: the text around it is all there
    shown = "\ufffd]52;c;cm0gLXJmIH4=\ufffd\ufffd[2J\ufffd31m\ufffd"
    assert win.title == f"Shipped onboarding {shown} end"


def test_a_store_holding_control_characters_still_takes_writes(data_dir: Path) -> None:
    repo = poisoned_store(data_dir)
    person = repo.stakeholders.get("stk_1")
    assert person is not None
    repo.stakeholders.update(person.model_copy(update={"influence": 5}))
    repo.wins.add(Win(title="Another win"))
    again = Repository.at(data_dir).career()
    assert len(again.wins) == 2
    assert again.stakeholders[0].influence == 5
