"""Writes about accounts: organisations, invitations, requests to join, roles, sign-out
everywhere and API tokens. Every function is keyword-only and atomic, and records what it did
in the audit trail (audit.services); mails are sent after the transaction commits.

A package: one module per part, everything re-exported here."""

from beoncosup.accounts.services.common import (
    TOKEN_PREFIX,
    absolute_url,
    mail_to,
    preferred_language,
    token_hash,
)
from beoncosup.accounts.services.invitations import (
    IssuedInvitation,
    invitation_accept,
    invitation_by_token,
    invitation_create,
    invitation_revoke,
)
from beoncosup.accounts.services.join_requests import (
    join_request_create,
    join_request_decide,
)
from beoncosup.accounts.services.organisations import (
    membership_add,
    membership_remove,
    organisation_create,
)
from beoncosup.accounts.services.roles import (
    role_grant,
    role_revoke,
)
from beoncosup.accounts.services.sessions import (
    session_epoch,
    sign_out_everywhere,
)
from beoncosup.accounts.services.tokens import (
    IssuedToken,
    api_token_authenticate,
    api_token_create,
    api_token_revoke,
)

__all__ = [
    "TOKEN_PREFIX",
    "IssuedInvitation",
    "IssuedToken",
    "absolute_url",
    "api_token_authenticate",
    "api_token_create",
    "api_token_revoke",
    "invitation_accept",
    "invitation_by_token",
    "invitation_create",
    "invitation_revoke",
    "join_request_create",
    "join_request_decide",
    "mail_to",
    "membership_add",
    "membership_remove",
    "organisation_create",
    "preferred_language",
    "role_grant",
    "role_revoke",
    "session_epoch",
    "sign_out_everywhere",
    "token_hash",
]
