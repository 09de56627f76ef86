"""What the HSDS read API answers (``/api/hsds/``), as response models for its OpenAPI schema.

Modelled on Open Referral's HSDS 3.0 schemas (tests/hsds_reference/, CC BY-SA 4.0), with only
the fields we fill and our own short descriptions. The importer's input models are
``hsds/schemas.py``; the JSON itself is built by ``hsds/serialize.py`` (shared with the export)
and validated against these models on the way out.

HSDS leaves out an unknown value rather than sending null or an empty string: such fields are
declared ``X | Absent = None`` (not nullable in the schema, and left out of the answer while
unset: the routes dump with ``exclude_unset``). Fields are declared in the order the
serialisers write them, which is the order of the keys in the answer.
"""

from __future__ import annotations

from typing import Generic, Literal, TypeVar

from pydantic import Field
from pydantic.config import JsonDict
from pydantic.json_schema import SkipJsonSchema

from beoncosup.core.schemas import Out

# Left out of the answer when unknown, never null.
Absent = SkipJsonSchema[None]
UUID: JsonDict = {"format": "uuid"}
DATE: JsonDict = {"format": "date"}
Item = TypeVar("Item", bound=Out)


def _id(description: str) -> str:
    return Field(description=description, json_schema_extra=UUID)  # type: ignore[no-any-return]


def _optional_id(description: str) -> str | None:
    return Field(None, description=description, json_schema_extra=UUID)


class Root(Out):
    version: str = Field(description="The HSDS version followed: 3.0.")
    profile: str = Field(description="Where the Belgian profile's taxonomies are listed.")
    openapi_url: str = Field(description="This API's OpenAPI description.")


class Taxonomy(Out):
    id: str = _id("Stable id of the taxonomy.")
    name: str = Field(description="The taxonomy's name, e.g. beoncosup-needs.")
    description: str
    uri: str = Field(description="A URN naming the taxonomy.")
    version: str


class ProfileTaxonomy(Taxonomy):
    codes: list[str] = Field(description="Every code of the taxonomy.")


class Profile(Out):
    taxonomies: list[ProfileTaxonomy]


class TaxonomyTerm(Out):
    id: str = _id("Stable id of the term: the same for a code in every language.")
    code: str = Field(description="The code, as used by the finder's parameters.")
    name: str = Field(description="The label in `language`.")
    description: str
    taxonomy: str = Field(description="The name of the term's taxonomy.")
    taxonomy_id: str = _id("The id of the term's taxonomy.")
    language: str = Field(description="The language of `name` and `description`.")


class Attribute(Out):
    id: str = _id("Stable id of the link between the service and the term.")
    link_id: str = _id("The service's id.")
    link_type: Literal["service"]
    link_entity: Literal["service"]
    taxonomy_term_id: str = _id("The term's id.")
    taxonomy_term: TaxonomyTerm
    value: str | Absent = Field(
        None, description="For the `source` term: where the record came from."
    )


class Organization(Out):
    id: str = _id("Stable id of the organisation.")
    name: str
    description: str
    alternate_name: str | Absent = None
    email: str | Absent = None
    website: str | Absent = None


class ServiceListItem(Out):
    """A service as lists show it: its own fields and its organisation, no arrays."""

    id: str = _id("Stable id of the service.")
    organization_id: str = _id("The id of the organisation providing it.")
    name: str = Field(description="In the asked language, else the nearest one available.")
    status: Literal["active", "inactive", "defunct", "temporarily closed"]
    alternate_name: str | Absent = None
    description: str | Absent = None
    application_process: str | Absent = Field(None, description="How to get the service.")
    fees_description: str | Absent = None
    wait_time: str | Absent = None
    eligibility_description: str | Absent = None
    alert: str | Absent = Field(None, description="A temporary notice (closure, change).")
    url: str | Absent = None
    email: str | Absent = None
    minimum_age: int | Absent = None
    maximum_age: int | Absent = None
    assured_date: str | Absent = Field(
        None, description="When an editor last checked the record.", json_schema_extra=DATE
    )
    assurer_email: str | Absent = Field(None, description="Who checked it.")
    last_modified: str = Field(
        description="Last change, UTC with milliseconds.", json_schema_extra={"format": "date-time"}
    )
    organization: Organization


class Phone(Out):
    id: str = _id("Stable id of the phone.")
    service_id: str = _id("The service's id.")
    number: str
    extension: int | Absent = None
    type: str | Absent = Field(None, description="voice, fax, text, …")
    description: str | Absent = None


