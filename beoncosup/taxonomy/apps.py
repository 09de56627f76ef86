from django.apps import AppConfig


class TaxonomyConfig(AppConfig):
    """The needs taxonomy: domains, categories, needs and their lay synonyms."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "beoncosup.taxonomy"
    label = "taxonomy"
