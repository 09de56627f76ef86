from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """Sign-in (django-allauth with MFA), organisations, memberships, roles, API tokens."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "beoncosup.accounts"
    label = "accounts"

    def ready(self) -> None:
        from beoncosup.accounts import rules, signals  # noqa: F401, PLC0415 (registers them)
        from beoncosup.accounts.navigation import account_nav_entry  # noqa: PLC0415
        from beoncosup.core.site import nav_entry_register  # noqa: PLC0415

        nav_entry_register(key="account", order=110, render=account_nav_entry)
