from django.apps import AppConfig


class AuditConfig(AppConfig):
    """The append-only audit trail: who did what, when, from which organisation."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "beoncosup.audit"
    label = "audit"
