"""What every account page checks: the permission, and that an organisation's pages are
seen only by its members (404 for anyone else)."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from beoncosup.accounts.models import Organisation
from beoncosup.accounts.rules import require

__all__ = ["first_error", "organisation_for", "require"]


def organisation_for(request: HttpRequest, slug: str, *, manage: bool = False) -> Organisation:
    """The organisation, if the person belongs to it or administers the platform (else 404);
    with ``manage``, only for its admins (a plain member gets 403)."""
    organisation = get_object_or_404(Organisation, slug=slug)
    if not request.user.has_perm("accounts.view_organisation", organisation):
        raise Http404
    if manage:
        require(request, "accounts.manage_organisation", organisation)
    return organisation


def first_error(form: Any) -> str:
    for errors in form.errors.values():
        return str(errors[0])
    return _("Check what you entered.")
