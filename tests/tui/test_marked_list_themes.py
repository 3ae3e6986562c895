"""A multi-select list reads in every built-in theme: a selected item is marked by a character
(``[x]``), an unselected one by another (``[ ]``) and by no faint "X" — what tells them apart
is text, which no theme's colours can hide."""

from __future__ import annotations

from rich.color import Color
from textual.theme import BUILTIN_THEMES

from careertui.tui.app import CareerApp
from careertui.tui.screens.form import FormScreen
from careertui.tui.widgets.marked_list import SELECTED, UNSELECTED, MarkedSelectionList
from tests.tui.conftest import SIZE, wait_for


def _distinct(color: Color | None, background: Color | None) -> bool:
    """The mark's colour differs from the row behind it (None or "default": the terminal's
    own, as the ANSI themes leave it, readable on itself)."""
    if color is None or background is None or color.is_default or background.is_default:
        return True
    return color.get_truecolor() != background.get_truecolor()


async def test_selected_and_unselected_items_differ_by_their_text_in_every_theme(
    demo_app: CareerApp,
) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "e")  # the win form: its gaps and stakeholders are multi fields
        await wait_for(pilot, lambda: isinstance(demo_app.screen, FormScreen))
        form = demo_app.screen
        assert isinstance(form, FormScreen)
        lists = list(form.query(MarkedSelectionList))
        assert lists, "the win form has a multi-select field"
        marked = lists[0]
        marked.deselect_all()
        marked.select(marked.get_option_at_index(0))
        marked.focus()
        await pilot.pause()
        assert marked.option_count >= 2
        prompts = [str(marked.get_option_at_index(i).prompt) for i in range(marked.option_count)]
        for theme in BUILTIN_THEMES:
            demo_app.theme = theme
            await pilot.pause()
            shown = [marked.render_line(y) for y in range(marked.option_count)]
            rows = [strip.text for strip in shown]
            assert rows[0].startswith(SELECTED), (theme, rows[0])
            assert rows[0][len(SELECTED) :].strip().startswith(prompts[0][:20]), (theme, rows)
            for row, prompt in zip(rows[1:], prompts[1:], strict=True):
                assert row.startswith(UNSELECTED), (theme, row)
                assert "X" not in row.replace(prompt, ""), (theme, row)
            for strip in shown:
                mark = next(iter(strip))
                assert mark.style is not None
                assert _distinct(mark.style.color, mark.style.bgcolor), (theme, mark)
