from __future__ import annotations

import secrets
from typing import Any

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.core.validators import validate_email
from django.db import transaction

from beoncosup.accounts import services
from beoncosup.accounts.codes import PlatformRole


class Command(BaseCommand):
    help = (
        "Create the first platform administrator of a new installation (or give an existing "
        "account the role): a verified e-mail address and a one-time random password, printed "
        "once. At the first sign-in the person must set up a second factor."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("email", help="The administrator's e-mail address.")

    def handle(self, *args: Any, **options: Any) -> None:
        email = str(options["email"]).strip().lower()
        try:
            validate_email(email)
        except ValidationError:
            raise CommandError(f"Not an e-mail address: {email!r}") from None
        user_model = get_user_model()
        with transaction.atomic():
            user = user_model.objects.filter(email__iexact=email).first()
            password = ""
            if user is None:
                password = secrets.token_urlsafe(16)
                user = user_model.objects.create_user(
                    username=email[:150], email=email, password=password
                )
            EmailAddress.objects.update_or_create(
                user=user, email=email, defaults={"verified": True, "primary": True}
            )
            services.role_grant(user=user, role=PlatformRole.PLATFORM_ADMIN, granted_by=None)
        self.stdout.write(f"Platform administrator: {email}")
        if password:
            self.stdout.write(f"One-time password (change it after signing in): {password}")
        else:
            self.stdout.write("The existing account keeps its password.")
