"""``POST /api/v1/referrals`` and ``GET /api/v1/referrals/{referral_id}``: hospital portals
refer a person to a service with an organisation's API token (docs/referrals.md).

The token's organisation is the referrer organisation (no user: ``referrer`` stays empty) and
must have at least one professional member. Reads answer only the referrer organisation and the
organisation holding the receiving service's listing; anyone else gets 404. What the answer
holds of the person follows their consent (``selectors.sight_of_organisation``), and every
answer that holds personal data is logged for the person to see."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal
from uuid import UUID

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.http import HttpRequest
from django.utils import translation
from ninja import Router, Schema
from ninja.errors import HttpError
from ninja.responses import Status as Answer
from pydantic import AfterValidator, ConfigDict, Field

from beoncosup.accounts.api import organisation_token_auth
from beoncosup.accounts.codes import OrgRole
from beoncosup.accounts.models import ApiToken, Membership, Organisation
from beoncosup.core.phone import phone_normalise
from beoncosup.core.schemas import Out, Problem
from beoncosup.directory.enums import ServiceStatus
from beoncosup.directory.models import Service
from beoncosup.referrals import services
from beoncosup.referrals.codes import (
    CareRole,
    Channel,
    ConsentMethod,
    ContactMethod,
    DataCategory,
    Purpose,
    Reason,
    Status,
    Urgency,
)
from beoncosup.referrals.models import Referral
from beoncosup.referrals.selectors import Sight, referral_detail, sight_of_organisation

router = Router(tags=["Referrals"])

Language = Literal["nl", "fr", "de", "en"]


def _no_nul(value: str) -> str:
    if "\x00" in value:
        raise ValueError("contains a NUL character (\\u0000), which is not allowed")
    return value


Text = Annotated[str, AfterValidator(_no_nul)]


class In(Schema):
    """Input objects refuse keys they do not know: a misspelt field is an error, not a silent
    default."""

    model_config = ConfigDict(extra="forbid")


class PersonIn(In):
    name: Text = Field(max_length=150, description="The person's name, as the service will ask.")
    contact_method: ContactMethod = Field(
        description="How the person wants to be contacted; `phone` and `sms` need `phone`, "
        "`email` needs `email`."
    )
    phone: Text = Field(
        "", max_length=40, description="Belgian or international; stored in E.164 (+32…)."
    )
    email: Text = Field("", max_length=254)


class ConsentIn(In):
    categories: list[DataCategory] = Field(
        min_length=1, description="What the person agrees to share: needs, contact, notes."
    )
    care_roles: list[CareRole] = Field(
        default_factory=list, description="Care-team roles that may see what is shared."
    )
    purposes: list[Purpose] = Field(min_length=1)
    valid_until: dt.date = Field(description="The last day of the consent (at most two years).")
    method: Literal["read_aloud"] = Field(
        description="Always `read_aloud`: the hospital's professional read the statement to "
        "the person and recorded their answer."
    )
    statement_language: Language = Field(
        description="The language the statement was read in (usually the person's)."
    )


class ReferralIn(In):
    service: UUID = Field(description="The service's id (as in /api/hsds/services).")
    needs: list[Text] = Field(min_length=1, max_length=20, description="Taxonomy need codes.")
    reason: Text = Field("", max_length=500, description="Why, in a sentence or two.")
    urgency: Urgency = Urgency.ROUTINE
    language: Language = Field(description="The person's preferred language.")
    person: PersonIn | None = Field(None, description="Only with `consent`.")
    consent: ConsentIn | None = Field(
        None, description="Without it the referral is anonymous and does not reach the service."
    )


class ReferralServiceOut(Out):
    id: UUID | None
    name: str


class EventOut(Out):
    at: dt.datetime
    status: Status
    reason: Reason | None = Field(description="The decline reason or outcome of this step.")
    by: str = Field(description="The organisation that made the step, as it was named.")


class PersonOut(Out):
    name: str
    contact_method: ContactMethod
    phone: str
    email: str


class ConsentOut(Out):
    active: bool
    categories: list[DataCategory]
    care_roles: list[CareRole]
    valid_until: dt.date
    withdrawn_at: dt.datetime | None


class ReferralOut(Out):
    id: UUID
    service: ReferralServiceOut
    status: Status
    outcome: Reason | None = Field(description="Why it was declined or how it ended.")
    needs: list[str] | None = Field(
        description="The need codes; null when the person's consent does not share them."
    )
    urgency: Urgency
    language: str
    delivered: bool = Field(description="False: anonymous, nothing went to the service.")
    created_at: dt.datetime
    updated_at: dt.datetime
    history: list[EventOut]
    person: PersonOut | None = Field(
        description="The person's name and contact, when their consent shares them with you."
    )
    consent: ConsentOut | None


class ReferralCreatedOut(ReferralOut):
    person_link: str = Field(
        description="The person's private link: give it to them. Returned only here, never "
        "again (only its hash is kept)."
    )


# Where each field a service names lives in the request body.
FIELD_PATHS = {
    "name": "person.name",
    "contact_method": "person.contact_method",
    "phone": "person.phone",
    "email": "person.email",
    "categories": "consent.categories",
    "care_roles": "consent.care_roles",
    "purposes": "consent.purposes",
    "valid_until": "consent.valid_until",
    "method": "consent.method",
    "statement_language": "consent.statement_language",
}


class Invalid(Exception):
    """Bad input found after the schema: answered 422 naming each field, in the shape of
    beoncosup.api's validation errors."""

    def __init__(self, problems: dict[str, list[str]]) -> None:
        super().__init__()
        self.errors = [
            {"field": FIELD_PATHS.get(name, name), "message": " ".join(str(m) for m in messages)}
            for name, messages in problems.items()
        ]

    @property
    def body(self) -> dict[str, Any]:
        detail = "; ".join(f"{e['field']}: {e['message']}" for e in self.errors)
        return {"detail": detail, "errors": self.errors}


