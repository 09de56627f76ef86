from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from beoncosup.accounts.demo import demo_accounts_ensure


class Command(BaseCommand):
    help = (
        "Create or refresh one demo account per role (development only) and print how to sign "
        "in: e-mail, a fresh password, the TOTP secret and three recovery codes."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.PRODUCTION:
            raise CommandError("Demo accounts are for development only; refused in production.")
        accounts = demo_accounts_ensure()
        base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        self.stdout.write(
            self.style.SUCCESS(
                f"\nDEMO ACCOUNTS (development only, refused in production). Sign in at "
                f"{base}/en/accounts/login/ with the e-mail and password, then a code from an "
                "authenticator app set up with the TOTP secret, or one of the recovery codes."
            )
        )
        for account in accounts:
            where = f" at {account.organisation}" if account.organisation else ""
            self.stdout.write(
                f"\n  {account.role}{where}\n"
                f"    e-mail:         {account.email}\n"
                f"    password:       {account.password}\n"
                f"    TOTP secret:    {account.totp_secret}\n"
                f"    otpauth URI:    {account.otpauth_uri}\n"
                f"    recovery codes: {' '.join(account.recovery_codes)}\n"
            )
