"""The ``.checked`` mark beside the data file: after a write, careertui vouches for every record
as valid and says whether every text is exactly as it writes it. Only then does a read skip
the text rules; a file holding text from before the rules (control characters, untrimmed
blanks) keeps being read with them, whatever writes follow, so nothing stored ever reaches a
terminal raw."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import orjson
import pytest

from careertui.actions.lean_win import append_win
from careertui.domain.models import AS_WRITTEN, FROM_STORE, TRUSTED, Win
from careertui.domain.win_record import new_win
from careertui.store import lean
from careertui.store.repository import Repository
from tests.unit.test_terminal_safety import CLIPBOARD, poisoned_store, raw_controls


def _mark(data_dir: Path) -> bool | None:
    """What the mark says of the text of the file as it is now (it must vouch for it)."""
    state = lean.checked_state(data_dir)
    raw = (data_dir / lean.DATA_FILE).read_bytes()
    assert state is not None and state[0] == lean.digest(raw)
    return state[1]


def _edit_title(data_dir: Path, title: str) -> None:
    """Change a win's title in the file by hand (the mark no longer matches)."""
    path = data_dir / lean.DATA_FILE
    tables = orjson.loads(path.read_bytes())
    next(iter(tables["wins"].values()))["title"] = title
    path.write_bytes(orjson.dumps(tables))


def test_a_careertui_write_vouches_for_its_text_and_the_read_trusts_it(repo: Repository) -> None:
    repo.wins.add(Win(title="Shipped onboarding", tags=["launch"]))
    assert _mark(repo.store.data_dir) is True
    assert repo.store.snapshot().as_written
    fresh = Repository.at(repo.store.data_dir)
    assert [w.title for w in fresh.career().wins] == ["Shipped onboarding"]


@pytest.mark.parametrize(
    "title",
    [f"Shipped {CLIPBOARD} onboarding", "Shipped onboarding  ", "Shipped\r\nonboarding"],
    ids=["control characters", "trailing blanks", "a CRLF line ending"],
)
def test_a_write_over_text_from_before_the_rules_does_not_vouch_for_it(
    repo: Repository, title: str
) -> None:
    repo.wins.add(Win(title="Shipped onboarding"))
    data_dir = repo.store.data_dir
    _edit_title(data_dir, title)
    again = Repository.at(data_dir)
    again.wins.add(Win(title="Another win"))  # valid, so written, but its text is kept
    assert _mark(data_dir) is False
    again.wins.add(Win(title="A third win"))  # and it stays so through later writes
    assert _mark(data_dir) is False
    assert not Repository.at(data_dir).store.snapshot().as_written
    titles = [w.title for w in Repository.at(data_dir).career().wins]
    assert all(raw_controls(t) == [] for t in titles), titles
    assert "Shipped onboarding  " not in titles and "Shipped\r\nonboarding" not in titles


def test_a_poisoned_store_stays_neutralised_through_writes(data_dir: Path) -> None:
    repo = poisoned_store(data_dir)
    repo.wins.add(Win(title="Another win"))
    repo.wins.add(Win(title="And one more"))
    assert _mark(data_dir) is False
    career = Repository.at(data_dir).career()
    texts = [w.title for w in career.wins] + [t for w in career.wins for t in w.tags]
    assert all(raw_controls(t) == [] for t in texts), texts


def test_a_mark_of_an_earlier_careertui_is_upgraded_by_the_next_write(repo: Repository) -> None:
    repo.wins.add(Win(title="Shipped onboarding"))
    data_dir = repo.store.data_dir
    raw = (data_dir / lean.DATA_FILE).read_bytes()
    lean.remember_checked(data_dir, raw, as_written=None)  # a digest alone, as before
    assert (data_dir / f"{lean.DATA_FILE}.checked").read_text().strip() == lean.digest(raw)
    again = Repository.at(data_dir)
    assert not again.store.snapshot().as_written  # not known: read with the text rules
    again.wins.add(Win(title="Another win"))  # the write checks every record once
    assert _mark(data_dir) is True


@pytest.mark.parametrize("as_written", [True, False, None])
def test_careertui_win_keeps_what_the_mark_said(repo: Repository, as_written: bool | None) -> None:
    repo.wins.add(Win(title="Shipped onboarding"))
    data_dir = repo.store.data_dir
    raw = (data_dir / lean.DATA_FILE).read_bytes()
    lean.remember_checked(data_dir, raw, as_written=as_written)
    doc = new_win(title="Logged from the shell", date=dt.date(2026, 11, 20))
    assert append_win(data_dir, doc) is not None  # the lean path took it
    assert _mark(data_dir) is as_written


def test_the_contexts_check_refuse_and_trust_as_they_say() -> None:
    """AS_WRITTEN refuses what FROM_STORE would neutralise or normalise; TRUSTED runs no text
    rule (it is only given text a write vouched for)."""
    doc = Win(title="Shipped", tags=["launch"]).model_dump(mode="json")
    assert Win.model_validate(doc, context=AS_WRITTEN).title == "Shipped"
    for title in (f"Shipped{CLIPBOARD}", " Shipped", "Ship\rped"):
        with pytest.raises(ValueError):
            Win.model_validate({**doc, "title": title}, context=AS_WRITTEN)
        assert (
            raw_controls(Win.model_validate({**doc, "title": title}, context=FROM_STORE).title)
            == []
        )
    with pytest.raises(ValueError):
        Win.model_validate({**doc, "tags": ["#Launch"]}, context=AS_WRITTEN)
    assert Win.model_validate({**doc, "tags": ["#Launch"]}, context=FROM_STORE).tags == ["launch"]
    assert Win.model_validate({**doc, "title": "Ship\rped"}, context=TRUSTED).title == "Ship\rped"
