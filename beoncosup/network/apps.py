from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    """The caregiver network: opt-in profiles of professionals, found with the matcher, and
    peer and intervision groups with meetings and announcements (docs/network.md)."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "beoncosup.network"
    label = "network"
    verbose_name = _("Caregiver network")

    def ready(self) -> None:
        from beoncosup.network import rules  # noqa: F401, PLC0415 (registers the permissions)
