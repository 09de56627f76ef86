"""Who may do what with employers and offers (django-rules), from the accounts predicates.

Object-level checks take an ``EmployerProfile`` or a ``JobOffer`` (its employer's
organisation decides)."""

from __future__ import annotations

from typing import Any

import rules

from beoncosup.accounts.codes import OrgRole
from beoncosup.accounts.rules import is_editor, is_signed_in
from beoncosup.accounts.selectors import roles_of

EMPLOYER_ROLES = (OrgRole.EMPLOYER_STAFF, OrgRole.ORG_ADMIN)


def _organisation_id(target: Any) -> int | None:
    employer = getattr(target, "employer", target)
    value = getattr(employer, "organisation_id", None)
    return int(value) if value is not None else None


@rules.predicate
def is_employer_staff_of(user: Any, target: Any) -> bool:
    """Employer staff (or an organisation admin) of the employer of ``target``."""
    organisation = _organisation_id(target)
    roles = roles_of(user)
    return organisation is not None and any(
        roles.in_organisation(organisation, role) for role in EMPLOYER_ROLES
    )


@rules.predicate
def is_any_employer_staff(user: Any) -> bool:
    return bool(roles_of(user).organisations_with(OrgRole.EMPLOYER_STAFF))


rules.add_perm("jobs.request_employer_account", is_signed_in)
rules.add_perm("jobs.create_offer", is_signed_in & is_any_employer_staff)
rules.add_perm("jobs.manage_offer", is_signed_in & is_employer_staff_of)
rules.add_perm("jobs.moderate", is_signed_in & is_editor)
