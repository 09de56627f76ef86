"""The writes of the referrals app (keyword-only, atomic; each docstring lists side effects)."""

from beoncosup.referrals.services.cases import (
    Identity,
    person_link,
    person_link_renew,
    referral_add,
    referral_create,
    service_name,
)
from beoncosup.referrals.services.common import access_record, accesses_record, token_hash
from beoncosup.referrals.services.consent import (
    ConsentTerms,
    active_consent,
    consent_record,
    consent_statement,
)
from beoncosup.referrals.services.person import (
    case_erase,
    case_export,
    consent_withdraw,
    referrals_anonymise,
)
from beoncosup.referrals.services.statuses import (
    notices_mark_read,
    referral_move,
    referrals_stalled_notify,
    service_settings_set,
    working_days_between,
)
from beoncosup.referrals.services.team import care_team_add, care_team_remove, note_add

__all__ = [
    "ConsentTerms",
    "Identity",
    "access_record",
    "accesses_record",
    "active_consent",
    "care_team_add",
    "care_team_remove",
    "case_erase",
    "case_export",
    "consent_record",
    "consent_statement",
    "consent_withdraw",
    "note_add",
    "notices_mark_read",
    "person_link",
    "person_link_renew",
    "referral_add",
    "referral_create",
    "referral_move",
    "referrals_anonymise",
    "referrals_stalled_notify",
    "service_name",
    "service_settings_set",
    "token_hash",
    "working_days_between",
]
