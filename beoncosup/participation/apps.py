from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipationConfig(AppConfig):
    """Thematic working groups (sessions are training sessions) and "you said, we did": the
    actions that came from consultations and working-group sessions (docs/participation.md)."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "beoncosup.participation"
    label = "participation"
    verbose_name = _("Participation")
    # Editors curate the working groups in the admin (core.services.editor_managed_apps).
    editor_managed = True

    def ready(self) -> None:
        from beoncosup.consultations.extensions import (  # noqa: PLC0415 (app registry)
            consultation_section_register,
        )
        from beoncosup.participation import rules  # noqa: F401, PLC0415 (registers the permissions)
        from beoncosup.participation.sections import consultation_actions  # noqa: PLC0415

        consultation_section_register(consultation_actions)
