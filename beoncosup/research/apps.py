from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResearchConfig(AppConfig):
    """The research inventory: studies and projects with a lay summary in four languages,
    researchers' proposals reviewed by editors, CSV import, the studies API
    (docs/research.md)."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "beoncosup.research"
    label = "research"
    verbose_name = _("Research")
