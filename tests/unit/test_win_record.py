"""The pydantic-free win builder (``careertui.domain.win_record``) stays equal to the ``Win``,
``Metric`` and ``Stakeholder`` models: same documents, same refusals, same messages. Both read
their rules from ``careertui.domain.fields``; what these catch is the rest (a new field, a
validator the lean code does not run, pydantic's wording)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from careertui.domain import win_record
from careertui.domain.choices import Relationship, Stance
from careertui.domain.errors import InputError, describe
from careertui.domain.fields import WHITESPACE
from careertui.domain.metrics import metric_doc, parse_metric
from careertui.domain.models import FROM_STORE, Metric, Stakeholder, Win
from careertui.domain.win_record import canonical_stakeholder, metric_document, new_win, stamp

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

#: Characters where trimming rules differ (U+001C–U+001F are not whitespace here, though
#: ``str.strip`` takes them), characters that are not Unicode, and the usual suspects.
TRICKY = "\x1c\x1d\x1e\x1f\u200b\ufeff\u180e#İß\r\udcff\ud800" + WHITESPACE
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
metric_inputs = st.tuples(
    st.one_of(short, _sized(195, 205)),
    st.sampled_from(["input", "output"]),
    st.one_of(short, _sized(95, 105)),
    st.one_of(short, _sized(95, 105)),
)


@SETTINGS
@given(parts=metric_inputs)
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


@pytest.mark.parametrize("text", ["nrr: 90% -> 94%", " calls :12", "x: \udcff", "x: " + "9" * 101])
def test_the_shells_metric_and_the_forms_metric_agree(text: str) -> None:
    try:
        expected = metric_doc(text, "input")
    except InputError as exc:
        with pytest.raises(InputError, match=re.escape(str(exc))):
            parse_metric(text, "input")
    else:
        assert parse_metric(text, "input").model_dump() == expected


@SETTINGS
@given(
    title=titles,
    body=texts,
    impact=texts,
    tag_list=tags,
    metric_parts=st.lists(metric_inputs, max_size=3),
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
    metrics = [doc for doc, _ in (metric_document(*p) for p in metric_parts) if doc is not None]
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
    assert re.fullmatch(r"win_[0-9a-f]{12}", doc["id"])
    assert Win.model_validate(doc).model_dump(mode="json") == doc
    assert doc["created"] <= doc["updated"] and doc["created"].endswith("Z")


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


def _stored_stakeholder(data: st.DataObject) -> Stakeholder:
    try:
        return data.draw(stakeholders)
    except ValidationError:  # drawn text the model refuses (not Unicode)
        assume(False)
        raise


@SETTINGS
@given(data=st.data())
def test_a_stored_stakeholder_is_canonical_and_moves_contact_as_the_model_does(data) -> None:
    person = _stored_stakeholder(data)
    doc = person.model_dump(mode="json")
    assert canonical_stakeholder(doc)
    on, moment = data.draw(st.dates()), data.draw(utc)
    # the full path: the copy with the new last contact validated again, "updated" now
    full = Stakeholder.model_validate(
        {
            **person.model_copy(update={"last_contact": on}).model_dump(warnings=False),
            "updated": moment,
        }
    ).model_dump(mode="json")
    lean = {**doc, "last_contact": on.isoformat(), "updated": stamp(moment)}
    assert lean == full and list(lean) == list(full)


FIELDS = list(Stakeholder.model_fields)
odd_values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 4000),
    st.floats(allow_nan=False),
    short,
    st.lists(st.integers(), max_size=1),
    st.sampled_from(
        [
            *("2026-01-02", "2026-1-2", "20260102", "2026-01-02T00:00:00"),
            *("2026-12-02T10:00:00Z", "2026-12-02T10:00:00.5Z", "2026-12-02T10:00:00+00:00"),
            *("2026-12-02 10:00:00Z", "2026-12-02T10:00:00+05:30:15", "２０２６-01-02"),
            *(" peer", "Peer", "champion", "peer", "3", "x" * 301, *FIELDS),
        ]
    ),
)


@SETTINGS
@given(data=st.data(), key=st.sampled_from([*FIELDS, "extra", "drop", "reorder"]))
def test_whatever_is_called_canonical_is_kept_exactly_by_the_model(data, key: str) -> None:
    """The lean path edits a stakeholder in place only when the model would write the other
    fields back unchanged; anything it is not sure of goes to the full path."""
    doc = _stored_stakeholder(data).model_dump(mode="json")
    if key == "drop":
        doc.pop(data.draw(st.sampled_from(FIELDS)))
    elif key == "reorder":
        doc = dict(reversed(doc.items()))
    else:
        doc[key] = data.draw(odd_values)
    if canonical_stakeholder(doc):
        assert Stakeholder.model_validate(doc).model_dump(mode="json") == doc


def test_the_stakeholder_form_follows_the_model() -> None:
    assert list(win_record.stakeholder_form()) == FIELDS


def test_a_byte_that_is_not_utf8_is_refused_by_name_on_both_paths() -> None:
    """What Python makes of ``careertui win $'caf\\xe9'`` in a Latin-1 terminal."""
    title = b"caf\xe9 launch".decode("utf-8", "surrogateescape")
    message = r"title: must be valid UTF-8 text \(found the byte \\xe9\); retype it"
    with pytest.raises(InputError, match=message):
        new_win(title=title, date=dt.date(2026, 12, 2))
    with pytest.raises(ValidationError, match=message.removeprefix("title: ")):
        Win(title=title)
