from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingConfig(AppConfig):
    """Training for caregivers: the course catalogue, editions and sessions, registration with a
    waiting list, attendance, the same-day evaluation, trainer monitoring and certificates
    (docs/training.md)."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "beoncosup.training"
    label = "training"
    verbose_name = _("Training")

    def ready(self) -> None:
        from beoncosup.training import rules  # noqa: F401, PLC0415 (registers the permissions)
