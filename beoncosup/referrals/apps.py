from django.apps import AppConfig


class ReferralsConfig(AppConfig):
    """Closed-loop referrals with consent: a person referred to a service, the service's inbox,
    the care team around the person, and the person's own private page (docs/referrals.md)."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "beoncosup.referrals"
    label = "referrals"

    def ready(self) -> None:
        from beoncosup.core.site import nav_entry_register  # noqa: PLC0415
        from beoncosup.referrals import rules  # noqa: F401, PLC0415 (registers the permissions)
        from beoncosup.referrals.navigation import referrals_nav_entry  # noqa: PLC0415

        nav_entry_register(key="referrals", order=95, render=referrals_nav_entry)
