"""Writing studies: a proposal (by any signed-in person, or the CSV import), and the editor's
review: publish (with a lay summary reviewed for plain language) or not publish with a reason.
Every state change records an audit event; the proposer is e-mailed the decision."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from beoncosup.audit.services import event_record
from beoncosup.core.i18n_text import clean_i18n
from beoncosup.research.codes import Review
from beoncosup.research.drafts import StudyDraft, draft_problems
from beoncosup.research.models import Institution, Publication, Study
from beoncosup.research.services.notices import decision_notify
from beoncosup.taxonomy.models import Need

MAX_REASON = 2000


class StudyError(ValueError):
    """A write that cannot be done as asked; the message says why, for the person."""


def _write(study: Study, draft: StudyDraft) -> Study:
    """Copy the draft onto the study and save it with its institutions, publications and
    needs (a study's children are replaced)."""
    problems = draft_problems(draft)
    if problems:
        raise StudyError(" ".join(message for _field, message in problems))
    study.title = clean_i18n(draft.title)
    study.kind = draft.kind
    study.status = draft.status
    study.funding = draft.funding.strip()
    study.starts_on = draft.starts_on
    study.ends_on = draft.ends_on
    study.methods = list(dict.fromkeys(draft.methods))
    study.lay_summary = clean_i18n(draft.lay_summary)
    study.results = clean_i18n(draft.results)
    study.eligibility = clean_i18n(draft.eligibility)
    study.how_to_take_part = clean_i18n(draft.how_to_take_part)
    study.contact_url = draft.contact_url
    study.contact_email = draft.contact_email
    study.source_url = draft.source_url
    study.checked_on = draft.checked_on
    needs = list(Need.objects.filter(code__in=draft.need_codes))
    missing = sorted(set(draft.need_codes) - {need.code for need in needs})
    if missing:
        raise StudyError(_("Unknown need: %(codes)s") % {"codes": ", ".join(missing)})
    # A cluster: the needs and children are kept in memory and written by save().
    study.needs.set(needs)
    study.institutions = [
        Institution(name=item.name, country=item.country, sort_order=index)
        for index, item in enumerate(draft.institutions)
    ]
    study.publications = [
        Publication(reference=item.reference, doi=item.doi, sort_order=index)
        for index, item in enumerate(draft.publications)
    ]
    study.save()
    return study


@transaction.atomic
def study_propose(
    *,
    draft: StudyDraft,
    proposer: Any,
    language: str,
    request: HttpRequest | None = None,
    is_demo: bool = False,
) -> Study:
    """A new study waiting for an editor's review, proposed by ``proposer`` (a user, or None
    for the import and the demo).

    Side effects: the study and its children; an audit event ``research.study_proposed``."""
    study = Study(
        review=Review.PROPOSED,
        proposed_by=proposer if getattr(proposer, "is_authenticated", False) else None,
        proposer_language=language,
        is_demo=is_demo,
    )
    _write(study, draft)
    event_record(
        action="research.study_proposed",
        actor=proposer,
        target=study,
        request=request,
        detail={"status": study.status, "languages": study.lay_summary_languages},
    )
    return study


@transaction.atomic
def study_publish(
    *,
    study: Study,
    editor: Any,
    lay_summary_reviewed: bool = False,
    request: HttpRequest | None = None,
    notify: bool = True,
) -> Study:
    """Publish the study. ``lay_summary_reviewed``: the editor confirms now that they reviewed
    the lay summary for plain language (recorded with their name and today's date); without
    it, a review recorded earlier must stand. Refused without a lay summary in at least one
    language or without that review.

    Side effects: the study's review state; an audit event ``research.study_published``; the
    proposer's e-mail (after commit); the search index (through the catalogue)."""
    study = Study.objects.select_for_update().get(pk=study.pk)
    if study.review == Review.PUBLISHED:
        raise StudyError(_("This study is already published."))
    if not study.lay_summary_languages:
        raise StudyError(_("Write a lay summary in at least one language before publishing."))
    if lay_summary_reviewed:
        study.lay_summary_reviewed_by = editor
        study.lay_summary_reviewed_on = timezone.localdate()
    if not study.lay_summary_reviewed:
        raise StudyError(
            _("Confirm that you reviewed the lay summary for plain language before publishing.")
        )
    study.review = Review.PUBLISHED
    study.rejection_reason = ""
    study.reviewed_at = timezone.now()
    study.save()
    event_record(
        action="research.study_published",
        actor=editor,
        target=study,
        request=request,
        detail={
            "languages": study.lay_summary_languages,
            "lay_summary_reviewed_on": str(study.lay_summary_reviewed_on),
        },
    )
    if notify:
        decision_notify(study=study)
    return study


@transaction.atomic
def study_reject(
    *, study: Study, editor: Any, reason: str, request: HttpRequest | None = None
) -> Study:
    """Do not publish the study (or take a published one off the site), with a reason the
    proposer reads.

    Side effects: the study's review state and reason; an audit event
    ``research.study_rejected``; the proposer's e-mail (after commit); the search index."""
    reason = (reason or "").strip()
    if not reason or "\x00" in reason or len(reason) > MAX_REASON:
        raise StudyError(_("Give the reason in a few sentences (at most 2000 characters)."))
    study = Study.objects.select_for_update().get(pk=study.pk)
    if study.review == Review.REJECTED:
        raise StudyError(_("This study is already marked as not published."))
    was = study.review
    study.review = Review.REJECTED
    study.rejection_reason = reason
    study.reviewed_at = timezone.now()
    study.save()
    event_record(
        action="research.study_rejected",
        actor=editor,
        target=study,
        request=request,
        detail={"was": was},
    )
    decision_notify(study=study)
    return study
