from django.apps import AppConfig


class GeoConfig(AppConfig):
    """Belgian geography: regions, provinces, municipalities and postcodes with coordinates."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "beoncosup.geo"
    label = "geo"
