"""Taking, resolving and rejecting reports: the record's verification date, the reporter's
mail in their language, the audit trail."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from beoncosup.accounts.testing import signed_in
from beoncosup.audit.models import AuditEvent
from beoncosup.feedback.codes import Status
from beoncosup.feedback.models import NOTE_MAX_LENGTH, Report
from beoncosup.feedback.tests.factories import held_service, report_make
from beoncosup.hub.models import ArticlePage
from beoncosup.hub.tests.factories import article, load, make_needs
from beoncosup.providers.tests.factories import editor

pytestmark = pytest.mark.django_db


def detail_url(report: Report, language: str = "en") -> str:
    with translation.override(language):
        return reverse("feedback:report_detail", kwargs={"report_id": report.pk})


def test_provider_staff_take_then_resolve_and_the_service_is_verified_today(
    client, django_capture_on_commit_callbacks
):
    held = held_service()
    report = report_make(object_id=held.service.pk, email="reporter@example.org", language="nl")
    signed_in(client, held.staff)

    with django_capture_on_commit_callbacks(execute=True):
        taken = client.post(detail_url(report), {"action": "take"})
    with django_capture_on_commit_callbacks(execute=True):
        resolved = client.post(
            detail_url(report),
            {"action": "resolve", "resolve-note": "Het nummer is aangepast."},
        )

    assert (taken.status_code, resolved.status_code) == (302, 302)
    report.refresh_from_db()
    held.service.refresh_from_db()
    assert report.status == Status.RESOLVED
    assert report.resolution_note == "Het nummer is aangepast."
    assert report.handled_by == held.staff
    assert report.resolved_at is not None
    assert held.service.assured_date == timezone.localdate()
    assert held.service.assurer_email == held.staff.email
    assert list(
        AuditEvent.objects.filter(action__startswith="feedback.", target_id=str(report.pk))
        .order_by("pk")
        .values_list("action", flat=True)
    ) == ["feedback.report_in_progress", "feedback.report_resolved"]
    assert [m.to for m in mail.outbox] == [["reporter@example.org"]] * 2
    assert "Het nummer is aangepast." in mail.outbox[1].body
    assert report.token in mail.outbox[1].body
    assert "/nl/" in mail.outbox[1].body  # the link in the reporter's language


def test_resolving_a_report_on_an_organisation_changes_no_service(client):
    held = held_service()
    before = held.service.assured_date
    report = report_make(kind="organization", object_id=held.service.organization_id)
    signed_in(client, held.staff)

    response = client.post(detail_url(report), {"action": "resolve"})

    assert response.status_code == 302
    held.service.refresh_from_db()
    assert held.service.assured_date == before
    report.refresh_from_db()
    assert report.status == Status.RESOLVED


def test_rejecting_needs_a_note_for_the_reporter(client):
    held = held_service()
    report = report_make(object_id=held.service.pk)
    signed_in(client, editor())

    response = client.post(detail_url(report), {"action": "reject", "reject-note": "  "})

    assert response.status_code == 400
    assert "note" in response.context["forms"]["reject"].errors
    report.refresh_from_db()
    assert report.status == Status.NEW


def test_an_editor_rejects_with_a_note_and_the_service_keeps_its_date(client):
    held = held_service()
    before = held.service.assured_date
    report = report_make(object_id=held.service.pk)
    signed_in(client, editor())

    response = client.post(
        detail_url(report), {"action": "reject", "reject-note": "Het nummer klopt wel."}
    )

    assert response.status_code == 302
    report.refresh_from_db()
    held.service.refresh_from_db()
    assert (report.status, report.resolution_note) == (Status.REJECTED, "Het nummer klopt wel.")
    assert held.service.assured_date == before
    assert AuditEvent.objects.filter(action="feedback.report_rejected").count() == 1


def test_a_closed_report_cannot_be_closed_again(client):
    held = held_service()
    report = report_make(object_id=held.service.pk, status=Status.RESOLVED)
    signed_in(client, editor())

    response = client.post(detail_url(report), {"action": "reject", "reject-note": "Nee"})

    assert response.status_code == 400
    report.refresh_from_db()
    assert report.status == Status.RESOLVED


@pytest.mark.parametrize(
    "data",
    [
        {"action": "resolve", "resolve-note": "x" * (NOTE_MAX_LENGTH + 1)},
        {"action": "dance"},
        {},
    ],
)
def test_wrong_actions_change_nothing(client, data):
    held = held_service()
    report = report_make(object_id=held.service.pk)
    signed_in(client, editor())

    response = client.post(detail_url(report), data)

    assert response.status_code == 400
    report.refresh_from_db()
    assert report.status == Status.NEW


def test_the_detail_page_links_to_where_each_role_corrects_the_record(client):
    held = held_service()
    report = report_make(object_id=held.service.pk)
    with translation.override("en"):
        propose = reverse("providers:propose", kwargs={"service_id": held.service.pk})
    admin = reverse("wagtailsnippets_directory_service:edit", args=[held.service.pk])

    as_staff = signed_in(client, held.staff).get(detail_url(report)).content.decode()
    client.logout()
    as_editor = signed_in(client, editor()).get(detail_url(report)).content.decode()

    assert propose in as_staff and admin not in as_staff
    assert admin in as_editor


@pytest.fixture
def articles(tmp_path):
    make_needs()
    load(tmp_path, [article("tired")])
    return ArticlePage.objects.filter(slug="tired")


def test_resolving_an_article_report_records_the_review_in_every_language(
    client, articles, django_capture_on_commit_callbacks
):
    key = str(articles.first().translation_key)
    # The Dutch version has a draft waiting: it stays a draft, with the review on it too.
    dutch = articles.get(locale__language_code="nl").specific
    dutch.summary = "Een nieuwe samenvatting, nog niet gepubliceerd."
    dutch.save_revision()
    report = report_make(kind="article", object_id=key, language="fr")
    reviewer = editor()
    reviewer.first_name, reviewer.last_name = "Eva", "Editor"
    reviewer.save()
    signed_in(client, reviewer)

    response = client.post(detail_url(report), {"action": "resolve"})

    assert response.status_code == 302
    today = timezone.localdate()
    for page in ArticlePage.objects.filter(translation_key=key):
        assert (page.last_reviewed_on, page.reviewed_by) == (today, "Eva Editor"), page.locale
        live = page.live_revision.as_object()
        assert live.last_reviewed_on == today
        latest = page.get_latest_revision_as_object()
        assert latest.last_reviewed_on == today
    dutch = ArticlePage.objects.get(translation_key=key, locale__language_code="nl")
    assert dutch.has_unpublished_changes is True
    assert dutch.summary != "Een nieuwe samenvatting, nog niet gepubliceerd."  # live unchanged
    assert (
        dutch.get_latest_revision_as_object().summary
        == "Een nieuwe samenvatting, nog niet gepubliceerd."
    )
    french = ArticlePage.objects.get(translation_key=key, locale__language_code="fr")
    assert french.has_unpublished_changes is False


def test_the_article_page_shows_the_report_link(client, articles):
    page = articles.get(locale__language_code="fr")
    with translation.override("fr"):
        link = reverse(
            "feedback:report", kwargs={"kind": "article", "object_id": str(page.translation_key)}
        )

    content = client.get(page.url).content.decode()

    assert link in content


def test_provider_staff_cannot_moderate_article_reports(client, articles):
    held = held_service()
    report = report_make(kind="article", object_id=str(articles.first().translation_key))
    signed_in(client, held.staff)

    assert client.get(detail_url(report)).status_code == 404


def test_the_service_page_and_result_cards_show_the_report_link(client):
    held = held_service()
    with translation.override("nl"):
        link = reverse(
            "feedback:report", kwargs={"kind": "service", "object_id": str(held.service.pk)}
        )
        page = reverse("directory:service", kwargs={"service_id": str(held.service.pk)})

    assert link in client.get(page).content.decode()


def test_old_dates_are_kept_when_nothing_is_resolved(client):
    held = held_service()
    report_make(object_id=held.service.pk)

    held.service.refresh_from_db()
    assert held.service.assured_date == timezone.localdate() - dt.timedelta(days=30)
