"""The participation app's codes: stored in the database and named in the API (keep them stable)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import pgettext_lazy

from beoncosup.training.codes import Registration


class ParticipantRole(models.TextChoices):
    """Who takes part in a working-group session."""

    PATIENT = "patient", pgettext_lazy("participant role", "Patient")
    RELATIVE = "relative", pgettext_lazy("participant role", "Relative or carer")
    PROFESSIONAL = "professional", pgettext_lazy("participant role", "Professional")
    ORGANISATION = (
        "organisation",
        pgettext_lazy("participant role", "Representative of an organisation"),
    )


# The roles that may name their organisation (optional).
ROLES_WITH_ORGANISATION = (ParticipantRole.PROFESSIONAL, ParticipantRole.ORGANISATION)


# A working-group registration stands where a training registration does (the sessions are
# training sessions): the same code list, not a copy.
RegistrationStatus = Registration


class ActionKind(models.TextChoices):
    """What was done with the input."""

    TAXONOMY_CHANGE = "taxonomy_change", pgettext_lazy("action kind", "Change to the needs list")
    HUB_ARTICLE = "hub_article", pgettext_lazy("action kind", "New or changed article")
    POLICY_RECOMMENDATION = (
        "policy_recommendation",
        pgettext_lazy("action kind", "Policy recommendation"),
    )
    SERVICE_CHANGE = "service_change", pgettext_lazy("action kind", "Change to a service")
    OTHER = "other", pgettext_lazy("action kind", "Other")


class ActionStatus(models.TextChoices):
    PLANNED = "planned", pgettext_lazy("action status", "Planned")
    IN_PROGRESS = "in_progress", pgettext_lazy("action status", "In progress")
    DONE = "done", pgettext_lazy("action status", "Done")
    REJECTED = "rejected", pgettext_lazy("action status", "Not done")


class ActionSource(models.TextChoices):
    """The public filter on where an action came from."""

    CONSULTATION = "consultation", pgettext_lazy("action source", "A consultation")
    SESSION = "session", pgettext_lazy("action source", "A working-group session")
