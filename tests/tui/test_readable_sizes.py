"""Readable at the sizes people use (80×24, 120×36, 200×50): the journal shows whole titles, gap
cards wrap their titles, the status line keeps to one row, the footer keeps the keys that matter,
the panes write dates one way, and the vision reads without zooming.

Every check reads the screen as drawn (today pinned by tests/conftest.py)."""

from __future__ import annotations

import re

import pytest
from textual.geometry import Region
from textual.pilot import Pilot

from careertui.actions.vision import update_vision
from careertui.domain.models import Gap, GapStatus
from careertui.domain.text import shorten
from careertui.store.repository import Repository
from careertui.tui.app import CareerApp, make_app
from careertui.tui.panes.gap_column import GapColumn
from careertui.tui.panes.gaps import GapsPane
from careertui.tui.status import StatusLine, StatusPart, fit
from careertui.tui.widgets.win_list import WinList
from tests.tui.conftest import wait_for

SIZES = [(80, 24), (120, 36), (200, 50)]
#: Cells before a journal row's title: the date, then the star.
TITLE_STARTS = 13
#: A date written with a month's name ("Feb 6", "due Apr 3 '27"), the style the panes left.
NAMED_MONTH = re.compile(r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2}\b")
#: A title of 40 characters, the longest a card shows whole at 120×36.
FORTY = "Present the platform strategy to the CEO"
LONG_ROLE = (
    "Vice President of Product, Developer Platform, Payments Infrastructure and Partner Ecosystems"
)


def screen(pilot: Pilot) -> list[str]:
    """The terminal's rows as the user sees them."""
    return [strip.text for strip in pilot.app.screen._compositor.render_strips()]


def cells(pilot: Pilot, region: Region) -> list[str]:
    """The text of ``region`` of the screen, row by row."""
    rows = screen(pilot)
    return [rows[y][region.x : region.right] for y in range(region.y, region.bottom)]


async def opened(pilot: Pilot) -> None:
    await wait_for(pilot, lambda: pilot.app.query(WinList) and pilot.app.query_one(WinList).wins)
    await pilot.pause()


# -- the journal ----------------------------------------------------------------------------
@pytest.mark.parametrize("size", SIZES, ids=lambda size: "x".join(map(str, size)))
async def test_no_journal_row_cuts_its_title_while_the_row_has_blank_columns(
    demo_app: CareerApp, size: tuple[int, int]
) -> None:
    async with demo_app.run_test(size=size) as pilot:
        await opened(pilot)
        wins = demo_app.query_one(WinList)
        top = int(wins.scroll_offset.y)
        rows = cells(pilot, wins.scrollable_content_region)
        assert len(rows) >= 5, "the journal shows a screenful of wins"
        whole = 0
        for offset, row in enumerate(rows):
            title = wins.wins[top + offset].title
            rest = row[TITLE_STARTS:]
            if title in rest:
                whole += 1
                continue
            # cut: then the title takes the whole row, nothing beside it and no blank cell
            assert rest == title[: len(rest) - 1] + "…", (size, row)
        assert whole >= len(rows) - 2, f"most titles are whole at {size}: {rows}"


async def test_the_wide_journal_still_shows_priorities_and_metrics(demo_app: CareerApp) -> None:
    async with demo_app.run_test(size=(200, 50)) as pilot:
        await opened(pilot)
        wins = demo_app.query_one(WinList)
        top = int(wins.scroll_offset.y)
        rows = cells(pilot, wins.scrollable_content_region)
        names = {p.id: p.title for p in demo_app.career.priorities}
        for offset, row in enumerate(rows):
            win = wins.wins[top + offset]
            if win.title not in row:
                continue  # a long title took the row
            if win.headline_metric:
                assert str(win.headline_metric)[:12] in row, row
            if win.priority_id and win.title in row:
                assert names[win.priority_id][:8] in row, row


