"""What an HSDS 3.0 service object must look like to be imported (pydantic, strict types).

Only the fields we store are declared; others (funding, programs, metadata, …) are ignored.
Text limits match the database columns. E-mail and web addresses are checked as the admin checks
them, web addresses allowing only http and https. Profile rules that need the database (need
codes, postcodes) are checked in ``importer``.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from typing import Annotated, Literal

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import URLValidator, validate_email
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StrictFloat,
    StrictInt,
    StringConstraints,
    ValidationInfo,
)
from pydantic_core import PydanticCustomError

# The same checks as the admin's URL and e-mail fields. Addresses are shown as links, so a
# "javascript:" or "data:" address would run in the visitor's browser: only the web's schemes.
_HTTP_URL = URLValidator(schemes=["http", "https"])
# PostgreSQL refuses text holding NUL ("\u0000" in JSON): refuse it here, with the field named.
NO_NUL = r"^[^\x00]*$"
# The importer reads a file twice: it checks every record, then writes. On the second reading
# (``context=ADDRESSES_CHECKED``) the addresses are not checked again: the checks take more
# than half of the validation time (about 4 s per 100,000 services).
ADDRESSES_CHECKED = {"addresses_checked": True}
# Service areas also name places by URN (urn:beoncosup:area:BE-VLG, another directory's URN).
_URN = re.compile(r"^urn:[A-Za-z0-9][A-Za-z0-9-]{0,31}:\S+$")


def _text(max_length: int, *, min_length: int = 0) -> StringConstraints:
    return StringConstraints(
        strict=True, min_length=min_length, max_length=max_length, pattern=NO_NUL
    )


def _shown(value: str) -> str:
    return repr(value if len(value) <= 80 else f"{value[:80]}…")


def _checked(info: ValidationInfo) -> bool:
    return bool(info.context and info.context.get("addresses_checked"))


def _web_address(value: str, info: ValidationInfo) -> str:
    """An http(s) address, or "" for none."""
    if not value or _checked(info):
        return value
    try:
        _HTTP_URL(value)
    except DjangoValidationError:
        raise PydanticCustomError(
            "web_address",
            "{value} is not a web address (http:// or https://)",
            {"value": _shown(value)},
        ) from None
    return value


def _area_uri(value: str, info: ValidationInfo) -> str:
    return value if _URN.match(value) else _web_address(value, info)


def _email(value: str, info: ValidationInfo) -> str:
    """An e-mail address, or "" for none."""
    if not value or _checked(info):
        return value
    try:
        validate_email(value)
    except DjangoValidationError:
        raise PydanticCustomError(
            "email", "{value} is not an e-mail address", {"value": _shown(value)}
        ) from None
    return value


Text = Annotated[str, _text(255)]
Email = Annotated[str, _text(254), AfterValidator(_email)]
WebAddress = Annotated[str, _text(500), AfterValidator(_web_address)]
LongText = Annotated[str, _text(4000)]
MediumText = Annotated[str, _text(2000)]
Number = StrictInt | StrictFloat


class Strict(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class TaxonomyTermIn(Strict):
    id: uuid.UUID | None = None
    code: Text | None = None
    name: Text | None = None
    taxonomy: Text | None = None


class AttributeIn(Strict):
    id: uuid.UUID | None = None
    taxonomy_term_id: uuid.UUID | None = None
    taxonomy_term: TaxonomyTermIn | None = None
    value: Annotated[str, _text(500)] | None = None


class AddressIn(Strict):
    id: uuid.UUID
    location_id: uuid.UUID | None = None
    attention: Text | None = None
    address_1: Text
    address_2: Text | None = None
    city: Annotated[str, _text(100)]
    region: Annotated[str, _text(100)] | None = None
    state_province: Annotated[str, _text(100)]
    postal_code: Annotated[str, _text(20)]
    country: Annotated[str, StringConstraints(strict=True, pattern=r"^[A-Z]{2}$")]
    address_type: Literal["physical", "postal", "virtual"]


class AccessibilityIn(Strict):
    id: uuid.UUID
    location_id: uuid.UUID | None = None
    description: MediumText | None = None
    details: Annotated[str, _text(1000)] | None = None
    url: WebAddress | None = None


class LocationIn(Strict):
    id: uuid.UUID
    location_type: Literal["physical", "postal", "virtual"]
    organization_id: uuid.UUID | None = None
    name: Text | None = None
    description: LongText | None = None
    transportation: MediumText | None = None
    latitude: Annotated[Number, Field(ge=-90, le=90)] | None = None
    longitude: Annotated[Number, Field(ge=-180, le=180)] | None = None
    addresses: list[AddressIn] = []
    accessibility: list[AccessibilityIn] = []


class ServiceAtLocationIn(Strict):
    id: uuid.UUID
    service_id: uuid.UUID | None = None
    location_id: uuid.UUID | None = None
    description: MediumText | None = None
    location: LocationIn


class OrganizationIn(Strict):
    id: uuid.UUID
    name: Text
    alternate_name: Text | None = None
    description: LongText
    email: Email | None = None
    website: WebAddress | None = None


class PhoneIn(Strict):
    id: uuid.UUID
    number: Annotated[str, _text(50, min_length=1)]
    extension: Annotated[StrictInt, Field(ge=0)] | None = None
    type: Annotated[str, _text(10)] | None = None
    description: Annotated[str, _text(500)] | None = None


class ScheduleIn(Strict):
    id: uuid.UUID
    freq: Literal["WEEKLY", "MONTHLY"] | None = None
    byday: (
        Annotated[
            str,
            StringConstraints(
                strict=True,
                pattern=r"^(-?[1-5]?(MO|TU|WE|TH|FR|SA|SU))(,-?[1-5]?(MO|TU|WE|TH|FR|SA|SU))*$",
            ),
        ]
        | None
    ) = None
    opens_at: dt.time | None = None
    closes_at: dt.time | None = None
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    description: Annotated[str, _text(1000)] | None = None


class ServiceAreaIn(Strict):
    id: uuid.UUID
    name: Text | None = None
    description: Annotated[str, _text(1000)] | None = None
    uri: Annotated[str, _text(500), AfterValidator(_area_uri)] | None = None
    extent: Annotated[str, _text(100)] | None = None
    extent_type: Annotated[str, _text(100)] | None = None


class LanguageIn(Strict):
    id: uuid.UUID
    name: Annotated[str, _text(100)] | None = None
    code: Annotated[str, StringConstraints(strict=True, pattern=r"^[a-z]{2}$")] | None = None
    note: Annotated[str, _text(500)] | None = None


class CostOptionIn(Strict):
    id: uuid.UUID
    option: Text | None = None
    amount: Annotated[Number, Field(ge=0, le=9_999_999)] | None = None
    currency: Annotated[str, StringConstraints(strict=True, pattern=r"^[A-Za-z]{3}$")] | None = None
    amount_description: Annotated[str, _text(500)] | None = None


class RequiredDocumentIn(Strict):
    id: uuid.UUID
    document: Annotated[str, _text(500)] | None = None
    uri: WebAddress | None = None


class ContactIn(Strict):
    id: uuid.UUID
    name: Text | None = None
    title: Text | None = None
    department: Text | None = None
    email: Email | None = None


class ServiceIn(Strict):
    id: uuid.UUID
    organization_id: uuid.UUID | None = None
    name: Annotated[str, _text(255, min_length=1)]
    alternate_name: Text | None = None
    description: LongText | None = None
    url: WebAddress | None = None
    email: Email | None = None
    status: Literal["active", "inactive", "defunct", "temporarily closed"]
    application_process: MediumText | None = None
    fees_description: MediumText | None = None
    wait_time: Text | None = None
    eligibility_description: MediumText | None = None
    alert: Annotated[str, _text(1000)] | None = None
    minimum_age: Annotated[StrictInt, Field(ge=0, le=120)] | None = None
    maximum_age: Annotated[StrictInt, Field(ge=0, le=120)] | None = None
    assured_date: dt.date | None = None
    # Not checked as an e-mail address: editors may write a name in "verified by", and an
    # export must import again.
    assurer_email: Text | None = None
    last_modified: dt.datetime | None = None
    organization: OrganizationIn
    phones: list[PhoneIn] = []
    schedules: list[ScheduleIn] = []
    service_areas: list[ServiceAreaIn] = []
    languages: list[LanguageIn] = []
    cost_options: list[CostOptionIn] = []
    required_documents: list[RequiredDocumentIn] = []
    contacts: list[ContactIn] = []
    service_at_locations: list[ServiceAtLocationIn] = []
    attributes: list[AttributeIn] = []
