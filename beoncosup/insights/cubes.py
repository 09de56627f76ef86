"""The published tables ("cubes"): their dimensions, members and words. Every number the
dashboards, the exports, the open-data API and the quarterly report show is a cell of one of
these cubes after disclosure control (services.publish, docs/insights.md)."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from beoncosup.insights.codes import Band, Coverage, Outcome
from beoncosup.situation.codes import Language

ALL = "*"  # the total member of a dimension
NATIONAL = "BE"
UNKNOWN_AREA = "?"  # signals without a postcode: counted in Belgium's total only


@dataclass(frozen=True)
class Cube:
    name: str
    title: Promise
    description: Promise
    # The breakdown's members (the leaves; "*" is their total) and what the breakdown is.
    breakdown_name: str
    breakdown_title: Promise
    breakdown: tuple[tuple[str, Promise], ...]
    measure: Promise
    # "arrondissement": arrondissements → provinces → BE; "province": provinces → BE.
    area_level: str
    # False when a row may count under several needs and "*" is counted on its own (self-checks).
    needs_additive: bool = True
    # "domain": needs are folded into their domains (cubes too sparse to publish by need).
    need_level: str = "need"
    # Another cube whose total-breakdown cells are this cube's total-breakdown cells.
    linked_to: str = ""

    def breakdown_codes(self) -> list[str]:
        return [code for code, _label in self.breakdown]

    def breakdown_label(self, code: str) -> str:
        if code == ALL:
            return str(pgettext_lazy("breakdown", "All"))
        return str(dict(self.breakdown).get(code, code))


CUBES: dict[str, Cube] = {
    cube.name: cube
    for cube in (
        Cube(
            name="demand",
            title=_("Needs searched for"),
            description=_(
                "Needs that visitors of the finder searched for, counted once per visitor, need "
                "and day, by the arrondissement of the postcode they gave."
            ),
            breakdown_name="all",
            breakdown_title=_("no breakdown"),
            breakdown=(),
            measure=_("searches"),
            area_level="arrondissement",
        ),
        Cube(
            name="coverage",
            title=_("Needs searched for, and how well they were covered"),
            description=_(
                "The same searches by province, by how many services the search found within "
                "the visitor's reach: none, one or two, three or more."
            ),
            breakdown_name="coverage",
            breakdown_title=_("coverage band"),
            breakdown=tuple((c.value, c.label) for c in Coverage),
            measure=_("searches"),
            area_level="province",
            linked_to="demand",
        ),
        Cube(
            name="demand_language",
            title=_("Needs searched for, by the visitor's language"),
            description=_(
                "The same searches by the language of the page the visitor used, by province."
            ),
            breakdown_name="language",
            breakdown_title=_("page language"),
            breakdown=tuple((c.value, c.label) for c in Language),
            measure=_("searches"),
            area_level="province",
            linked_to="demand",
        ),
        Cube(
            name="self_checks",
            title=_("Self-checks given with consent, by score band"),
            description=_(
                "Needs self-checks whose answers the person agreed to share anonymously, for "
                "Belgium as a whole, by distress score band and by the needs they pointed to (a "
                "self-check can point to several needs; “all needs” counts each self-check "
                "once)."
            ),
            breakdown_name="band",
            breakdown_title=_("score band"),
            breakdown=tuple((c.value, c.label) for c in Band),
            measure=_("self-checks"),
            area_level="national",
            needs_additive=False,
        ),
        Cube(
            name="referrals",
            title=_("Referrals and how they ended"),
            description=_(
                "Referrals closed in the period, by domain of need, by the province of the "
                "service and by outcome."
            ),
            breakdown_name="outcome",
            breakdown_title=_("outcome"),
            breakdown=tuple((c.value, c.label) for c in Outcome),
            measure=_("referrals"),
            area_level="province",
            need_level="domain",
        ),
    )
}
