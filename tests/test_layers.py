"""Every change to the career goes through careertui.actions: no other module writes through
the repository (the import contracts in pyproject.toml keep the layers; this keeps the writes)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "careertui"
#: Where records may be written: the actions, and the store that implements the writes.
ALLOWED = ("actions", "store")
#: Repository and collection methods that write.
WRITES = {"save_vision", "save_vision_changes", "set_setting", "put_all", "save_changes"}
COLLECTIONS = {"wins", "gaps", "stakeholders", "priorities", "feedback", "interactions"}
COLLECTION_WRITES = {"add", "update", "delete"}


def _name(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Call):
        return _name(node.func)
    return ""


def writes_in(source: str) -> list[str]:
    """The repository writes in ``source``, called or passed on, as "line: code"."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Attribute):
            continue
        receiver = _name(node.value)
        if (
            node.attr in WRITES
            or (node.attr in COLLECTION_WRITES and receiver in COLLECTIONS | {"collection"})
            or (node.attr == "run" and receiver.endswith("repo"))
        ):
            found.append(f"{node.lineno}: {ast.unparse(node)}")
    return found


def modules_outside_actions() -> list[Path]:
    return [
        path
        for path in sorted(PACKAGE.rglob("*.py"))
        if path.relative_to(PACKAGE).parts[0] not in ALLOWED
    ]


@pytest.mark.parametrize(
    "path", modules_outside_actions(), ids=lambda p: str(p.relative_to(PACKAGE))
)
def test_no_module_outside_the_actions_writes_a_record(path: Path) -> None:
    assert writes_in(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(
    "code",
    [
        "repo.wins.add(win)",
        "self.repo.gaps.update(gap)",
        "self.write(self.repo.stakeholders.save_changes, a, b)",
        "repo.save_vision(vision)",
        "repo.set_setting('theme', 'nord')",
        "repo.collection(Win).put_all(wins)",
        "self.repo.run(lambda db: db.drop_tables())",
        "repo.interactions.delete(i.id)",
    ],
)
def test_the_scan_finds_a_write(code: str) -> None:
    assert writes_in(code) != []


def test_the_scan_lets_reads_and_other_calls_be() -> None:
    reads = "repo.wins.list()\nrepo.gaps.get(i)\nseen.add(x)\nmodule.run(args)\nrepo.career()"
    assert writes_in(reads) == []
