"""The Belgian HSDS profile's code lists (docs/hsds-profile.md). Codes are contracts: other
tools send and read exactly these values."""

from django.db import models
from django.utils.translation import gettext_lazy as _

# The taxonomy's treatment phases are the profile's phase codes too.
from beoncosup.taxonomy.enums import Phase


class ServiceStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    INACTIVE = "inactive", _("Inactive")
    DEFUNCT = "defunct", _("No longer exists")
    TEMPORARILY_CLOSED = "temporarily closed", _("Temporarily closed")


class Audience(models.TextChoices):
    PATIENT = "patient", _("People with cancer")
    RELATIVE = "relative", _("Relatives and carers")
    CHILD = "child", _("Children and teenagers")
    PROFESSIONAL = "professional", _("Professionals")


class EmploymentStatus(models.TextChoices):
    EMPLOYEE = "employee", _("Employee")
    CIVIL_SERVANT = "civil_servant", _("Civil servant")
    SELF_EMPLOYED = "self_employed", _("Self-employed (main occupation)")
    SELF_EMPLOYED_SECONDARY = "self_employed_secondary", _("Self-employed (secondary occupation)")
    JOB_SEEKER = "job_seeker", _("Job seeker")
    STUDENT = "student", _("Student")
    OTHER = "other", _("Retired or other")


class Delivery(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    HOME_VISIT = "home_visit", _("Home visit")
    PHONE = "phone", _("By phone")
    ONLINE = "online", _("Online or video")
    GROUP = "group", _("In a group")


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


class CancerType(models.TextChoices):
    BREAST = "breast", _("Breast cancer")
    PROSTATE = "prostate", _("Prostate cancer")
    COLORECTAL = "colorectal", _("Bowel cancer")
    LUNG = "lung", _("Lung cancer")
    HAEMATOLOGICAL = "haematological", _("Blood cancers")
    PAEDIATRIC = "paediatric", _("Childhood cancers")
    HEAD_NECK = "head_neck", _("Head and neck cancers")


class RecordFlag(models.TextChoices):
    DEMO = "demo", _("Demo data")
    SOURCE = "source", _("Source of the information")


# Attribute taxonomies of the profile: HSDS `attributes[].taxonomy_term.taxonomy` → code list.
PROFILE_TAXONOMIES: dict[str, type[models.TextChoices] | None] = {
    "beoncosup-needs": None,  # the need codes of the taxonomy app
    "beoncosup-audience": Audience,
    "beoncosup-employment-status": EmploymentStatus,
    "beoncosup-phase": Phase,
    "beoncosup-delivery": Delivery,
    "beoncosup-access": Access,
    "beoncosup-cost": Cost,
    "beoncosup-cancer-type": CancerType,
    "beoncosup-record": RecordFlag,
}
