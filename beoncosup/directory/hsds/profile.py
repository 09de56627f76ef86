"""Identifiers of the Belgian HSDS profile (docs/hsds-profile.md)."""

from __future__ import annotations

import uuid

AREA_URI_PREFIX = "urn:beoncosup:area:"
# Service fields carried as HSDS attributes, in export order: (taxonomy name, model field).
ATTRIBUTE_FIELDS = (
    ("beoncosup-audience", "audiences"),
    ("beoncosup-employment-status", "employment_statuses"),
    ("beoncosup-phase", "phases"),
    ("beoncosup-delivery", "delivery_modes"),
    ("beoncosup-access", "access_routes"),
    ("beoncosup-cost", "costs"),
    ("beoncosup-cancer-type", "cancer_types"),
)
NEEDS_TAXONOMY = "beoncosup-needs"
# The service's text fields, name first; each holds one language in a file.
SERVICE_TEXT_FIELDS = (
    "name",
    "alternate_name",
    "description",
    "application_process",
    "fees_description",
    "wait_time",
    "eligibility_description",
    "alert",
)
# A service area "within N km of the service's locations": HSDS extent + extent_type.
RADIUS_EXTENT_TYPE = "beoncosup:radius_km"
RECORD_TAXONOMY = "beoncosup-record"


def taxonomy_id(taxonomy: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"urn:beoncosup:{taxonomy}"))


def taxonomy_term_id(taxonomy: str, code: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"urn:beoncosup:{taxonomy}:{code}"))


def attribute_id(owner_id: uuid.UUID, taxonomy: str, code: str) -> str:
    return str(uuid.uuid5(owner_id, f"{taxonomy}:{code}"))
