from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReturntoworkplansConfig(AppConfig):
    """The return-to-work plan a person makes with their coach or occupational physician and
    shares, as far as they choose and revocably, with their employer (docs/workplans.md)."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "beoncosup.workplans"
    label = "workplans"
    verbose_name = _("Return-to-work plans")

    def ready(self) -> None:
        from beoncosup.workplans import rules  # noqa: F401, PLC0415  (registers the permissions)
