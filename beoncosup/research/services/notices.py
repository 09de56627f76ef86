"""E-mails to the person who proposed a study, in their language."""

from __future__ import annotations

from typing import Any

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from beoncosup.accounts.services import absolute_url
from beoncosup.accounts.services.common import preferred_language
from beoncosup.core.i18n_text import pick
from beoncosup.core.mail import mail_queue
from beoncosup.research.codes import Review


def decision_notify(*, study: Any) -> None:
    """Tell the proposer (if any, with an e-mail address) that their study was published or
    not (with the editor's reason). Side effects: one e-mail queued for after the commit."""
    proposer = study.proposed_by
    if proposer is None or not getattr(proposer, "email", ""):
        return
    language = preferred_language(proposer, study.proposer_language)
    template = "published" if study.review == Review.PUBLISHED else "rejected"
    with translation.override(language):
        title = pick(study.title, language)
        if study.review == Review.PUBLISHED:
            link = absolute_url(reverse("research:study", kwargs={"study_id": study.pk}))
        else:
            link = absolute_url(reverse("research:my_proposals"))
        data = {
            "title": title.text if title else "",
            "reason": study.rejection_reason,
            "link": link,
        }
        subject = render_to_string(f"research/email/{template}_subject.txt", data)
        body = render_to_string(f"research/email/{template}_message.txt", data)
    mail_queue(subject=" ".join(subject.split()), body=body, to=[proposer.email])
