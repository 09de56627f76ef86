"""The Belgian HSDS profile's code lists (docs/hsds-profile.md). Codes are contracts: other
tools send and read exactly these values."""

from django.db import models
from django.utils.translation import gettext_lazy as _

# Who, which statuses, phases, delivery modes and cancer types: the situation kernel's codes.
# The profile accepts the audiences a service serves (since issue #12 also employers and
# colleagues: advice for the workplace of someone with cancer; the finder asks for them with
# ``for_employers``) and the statuses services are restricted to (contract staff in the public
# sector count as employees). Codes are only ever added, never renamed.
from beoncosup.situation.codes import (
    SERVICE_STATUSES,
    Audience,
    CancerType,
    CodeSubset,
    Delivery,
    Phase,
)

SERVICE_AUDIENCES = CodeSubset(
    Audience,
    (
        Audience.PATIENT,
        Audience.RELATIVE,
        Audience.CHILD,
        Audience.PROFESSIONAL,
        Audience.EMPLOYER,
    ),
)
EmploymentStatus = SERVICE_STATUSES

__all__ = [
    "PROFILE_TAXONOMIES",
    "SERVICE_AUDIENCES",
    "Access",
    "CancerType",
    "CapacityStatus",
    "Cost",
    "Delivery",
    "EmploymentStatus",
    "LocationType",
    "Phase",
    "RecordFlag",
    "ServiceStatus",
    "WaitingBand",
]


class ServiceStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    INACTIVE = "inactive", _("Inactive")
    DEFUNCT = "defunct", _("No longer exists")
    TEMPORARILY_CLOSED = "temporarily closed", _("Temporarily closed")


class Access(models.TextChoices):
    SELF_REFERRAL = "self_referral", _("No referral needed")
    GP_REFERRAL = "gp_referral", _("Referral by your GP")
    HOSPITAL_REFERRAL = "hospital_referral", _("Referral by the hospital or specialist")
    MUTUALITY = "mutuality", _("Through your health insurance fund")


class Cost(models.TextChoices):
    FREE = "free", _("Free")
    REIMBURSED = "reimbursed", _("Reimbursed by the health insurance fund")
    PARTLY_REIMBURSED = "partly_reimbursed", _("Partly reimbursed")
    PAID = "paid", _("Paid")


class LocationType(models.TextChoices):
    PHYSICAL = "physical", _("Physical")
    POSTAL = "postal", _("Postal")
    VIRTUAL = "virtual", _("Virtual")


class CapacityStatus(models.TextChoices):
    """Whether a service takes new referrals, as its provider last stated (issue #15)."""

    OPEN = "open", _("Open to new referrals")
    WAITING_LIST = "waiting_list", _("Waiting list")
    CLOSED = "closed", _("Not taking new referrals")


class WaitingBand(models.TextChoices):
    """How long the waiting list is, in bands a provider can state honestly."""

    UNDER_1_MONTH = "under_1_month", _("< 1 month")
    ONE_TO_THREE_MONTHS = "one_to_three_months", _("1–3 months")
    OVER_3_MONTHS = "over_3_months", _("> 3 months")


class RecordFlag(models.TextChoices):
    DEMO = "demo", _("Demo data")
    SOURCE = "source", _("Source of the information")


# Attribute taxonomies of the profile: HSDS `attributes[].taxonomy_term.taxonomy` → code list.
PROFILE_TAXONOMIES: dict[str, type[models.TextChoices] | CodeSubset | None] = {
    "beoncosup-needs": None,  # the need codes of the taxonomy app
    "beoncosup-audience": SERVICE_AUDIENCES,
    "beoncosup-employment-status": EmploymentStatus,
    "beoncosup-phase": Phase,
    "beoncosup-delivery": Delivery,
    "beoncosup-access": Access,
    "beoncosup-cost": Cost,
    "beoncosup-cancer-type": CancerType,
    "beoncosup-record": RecordFlag,
}
