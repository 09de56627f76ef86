"""The navigator's code lists. Codes are contracts: the JSON API and the YAML seed use them."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from beoncosup.situation.codes import Audience, CodeSubset, EmploymentStatus, Region

# The navigator's own lists are situations, durations and contacts; who the person is, their
# status and region use the kernel's codes (the wizard words them in the first person: forms.py).
NAVIGATOR_AUDIENCES = CodeSubset(
    Audience, (Audience.PATIENT, Audience.RELATIVE, Audience.EMPLOYER, Audience.PROFESSIONAL)
)
Status = EmploymentStatus

__all__ = [
    "NAVIGATOR_AUDIENCES",
    "Audience",
    "Contact",
    "Duration",
    "Region",
    "Situation",
    "Status",
]


class Situation(models.TextChoices):
    SICK_LEAVE = "sick_leave", _("On sick leave")
    WORKING = "working", _("Still working")
    RESUME_PARTLY = "resume_partly", _("Wants to go back to work part-time")
    CHANGE_JOB = "change_job", _("Wants to change job")
    CARING = "caring", _("Caring for someone with cancer")
    EMPLOYER = "employer", _("Employer of an employee who is ill")


class Duration(models.TextChoices):
    LT1M = "lt1m", _("Less than 1 month")
    ONE_TO_12M = "1to12m", _("1 to 12 months")
    GT12M = "gt12m", _("More than a year")


class Contact(models.TextChoices):
    """Who to contact about a measure."""

    MUTUALITY = "mutuality", _("Your health insurance fund (mutuality)")
    ADVISING_PHYSICIAN = "advising_physician", _("The advising physician of the mutuality")
    RTW_COORDINATOR = "rtw_coordinator", _("The mutuality's return-to-work coordinator")
    OCCUPATIONAL_PHYSICIAN = "occupational_physician", _("The occupational physician")
    EMPLOYER = "employer", _("The employer or HR department")
    TREATING_DOCTOR = "treating_doctor", _("Your GP or treating doctor")
    SOCIAL_INSURANCE_FUND = "social_insurance_fund", _("The social insurance fund")
    EMPLOYMENT_SERVICE = "employment_service", _("The regional employment service")
    PAYMENT_BODY = "payment_body", _("The body that pays unemployment benefit")
    ONEM = "onem", _("The National Employment Office (RVA/ONEM)")
    MEDEX = "medex", _("Medex (government medical service)")
    CPAS = "cpas", _("The public social welfare centre (OCMW/CPAS)")
    SCHOOL = "school", _("The school or university")
    FAMILY_ALLOWANCE_FUND = "family_allowance_fund", _("The family allowance fund")
    UNIA = "unia", _("Unia (equality body)")
    INSURER = "insurer", _("The insurer")
    SOCIAL_WORKER = "social_worker", _("The hospital's social worker")
