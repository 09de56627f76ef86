"""The directory's records as feedback targets: a service (resolving a report verifies it, as
the providers' "Still correct" does) and an organisation (it has no verification date: its
reports only go through the queue)."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from typing import Any

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from beoncosup.accounts.models import Organisation
from beoncosup.core.i18n_text import pick
from beoncosup.directory.models import Organization, Service
from beoncosup.directory.services import service_verify
from beoncosup.feedback.targets import Target, TargetKind

Holders = Organisation.listings.through


def _uuids(ids: Iterable[str]) -> list[uuid.UUID]:
    parsed = []
    for value in ids:
        try:
            parsed.append(uuid.UUID(str(value)))
        except ValueError:
            continue
    return parsed


def _holders(listing_ids: Iterable[Any]) -> dict[Any, frozenset[int]]:
    """Directory organisation id → the platform organisations that hold it (one query)."""
    held: dict[Any, set[int]] = {}
    rows = Holders.objects.filter(organization_id__in=set(listing_ids)).values_list(
        "organization_id", "organisation_id"
    )
    for listing_id, organisation_id in rows:
        held.setdefault(listing_id, set()).add(organisation_id)
    return {key: frozenset(value) for key, value in held.items()}


def _title(value: Any) -> tuple[str, str]:
    picked = pick(value, translation.get_language() or "nl")
    return (picked.text, picked.language) if picked else ("", "")


def services_resolve(ids: Sequence[str]) -> dict[str, Target]:
    services = list(
        Service.objects.filter(pk__in=_uuids(ids)).only("id", "name", "is_demo", "organization_id")
    )
    holders = _holders(s.organization_id for s in services)
    found: dict[str, Target] = {}
    for service in services:
        key = str(service.pk)
        title, language = _title(service.name)
        found[key] = Target(
            kind="service",
            object_id=key,
            title=title or key,
            title_language=language,
            url=reverse("directory:service", kwargs={"service_id": key}),
            organisation_ids=holders.get(service.organization_id, frozenset()),
            is_demo=service.is_demo,
            admin_url=reverse("wagtailsnippets_directory_service:edit", args=[service.pk]),
            provider_url=reverse("providers:propose", kwargs={"service_id": service.pk}),
        )
    return found


def service_resolved(object_id: str, by_user: Any) -> None:
    """Today becomes the service's "last verified on" date, the moderator its verifier."""
    service = Service.objects.filter(pk__in=_uuids([object_id])).first()
    if service is not None:
        service_verify(service=service, by=str(getattr(by_user, "email", "") or by_user))


def services_held_by(organisation_ids: Iterable[int]) -> list[str]:
    ids = Service.objects.filter(
        organization__platform_organisations__in=list(organisation_ids)
    ).values_list("pk", flat=True)
    return [str(pk) for pk in ids.distinct()]


def organizations_resolve(ids: Sequence[str]) -> dict[str, Target]:
    listings = list(Organization.objects.filter(pk__in=_uuids(ids)).only("id", "name", "is_demo"))
    holders = _holders(o.pk for o in listings)
    found: dict[str, Target] = {}
    for listing in listings:
        key = str(listing.pk)
        title, language = _title(listing.name)
        found[key] = Target(
            kind="organization",
            object_id=key,
            title=title or key,
            title_language=language,
            url="",  # the directory has no public page for an organisation, only its services
            organisation_ids=holders.get(listing.pk, frozenset()),
            is_demo=listing.is_demo,
            admin_url=reverse("wagtailsnippets_directory_organization:edit", args=[listing.pk]),
            provider_url=reverse("providers:home"),
        )
    return found


def organizations_held_by(organisation_ids: Iterable[int]) -> list[str]:
    ids = Holders.objects.filter(organisation_id__in=list(organisation_ids)).values_list(
        "organization_id", flat=True
    )
    return [str(pk) for pk in ids.distinct()]


SERVICE = TargetKind(
    code="service",
    label=_("service"),
    resolve_many=services_resolve,
    on_resolved=service_resolved,
    held_by=services_held_by,
)
ORGANIZATION = TargetKind(
    code="organization",
    label=_("organisation"),
    resolve_many=organizations_resolve,
    held_by=organizations_held_by,
)
