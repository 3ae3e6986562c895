"""Nothing typed is ever lost, even to a bug: an unexpected exception ends the app, but what was
typed in the open form is kept as a draft the next start offers back, and the traceback goes to
a private crash log (with no record text in it when the store is encrypted)."""

from __future__ import annotations

import stat
import threading
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from careertui.store.database import Store
from careertui.store.drafts import CRASH_LOG, DRAFT_FILE
from careertui.store.encryption import encrypt_store
from careertui.store.repository import Repository
from careertui.tui.app import CareerApp, make_app
from careertui.tui.crash import DraftOfferScreen, exit_message
from careertui.tui.saving import Write
from careertui.tui.screens.form import FormScreen
from careertui.tui.screens.quick_win import QuickWinScreen
from tests.tui.conftest import SIZE, wait_for

PASSPHRASE = "correct horse battery staple"


class SimulatedBug(RuntimeError):
    pass


def break_saving(app: CareerApp, monkeypatch: pytest.MonkeyPatch) -> None:
    """The next save meets a bug whose message quotes what is being saved: the form has
    dismissed with the record, which is not stored yet."""

    def broken(write: Write) -> None:
        title = getattr(write.args[-1], "title", "?")
        raise SimulatedBug(f"could not save {title}")

    monkeypatch.setattr(app.dashboard, "run_write", broken)


async def crash_in_the_win_form(
    app: CareerApp, monkeypatch: pytest.MonkeyPatch, title: str, impact: str
) -> None:
    with pytest.raises(SimulatedBug):
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("4", "n")
            await wait_for(pilot, lambda: isinstance(app.screen, FormScreen))
            await pilot.press(*title)
            app.screen.widget_for("impact").text = impact
            break_saving(app, monkeypatch)
            await pilot.press("ctrl+s")
            await pilot.pause()
    assert app.return_code == 1


async def offered(pilot: Pilot) -> DraftOfferScreen:
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, DraftOfferScreen))
    screen = pilot.app.screen
    assert isinstance(screen, DraftOfferScreen)
    return screen


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


async def test_a_bug_keeps_the_half_filled_form_and_the_next_start_restores_it(
    app: CareerApp, make, data_dir: Path, repo: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    await crash_in_the_win_form(app, monkeypatch, "Rescued the pricing launch", "Saved the quarter")
    log = data_dir / CRASH_LOG
    assert mode(log) == 0o600
    details = log.read_text()
    assert "Traceback (most recent call last):" in details
    assert "SimulatedBug: could not save Rescued the pricing launch" in details
    assert "in broken" in details
    assert mode(data_dir / DRAFT_FILE) == 0o600
    report = app.crash_report
    assert report is not None and report.draft_kept and report.log == log
    assert str(log) in exit_message(report)

    again = make()
    async with again.run_test(size=SIZE) as pilot:
        offer = await offered(pilot)
        assert "Rescued the pricing launch" in offer.question
        await pilot.press("r")
        await wait_for(pilot, lambda: isinstance(again.screen, FormScreen))
        form = again.screen
        await wait_for(pilot, lambda: form.widget_for("title").value != "")
        assert form.widget_for("title").value == "Rescued the pricing launch"
        assert form.widget_for("impact").text == "Saved the quarter"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: not isinstance(again.screen, FormScreen))
    assert [w.title for w in repo.wins.list()] == ["Rescued the pricing launch"]
    assert not (data_dir / DRAFT_FILE).exists()


