"""Editors keep the occupations and their shortage listings in the Wagtail admin (Snippets →
Jobs → Occupations): a name in up to four languages, an optional code, and per region the
year, source and link of the shortage-occupation list it appears on (VDAB's
knelpuntberoepen, Forem's and Actiris's métiers en pénurie, ADG's Mangelberufe).

Employers and offers are moderated on the site's own pages (jobs:employers, jobs:moderation)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from beoncosup.jobs.models import Occupation


class OccupationViewSet(SnippetViewSet):
    model = Occupation
    icon = "tag"
    menu_label = _("Occupations")
    list_display = ["__str__", "code", "is_demo"]
    search_fields = ["code"]
    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("code"), FieldPanel("is_demo")]),
        InlinePanel(
            "shortages",
            heading=_("Shortage-occupation lists"),
            label=_("Listing"),
            panels=[
                FieldRowPanel(
                    [FieldPanel("region"), FieldPanel("year"), FieldPanel("published_on")]
                ),
                FieldRowPanel([FieldPanel("source_name"), FieldPanel("source_url")]),
                FieldPanel("is_demo"),
            ],
        ),
    ]


class JobsGroup(SnippetViewSetGroup):
    menu_label = _("Jobs")
    menu_icon = "pick"
    menu_order = 270
    items = (OccupationViewSet,)


register_snippet(JobsGroup)
