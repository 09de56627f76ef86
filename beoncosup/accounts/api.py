"""API access for organisations' systems: ``Authorization: Bearer <token>`` with an
organisation's API token (created on its "API tokens" page). ``OrganisationTokenAuth`` is the
auth of every operation acting for an organisation (the referral API uses it too); the
anonymous read APIs take no auth at all."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.http import HttpRequest
from ninja import Router
from ninja.security import HttpBearer
from pydantic import Field

from beoncosup.accounts.codes import OrganisationKind
from beoncosup.accounts.models import ApiToken
from beoncosup.accounts.services import api_token_authenticate
from beoncosup.core.schemas import Out, Problem


class OrganisationTokenAuth(HttpBearer):
    """The active token of the bearer, or None (django-ninja then answers 401). The token is
    kept on ``request.api_token``; its organisation is ``request.api_token.organisation``."""

    openapi_description = (
        "An organisation's API token: `Authorization: Bearer bos_…`. Expired or revoked "
        "tokens answer 401."
    )

    def authenticate(self, request: HttpRequest, token: str) -> ApiToken | None:
        found = api_token_authenticate(token)
        if found is not None:
            request.api_token = found  # type: ignore[attr-defined]
        return found


organisation_token_auth = OrganisationTokenAuth()

router = Router(tags=["Organisation"])


class OrganisationOut(Out):
    slug: str = Field(description="The organisation's short name, stable.")
    name: str
    kind: OrganisationKind = Field(description="What kind of organisation it is.")
    token_name: str = Field(description="The name given to the token used for this call.")
    token_expires_at: datetime = Field(description="When this token stops working.")


@router.get(
    "/organisation",
    auth=organisation_token_auth,
    response={200: OrganisationOut, 401: Problem},
    summary="The organisation of the token",
    description=(
        "Which organisation the bearer token acts for, and when the token expires: a check "
        "that a system is set up right. Without a token, or with an unknown, expired or "
        "revoked one, the answer is 401."
    ),
)
def organisation_current(request: HttpRequest) -> Any:
    token: ApiToken = request.auth  # type: ignore[attr-defined]
    organisation = token.organisation
    return OrganisationOut(
        slug=organisation.slug,
        name=organisation.name,
        kind=OrganisationKind(organisation.kind),
        token_name=token.name,
        token_expires_at=token.expires_at,
    )
