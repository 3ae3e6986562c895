"""Unknown filter keys are an error shown under the journal filter (issue 14, item 10), and
``tag:`` is another way to write ``#``: typed in the app as a user would."""

from __future__ import annotations

import datetime as dt

import pytest
from textual.widgets import Input

from careertui.domain.models import Win
from careertui.store.repository import Repository
from careertui.tui.app import make_app
from careertui.tui.widgets.win_list import WinList
from tests.tui.conftest import wait_for

TODAY = dt.date(2026, 11, 23)


@pytest.fixture
def tagged(repo: Repository) -> Repository:
    with repo.transaction():
        repo.wins.add(Win(title="Cut churn in the SMB segment", date=TODAY, tags=["churn"]))
        repo.wins.add(Win(title="Standup moved to 10:30", date=TODAY - dt.timedelta(days=1)))
        repo.wins.add(
            Win(
                title="Wrote the pricing memo",
                date=TODAY - dt.timedelta(days=2),
                body="Shared at https://wiki.example.com/pricing",
            )
        )
    return repo


def shown(app) -> list[str]:  # noqa: ANN001
    return [w.title for w in app.query_one(WinList).wins]


def screen_text(app) -> str:  # noqa: ANN001
    """Everything on screen, as the terminal would show it."""
    return "\n".join(
        "".join(segment.text for segment in strip)
        for strip in app.screen._compositor.render_strips()
    )


async def type_filter(pilot, text: str) -> None:  # noqa: ANN001
    await pilot.press("4")
    await pilot.pause()
    await pilot.press("slash")
    await pilot.pause()
    await pilot.press(*text)
    await pilot.pause()


async def test_an_unknown_key_is_an_error_under_the_filter(tagged: Repository) -> None:
    app = make_app(tagged)
    async with app.run_test(size=(120, 36)) as pilot:
        await type_filter(pilot, "foo:bar")
        await wait_for(pilot, lambda: "unknown key" in screen_text(app))
        on_screen = screen_text(app)
        assert "unknown key 'foo:'" in on_screen
        for key in ("priority:", "gap:", "with:", "tag:", "from:", "to:", "is:starred"):
            assert key in on_screen.split("unknown key", 1)[1], key
        lines = on_screen.splitlines()
        filter_row = next(i for i, line in enumerate(lines) if "foo:bar" in line)
        error_row = next(i for i, line in enumerate(lines) if "unknown key 'foo:'" in line)
        assert 0 < error_row - filter_row <= 2  # just under the filter box
        assert app.query_one("#journal-filter", Input).value == "foo:bar"  # kept as typed


async def test_tag_key_filters_like_a_hash(tagged: Repository) -> None:
    app = make_app(tagged)
    async with app.run_test(size=(120, 36)) as pilot:
        await type_filter(pilot, "tag:churn")
        await wait_for(pilot, lambda: shown(app) == ["Cut churn in the SMB segment"])
        assert "1 of 3 wins match" in screen_text(app)
        assert "unknown key" not in screen_text(app)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("10:30", "Standup moved to 10:30"), ("https://wiki.example.com", "Wrote the pricing memo")],
)
async def test_times_and_addresses_are_words_not_keys(
    tagged: Repository, typed: str, expected: str
) -> None:
    app = make_app(tagged)
    async with app.run_test(size=(120, 36)) as pilot:
        await type_filter(pilot, typed)
        await wait_for(pilot, lambda: shown(app) == [expected])
        assert "unknown key" not in screen_text(app)