# -- gap cards ------------------------------------------------------------------------------
def card_titles(rows: list[str]) -> list[str]:
    """The titles of the cards fully on screen in a column's rows: a card is its title's lines,
    then the line of its levels (●), down to the blank line after it."""
    titles: list[str] = []
    block: list[str] = []
    for row in rows:
        line = row.strip()
        if not line:
            if block:
                title_lines = []
                for part in block:
                    if "●" in part:
                        break
                    title_lines.append(part)
                titles.append(" ".join(title_lines))
            block = []
        else:
            block.append(line)
    return titles


async def test_gap_cards_show_titles_of_forty_characters_whole(demo_repo: Repository) -> None:
    assert len(FORTY) == 40
    for gap in demo_repo.gaps.list():
        if gap.status == GapStatus.BACKLOG:
            demo_repo.gaps.update(gap.model_copy(update={"rank": gap.rank + 1}))
    demo_repo.gaps.add(Gap(title=FORTY, status=GapStatus.BACKLOG, rank=0))
    app = make_app(demo_repo)
    async with app.run_test(size=(120, 36)) as pilot:
        await opened(pilot)
        board = app.query_one(GapsPane)
        checked = 0
        for status in (GapStatus.BACKLOG, GapStatus.WORKING, GapStatus.CLOSED):
            column = board.query_one(f"#gap-cards-{status.name.lower()}", GapColumn)
            shown = card_titles(cells(pilot, column.scrollable_content_region))
            expected = [card.gap.title for card in board.cards(status)][: len(shown)]
            assert shown == expected, (status, shown)
            checked += len(shown)
        assert FORTY in card_titles(
            cells(pilot, board.query_one("#gap-cards-backlog", GapColumn).region)
        )
        assert checked >= 5


# -- the status line ------------------------------------------------------------------------
#: The demo's next interim goal, as the status line names it when the row has room.
GOAL = "goal: Quarterly platform memo to the exec team due in 12 days"


@pytest.mark.parametrize("size", SIZES, ids=lambda size: "x".join(map(str, size)))
@pytest.mark.parametrize("long_role", [False, True], ids=["demo", "long role"])
async def test_the_status_line_keeps_to_one_row_and_names_the_next_goal(
    demo_repo: Repository, size: tuple[int, int], long_role: bool
) -> None:
    if long_role:
        update_vision(demo_repo, {"target_role": LONG_ROLE})
    app = make_app(demo_repo)
    async with app.run_test(size=size) as pilot:
        await opened(pilot)
        status = app.query_one(StatusLine)
        assert status.region.height == 1
        rows = screen(pilot)
        line = rows[status.region.y].strip()
        # the most useful figures come first and are whole, the footer right below
        assert line.startswith("1 win this week, 3 last · last win today · "), line
        assert "Log a win" in rows[status.region.y + 1]
        # the next goal due is named at every width: its title shortened, never wrapped
        goal = next(part for part in line.split(" · ") if part.startswith("goal: "))
        assert goal.endswith(" due in 12 days"), line
        head = goal.removesuffix(" due in 12 days").removesuffix("…")
        assert head.startswith("goal: Quarterly pla") and GOAL.startswith(head), line
        assert len(line) <= size[0] - 2, line
        if size[0] == 200:
            assert f"7 check-ins late · review due · {GOAL}" in line
            # the destination, least useful, is the part cut
            role = "Vice President of Product" if long_role else "Director of Product, Plat"
            assert line.endswith("…") and f"→ {role}" in line, line
        else:  # the destination is the first to go, before anything is cut
            assert "→" not in line and "…" not in line.replace(goal, ""), line
        if size[0] == 120:  # late check-ins are kept over the whole of the goal's title
            assert "7 check-ins late" in line


