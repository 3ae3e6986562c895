"""The pydantic-free win builder (``careertui.domain.win_record``) and metric parser stay equal
to the ``Win``, ``Metric`` and ``Stakeholder`` models: same documents, same refusals, same
messages. If a model changes and the lean code does not, these fail."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from careertui.domain import win_record
from careertui.domain.errors import InputError, describe
from careertui.domain.metrics import metric_doc, parse_metric
from careertui.domain.models import FROM_STORE, Metric, Relationship, Stakeholder, Stance, Win
from careertui.domain.win_record import (
    WHITESPACE,
    canonical_stakeholder,
    metric_document,
    new_win,
    stamp,
)

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

#: Characters where pydantic's stripping and Python's differ, plus the usual suspects.
TRICKY = "\x1c\x1d\x1e\x1f\u200b\ufeff\u180e#İß\udcff\ud800" + WHITESPACE
chars = st.one_of(st.characters(), st.sampled_from(TRICKY), st.sampled_from("aZ9 -:>→=%"))
short = st.text(chars, max_size=12)


def _sized(n_low: int, n_high: int) -> st.SearchStrategy[str]:
    """Strings around a length limit, padded with whitespace that may or may not count."""
    return st.builds(
        lambda n, c, pad_l, pad_r: pad_l + c * n + pad_r,
        st.integers(n_low, n_high),
        st.sampled_from("xé字"),
        st.text(st.sampled_from(TRICKY), max_size=3),
        st.text(st.sampled_from(TRICKY), max_size=3),
    )


titles = st.one_of(short, _sized(295, 305), st.just(""), st.just(" \t"))
texts = st.one_of(short, _sized(19_995, 20_005))
tags = st.lists(
    st.one_of(short, st.sampled_from(["#Growth", " OKR ", "two words", "##", "a\x1cb"])), max_size=4
)
utc = st.datetimes(
    min_value=dt.datetime(2000, 1, 1),
    max_value=dt.datetime(2100, 1, 1),
    timezones=st.just(dt.timezone.utc),
)
ids = st.from_regex(re.compile(r"[a-z]{3}_[0-9a-f]{12}"), fullmatch=True)


def _metric_inputs() -> st.SearchStrategy[tuple[str, str, str, str]]:
    value = st.one_of(short, _sized(95, 105))
    name = st.one_of(short, _sized(195, 205))
    return st.tuples(name, st.sampled_from(["input", "output"]), value, value)


def _valid_metric(parts: tuple[str, str, str, str]) -> dict[str, str] | None:
    return metric_document(*parts)[0]


@SETTINGS
@given(parts=_metric_inputs())
def test_metric_document_equals_the_metric_model(parts: tuple[str, str, str, str]) -> None:
    name, kind, before, after = parts
    doc, errors = metric_document(name, kind, before, after)
    try:
        model = Metric(name=name, kind=kind, before=before, after=after)
    except ValidationError as exc:
        assert doc is None
        assert win_record.describe(errors) == describe(exc)
    else:
        assert doc == model.model_dump(), errors


def _reference_parse_metric(text: str, kind: str) -> Metric:
    """``parse_metric`` as it was before the lean path: split, then the pydantic model."""
    arrow = re.compile(r"\s*(?:->|→|=>)\s*")
    name, sep, values = text.partition(":")
    if not sep or not name.strip() or not values.strip():
        raise InputError(
            f"metric {text!r} should look like 'activation rate: 31% -> 38%' "
            "(name: before -> after)"
        )
    parts = arrow.split(values.strip())
    if len(parts) == 1:
        before, after = "", parts[0]
    elif len(parts) == 2 and all(p.strip() for p in parts):
        before, after = parts
    else:
        raise InputError(f"metric {text!r} should have one value before '->' and one after")
    try:
        return Metric(name=name, kind=kind, before=before, after=after)
    except ValidationError as exc:
        raise InputError(f"metric {text!r}: {describe(exc)}") from exc


metric_texts = st.one_of(
    st.builds(
        lambda n, b, a, arrow: f"{n}:{b}{arrow}{a}",
        short,
        short,
        short,
        st.sampled_from([" -> ", "->", " → ", "=>", " -> -> ", ""]),
    ),
    st.builds(lambda n, v: f"{n}: {v}", st.one_of(short, _sized(198, 202)), _sized(98, 102)),
    short,
)


@SETTINGS
@given(text=metric_texts, kind=st.sampled_from(["input", "output"]))
def test_metric_doc_and_parse_metric_equal_the_old_parser(text: str, kind: str) -> None:
    try:
        expected = _reference_parse_metric(text, kind)
    except InputError as exc:
        with pytest.raises(InputError) as lean:
            metric_doc(text, kind)  # type: ignore[arg-type]
        assert str(lean.value) == str(exc)
        with pytest.raises(InputError) as full:
            parse_metric(text, kind)  # type: ignore[arg-type]
        assert str(full.value) == str(exc)
    else:
        assert metric_doc(text, kind) == expected.model_dump()  # type: ignore[arg-type]
        assert parse_metric(text, kind) == expected  # type: ignore[arg-type]


@SETTINGS
@given(
    title=titles,
    body=texts,
    impact=texts,
    tag_list=tags,
    metric_parts=st.lists(_metric_inputs(), max_size=3),
    date=st.dates(),
    starred=st.booleans(),
    links=st.fixed_dictionaries(
        {},
        optional={
            "priority_id": ids,
            "gap_ids": st.lists(ids, max_size=2),
            "stakeholder_ids": st.lists(ids, max_size=2, unique=True),
        },
    ),
    win_id=ids,
    created=utc,
    updated=utc,
)
def test_new_win_equals_the_win_model(
    title, body, impact, tag_list, metric_parts, date, starred, links, win_id, created, updated
) -> None:
    """Accepted iff ``Win(...)`` accepts it; then the very document the full path stores (the
    model, linked with ``model_copy`` as ``careertui win`` does, dumped in JSON mode)."""
    metrics = [m for m in map(_valid_metric, metric_parts) if m is not None]
    common = dict(
        title=title,
        body=body,
        impact=impact,
        tags=tag_list,
        date=date,
        starred=starred,
        id=win_id,
        created=created,
        updated=updated,
    )
    try:
        win = Win(metrics=[Metric(**m) for m in metrics], **common)
    except ValidationError as exc:
        with pytest.raises(InputError) as lean:
            new_win(metrics=metrics, **links, **common)
        assert str(lean.value) == describe(exc)
        return
    doc = new_win(metrics=metrics, **links, **common)
    expected = (win.model_copy(update=links) if links else win).model_dump(mode="json")
    assert doc == expected
    assert list(doc) == list(expected)


def test_new_win_draws_an_id_and_two_stamps_like_the_model() -> None:
    doc = new_win(title="Shipped it", date=dt.date(2026, 12, 2))
    model = Win.model_validate(doc)
    assert re.fullmatch(r"win_[0-9a-f]{12}", doc["id"])
    assert model.model_dump(mode="json") == doc
    assert doc["created"] <= doc["updated"] and doc["created"].endswith("Z")


def test_the_lean_field_lists_follow_the_models() -> None:
    assert tuple(Win.model_fields) == win_record.WIN_FIELDS
    assert tuple(Metric.model_fields) == win_record.METRIC_FIELDS
    assert tuple(Stakeholder.model_fields) == win_record.STAKEHOLDER_FIELDS
    assert {r.value for r in Relationship} == win_record.RELATIONSHIPS
    assert {s.value for s in Stance} == win_record.STANCES


def test_stamp_writes_what_pydantic_writes() -> None:
    for moment in (
        dt.datetime(2026, 12, 2, 9, 30, tzinfo=dt.timezone.utc),
        dt.datetime(2026, 12, 2, 9, 30, 1, 5, tzinfo=dt.timezone.utc),
        dt.datetime(2026, 12, 2, 9, 30, 1, 5, tzinfo=dt.timezone(dt.timedelta(hours=-5))),
        dt.datetime(2026, 12, 2, 9, 30, 1),
    ):
        expected = Win(title="x", created=moment).model_dump(mode="json")["created"]
        assert stamp(moment) == expected


# -- stakeholders as stored ----------------------------------------------------------------------
zones = st.one_of(
    st.none(),
    st.just(dt.timezone.utc),
    st.integers(-12 * 60, 14 * 60).map(lambda m: dt.timezone(dt.timedelta(minutes=m))),
)
stamps = st.datetimes(
    min_value=dt.datetime(1990, 1, 1), max_value=dt.datetime(2100, 1, 1), timezones=zones
)
stakeholders = st.builds(
    # as read from the store: control characters in the drawn text are shown as U+FFFD
    lambda **fields: Stakeholder.model_validate(fields, context=FROM_STORE),
    id=ids,
    created=stamps,
    updated=stamps,
    name=st.one_of(short, _sized(298, 302)),
    title=short,
    relationship=st.sampled_from(list(Relationship)),
    influence=st.integers(1, 5),
    stance=st.sampled_from(list(Stance)),
    cares_about=short,
    moves_needle=short,
    how_to_help=short,
    cadence_days=st.integers(0, 3650),
    last_contact=st.one_of(st.none(), st.dates()),
)


@SETTINGS
@given(data=st.data())
def test_a_stored_stakeholder_is_canonical_and_moves_contact_as_the_repository_does(data) -> None:
    try:
        person = data.draw(stakeholders)
    except ValidationError:
        assume(False)
        return
    doc = person.model_dump(mode="json")
    assert canonical_stakeholder(doc)
    on = data.draw(st.dates())
    moment = data.draw(utc)
    # Repository.update: validate the copy again with "updated" set to now, dump it.
    full = Stakeholder.model_validate(
        {
            **person.model_copy(update={"last_contact": on}).model_dump(warnings=False),
            "updated": moment,
        }
    ).model_dump(mode="json")
    lean = dict(doc)
    lean["last_contact"] = on.isoformat()
    lean["updated"] = stamp(moment)
    assert lean == full and list(lean) == list(full)


def _mutations(doc: dict) -> st.SearchStrategy[dict]:
    def mutate(choice: tuple[str, object]) -> dict:
        key, value = choice
        out = dict(doc)
        if key == "__extra__":
            out["extra"] = value
        elif key == "__drop__":
            out.pop(str(value), None)
        elif key == "__reorder__":
            out = dict(reversed(list(out.items())))
        else:
            out[key] = value
        return out

    values = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(-5, 4000),
        st.floats(allow_nan=False),
        short,
        st.sampled_from(
            [
                "2026-01-02",
                "2026-1-2",
                "20260102",
                "2026-01-02T00:00:00",
                "2026-12-02T10:00:00Z",
                "2026-12-02T10:00:00.5Z",
                "2026-12-02T10:00:00+00:00",
                "2026-12-02 10:00:00Z",
                " peer",
                "Peer",
                "champion",
                "peer",
                "3",
                "x" * 301,
            ]
        ),
        st.lists(st.integers(), max_size=1),
    )
    keys = st.sampled_from([*win_record.STAKEHOLDER_FIELDS, "__extra__", "__drop__", "__reorder__"])
    return st.tuples(keys, st.one_of(values, st.sampled_from(win_record.STAKEHOLDER_FIELDS))).map(
        mutate
    )


@SETTINGS
@given(data=st.data())
def test_whatever_is_called_canonical_is_kept_exactly_by_the_model(data) -> None:
    """The lean path edits a stakeholder in place only when the model would write the other
    fields back unchanged; anything it is not sure of goes to the full path."""
    try:
        person = data.draw(stakeholders)
    except ValidationError:
        assume(False)
        return
    doc = data.draw(_mutations(person.model_dump(mode="json")))
    if canonical_stakeholder(doc):
        assert Stakeholder.model_validate(doc).model_dump(mode="json") == doc
