from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingConfig(AppConfig):
    """Training for caregivers: the course catalogue, editions and sessions, registration with a
    waiting list, attendance, the same-day evaluation, trainer monitoring and certificates
    (docs/training.md)."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "beoncosup.training"
    label = "training"
    verbose_name = _("Training")
    # Editors curate its data in the admin (core.services.editor_managed_apps).
    editor_managed = True

    def ready(self) -> None:
        from beoncosup.core.site import nav_entry_register  # noqa: PLC0415
        from beoncosup.training import rules  # noqa: F401, PLC0415 (registers the permissions)
        from beoncosup.training.navigation import training_nav_entry  # noqa: PLC0415

        nav_entry_register(key="training", order=94, render=training_nav_entry)
        from beoncosup.training.catalogue import catalogue_connect  # noqa: PLC0415 (app registry)

        catalogue_connect()
