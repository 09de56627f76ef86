"""What the self-check's result recommends for the person (issue #12): services per need from
the finder's matcher, read with the person's situation (postcode, work status, languages,
patient or relative) so nothing they cannot use is offered; for a need no service covers near
them, the matcher's alternatives (further away, national, by phone or online); the articles that
apply to them; the needs named in the person's own words; and the finder search that continues
from here."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from django.http import HttpRequest

from beoncosup.finder.selectors import Hit, find_services
from beoncosup.search.matching.criteria import Criteria
from beoncosup.search.needs import understand
from beoncosup.situation.selectors import place_for_postcode
from beoncosup.situation.values import Situation, situation_from_dict
from beoncosup.taxonomy.extensions import Reading, readings_for_needs
from beoncosup.taxonomy.models import Need

SERVICES_PER_NEED = 3


@dataclass
class NeedAdvice:
    code: str
    label: str
    hits: list[Hit] = field(default_factory=list)
    # The matcher's alternatives, only for a need no service covers for this person.
    alternatives: list[Hit] = field(default_factory=list)
    articles: list[Reading] = field(default_factory=list)

    @property
    def services(self) -> list[Hit]:
        return self.hits or self.alternatives


@dataclass(frozen=True)
class OwnWords:
    """What a person's own words point to, as need codes only: ``needs`` the matcher is
    confident about, or, when it is not sure, ``suggestions`` to offer unticked."""

    needs: list[str]
    suggestions: list[str]


def own_words(text: str, language: str) -> OwnWords:
    """The needs named in the self-check's "Anything else?" text. Only codes come out: the
    text is health data and is kept nowhere (not in the session, the database or a log)."""
    found = understand(text, language)
    if found.understood:
        return OwnWords(needs=[match.code for match in found.confident], suggestions=[])
    return OwnWords(needs=[], suggestions=[match.code for match in found.results])


def person(state: dict[str, Any], audience: str, remembered: Situation | None) -> Situation:
    """The person as the self-check knows them: the answers given at its start (and the
    postcode given on the result page), completed with those remembered this visit from the
    navigator or the finder; the audience is always the instrument's (patient or relative)."""
    own = situation_from_dict(state.get("situation") or {}) or Situation()
    own = replace(own, audience=audience, postcode=state.get("postcode") or None)
    merged = own.merged(remembered)
    if merged.postcode and merged.place is None:
        # Remembered postcodes are stored without their place; the region comes from it.
        merged = replace(merged, place=place_for_postcode(merged.postcode))
    return merged


def finder_query(needs: list[str], situation: Situation) -> list[tuple[str, str]]:
    """The finder's address for these needs and this person (the kernel's ``query``)."""
    return [("need", code) for code in needs] + situation.query()


def labelled(needs: list[str]) -> list[NeedAdvice]:
    """The needs with their labels only (when no search could run)."""
    labels = dict(Need.objects.filter(code__in=needs).values_list("code", "label"))
    return [NeedAdvice(code=code, label=labels.get(code, code)) for code in needs]


def advise(
    needs: list[str], situation: Situation, language: str, request: HttpRequest | None
) -> list[NeedAdvice]:
    """Services, alternatives and articles for each need, in the needs' order. Raises
    CriteriaError when the matcher refuses the situation (an unknown postcode)."""
    if not needs:
        return []
    labels = dict(Need.objects.filter(code__in=needs).values_list("code", "label"))

    def criteria(codes: tuple[str, ...]) -> Criteria:
        return Criteria.for_situation(situation, needs=codes, lang=language)

    found = find_services(criteria(tuple(needs)))
    advice = []
    for code in needs:
        hits = [hit for hit in found.hits if code in hit.matched_needs][:SERVICES_PER_NEED]
        if not hits and found.coverage.get(code):
            # The first page of the combined search favours services covering several needs;
            # a need none of them covers, though some service does, gets its own search.
            hits = find_services(criteria((code,))).hits[:SERVICES_PER_NEED]
        alternatives = [] if hits else found.alternatives.get(code, [])[:SERVICES_PER_NEED]
        advice.append(
            NeedAdvice(
                code=code, label=labels.get(code, code), hits=hits, alternatives=alternatives
            )
        )
    # Articles per need from the hub, which registers with the taxonomy (a sibling journey).
    articles = readings_for_needs(needs, language, request, situation=situation)
    for item in advice:
        item.articles = articles.get(item.code, [])
    return advice


def recommended_ids(advice: list[NeedAdvice]) -> list[str]:
    """Every service the result offers (services, else alternatives), in the page's order."""
    return list(dict.fromkeys(str(hit.service.pk) for item in advice for hit in item.services))
