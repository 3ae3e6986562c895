"""``careertui win --edit``: a labelled template in ``$EDITOR`` with every field, read back in
full; a template that cannot be used is one error line, exit 2, nothing written, and the text
kept where the error says."""

from __future__ import annotations

import re
import stat
import sys
from pathlib import Path

import pytest

from careertui.store.repository import Repository
from tests.conftest import CLI

#: The "editor": keeps the template it was given in SEEN and saves FILL's text instead.
EDITOR = """\
import os, pathlib, sys
p = pathlib.Path(sys.argv[1])
pathlib.Path(os.environ["SEEN"]).write_text(p.read_text())
p.write_text(pathlib.Path(os.environ["FILL"]).read_text())
"""

FILLED = """\
# my notes stay out
title: Drafted the platform memo
impact: Daniel took it to the exec offsite
  and asked for a quarterly version
metric: review time: 10 days -> 4 days
metric: exec readers: 2 -> 9
input metric: drafts written: 0 -> 3
priority: Grow net
gaps: Executive comm, visibility
people: maya, Daniel Okafor
tags: writing, Exec
body:
# Context
We had no memo.

- three drafts
"""


@pytest.fixture
def edit(cli: CLI, tmp_path: Path):  # noqa: ANN201
    editor = tmp_path / "editor.py"
    editor.write_text(EDITOR, encoding="utf-8")
    seen, fill = tmp_path / "seen.md", tmp_path / "fill.md"

    def run(written: str, *args: str):  # noqa: ANN202
        fill.write_text(written, encoding="utf-8")
        env = {"EDITOR": f"{sys.executable} {editor}", "SEEN": str(seen), "FILL": str(fill)}
        env["VISUAL"] = env["EDITOR"]
        env["TMPDIR"] = str(tmp_path)  # where a text that cannot be used is kept
        result = cli("win", *args, "--edit", env=env)
        return result, seen.read_text(encoding="utf-8")

    return run


def test_the_template_labels_every_field_and_starts_from_the_options(edit, demo_repo) -> None:
    _, template = edit(FILLED, "Drafted the memo", "--tag", "draft", "--with", "Maya")
    labels = [line.split(":")[0] for line in template.splitlines() if not line.startswith("#")]
    assert labels == [
        "title",
        "impact",
        "metric",
        "input metric",
        "priority",
        "gaps",
        "people",
        "tags",
        "body",
    ]
    assert "title: Drafted the memo\n" in template
    assert "tags: draft\n" in template
    assert "people: Maya\n" in template


def test_every_field_written_is_read_back(edit, demo_repo: Repository) -> None:
    before = {w.id for w in demo_repo.wins.list()}
    result, _ = edit(FILLED, "Drafted the memo")
    assert result.returncode == 0, result.stderr
    [win] = [w for w in demo_repo.wins.list() if w.id not in before]
    names = {s.id: s.name for s in demo_repo.stakeholders.list()}
    gaps = {g.id: g.title for g in demo_repo.gaps.list()}
    priorities = {p.id: p.title for p in demo_repo.priorities.list()}
    assert win.title == "Drafted the platform memo"
    assert win.impact == "Daniel took it to the exec offsite and asked for a quarterly version"
    assert [(m.name, m.kind, m.before, m.after) for m in win.metrics] == [
        ("review time", "output", "10 days", "4 days"),
        ("exec readers", "output", "2", "9"),
        ("drafts written", "input", "0", "3"),
    ]
    assert priorities[win.priority_id] == "Grow net revenue retention to 120%"
    assert [gaps[g] for g in win.gap_ids] == ["Executive communication", "Visibility with the CTO"]
    assert [names[s] for s in win.stakeholder_ids] == ["Maya Chen", "Daniel Okafor"]
    assert win.tags == ["writing", "exec"]
    assert win.body == "# Context\nWe had no memo.\n\n- three drafts"


BAD = {
    "not a label": (
        FILLED.replace("tags:", "tagz:"),
        "line 11: 'tagz: writing, Exec' does not start with one of the labels",
    ),
    "a label twice": (FILLED.replace("priority:", "title: again\npriority:"), "'title' is given"),
    "unknown person": (FILLED.replace("maya", "Mya"), "closest: 'Maya Chen'"),
    "ambiguous gap": (FILLED.replace("Executive comm", "e"), "give more of the name"),
    "bad metric": (FILLED.replace("review time: 10", "review time 10"), "metric"),
    "empty title": (FILLED.replace("title: Drafted the platform memo", "title:"), "title"),
}


@pytest.mark.parametrize("case", list(BAD), ids=list(BAD))
def test_a_template_that_cannot_be_used_writes_nothing_and_keeps_the_text(
    edit, demo_repo: Repository, case: str, tmp_path: Path
) -> None:
    written, said = BAD[case]
    before = demo_repo.wins.list()
    result, _ = edit(written, "Drafted the memo")
    assert result.returncode == 2
    assert result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith("error: ") and said in line
    kept = re.search(r"what you wrote is kept in (\S+)$", line)
    assert kept, line
    path = Path(kept.group(1))
    assert path.read_text(encoding="utf-8") == written
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert path.parent.parent == Path(tmp_path)
    assert demo_repo.wins.list() == before
