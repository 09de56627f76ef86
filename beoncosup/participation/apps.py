from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipationConfig(AppConfig):
    """Thematic working groups (sessions are training sessions) and "you said, we did": the
    actions that came from consultations and working-group sessions (docs/participation.md)."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "beoncosup.participation"
    label = "participation"
    verbose_name = _("Participation")
