"""People and things for the workspace's tests: organisation A (an owner, a colleague, an
admin, provider staff), organisation B (an outsider), someone without a role; one service."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.utils import translation

from beoncosup.accounts.codes import OrgRole
from beoncosup.accounts.models import Organisation
from beoncosup.accounts.testing import organisation_with, user_create
from beoncosup.directory.hsds.importer import hsds_import
from beoncosup.directory.models import Service
from beoncosup.directory.tests.factories import make_geo, make_needs, service_record
from beoncosup.workspace import services
from beoncosup.workspace.models import SavedSearch, ServiceList, ServiceListItem

QUERY = "need=MED-PAIN&postcode=9000&languages=nl"


@dataclass
class World:
    org_a: Organisation
    org_b: Organisation
    owner: Any
    colleague: Any
    admin: Any
    staff: Any
    outsider: Any
    nobody: Any
    service: Service
    search: SavedSearch
    service_list: ServiceList
    item: ServiceListItem


def load_services(folder: Path, *seeds: str) -> list[Service]:
    path = folder / "nl.json"
    path.write_text(json.dumps([service_record(seed) for seed in seeds]), encoding="utf-8")
    hsds_import(sources=[(path, "nl")])
    return list(Service.objects.order_by("name"))


@pytest.fixture
def reference() -> None:
    make_geo()
    make_needs()


@pytest.fixture
def world(tmp_path: Path, reference: None) -> World:
    org_a = organisation_with(
        name="AZ Voorbeeld",
        members={
            "owner@example.org": [OrgRole.PROFESSIONAL],
            "colleague@example.org": [OrgRole.PROFESSIONAL],
            "admin@example.org": [OrgRole.ORG_ADMIN],
            "staff@example.org": [OrgRole.PROVIDER_STAFF],
        },
    )
    org_b = organisation_with(
        name="OCMW Elders",
        kind="social_service",
        members={"outsider@example.org": ["professional"]},
    )
    user_create("nobody@example.org")
    users = {user.email: user for user in get_user_model().objects.all()}
    (service,) = load_services(tmp_path, "a")
    owner = users["owner@example.org"]
    search = services.search_save(
        owner=owner, name="Pijn in Gent", query=QUERY, organisation=org_a, shared=True
    )
    service_list = services.list_create(
        owner=owner, name="Pijnteam", organisation=org_a, shared=True
    )
    item, _new = services.list_item_add(
        service_list=service_list, service=service, note="Eerst bellen", actor=owner
    )
    return World(
        org_a=org_a,
        org_b=org_b,
        owner=owner,
        colleague=users["colleague@example.org"],
        admin=users["admin@example.org"],
        staff=users["staff@example.org"],
        outsider=users["outsider@example.org"],
        nobody=users["nobody@example.org"],
        service=service,
        search=search,
        service_list=service_list,
        item=item,
    )


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    """The workspace tests read English pages: reverse() gives /en/ addresses, and a test that
    opens a page in another language leaves no language behind for the next one."""
    with translation.override("en"):
        yield