def invalid(problems: dict[str, list[str]]) -> Invalid:
    return Invalid(problems)


def problems_of(error: ValidationError) -> dict[str, list[str]]:
    if hasattr(error, "error_dict"):
        return {name: [str(m) for m in messages] for name, messages in error.message_dict.items()}
    return {"__all__": [str(m) for m in error.messages]}


def token_organisation(request: HttpRequest) -> Organisation:
    token: ApiToken = request.auth  # type: ignore[attr-defined]
    return token.organisation


def referral_out(referral: Referral, sight: Sight) -> dict[str, Any]:
    """The referral as the organisation may see it (personal data only as the sight allows)."""
    case = referral.case
    consent = referral.consent
    person = None
    if sight.contact and case is not None and case.erased_at is None and case.name:
        person = PersonOut(
            name=case.name,
            contact_method=ContactMethod(case.contact_method),
            phone=case.phone,
            email=case.email,
        )
    return {
        "id": referral.pk,
        "service": ReferralServiceOut(id=referral.service_id, name=referral.service_name),
        "status": Status(referral.status),
        "outcome": Reason(referral.reason_code) if referral.reason_code else None,
        "needs": list(referral.needs) if sight.needs else None,
        "urgency": Urgency(referral.urgency),
        "language": referral.language,
        "delivered": referral.delivered,
        "created_at": referral.created_at,
        "updated_at": referral.updated_at,
        "history": [
            EventOut(
                at=event.at,
                status=Status(event.status),
                reason=Reason(event.reason_code) if event.reason_code else None,
                by=event.actor_label,
            )
            for event in referral.events.all()
        ],
        "person": person,
        "consent": (
            ConsentOut(
                active=consent.is_active(),
                categories=[DataCategory(c) for c in consent.categories],
                care_roles=[CareRole(r) for r in consent.care_roles],
                valid_until=consent.valid_until,
                withdrawn_at=consent.withdrawn_at,
            )
            if consent is not None
            else None
        ),
    }


def _identity(person: PersonIn, language: str) -> services.Identity:
    phone = ""
    if person.contact_method in (ContactMethod.PHONE, ContactMethod.SMS) or person.phone:
        if not person.phone:
            raise invalid(
                {"phone": ["give a phone number to be called or to receive text messages on"]}
            )
        try:
            phone = phone_normalise(person.phone, mobile=person.contact_method == ContactMethod.SMS)
        except ValidationError as error:
            raise invalid({"phone": [str(m) for m in error.messages]}) from None
    email = person.email.strip()
    if email:
        try:
            validate_email(email)
        except ValidationError:
            raise invalid({"email": ["enter a valid e-mail address"]}) from None
    return services.Identity(
        name=person.name,
        contact_method=person.contact_method,
        language=language,
        phone=phone,
        email=email,
    )


