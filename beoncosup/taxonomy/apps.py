from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from beoncosup.core.site import nav_entry_register, nav_link


class TaxonomyConfig(AppConfig):
    """The needs taxonomy: domains, categories, needs and their lay synonyms."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "beoncosup.taxonomy"
    label = "taxonomy"
    # Editors curate its data in the admin (core.services.editor_managed_apps).
    editor_managed = True

    def ready(self) -> None:
        nav_entry_register(
            key="taxonomy",
            order=50,
            render=nav_link(
                label=_("Needs"),
                url_name="taxonomy:index",
                current=lambda match: match.app_name == "taxonomy",
            ),
        )
