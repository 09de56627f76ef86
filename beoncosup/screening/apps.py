from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from beoncosup.core.site import nav_entry_register, nav_link


class ScreeningConfig(AppConfig):
    """The needs self-check: versioned instruments, evaluation, the wizard and the API."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "beoncosup.screening"
    label = "screening"
    # Editors curate its data in the admin (core.services.editor_managed_apps).
    editor_managed = True

    def ready(self) -> None:
        nav_entry_register(
            key="screening",
            order=40,
            render=nav_link(
                label=_("Self-check"),
                url_name="screening:start",
                current=lambda match: match.app_name == "screening",
            ),
        )
