"""Editorial roles: editors write and submit, reviewers publish; the overdue-review report."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Workflow
from wagtail.users.models import UserProfile

from beoncosup.accounts.testing import signed_in
from beoncosup.hub.models import ArticlePage
from beoncosup.hub.services import EDITORS, REVIEWERS, hub_editorial_ensure
from beoncosup.hub.tests.factories import article, load, make_needs

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(tmp_path):
    make_needs()
    load(tmp_path, [article("tired")])
    return ArticlePage.objects.get(slug="tired", locale__language_code="en")


def user_in(group: str, name: str):
    user = get_user_model().objects.create_user(username=name, password="x")
    user.groups.add(Group.objects.get(name=group))
    # The admin speaks the site's default language (Dutch) unless the editor chose another:
    # these tests read English.
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


def edit_form(page: ArticlePage, title: str, action: str) -> dict[str, str]:
    """The admin edit form's fields, as a browser would post them."""
    data = {
        "title": title,
        "slug": page.slug,
        "summary": page.summary,
        "body-count": "0",
        "sources-TOTAL_FORMS": "1",
        "sources-INITIAL_FORMS": "1",
        "sources-MIN_NUM_FORMS": "1",
        "sources-MAX_NUM_FORMS": "1000",
        "sources-0-id": str(page.sources.first().pk),
        "sources-0-title": "A source",
        "sources-0-url": "https://example.org/",
        "sources-0-consulted_on": "2026-11-22",
        "sources-0-ORDER": "1",
        "sources-0-DELETE": "",
        "last_reviewed_on": "2026-11-22",
        "reviewed_by": "Editor",
        "next_review_due": "2099-01-01",
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000",
    }
    data[action] = action
    return data


def test_setup_is_idempotent(page):
    hub_editorial_ensure()
    hub_editorial_ensure()

    assert Workflow.objects.filter(name__startswith="Hub").count() == 1
    assert Group.objects.filter(name__in=[EDITORS, REVIEWERS]).count() == 2


def test_an_editor_cannot_publish(client, page):
    editor = user_in(EDITORS, "editor")
    signed_in(client, editor)
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])

    assert client.get(url).status_code == 200
    response = client.post(url, edit_form(page, "Changed by an editor", "action-publish"))

    page.refresh_from_db()
    assert response.status_code in (200, 302)
    assert page.title == "Title en tired"  # the live page is unchanged
    assert page.get_latest_revision().content["title"] == "Changed by an editor"  # a draft
    assert not page.permissions_for_user(editor).can_publish()


def test_an_editor_submits_for_review_and_a_reviewer_may_publish(client, page):
    editor = user_in(EDITORS, "editor")
    reviewer = user_in(REVIEWERS, "reviewer")
    signed_in(client, editor)

    client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        edit_form(page, "Submitted title", "action-submit"),
    )

    page.refresh_from_db()
    state = page.current_workflow_state
    assert state is not None
    assert state.current_task_state.task.name == "Review"
    assert page.permissions_for_user(reviewer).can_publish()


def test_overdue_report_lists_only_overdue_articles(client, page):
    ArticlePage.objects.filter(pk=page.pk).update(next_review_due=datetime.date(2020, 1, 1))
    admin = get_user_model().objects.create_superuser(username="admin", password="x")
    signed_in(client, admin)

    html = client.get(reverse("hub_overdue")).content.decode()

    assert "Title en tired" in html
    assert "Title nl tired" not in html  # its review date is in the future


def test_dashboard_counts_overdue_articles_for_editors(client, page):
    ArticlePage.objects.filter(pk=page.pk).update(next_review_due=datetime.date(2020, 1, 1))
    signed_in(client, user_in(EDITORS, "editor"))

    html = client.get(reverse("wagtailadmin_home")).content.decode()

    assert "1 article overdue for review" in html
    assert reverse("hub_overdue") in html
