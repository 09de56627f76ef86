"""Who may do what with return-to-work plans (django-rules).

The person needs no account: their private link (the plan's token) is the key, checked by the
views. Professionals who keep plans with people (career coaches, occupational physicians,
oncocoaches: members of an organisation as professionals, or staff of a listed service such as
a return-to-work service) sign in; on a plan they act only as one of its helpers."""

from __future__ import annotations

from typing import Any

import rules

from beoncosup.accounts.rules import is_any_provider_staff, is_professional, is_signed_in


@rules.predicate
def is_helper_of(user: Any, plan: Any) -> bool:
    if plan is None or not getattr(user, "is_authenticated", False):
        return False
    return bool(plan.helpers.filter(user=user).exists())


is_plan_keeper = is_signed_in & (is_professional | is_any_provider_staff)

rules.add_perm("workplans.keep_plans", is_plan_keeper)
rules.add_perm("workplans.edit_plan", is_plan_keeper & is_helper_of)
