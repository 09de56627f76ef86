from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedbackConfig(AppConfig):
    """The "something is wrong here" reports on listings and articles, their moderation queue for
    editors and providers' staff, and the reporter's status link (docs/feedback.md)."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "beoncosup.feedback"
    label = "feedback"
    verbose_name = _("Feedback")

    def ready(self) -> None:
        # Imported here: they read the models, which load after the app registry.
        from beoncosup.feedback import rules  # noqa: F401, PLC0415
        from beoncosup.feedback.listings import ORGANIZATION, SERVICE  # noqa: PLC0415
        from beoncosup.feedback.studies import STUDY  # noqa: PLC0415
        from beoncosup.feedback.targets import target_kind_register  # noqa: PLC0415

        target_kind_register(SERVICE)
        target_kind_register(ORGANIZATION)
        target_kind_register(STUDY)
        from beoncosup.feedback.provider_home import provider_summary  # noqa: PLC0415
        from beoncosup.providers.extensions import home_section_register  # noqa: PLC0415

        home_section_register(key="feedback", render=provider_summary)
