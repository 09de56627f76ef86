from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from beoncosup.core.site import nav_entry_register, nav_link


class CoreConfig(AppConfig):
    """The site shell: base layout, home and about pages, health check, demo set-up."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "beoncosup.core"
    label = "core"

    def ready(self) -> None:
        nav_entry_register(
            key="home",
            order=10,
            render=nav_link(
                label=_("Home"),
                url_name="core:home",
                current=lambda match: match.view_name == "core:home",
            ),
        )
        nav_entry_register(
            key="about",
            order=90,
            render=nav_link(
                label=_("About and sources"),
                url_name="core:about",
                current=lambda match: match.view_name == "core:about",
            ),
        )
