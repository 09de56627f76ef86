from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    """The caregiver network: opt-in profiles of professionals, found with the matcher, and
    peer and intervision groups with meetings and announcements (docs/training.md, "The
    caregiver network")."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "beoncosup.network"
    label = "network"
    verbose_name = _("Caregiver network")
    # Editors make the groups in the admin (core.services.editor_managed_apps).
    editor_managed = True

    def ready(self) -> None:
        # Imported here: they read the models, which load after the app registry.
        from beoncosup.core.site import nav_entry_register  # noqa: PLC0415
        from beoncosup.network import rules  # noqa: F401, PLC0415 (registers the permissions)
        from beoncosup.network.catalogue import catalogue_connect  # noqa: PLC0415
        from beoncosup.network.navigation import network_nav_entry  # noqa: PLC0415

        catalogue_connect()
        nav_entry_register(key="network", order=96, render=network_nav_entry)
