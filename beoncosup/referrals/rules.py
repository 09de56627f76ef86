"""Who may do what with referrals. Object-level rules take a ``Referral`` or a ``Case``; what
a viewer may then *see* of the person is ``selectors.sight_of`` (the consent decides)."""

from __future__ import annotations

from typing import Any

from rules.permissions import add_perm
from rules.predicates import predicate

from beoncosup.accounts.rules import (
    is_any_provider_staff,
    is_professional,
    is_signed_in,
)
from beoncosup.providers.rules import holds_listing_of
from beoncosup.referrals.selectors import is_service_staff, sight_of, sight_of_case


@predicate
def serves_referral(user: Any, referral: Any) -> bool:
    """Staff of an organisation holding the listing of the service the referral went to."""
    return referral is not None and is_service_staff(user, referral)


@predicate
def sees_referral(user: Any, referral: Any) -> bool:
    return referral is not None and bool(sight_of(user, referral).role)


@predicate
def follows_referral(user: Any, referral: Any) -> bool:
    """The referrer, or a care-team member the consent names."""
    if referral is None:
        return False
    return sight_of(user, referral).role in ("team", "referrer")


@predicate
def in_care_team(user: Any, case: Any) -> bool:
    return case is not None and sight_of_case(user, case).role == "team"


@predicate
def writes_team_notes(user: Any, case: Any) -> bool:
    return case is not None and sight_of_case(user, case).notes


add_perm("referrals.refer", is_signed_in & is_professional)
add_perm("referrals.follow_referrals", is_signed_in & is_professional)
add_perm("referrals.view_referral", is_signed_in & sees_referral)
add_perm("referrals.cancel_referral", is_signed_in & follows_referral)
add_perm("referrals.use_inbox", is_signed_in & is_any_provider_staff)
add_perm("referrals.handle_referral", is_signed_in & serves_referral)
add_perm("referrals.set_service_settings", is_signed_in & holds_listing_of)
add_perm("referrals.view_case", is_signed_in & in_care_team)
add_perm("referrals.manage_care_team", is_signed_in & in_care_team)
add_perm("referrals.add_note", is_signed_in & writes_team_notes)