def test_the_least_useful_parts_go_first_and_the_goal_takes_back_the_room() -> None:
    def goal(width: int) -> str:
        return shorten("goal: A long goal title", width - len(" due today")) + " due today"

    def parts(late_rank: int) -> list[StatusPart]:
        return [
            StatusPart("1 win this week, 0 last"),
            StatusPart("2 check-ins late", rank=late_rank),
            StatusPart(goal(99), rank=4, droppable=False, shortened=goal, least=20),
            StatusPart("→ Staff PM", rank=10),
        ]

    whole = " · ".join(part.text for part in parts(9))
    assert fit(parts(9), len(whole)) == [part.text for part in parts(9)]
    # one cell short: the destination goes first, whole
    assert fit(parts(9), len(whole) - 1) == [p.text for p in parts(9)[:3]]
    # the count goes before the goal's title is shortened, which then fills the row exactly
    assert fit(parts(9), 50) == ["1 win this week, 0 last", goal(24)]
    # the goal (ranked below the count) is shortened to its least first; when the count must
    # go too, the goal takes back the room it leaves
    assert fit(parts(3), 67) == ["1 win this week, 0 last", "2 check-ins late", goal(22)]
    assert fit(parts(3), 48) == ["1 win this week, 0 last", goal(22)]
    # the figures of rank 0 stay, however narrow (the widget cuts them)
    assert fit(parts(9), 10)[0] == "1 win this week, 0 last"


# -- the footer -----------------------------------------------------------------------------
@pytest.mark.parametrize("pane", ["1", "2", "3", "4"])
async def test_a_narrow_footer_keeps_the_keys_that_matter(demo_app: CareerApp, pane: str) -> None:
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        await pilot.press(pane)
        await pilot.pause(0.2)
        footer = screen(pilot)[-1]
        assert footer.split()[:4] == ["w", "Log", "a", "win"], footer
        for key in ("? Help", "q Quit", "^p palette"):
            assert key in footer, footer
        # the pane's first keys come next
        assert {"1": "e Edit", "2": "n New gap", "3": "c Check-in", "4": "n New win"}[
            pane
        ] in footer


async def test_a_wide_footer_shows_every_key(demo_app: CareerApp) -> None:
    async with demo_app.run_test(size=(200, 50)) as pilot:
        await opened(pilot)
        footer = screen(pilot)[-1]
        for key in ("n New win", "u Undo delete", "z Zoom", "w Log a win", "? Help", "q Quit"):
            assert key in footer, footer


# -- one date style -------------------------------------------------------------------------
@pytest.mark.parametrize("size", SIZES, ids=lambda size: "x".join(map(str, size)))
async def test_every_pane_writes_dates_one_way(demo_app: CareerApp, size: tuple[int, int]) -> None:
    async with demo_app.run_test(size=size) as pilot:
        await opened(pilot)
        for pane in ("2", "3", "4"):
            await pilot.press(pane)
            await pilot.pause(0.2)
            text = "\n".join(screen(pilot))
            assert not NAMED_MONTH.search(text), NAMED_MONTH.search(text)
            assert re.search(r"\b20\d\d-\d\d-\d\d\b", text)


# -- the vision -----------------------------------------------------------------------------
async def test_the_vision_reads_without_zooming_at_120x36(demo_app: CareerApp) -> None:
    async with demo_app.run_test(size=(120, 36)) as pilot:
        await opened(pilot)
        career = demo_app.career
        vision = career.vision
        pane = demo_app.query_one("#vision")
        text = " ".join(" ".join(cells(pilot, pane.content_region)).split())
        assert " ".join(vision.statement.replace("**", "").split()) in text
        # the destination sits in the pane's bottom border
        assert f"→ {vision.target_role} in 4 years" in cells(pilot, pane.region)[-1]
        firsts = [
            *(getattr(vision, key)[0] for key in ("values", "methods", "obstacles", "measures")),
            career.priorities[0].title,
            *(getattr(vision, key)[0] for key in ("strengths", "usps", "underused_skills")),
            career.feedback[0].quote,
            vision.scope[0].responsibility,
            vision.room_to_grow.answer,
        ]
        for first in firsts:
            assert first[:16] in text, first
        # turned to, the pane lists every item as a row to act on
        await pilot.press("1")
        await pilot.pause(0.2)
        text = " ".join(cells(pilot, pane.content_region))
        assert "DESTINATION" in text and "Target role:" in text
