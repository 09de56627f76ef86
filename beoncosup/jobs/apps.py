from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JobsConfig(AppConfig):
    """Flexible jobs and trial placements: employers' offers, moderated and expiring, found
    through the matcher; contacting an employer without revealing a diagnosis
    (docs/jobs.md)."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "beoncosup.jobs"
    label = "jobs"
    verbose_name = _("Jobs")
    # Editors curate occupations and shortage lists in the admin (core.services).
    editor_managed = True

    def ready(self) -> None:
        from beoncosup.jobs import rules  # noqa: F401, PLC0415 (registers the permissions)
        from beoncosup.jobs.catalogue import catalogue_connect  # noqa: PLC0415 (app registry)

        catalogue_connect()
