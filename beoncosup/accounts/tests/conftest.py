from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.utils import translation

from beoncosup.accounts.codes import OrgRole
from beoncosup.accounts.models import Organisation
from beoncosup.accounts.testing import organisation_with


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    """The accounts tests read English pages: reverse() gives /en/ addresses, and a test that
    opens a page in another language leaves no language behind for the next one."""
    with translation.override("en"):
        yield


@pytest.fixture
def hospital() -> Organisation:
    """An organisation with an admin and a professional member."""
    return organisation_with(
        name="AZ Voorbeeld",
        members={
            "admin@az.example": [OrgRole.ORG_ADMIN],
            "member@az.example": [OrgRole.PROFESSIONAL],
        },
    )


@pytest.fixture
def admin(hospital: Organisation) -> Any:
    return hospital.memberships.get(role=OrgRole.ORG_ADMIN).user


@pytest.fixture
def member(hospital: Organisation) -> Any:
    return hospital.memberships.get(role=OrgRole.PROFESSIONAL).user
