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
    # Editors curate its data in the admin (core.services.editor_managed_apps).
    editor_managed = True

    def ready(self) -> None:
        # Imported here: they read the models, which load after the app registry.
        from beoncosup.research import rules  # noqa: F401, PLC0415 (registers the permissions)
        from beoncosup.research.catalogue import catalogue_connect  # noqa: PLC0415
        from beoncosup.research.fragments import studies_for_need  # noqa: PLC0415
        from beoncosup.taxonomy.extensions import need_section_register  # noqa: PLC0415

        need_section_register(key="research", order=40, render=studies_for_need)
        catalogue_connect()
