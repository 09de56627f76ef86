from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The site shell: base layout, home and about pages, health check, demo set-up."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "beoncosup.core"
    label = "core"
