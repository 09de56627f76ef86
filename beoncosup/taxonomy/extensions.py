"""What other apps show about a need, registered from their ``AppConfig.ready()``.

The taxonomy sits below the directory, the finder and the hub (docs/architecture.md, "Who may
import whom"), yet its need page lists services and articles, and the self-check lists articles
per need. So those apps register here and the taxonomy calls what is registered, naming none.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from django.http import HttpRequest
from django.utils.safestring import SafeString

if TYPE_CHECKING:
    from beoncosup.situation.values import Situation
    from beoncosup.taxonomy.models import Need

# One section of the need page: the request and the need in, HTML out.
NeedSection = Callable[[HttpRequest, "Need"], SafeString]


class Reading(Protocol):
    """An article about a need, as a list of further reading shows it."""

    @property
    def title(self) -> str: ...
    @property
    def url(self) -> str: ...
    @property
    def language(self) -> str: ...
    @property
    def is_fallback(self) -> bool: ...
    @property
    def is_demo(self) -> bool: ...
    @property
    def language_note(self) -> str: ...


class ReadingFinder(Protocol):
    def __call__(
        self,
        need_codes: list[str],
        language: str,
        request: HttpRequest | None = None,
        *,
        per_need: int = 3,
        situation: Situation | None = None,
    ) -> Mapping[str, Sequence[Reading]]: ...


@dataclass(frozen=True)
class _Section:
    order: int
    render: NeedSection


_sections: dict[str, _Section] = {}
_reading_finders: dict[str, ReadingFinder] = {}


def need_section_register(*, key: str, order: int, render: NeedSection) -> None:
    """Adds a section to the need page (or replaces the one under ``key``); the page shows the
    sections by ``order``, lowest first, after the need's own facts."""
    _sections[key] = _Section(order=order, render=render)


def need_sections(request: HttpRequest, need: Need) -> list[SafeString]:
    entries = sorted(_sections.items(), key=lambda item: (item[1].order, item[0]))
    return [section.render(request, need) for _key, section in entries]


def reading_finder_register(*, key: str, find: ReadingFinder) -> None:
    """Adds a source of further reading per need (or replaces the one under ``key``)."""
    _reading_finders[key] = find


def readings_for_needs(
    need_codes: list[str],
    language: str,
    request: HttpRequest | None = None,
    *,
    per_need: int = 3,
    situation: Situation | None = None,
) -> dict[str, list[Reading]]:
    """For each need code, up to ``per_need`` readings in ``language`` from the registered
    sources (in key order); an empty list per need when nothing is registered. With a
    ``situation``, only readings that apply to that person (their region, work status and
    audience; issue #12: no Flanders-only article for someone in Liège)."""
    found: dict[str, list[Reading]] = {code: [] for code in need_codes}
    for _key, find in sorted(_reading_finders.items()):
        readings_by_need = find(
            need_codes, language, request, per_need=per_need, situation=situation
        )
        for code, readings in readings_by_need.items():
            if code in found:
                found[code] = [*found[code], *readings][:per_need]
    return found
