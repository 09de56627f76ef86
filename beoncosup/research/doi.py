"""DOIs (Digital Object Identifiers) of publications: what people paste, normalised to the bare
``10.NNNN/suffix`` form, and the link that resolves it (https://www.doi.org/the-identifier/
doi-handbook: a DOI is "10." + registrant code + "/" + suffix; matching is case-insensitive)."""

from __future__ import annotations

import re
from urllib.parse import quote, unquote

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Prefixes people paste before the DOI itself, longest first.
PREFIXES = (
    "https://dx.doi.org/",
    "http://dx.doi.org/",
    "https://doi.org/",
    "http://doi.org/",
    "dx.doi.org/",
    "doi.org/",
    "doi:",
)
DOI_PATTERN = re.compile(r"^10\.\d{4,9}(\.\d+)*/\S+$")
MAX_LENGTH = 200


def doi_normalise(value: str) -> str:
    """The bare DOI of ``value`` ("https://doi.org/10.1000/X", "doi: 10.1000/X" → "10.1000/X");
    raises ValidationError when it is not one."""
    text = (value or "").strip()
    lowered = text.lower()
    for prefix in PREFIXES:
        if lowered.startswith(prefix):
            text = text[len(prefix) :].strip()
            break
    text = unquote(text) if "%" in text else text
    if len(text) > MAX_LENGTH or "\x00" in text or not DOI_PATTERN.match(text):
        raise ValidationError(
            _("Give a DOI like 10.1234/abcd (with or without https://doi.org/ in front)."),
            code="invalid_doi",
        )
    return text


def doi_validate(value: str) -> None:
    """Model and form validator: ``value`` is a DOI in any accepted form."""
    doi_normalise(value)


def doi_url(doi: str) -> str:
    """The https://doi.org link of a bare DOI (its characters escaped as the handbook asks)."""
    return "https://doi.org/" + quote(doi, safe="/:;()._-")
