from django.apps import AppConfig


class HubConfig(AppConfig):
    """The information hub: Wagtail topic and article pages in four languages, with review dates,
    validity periods, sources and an editorial workflow."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "beoncosup.hub"
    label = "hub"
