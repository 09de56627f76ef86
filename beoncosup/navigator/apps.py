from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from beoncosup.core.site import nav_entry_register, nav_link


class NavigatorConfig(AppConfig):
    """ "What applies to me?": income and return-to-work measures as editable, dated rules."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "beoncosup.navigator"
    label = "navigator"
    # Editors curate its data in the admin (core.services.editor_managed_apps).
    editor_managed = True

    def ready(self) -> None:
        nav_entry_register(
            key="navigator",
            order=30,
            render=nav_link(
                label=_("What applies to me?"),
                url_name="navigator:wizard",
                current=lambda match: match.app_name == "navigator",
            ),
        )
