from django.apps import AppConfig


class ProvidersConfig(AppConfig):
    """Providers keep their listings right: claims, proposed changes, yearly verification."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "beoncosup.providers"
    label = "providers"

    def ready(self) -> None:
        from beoncosup.providers import rules  # noqa: F401, PLC0415 (registers the permissions)
