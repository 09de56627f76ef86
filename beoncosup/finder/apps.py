from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from beoncosup.core.site import nav_entry_register, nav_link


class FinderConfig(AppConfig):
    """The referral finder: from a person's needs and situation to ranked, explained services."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "beoncosup.finder"
    label = "finder"

    def ready(self) -> None:
        # Imported here: the plan's item counts rows, so it needs the models loaded.
        from beoncosup.finder.plan_session import plan_nav_entry  # noqa: PLC0415

        nav_entry_register(
            key="finder",
            order=20,
            render=nav_link(
                label=_("Find support"),
                url_name="finder:finder",
                current=lambda match: match.view_name == "finder:finder",
            ),
        )
        nav_entry_register(key="finder-plan", order=100, render=plan_nav_entry)
