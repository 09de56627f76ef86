from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedbackConfig(AppConfig):
    """"Something is wrong here": reports on listings and articles, their moderation queue for
    editors and providers' staff, and the reporter's status link (docs/participation.md)."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "beoncosup.feedback"
    label = "feedback"
    verbose_name = _("Feedback")
