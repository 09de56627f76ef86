from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    """The service directory: organisations, services and locations, shaped like HSDS 3.0."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "beoncosup.directory"
    label = "directory"
    # Editors curate its data in the admin (core.services.editor_managed_apps).
    editor_managed = True

    def ready(self) -> None:
        # Imported here: they read the models, which load after the app registry.
        from beoncosup.directory.catalogue import catalogue_connect  # noqa: PLC0415
        from beoncosup.directory.fragments import services_for_need  # noqa: PLC0415
        from beoncosup.taxonomy.extensions import need_section_register  # noqa: PLC0415

        need_section_register(key="directory", order=10, render=services_for_need)
        catalogue_connect()