async def test_the_quick_win_line_is_kept_too_and_escape_asks_again_next_time(
    app: CareerApp, make, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(SimulatedBug):
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("w", *"Closed the Acme deal")
            break_saving(app, monkeypatch)
            await pilot.press("enter")
            await pilot.pause()
    later = make()
    async with later.run_test(size=SIZE) as pilot:
        await offered(pilot)
        await pilot.press("escape")
        await pilot.pause()
    assert (data_dir / DRAFT_FILE).exists()
    again = make()
    async with again.run_test(size=SIZE) as pilot:
        await offered(pilot)
        await pilot.press("r")
        await wait_for(pilot, lambda: isinstance(again.screen, QuickWinScreen))
        line = again.screen.query_one(Input)
        await wait_for(pilot, lambda: line.value != "")
        assert line.value == "Closed the Acme deal"


async def test_discard_forgets_the_draft(
    app: CareerApp, make, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    await crash_in_the_win_form(app, monkeypatch, "Not worth keeping", "")
    again = make()
    async with again.run_test(size=SIZE) as pilot:
        await offered(pilot)
        await pilot.press("d")
        await pilot.pause()
        assert not isinstance(again.screen, (DraftOfferScreen, FormScreen))
    assert not (data_dir / DRAFT_FILE).exists()
    async with make().run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not isinstance(pilot.app.screen, DraftOfferScreen)


async def test_nothing_typed_no_draft(
    app: CareerApp, make, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken() -> None:
        raise SimulatedBug("in a key handler")

    with pytest.raises(SimulatedBug):
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            monkeypatch.setattr(app, "action_help", broken)
            await pilot.press("question_mark")
            await pilot.pause()
    assert (data_dir / CRASH_LOG).exists()
    assert not (data_dir / DRAFT_FILE).exists()
    assert app.crash_report is not None and not app.crash_report.draft_kept


async def test_with_an_encrypted_store_no_record_text_reaches_the_log_or_the_disk(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    secret = "Quietly interviewing at Globex"
    Repository(Store(data_dir, passphrase=PASSPHRASE)).set_setting("theme", "textual-dark")
    encrypt_store(Store(data_dir, passphrase=PASSPHRASE))

    def opened() -> CareerApp:
        return make_app(Repository(Store(data_dir, passphrase=PASSPHRASE)))

    app = opened()
    await crash_in_the_win_form(app, monkeypatch, secret, "nobody may know")
    details = (data_dir / CRASH_LOG).read_text()
    assert "SimulatedBug" in details and "in broken" in details
    assert "Globex" not in details and "SimulatedBug: could not save" not in details
    sealed = (data_dir / DRAFT_FILE).read_bytes()
    assert b"Globex" not in sealed and b"nobody may know" not in sealed
    assert sealed.startswith(b"careertui-encrypted")

    again = opened()
    async with again.run_test(size=SIZE) as pilot:
        offer = await offered(pilot)
        assert secret in offer.question
        await pilot.press("r")
        await wait_for(pilot, lambda: isinstance(again.screen, FormScreen))
        form = again.screen
        await wait_for(pilot, lambda: form.widget_for("title").value != "")
        assert form.widget_for("title").value == secret


async def test_a_check_in_note_comes_back_as_text_to_copy(
    make, repo: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    from textual.widgets import TextArea

    from careertui.domain.models import Stakeholder
    from careertui.tui.crash import RecoveredTextScreen

    repo.stakeholders.add(Stakeholder(name="Maya Chen"))
    app = make()  # over the store with Maya on the map
    with pytest.raises(SimulatedBug):
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("3", "c")
            await wait_for(pilot, lambda: app.screen.query("#check-in-note"))
            await pilot.press(*"Asked about the director opening")
            break_saving(app, monkeypatch)
            await pilot.press("enter")
            await pilot.pause()
    again = make()
    async with again.run_test(size=SIZE) as pilot:
        offer = await offered(pilot)
        assert "Asked about the director opening" in offer.question
        await pilot.press("r")
        await wait_for(pilot, lambda: isinstance(again.screen, RecoveredTextScreen))
        assert "Asked about the director opening" in again.screen.query_one(TextArea).text


async def test_a_win_still_being_saved_when_a_bug_strikes_is_kept(
    app: CareerApp, make, data_dir: Path, repo: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The form has closed with the win, the store is slow, and a bug stops the app before the
    win is stored: the next start offers it back."""
    release = threading.Event()

    def slow(win: object) -> object:
        release.wait(30)
        raise SimulatedBug("the store never got it")

    def broken() -> None:
        raise SimulatedBug("in a key handler")

    monkeypatch.setattr(repo.wins, "add", slow)
    with pytest.raises(SimulatedBug):
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("w", *"Signed the Globex renewal", "enter")
            await wait_for(pilot, lambda: app.saving)
            monkeypatch.setattr(app, "action_help", broken)
            await pilot.press("escape", "question_mark")  # Escape: on to the dashboard at once
            await pilot.pause()
    release.set()
    assert app.crash_report is not None and app.crash_report.draft_kept
    again = make()
    async with again.run_test(size=SIZE) as pilot:
        offer = await offered(pilot)
        assert "Signed the Globex renewal" in offer.question
        await pilot.press("r")
        await wait_for(pilot, lambda: isinstance(again.screen, QuickWinScreen))
        line = again.screen.query_one(Input)
        await wait_for(pilot, lambda: line.value != "")
        assert line.value == "Signed the Globex renewal"


async def test_text_to_copy_names_the_fields_as_the_form_did_and_shows_no_ids(
    demo_repo: Repository, make
) -> None:
    """A goal form cannot be reopened by itself: its text comes back to copy, each field named
    in words, and the gaps and priorities it was tied to left out (ids mean nothing to a
    person)."""
    from textual.widgets import TextArea

    from careertui.store.drafts import FORM, Draft, save_draft
    from careertui.tui.crash import RecoveredTextScreen

    gap, priority = demo_repo.gaps.list()[0], demo_repo.priorities.list()[0]
    values = {
        "title": "Publish the platform API plan",
        "next_action": "Ask Maya",
        "gap_ids": [gap.id],
        "priority_ids": [priority.id],
        "competencies": ["Strategy", "Execution"],
    }
    save_draft(demo_repo.store, Draft(FORM, "Add an interim goal", "Goal", None, values))
    app = make()
    async with app.run_test(size=SIZE) as pilot:
        await offered(pilot)
        await pilot.press("r")
        await wait_for(pilot, lambda: isinstance(app.screen, RecoveredTextScreen))
        text = app.screen.query_one(TextArea).text
    assert "Title: Publish the platform API plan" in text
    assert "Next action: Ask Maya" in text
    assert "Competencies: Strategy, Execution" in text
    assert gap.id not in text and priority.id not in text
    assert "_ids" not in text
