from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InsightsConfig(AppConfig):
    """Needs insights for government: anonymous signals from the finder, the self-check and
    referrals, rolled up, published under disclosure control, shown to analysts and (a public
    subset) to everyone, and reported each quarter (docs/insights.md)."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "beoncosup.insights"
    label = "insights"
    verbose_name = _("Needs insights")

    def ready(self) -> None:
        from beoncosup.core.site import nav_entry_register  # noqa: PLC0415
        from beoncosup.insights import rules  # noqa: F401, PLC0415 (registers the permissions)
        from beoncosup.insights.navigation import insights_nav_entry  # noqa: PLC0415

        nav_entry_register(key="insights", order=97, render=insights_nav_entry)
