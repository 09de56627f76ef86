from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsultationsConfig(AppConfig):
    """Consultations: questions to patients, relatives and professionals, answered without an
    account and stored without identifiers; results under disclosure control
    (docs/consultations.md)."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "beoncosup.consultations"
    label = "consultations"
    verbose_name = _("Consultations")
    # Editors curate its data in the admin (core.services.editor_managed_apps).
    editor_managed = True

    def ready(self) -> None:
        from beoncosup.consultations import rules  # noqa: F401, PLC0415 (registers the permissions)