@router.post(
    "/referrals",
    auth=organisation_token_auth,
    response={201: ReferralCreatedOut, 401: Problem, 403: Problem, 404: Problem, 422: Problem},
    summary="Refer a person to a service",
    description=(
        "Refers a person to a service for the token's organisation, which must have at least "
        "one professional member (else 403). With `consent` (read aloud to the person by your "
        "professional) and `person`, the referral reaches the service with what the consent "
        "shares; without `consent` it is anonymous (`person` must then be left out) and "
        "nothing reaches the service. The answer holds `person_link`, the person's private "
        "link, once: give it to them. An unknown or inactive service answers 404; bad input "
        "answers 422 naming each field, and nothing is stored."
    ),
)
def referral_create(request: HttpRequest, payload: ReferralIn) -> Any:
    try:
        return _referral_create(request, payload)
    except Invalid as error:
        return Answer(422, error.body)


def _referral_create(request: HttpRequest, payload: ReferralIn) -> Any:
    organisation = token_organisation(request)
    if not Membership.objects.filter(
        organisation=organisation, role=OrgRole.PROFESSIONAL, user__is_active=True
    ).exists():
        raise HttpError(
            403,
            "This organisation has no professional member: referrals are made on a "
            "professional's responsibility.",
        )
    service = Service.objects.filter(pk=payload.service, status=ServiceStatus.ACTIVE).first()
    if service is None:
        raise HttpError(404, "No active service with this id.")
    if payload.consent is None and payload.person is not None:
        raise invalid({"person": ["leave the person out without consent (anonymous referral)"]})
    if payload.consent is not None and payload.person is None:
        raise invalid({"person": ["a referral with consent needs the person"]})
    identity = _identity(payload.person, payload.language) if payload.person else None
    terms = None
    if payload.consent is not None:
        terms = services.ConsentTerms(
            categories=[str(c) for c in payload.consent.categories],
            care_roles=[str(r) for r in payload.consent.care_roles],
            purposes=[str(p) for p in payload.consent.purposes],
            valid_until=payload.consent.valid_until,
            method=ConsentMethod.READ_ALOUD,
            statement_language=payload.consent.statement_language,
        )
    with translation.override("en"):  # the API speaks English
        try:
            referral, token = services.referral_create(
                service=service,
                needs=list(payload.needs),
                reason=payload.reason,
                urgency=payload.urgency,
                language=payload.language,
                identity=identity,
                terms=terms,
                referrer=None,
                organisation=organisation,
                channel=Channel.API,
            )
        except ValidationError as error:
            raise invalid(problems_of(error)) from None
    created = referral_detail(referral.pk) or referral
    sight = sight_of_organisation(organisation, created)
    link = services.person_link(created.case, token) if created.case is not None else ""
    return Answer(201, {**referral_out(created, sight), "person_link": link})


@router.get(
    "/referrals/{referral_id}",
    auth=organisation_token_auth,
    response={200: ReferralOut, 401: Problem, 404: Problem, 422: Problem},
    summary="A referral and its status",
    description=(
        "For the organisation that made the referral and the organisation holding the "
        "receiving service's listing; for anyone else it does not exist (404). `person` and "
        "`needs` are there only while the person's consent shares them with you; each answer "
        "holding them is logged on the person's page."
    ),
)
def referral_read(request: HttpRequest, referral_id: UUID) -> Any:
    organisation = token_organisation(request)
    referral = referral_detail(referral_id)
    sight = sight_of_organisation(organisation, referral) if referral else None
    if referral is None or sight is None or not sight.role:
        raise HttpError(404, "No such referral.")
    if sight.personal and referral.case is not None:
        services.access_record(
            case=referral.case,
            what="api.referral",
            channel=Channel.API,
            organisation_label=organisation.name,
            referral=referral,
        )
    return referral_out(referral, sight)
