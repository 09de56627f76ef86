"""The packaged demo directory loads and covers what the demo must show."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Count

from beoncosup.directory.models import Location, Organization, Service
from beoncosup.geo.services import geo_load
from beoncosup.taxonomy.models import Need
from beoncosup.taxonomy.services import taxonomy_load

pytestmark = pytest.mark.django_db


def test_demo_directory_loads_marked_as_demo_and_covers_belgium():
    geo_load()
    taxonomy_load()

    call_command("load_demo_directory", stdout=StringIO())

    services = Service.objects.all()
    assert services.count() >= 300
    assert Organization.objects.count() >= 120
    assert not services.filter(is_demo=False).exists()
    assert not Organization.objects.filter(is_demo=False).exists()
    unserved = Need.objects.exclude(services__status="active").values_list("code", flat=True)
    assert list(unserved) == []
    located = (
        Location.objects.filter(location_type="physical")
        .values("municipality__province__code")
        .annotate(n=Count("id"))
    )
    provinces = {row["municipality__province__code"] for row in located if row["n"] >= 5}
    assert provinces >= {
        "BE-VAN",
        "BE-VBR",
        "BE-VLI",
        "BE-VOV",
        "BE-VWV",
        "BE-WBR",
        "BE-WHT",
        "BE-WLG",
        "BE-WLX",
        "BE-WNA",
    }
    assert None in provinces  # Brussels has no province
    assert Location.objects.filter(municipality__community="de").count() >= 5
    languages = {lang for name in services.values_list("name", flat=True) for lang in name}
    assert languages == {"nl", "fr", "de", "en"}


def test_loading_the_demo_directory_twice_changes_nothing():
    geo_load()
    taxonomy_load()
    call_command("load_demo_directory", stdout=StringIO())
    out = StringIO()

    call_command("load_demo_directory", stdout=out)

    assert "created 0, updated 0" in out.getvalue()


# A postcode in each province, Brussels and the German-speaking Community.
PLACES = ("2000", "3000", "3500", "9000", "8000", "1300", "7000", "4000", "6700", "5000", "1000")
CORE_NEEDS = ("PSY-ANXIETY", "PSY-LOW-MOOD", "PSY-FEAR-RECURRENCE")


def test_the_demo_finds_core_psychosocial_help_near_every_province():
    """Issue #12: a demo search for anxiety, low mood or fear of recurrence anywhere in
    Belgium finds help within the default distance (not only national phone lines)."""
    from beoncosup.finder.selectors import find_services  # noqa: PLC0415 - finder is higher
    from beoncosup.search.matching.criteria import Criteria  # noqa: PLC0415

    geo_load()
    taxonomy_load()
    call_command("load_demo_directory", stdout=StringIO())

    missing = []
    for postcode in (*PLACES, "4700"):
        for code in CORE_NEEDS:
            result = find_services(Criteria(needs=(code,), postcode=postcode, lang="fr"))
            if not any(hit.distance_km is not None for hit in result.hits):
                missing.append((postcode, code))
    assert missing == []
    # An employer following the navigator's or an article's link finds services for them.
    for_employers = [
        s for s in Service.objects.filter(status="active") if "employer" in s.audiences
    ]
    assert for_employers
