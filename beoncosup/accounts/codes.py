"""The roles and organisation kinds: codes stored in the database and named in the API."""

from __future__ import annotations

from django.db import models
from django.utils.translation import pgettext_lazy


class OrganisationKind(models.TextChoices):
    HOSPITAL = "hospital", pgettext_lazy("organisation kind", "Hospital")
    GP_PRACTICE = "gp_practice", pgettext_lazy("organisation kind", "GP practice")
    SOCIAL_SERVICE = "social_service", pgettext_lazy("organisation kind", "Social service")
    MUTUALITY = "mutuality", pgettext_lazy("organisation kind", "Health insurance fund")
    PROVIDER = "provider", pgettext_lazy("organisation kind", "Support provider")
    EMPLOYER = "employer", pgettext_lazy("organisation kind", "Employer")
    OTHER = "other", pgettext_lazy("organisation kind", "Other organisation")


class OrgRole(models.TextChoices):
    """What a person does for one organisation (a person may hold several)."""

    PROFESSIONAL = "professional", pgettext_lazy("role", "Professional")
    ORG_ADMIN = "org_admin", pgettext_lazy("role", "Organisation administrator")
    PROVIDER_STAFF = "provider_staff", pgettext_lazy("role", "Provider staff")
    # People of an employer who publish its job offers (issue #19): no access to patients.
    EMPLOYER_STAFF = "employer_staff", pgettext_lazy("role", "Employer staff")


class PlatformRole(models.TextChoices):
    """Roles on the platform itself, granted by a platform administrator."""

    EDITOR = "editor", pgettext_lazy("role", "Editor")
    REVIEWER = "reviewer", pgettext_lazy("role", "Reviewer")
    ANALYST = "analyst", pgettext_lazy("role", "Analyst")
    PLATFORM_ADMIN = "platform_admin", pgettext_lazy("role", "Platform administrator")


class RequestStatus(models.TextChoices):
    PENDING = "pending", pgettext_lazy("request status", "Waiting for a decision")
    APPROVED = "approved", pgettext_lazy("request status", "Approved")
    REJECTED = "rejected", pgettext_lazy("request status", "Rejected")
    WITHDRAWN = "withdrawn", pgettext_lazy("request status", "Withdrawn")


# The Wagtail groups that give a platform role its admin permissions (core.services creates them).
ROLE_GROUPS = {
    PlatformRole.EDITOR: "Editors",
    PlatformRole.REVIEWER: "Moderators",
    PlatformRole.PLATFORM_ADMIN: "Moderators",
}
