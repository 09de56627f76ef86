from django.apps import AppConfig


class NavigatorConfig(AppConfig):
    """ "What applies to me?": income and return-to-work measures as editable, dated rules."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "beoncosup.navigator"
    label = "navigator"
