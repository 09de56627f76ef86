from django.apps import AppConfig


class SearchConfig(AppConfig):
    """Multilingual text matching: folding, stemming, typo tolerance; needs from free text."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "beoncosup.search"
    label = "search"

    def ready(self) -> None:
        from beoncosup.search import signals  # noqa: F401, PLC0415 - connects receivers
