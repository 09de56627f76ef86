"""allauth adapter: where to go after signing in, and refusing demo accounts in production."""

from __future__ import annotations

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.http import HttpRequest


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request: HttpRequest) -> bool:
        # Anyone may create an account; it grants nothing until an organisation admits them.
        return bool(settings.BEONCOSUP_SIGNUP_OPEN)

    def get_login_redirect_url(self, request: HttpRequest) -> str:
        return str(super().get_login_redirect_url(request))

    def get_user_search_fields(self) -> list[str]:
        return ["email"]
