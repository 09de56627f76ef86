"""The main navigation's last item: "My account" when signed in, else the professionals' sign-in.

In the main navigation (not beside the language switcher) so that on a phone it folds into the
menu with the rest, and the header keeps its height."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from beoncosup.core.site import nav_link

_my_account = nav_link(
    label=_("My account"),
    url_name="accounts:home",
    current=lambda match: match.namespace == "accounts",
)
_sign_in = nav_link(
    label=_("Sign in (professionals)"),
    url_name="account_login",
    current=lambda match: match.url_name == "account_login",
)


def account_nav_entry(request: HttpRequest) -> SafeString:
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return _my_account(request)
    return _sign_in(request)
