from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsultationsConfig(AppConfig):
    """Consultations: questions to patients, relatives and professionals, answered without an
    account and stored without identifiers; results under disclosure control
    (docs/participation.md)."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "beoncosup.consultations"
    label = "consultations"
    verbose_name = _("Consultations")
