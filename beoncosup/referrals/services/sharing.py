"""Sending the person their link or news by text message (core.sms: a pluggable backend)."""

from __future__ import annotations

from django.utils import translation
from django.utils.translation import gettext as _

from beoncosup.core.sms import sms_queue
from beoncosup.referrals.models import Case


def sms_link(*, case: Case, link: str) -> None:
    """The person's private link by SMS, in their language (never logged)."""
    with translation.override(case.language):
        body = _("BeONCOsup: your referrals and who sees what: %(link)s") % {"link": link}
    sms_queue(to=case.phone, body=body)


def sms_news(*, case: Case, service: str, status: str) -> None:
    with translation.override(case.language):
        body = _("BeONCOsup: news about your referral to %(service)s: %(status)s.") % {
            "service": service[:80],
            "status": status,
        }
    sms_queue(to=case.phone, body=body)
