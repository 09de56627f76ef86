"""A measure linked to a hub article links to it, in the reader's language when translated."""

from __future__ import annotations

import pytest
from django.urls import reverse
from wagtail.models import Locale, Page, Site

from beoncosup.core.services import locales_ensure
from beoncosup.navigator.models import Measure
from beoncosup.navigator.services import measure_article_set, measures_load

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(measures):
    locales_ensure()
    root = Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", locale=Locale.objects.get(language_code="nl"))
    )
    home = root.add_child(instance=Page(title="Info", slug="info-home"))
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "testserver", "port": 80, "root_page": home}
    )
    return home.add_child(instance=Page(title="Rentree", slug="rentree"))


def test_measure_article_set_links_and_unlinks(article):
    measure_article_set(code="vdab-rentree", page=article)
    assert Measure.objects.get(code="vdab-rentree").article == article

    measure_article_set(code="vdab-rentree", page=None)
    assert Measure.objects.get(code="vdab-rentree").article is None


def test_measure_article_set_unknown_code_raises(article):
    with pytest.raises(Measure.DoesNotExist):
        measure_article_set(code="nope", page=article)


def test_api_and_checklist_link_to_the_article(client, article):
    measure_article_set(code="vdab-rentree", page=article)
    params = {"audience": "patient", "status": "employee", "postcode": "9000", "lang": "en"}

    body = client.get(reverse("api:navigator"), params).json()

    rentree = next(m for m in body["measures"] if m["code"] == "vdab-rentree")
    assert rentree["article_url"] is not None
    assert rentree["article_url"].endswith("/rentree/")
    others = [m["article_url"] for m in body["measures"] if m["code"] != "vdab-rentree"]
    assert set(others) == {None}


def test_unpublished_article_is_not_linked(client, article):
    article.unpublish()
    measure_article_set(code="vdab-rentree", page=article)
    params = {"audience": "patient", "status": "employee", "postcode": "9000"}

    body = client.get(reverse("api:navigator"), params).json()

    rentree = next(m for m in body["measures"] if m["code"] == "vdab-rentree")
    assert rentree["article_url"] is None


def test_deleting_the_article_keeps_the_measure(article):
    measure_article_set(code="vdab-rentree", page=article)

    article.delete()

    assert Measure.objects.get(code="vdab-rentree").article is None


def test_loader_links_measures_to_the_articles_their_slug_names(article):
    editors_choice = article.get_parent().add_child(instance=Page(title="Other", slug="other"))
    measure_article_set(code="vdab-return-to-work", page=editors_choice)
    article.slug = "rentree-vdab"
    article.save()

    report = measures_load()

    assert Measure.objects.get(code="vdab-rentree").article == article
    # An editor's link stays; slugs without a page are reported, not errors.
    assert Measure.objects.get(code="vdab-return-to-work").article == editors_choice
    assert "vdab-rentree" in report.articles_linked
    assert "sick-pay-employees" in report.articles_missing
