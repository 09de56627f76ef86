"""The API's authorization matrix: every operation of the OpenAPI document, anonymous, with a
browser session and with an organisation's token, with the exact outcome."""

from __future__ import annotations

import pytest
from django.test import Client

from beoncosup.accounts import services as account_services
from beoncosup.accounts.models import Organisation
from beoncosup.accounts.testing import signed_in
from beoncosup.api import api
from tests.authz.world import ROLES

pytestmark = pytest.mark.django_db

# ----------------------------------------------------------------- the API

# The operations acting for an organisation (Bearer token), and what a valid token gets when
# the matrix calls them as it does: without a body, with the path parameter's name as its value.
TOKEN_OPERATIONS = {
    ("get", "/api/v1/organisation"): 200,
    ("post", "/api/v1/referrals"): 400,  # no body (tested in referrals/tests/test_api.py)
    ("get", "/api/v1/referrals/{referral_id}"): 422,  # "referral_id" is no UUID
}


def api_operations() -> list[tuple[str, str, bool]]:
    schema = api.get_openapi_schema(path_prefix="/api/")
    operations = []
    for route, methods in schema["paths"].items():
        for method, operation in methods.items():
            operations.append((method, route, bool(operation.get("security"))))
    return operations


# The operations for signed-in people (a browser session, not a token), and what each role
# gets when the matrix calls them with the path parameter's name as its value.
SESSION_OPERATIONS = {
    # "table" is no published table: analysts get 404, everyone else is refused first.
    ("get", "/api/v1/insights/tables/{table}"): {"analyst": 404, "platform_admin": 404},
    # Members of the caregiver network (and editors) search it.
    ("get", "/api/v1/network/members"): {"member": 200, "editor": 200, "platform_admin": 200},
}


def test_the_api_matrix_covers_every_operation():
    secured = {(method, route) for method, route, secure in api_operations() if secure}

    assert secured == set(TOKEN_OPERATIONS) | set(SESSION_OPERATIONS)


@pytest.mark.parametrize(("method", "route"), sorted(SESSION_OPERATIONS))
@pytest.mark.parametrize("role", ROLES)
def test_session_operation_answers_each_role(method, route, role, world):
    path = route.replace("{", "").replace("}", "")
    client = Client() if role == "anonymous" else signed_in(Client(), world.users[role])
    expected = 401 if role == "anonymous" else SESSION_OPERATIONS[(method, route)].get(role, 403)
    assert getattr(client, method)(path).status_code == expected


@pytest.mark.parametrize(
    ("method", "route", "secure"),
    [op for op in api_operations() if (op[0], op[1]) not in SESSION_OPERATIONS],
)
def test_api_operation_answers_as_the_matrix_says(method, route, secure, world):
    path = route.replace("{", "").replace("}", "")  # an unknown id: 404/422, never a 500
    token = account_services.api_token_create(
        organisation=Organisation.objects.get(slug=world.objects["org"]),
        name="matrix",
        created_by=world.users["org_admin"],
        days=1,
    ).secret
    anonymous = getattr(Client(), method)(path)
    session = getattr(signed_in(Client(), world.users["org_admin"]), method)(path)
    with_token = getattr(Client(), method)(path, HTTP_AUTHORIZATION=f"Bearer {token}")

    if secure:
        assert anonymous.status_code == 401
        assert session.status_code == 401  # a browser session is no API credential
        assert with_token.status_code == TOKEN_OPERATIONS[(method, route)]
    else:
        # Anonymous read APIs stay anonymous: the same answer with or without credentials.
        assert anonymous.status_code not in {401, 403, 500}
        assert session.status_code == anonymous.status_code
        assert with_token.status_code == anonymous.status_code
