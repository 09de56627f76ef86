from django.apps import AppConfig


class ScreeningConfig(AppConfig):
    """The needs self-check: versioned instruments, evaluation, the wizard and the API."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "beoncosup.screening"
    label = "screening"
