"""Completion for the journal filter: right arrow accepts what is suggested."""

from __future__ import annotations

from collections.abc import Callable

from textual.suggester import Suggester

from careertui.domain.journal import completion
from careertui.domain.ladder import competency_names
from careertui.store.repository import Career


class FilterSuggester(Suggester):
    """Suggests keywords and the names of priorities, gaps, people and tags the career holds."""

    def __init__(self, career: Callable[[], Career | None]) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self._career = career
        self._tags: tuple[int, list[str]] = (-1, [])

    def _tag_list(self, career: Career) -> list[str]:
        key = id(career)
        if self._tags[0] != key:
            self._tags = (key, sorted({tag for win in career.wins for tag in win.tags}))
        return self._tags[1]

    async def get_suggestion(self, value: str) -> str | None:
        career = self._career()
        if career is None:
            return None
        return completion(
            value,
            priorities=career.priorities,
            gaps=career.gaps,
            stakeholders=career.stakeholders,
            tags=self._tag_list(career),
            competencies=competency_names(career.vision),
        )
