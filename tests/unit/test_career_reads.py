"""Reading the career again after a change: only what changed is new, and nothing is missed.

The app re-reads the career after every save and whenever another process writes; these
re-reads reuse what the last read validated. They must still see every change, whoever made
it and however (careertui, another careertui, a hand edit), and hand back the very same
records for everything that did not change, so the panes can skip redrawing it.
"""

from __future__ import annotations

import gc
import threading

import orjson
import pytest

from careertui.actions.wins import log_win
from careertui.domain.models import Gap, Vision, Win
from careertui.store.collector import collector_paused
from careertui.store.repository import Career, Repository


def _same_records(a: list, b: list) -> bool:
    return len(a) == len(b) and all(x is y for x, y in zip(a, b, strict=True))


def test_an_unchanged_file_gives_back_the_same_career(demo_repo: Repository) -> None:
    first = demo_repo.career()
    assert demo_repo.career() is first
    assert first.changed_since(None) == {
        "vision",
        "priorities",
        "gaps",
        "stakeholders",
        "wins",
        "feedback",
        "interactions",
        "read_only",
        "settings",
        "goals",
        "thanks",
        "archived_priorities",
    }


def test_after_a_save_only_the_changed_part_is_new(demo_repo: Repository) -> None:
    before = demo_repo.career()
    gap = before.gaps[0]
    demo_repo.gaps.update(gap.model_copy(update={"title": "Renamed gap"}))

    after = demo_repo.career()
    assert after.changed_since(before) == {"gaps"}
    assert after.wins is before.wins and after.stakeholders is before.stakeholders
    assert [g.title for g in after.gaps if g.id == gap.id] == ["Renamed gap"]
    # the other gaps are the records read before, not copies
    assert all(g is old for g, old in zip(after.gaps[1:], before.gaps[1:], strict=True))
    # and it is what a fresh read of the file gives
    assert after == Repository.at(demo_repo.store.data_dir).career()


def test_a_change_by_another_process_is_seen_and_the_rest_reused(
    demo_repo: Repository,
) -> None:
    before = demo_repo.career()
    other = Repository.at(demo_repo.store.data_dir)  # another careertui on the same file
    log_win(other, Win(title="Logged elsewhere"))
    person = before.stakeholders[0]
    other.stakeholders.update(person.model_copy(update={"name": "Renamed Person"}))

    after = demo_repo.career()
    assert after.changed_since(before) == {"wins", "stakeholders"}
    assert "Logged elsewhere" in [w.title for w in after.wins]
    assert "Renamed Person" in [s.name for s in after.stakeholders]
    kept = {w.id: w for w in before.wins}
    assert all(w is kept[w.id] for w in after.wins if w.id in kept)
    assert _same_records(after.gaps, before.gaps)
    assert after == Repository.at(demo_repo.store.data_dir).career()


def test_a_hand_edit_that_keeps_every_timestamp_is_still_seen(demo_repo: Repository) -> None:
    before = demo_repo.career()
    path = demo_repo.store.path
    data = orjson.loads(path.read_bytes())
    win_id = before.wins[-1].id
    data["wins"][win_id]["title"] = "Edited by hand"  # "updated" left as it was
    path.write_bytes(orjson.dumps(data))

    after = demo_repo.career()
    assert [w.title for w in after.wins if w.id == win_id] == ["Edited by hand"]
    assert after.changed_since(before) == {"wins"}


def test_a_record_deleted_elsewhere_leaves_the_career(demo_repo: Repository) -> None:
    before = demo_repo.career()
    gone = before.wins[0]
    Repository.at(demo_repo.store.data_dir).wins.delete(gone.id)
    after = demo_repo.career()
    assert gone.id not in {w.id for w in after.wins}
    assert len(after.wins) == len(before.wins) - 1


def test_a_failed_save_changes_nothing_read(repo: Repository) -> None:
    repo.gaps.add(Gap(title="Kept"))
    before = repo.career()
    try:
        with repo.transaction():
            repo.gaps.add(Gap(title="Never saved"))
            raise RuntimeError("the save is abandoned")
    except RuntimeError:
        pass
    after = repo.career()
    assert [g.title for g in after.gaps] == ["Kept"]
    assert after is before


def test_changed_since_compares_parts_by_their_records() -> None:
    gap = Gap(title="One")
    a = Career(vision=Vision(), gaps=[gap])
    b = Career(vision=a.vision, gaps=[gap])
    assert a.changed_since(b) == set()
    c = Career(vision=a.vision, gaps=[gap.model_copy()])
    assert a.changed_since(c) == {"gaps"}


def test_the_collector_runs_again_after_the_last_pause() -> None:
    assert gc.isenabled()
    inside = threading.Event()
    leave = threading.Event()

    def other_thread() -> None:
        with collector_paused():
            inside.set()
            leave.wait(5)

    thread = threading.Thread(target=other_thread)
    with collector_paused():
        thread.start()
        assert inside.wait(5)
        assert not gc.isenabled()
    assert not gc.isenabled()  # the other thread is still parsing
    leave.set()
    thread.join(5)
    assert gc.isenabled()


def test_a_collector_switched_off_by_the_caller_stays_off() -> None:
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_an_abandoned_change_never_reaches_a_later_save(repo: Repository) -> None:
    repo.gaps.add(Gap(title="Kept"))  # the next transaction starts from what this committed
    gap = repo.career().gaps[0]
    with pytest.raises(RuntimeError), repo.transaction():
        repo.gaps.update(gap.model_copy(update={"title": "Abandoned"}))
        raise RuntimeError("the save is abandoned")
    repo.wins.add(Win(title="Later"))
    fresh = Repository.at(repo.store.data_dir).career()
    assert [g.title for g in fresh.gaps] == ["Kept"]
    assert [w.title for w in fresh.wins] == ["Later"]
    mine = repo.career()
    assert (mine.gaps, mine.wins) == (fresh.gaps, fresh.wins)


def test_without_a_vision_a_save_elsewhere_leaves_the_blank_vision_as_it_was(
    repo: Repository,
) -> None:
    before = repo.career()
    repo.wins.add(Win(title="First win"))
    after = repo.career()
    assert after.changed_since(before) == {"wins"}
    assert after.vision is before.vision
