from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    """The service directory: organisations, services and locations, shaped like HSDS 3.0."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "beoncosup.directory"
    label = "directory"
