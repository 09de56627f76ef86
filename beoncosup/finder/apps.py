from django.apps import AppConfig


class FinderConfig(AppConfig):
    """The referral finder: from a person's needs and situation to ranked, explained services."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "beoncosup.finder"
    label = "finder"
