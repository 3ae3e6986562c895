"""Every public function of careertui.actions is used by at least one test.

The actions are the only place the career changes; one added without a test fails here. A
helper that is not meant to be called from outside its module takes a leading underscore.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import careertui.actions

ACTIONS = Path(careertui.actions.__file__).parent
TESTS = Path(__file__).resolve().parents[1]


def public_functions(source: Path) -> list[str]:
    """The names of the public functions ``source`` defines at module level."""
    tree = ast.parse(source.read_text(encoding="utf-8"), filename=str(source))
    return [
        node.name
        for node in tree.body
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and not node.name.startswith("_")
    ]


def actions() -> dict[str, str]:
    """Each public function of the actions, by name, with the module it lives in."""
    found: dict[str, str] = {}
    for module in sorted(ACTIONS.glob("*.py")):
        for name in public_functions(module):
            assert name not in found, f"{name} is defined in {found[name]} and {module.stem}"
            found[name] = module.stem
    return found


def used_names(tree: ast.AST) -> Iterator[str]:
    """Names a test uses (``name`` or ``module.name``), imports aside: importing an action is
    not testing it."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            yield node.id
        elif isinstance(node, ast.Attribute):
            yield node.attr


def names_used_by_tests() -> set[str]:
    used: set[str] = set()
    for path in TESTS.rglob("test_*.py"):
        if path.resolve() == Path(__file__).resolve():
            continue
        used.update(used_names(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))))
    return used


def test_the_actions_are_found() -> None:
    """So the check below cannot pass by finding nothing."""
    found = actions()
    for name, module in [
        ("log_win", "wins"),
        ("delete_stakeholder", "people"),
        ("move_gap", "gaps"),
        ("delete_priority", "vision"),
        ("remember_theme", "settings"),
        ("merge", "imports"),
        ("contact_by_hand", "contacts"),
    ]:
        assert found.get(name) == module
    assert "_stored" not in found


def test_every_action_is_used_by_a_test() -> None:
    used = names_used_by_tests()
    untested = sorted(
        f"careertui.actions.{module}.{name}"
        for name, module in actions().items()
        if name not in used
    )
    assert not untested, "no test uses: " + ", ".join(untested)
