"""A store that already holds dates at the edges of the calendar (written before careertui
checked dates, or edited by hand) still opens, and every pane shows it."""

from __future__ import annotations

import json
from pathlib import Path

from careertui.store.repository import Repository
from careertui.tui.app import make_app
from tests.tui.conftest import SIZE
from tests.tui.vision_helpers import screen_text

FAR = "9999-12-31"
EARLY = "0001-01-01"


def give_far_dates(data_dir: Path) -> dict[str, str]:
    """Edit the data file as a hand or an older careertui could have: the first two records of
    each kind get the last and the first date a calendar holds. Returns the two wins' titles."""
    path = data_dir / "careertui.json"
    tables = json.loads(path.read_text(encoding="utf-8"))

    def edges(table: str, field: str) -> list[dict]:
        records = list(tables[table].values())[:2]
        records[0][field], records[1][field] = FAR, EARLY
        return records

    wins = edges("wins", "date")
    wins[0]["title"], wins[1]["title"] = "Win at the end of time", "Win at the dawn of time"
    edges("stakeholders", "last_contact")
    edges("gaps", "due")
    edges("feedback", "date")
    edges("interactions", "date")
    next(iter(tables["vision"].values()))["horizon"] = FAR
    path.write_text(json.dumps(tables), encoding="utf-8")
    return {"far": wins[0]["title"], "early": wins[1]["title"]}


async def test_the_app_opens_and_every_pane_shows_a_store_with_far_dates(
    demo_repo: Repository, data_dir: Path
) -> None:
    titles = give_far_dates(data_dir)
    app = make_app(Repository.at(data_dir))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for key in ("1", "2", "3", "v", "s", "p", "escape", "4", "1"):
            await pilot.press(key)
            await pilot.pause()
        await pilot.press("4")
        await pilot.pause()
        assert titles["far"] in screen_text(pilot.app)
        assert app.is_running
    assert app.return_code in (None, 0)
