"""The reporter's e-mail when their report changes status, in their language."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from beoncosup.accounts.services import absolute_url
from beoncosup.core.mail import mail_queue
from beoncosup.feedback.models import Report
from beoncosup.feedback.services.retention import email_retention_days


def status_link(report: Report) -> str:
    with translation.override(report.language):
        return absolute_url(reverse("feedback:status", kwargs={"token": report.token}))


def status_mail(report: Report) -> None:
    """Queue the "your report is now …" mail when the reporter left an address (sent after the
    transaction commits, core.mail)."""
    if not report.contact_email:
        return
    context = {"report": report, "url": status_link(report), "days": email_retention_days()}
    with translation.override(report.language):
        subject = render_to_string("feedback/email/status_changed_subject.txt", context)
        body = render_to_string("feedback/email/status_changed_message.txt", context)
    mail_queue(subject=" ".join(subject.split()), body=body, to=[report.contact_email])