class Schedule(Out):
    id: str = _id("Stable id of the schedule.")
    service_id: str = _id("The service's id.")
    freq: Literal["WEEKLY", "MONTHLY"] | Absent = None
    byday: str | Absent = Field(None, description="Days as in iCalendar's BYDAY, e.g. MO,TU.")
    opens_at: str | Absent = Field(None, description="HH:MM, or HH:MM:SS with seconds.")
    closes_at: str | Absent = Field(None, description="HH:MM, or HH:MM:SS with seconds.")
    valid_from: str | Absent = Field(None, json_schema_extra=DATE)
    valid_to: str | Absent = Field(None, json_schema_extra=DATE)
    description: str | Absent = None


class ServiceArea(Out):
    id: str = _id("Stable id of the area.")
    service_id: str = _id("The service's id.")
    name: str | Absent = None
    description: str | Absent = None
    uri: str | Absent = Field(
        None, description="The area: urn:beoncosup:area:<code> for a Belgian region or place."
    )
    extent: str | Absent = Field(None, description="With extent_type beoncosup:radius_km: km.")
    extent_type: str | Absent = None


class Language(Out):
    id: str = _id("Stable id of the language entry.")
    service_id: str = _id("The service's id.")
    code: str | Absent = Field(None, description="ISO 639-1 code.")
    name: str | Absent = None
    note: str | Absent = None


class CostOption(Out):
    id: str = _id("Stable id of the cost option.")
    service_id: str = _id("The service's id.")
    option: str | Absent = None
    amount: int | float | Absent = Field(None, description="An integer when it is whole.")
    currency: str | Absent = Field(None, description="ISO 4217 code, given with an amount.")
    amount_description: str | Absent = None


class RequiredDocument(Out):
    id: str = _id("Stable id of the document entry.")
    service_id: str = _id("The service's id.")
    document: str | Absent = None
    uri: str | Absent = None


class Contact(Out):
    id: str = _id("Stable id of the contact.")
    service_id: str = _id("The service's id.")
    name: str | Absent = None
    title: str | Absent = None
    department: str | Absent = None
    email: str | Absent = None


class Address(Out):
    id: str = _id("Stable id of the address.")
    location_id: str = _id("The location's id.")
    address_1: str
    city: str
    state_province: str
    postal_code: str
    country: str = Field(description="ISO 3166-1 alpha-2 code.")
    address_type: Literal["physical", "postal", "virtual"]
    attention: str | Absent = None
    address_2: str | Absent = None
    region: str | Absent = None


class Accessibility(Out):
    id: str = _id("Stable id of the accessibility entry.")
    location_id: str = _id("The location's id.")
    description: str | Absent = None
    details: str | Absent = None
    url: str | Absent = None


class Location(Out):
    id: str = _id("Stable id of the location.")
    location_type: Literal["physical", "postal", "virtual"]
    organization_id: str | Absent = _optional_id("The id of the organisation it belongs to.")
    name: str | Absent = None
    description: str | Absent = None
    transportation: str | Absent = None
    latitude: float | Absent = None
    longitude: float | Absent = None
    addresses: list[Address] | Absent = None
    accessibility: list[Accessibility] | Absent = None


class NestedServiceAtLocation(Out):
    """A service at a location as a fully nested service lists it."""

    id: str = _id("Stable id of the service at location.")
    service_id: str = _id("The service's id.")
    location_id: str = _id("The location's id.")
    description: str | Absent = None
    location: Location


class Service(ServiceListItem):
    """A fully nested service."""

    phones: list[Phone]
    schedules: list[Schedule]
    service_areas: list[ServiceArea] = Field(
        description="Where it serves; none means everywhere in Belgium."
    )
    languages: list[Language]
    cost_options: list[CostOption]
    required_documents: list[RequiredDocument]
    contacts: list[Contact]
    service_at_locations: list[NestedServiceAtLocation]
    attributes: list[Attribute] = Field(
        description="The service's needs and profile codes, as taxonomy terms."
    )


class OrganizationWithServices(Organization):
    services: list[ServiceListItem]


class ServiceAtLocation(Out):
    """A service at a location as its own list and detail show it."""

    id: str = _id("Stable id of the service at location.")
    service_id: str = _id("The service's id.")
    location_id: str = _id("The location's id.")
    location: Location
    service: ServiceListItem
    description: str | Absent = None


class Page(Out, Generic[Item]):
    """One page of a list, as the HSDS API pages them."""

    total_items: int
    total_pages: int = Field(description="At least 1, even when there are no items.")
    page_number: int
    size: int = Field(description="Items on this page.")
    first_page: bool
    last_page: bool
    empty: bool = Field(description="True when there are no items at all.")
    contents: list[Item]


class ServicePage(Page[ServiceListItem]):
    """A page of services."""


class OrganizationPage(Page[Organization]):
    """A page of organisations."""


class TaxonomyPage(Page[Taxonomy]):
    """A page of taxonomies."""


class TaxonomyTermPage(Page[TaxonomyTerm]):
    """A page of taxonomy terms."""


class ServiceAtLocationPage(Page[ServiceAtLocation]):
    """A page of services at locations."""
