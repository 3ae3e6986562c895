"""Which of the vision's kinds of company a shareable document may name: the ones that name
the current company (``vision.profile.company``); the others are private."""

from __future__ import annotations

from collections.abc import Iterable

from careertui.domain.models import Profile


def _same_company(kind: str, company: str) -> bool:
    return bool(company) and kind.casefold().strip() == company.casefold().strip()


def current_company_kinds(kinds: Iterable[str], profile: Profile) -> list[str]:
    """The vision's kinds of company that name the current company: all a shareable document
    says about where the person wants to be."""
    return [kind for kind in kinds if _same_company(kind, profile.company)]


def other_company_kinds(kinds: Iterable[str], profile: Profile) -> list[str]:
    """The kinds of company the person would like to work for other than the current one:
    private, named only in a private document."""
    return [kind for kind in kinds if not _same_company(kind, profile.company)]
