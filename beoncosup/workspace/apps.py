from django.apps import AppConfig


class WorkspaceConfig(AppConfig):
    """Professionals' workspace: saved searches, named lists of services, recent activity."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "beoncosup.workspace"
    label = "workspace"
