"""Who may do what with listings: provider staff claim listings, propose changes and confirm
services of the listings their organisation holds; editors decide and read the history.

Object-level rules take a ``Service`` (propose, confirm) or an ``Organisation`` (claim)."""

from __future__ import annotations

from typing import Any

from rules.permissions import add_perm
from rules.predicates import predicate

from beoncosup.accounts.rules import (
    is_any_provider_staff,
    is_editor,
    is_provider_staff_of,
    is_signed_in,
)
from beoncosup.providers.selectors import holder_of


@predicate
def holds_listing_of(user: Any, service: Any) -> bool:
    """The user is provider staff of an organisation whose listings include the service's."""
    return service is not None and holder_of(user, service) is not None


add_perm("providers.use_provider_home", is_signed_in & is_any_provider_staff)
add_perm("providers.claim_listing", is_signed_in & is_provider_staff_of)
add_perm("providers.propose_change", is_signed_in & holds_listing_of)
add_perm("providers.confirm_service", is_signed_in & holds_listing_of)
add_perm("providers.set_capacity", is_signed_in & holds_listing_of)
add_perm("providers.review_listings", is_signed_in & is_editor)
add_perm("providers.decide_claim", is_signed_in & is_editor)
add_perm("providers.decide_proposal", is_signed_in & is_editor)
add_perm("providers.view_service_history", is_signed_in & is_editor)
