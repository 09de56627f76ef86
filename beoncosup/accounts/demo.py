"""Demo accounts for each role, for ``make run`` (development only; refused in production).

Every demo address is at the reserved demo domain, so the sign-in backends and the allauth
adapter refuse them in production even if a copied database still holds them. Each run gives
each account a fresh random password; the TOTP secret is kept (so an authenticator app set up
once keeps working) and a fresh set of recovery codes is made.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction

from beoncosup.accounts import services
from beoncosup.accounts.codes import OrganisationKind, OrgRole, PlatformRole
from beoncosup.accounts.models import Organisation
from beoncosup.core import crypto
from beoncosup.core.services import DEMO_EDITOR_USERNAME, DEMO_EMAIL_DOMAIN
from beoncosup.directory.models import Organization as Listing


@dataclass(frozen=True)
class DemoAccount:
    role: str
    email: str
    password: str
    totp_secret: str
    recovery_codes: list[str]
    organisation: str

    @property
    def otpauth_uri(self) -> str:
        return (
            f"otpauth://totp/BeONCOsup:{quote(self.email)}?secret={self.totp_secret}"
            "&issuer=BeONCOsup"
        )


# (role label, local part, platform role or None, organisation key or None, org roles)
_ACCOUNTS: list[tuple[str, str, str | None, str | None, list[str]]] = [
    ("professional", "professional", None, "hospital", [OrgRole.PROFESSIONAL]),
    (
        "organisation admin",
        "org-admin",
        None,
        "hospital",
        [OrgRole.ORG_ADMIN, OrgRole.PROFESSIONAL],
    ),
    ("provider staff", "provider", None, "provider", [OrgRole.PROVIDER_STAFF]),
    # Employer staff of the demo employer "Demo Havenlogistiek NV" (load_demo_jobs adds the
    # membership when it makes the employer).
    ("employer staff", "employer", None, None, []),
    ("editor", "editor", PlatformRole.EDITOR, None, []),
    ("reviewer", "reviewer", PlatformRole.REVIEWER, None, []),
    ("analyst", "analyst", PlatformRole.ANALYST, None, []),
    ("platform admin", "admin", PlatformRole.PLATFORM_ADMIN, None, []),
]


def _second_factor(user: Any) -> tuple[str, list[str]]:
    totp = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
    if totp is None:
        secret = generate_totp_secret()
        TOTP.activate(user, secret)
    else:
        secret = crypto.decrypt(totp.data["secret"])
    Authenticator.objects.filter(user=user, type=Authenticator.Type.RECOVERY_CODES).delete()
    codes = RecoveryCodes.activate(user).generate_codes()
    return secret, codes[:3]


@transaction.atomic
def demo_accounts_ensure() -> list[DemoAccount]:
    """Create (or refresh) one demo account per role with its organisation, a verified e-mail
    address, a TOTP authenticator and recovery codes. Refuses in production."""
    if settings.PRODUCTION:
        raise PermissionError("Demo accounts are never created in production.")
    organisations = {
        "hospital": _organisation("Demo – AZ Voorbeeld (hospital)", OrganisationKind.HOSPITAL),
        "provider": _organisation(
            "Demo – Steunpunt Voorbeeld (provider)", OrganisationKind.PROVIDER
        ),
    }
    listing = Listing.objects.filter(is_demo=True).order_by("name").first()
    if listing is not None:
        organisations["provider"].listings.add(listing)
    accounts = []
    user_model = get_user_model()
    for label, local, platform_role, org_key, org_roles in _ACCOUNTS:
        email = f"demo-{local}@{DEMO_EMAIL_DOMAIN}"
        username = DEMO_EDITOR_USERNAME if platform_role == PlatformRole.EDITOR else email
        user = user_model.objects.filter(username=username).first() or user_model(username=username)
        password = secrets.token_urlsafe(12)
        user.email = email
        user.first_name, user.last_name = "Demo", label.title()
        user.is_active = True
        user.set_password(password)
        user.save()
        EmailAddress.objects.filter(user=user).exclude(email=email).delete()
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        if platform_role:
            services.role_grant(user=user, role=platform_role, granted_by=None)
        organisation = organisations[org_key] if org_key else None
        for role in org_roles:
            assert organisation is not None  # noqa: S101 (the table above pairs them)
            services.membership_add(organisation=organisation, user=user, role=role)
        secret, codes = _second_factor(user)
        accounts.append(
            DemoAccount(
                role=label,
                email=email,
                password=password,
                totp_secret=secret,
                recovery_codes=codes,
                organisation=organisation.name if organisation else "",
            )
        )
    return accounts


def _organisation(name: str, kind: str) -> Organisation:
    organisation = Organisation.objects.filter(name=name, is_demo=True).first()
    if organisation is None:
        organisation = services.organisation_create(
            name=name, kind=kind, created_by=None, is_demo=True
        )
    return organisation
