from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InsightsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "beoncosup.insights"
    verbose_name = _("Needs insights")
