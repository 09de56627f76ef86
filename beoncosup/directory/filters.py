"""Editors' list filters for services in the admin."""

from __future__ import annotations

import django_filters
from django.db.models import F, Q, QuerySet
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from beoncosup.directory.enums import ServiceStatus
from beoncosup.directory.models import Service
from beoncosup.directory.selectors import services_overdue
from beoncosup.taxonomy.models import Need

REGIONS = (
    ("BE-VLG", _("Flemish Region")),
    ("BE-WAL", _("Walloon Region")),
    ("BE-BRU", _("Brussels-Capital Region")),
    ("BE-DG", _("German-speaking Community")),
)
LANGUAGES = (("nl", _("Dutch")), ("fr", _("French")), ("de", _("German")), ("en", _("English")))


def stale_services(queryset: QuerySet[Service]) -> QuerySet[Service]:
    """Services never verified, or not for BEONCOSUP_VERIFY_AFTER_DAYS (12 months)."""
    return services_overdue(queryset)


class ServiceFilterSet(WagtailFilterSet):
    need = django_filters.ModelChoiceFilter(
        field_name="needs", queryset=Need.objects.order_by("code"), label=_("Need")
    )
    region = django_filters.ChoiceFilter(
        choices=REGIONS, method="filter_region", label=_("Region or community")
    )
    language = django_filters.ChoiceFilter(
        choices=LANGUAGES, method="filter_language", label=_("Language offered")
    )
    status = django_filters.ChoiceFilter(choices=ServiceStatus.choices, label=_("Status"))
    verification = django_filters.ChoiceFilter(
        choices=(("stale", _("To verify (over 12 months)")), ("fresh", _("Verified this year"))),
        method="filter_verification",
        label=_("Verification"),
    )

    class Meta:
        model = Service
        fields: list[str] = []

    def filter_region(
        self, queryset: QuerySet[Service], name: str, value: str
    ) -> QuerySet[Service]:
        """Services located in the region, or whose service area names it."""
        if value == "BE-DG":
            located = Q(service_at_locations__location__municipality__community="de")
        else:
            located = Q(service_at_locations__location__municipality__region__code=value)
        return queryset.filter(located | Q(service_areas__code=value)).distinct()

    def filter_language(
        self, queryset: QuerySet[Service], name: str, value: str
    ) -> QuerySet[Service]:
        return queryset.filter(languages__code=value).distinct()

    def filter_verification(
        self, queryset: QuerySet[Service], name: str, value: str
    ) -> QuerySet[Service]:
        stale = stale_services(queryset)
        if value != "stale":
            return queryset.exclude(pk__in=stale.values("pk"))
        if self.request is not None and self.request.GET.get("ordering"):
            return stale  # the editor sorted by a column
        # The list to work through: never verified first, then the oldest check (the same on
        # SQLite and PostgreSQL, which place NULLs differently by default).
        return stale.order_by(F("assured_date").asc(nulls_first=True), "pk")
