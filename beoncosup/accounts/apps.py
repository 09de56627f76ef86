from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """Sign-in (django-allauth with MFA), organisations, memberships, roles, API tokens."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "beoncosup.accounts"
    label = "accounts"

    def ready(self) -> None:
        from beoncosup.accounts import rules, signals  # noqa: F401, PLC0415 (registers them)
