"""The hub's page tree, addresses, language fallback, validity, links and PDF."""

from __future__ import annotations

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format

from beoncosup.hub.content import ContentError, parse_content
from beoncosup.hub.models import ArticlePage, HubHomePage, TopicPage
from beoncosup.hub.tests.factories import LANGUAGES, article, load, make_needs

pytestmark = pytest.mark.django_db


@pytest.fixture
def needs():
    return make_needs()


def test_load_creates_the_tree_in_every_language_and_a_rerun_changes_nothing(tmp_path, needs):
    first = load(tmp_path, [article("tired"), article("forem", languages=("fr",))])
    second = load(tmp_path, [article("tired"), article("forem", languages=("fr",))])

    assert (first.created, first.updated, first.unchanged) == (5, 0, 0)
    assert (second.created, second.updated, second.unchanged) == (0, 0, 5)
    assert HubHomePage.objects.count() == 4
    assert TopicPage.objects.count() == 40
    assert sorted(
        ArticlePage.objects.filter(slug="tired").values_list("locale__language_code", flat=True)
    ) == sorted(LANGUAGES)
    keys = set(ArticlePage.objects.filter(slug="tired").values_list("translation_key", flat=True))
    assert len(keys) == 1  # linked as translations


def test_a_changed_yaml_updates_the_page(tmp_path, needs):
    load(tmp_path, [article("tired")])
    changed = article("tired")
    changed["translations"]["nl"]["title"] = "Nieuwe titel"

    counts = load(tmp_path, [changed])

    assert (counts.created, counts.updated, counts.unchanged) == (0, 1, 3)
    page = ArticlePage.objects.get(slug="tired", locale__language_code="nl")
    assert page.title == "Nieuwe titel"
    assert page.live_revision is not None


def test_wrong_content_loads_nothing(tmp_path, needs):
    bad = article("tired", needs=["NO-SUCH-NEED"])

    with pytest.raises(ContentError, match="NO-SUCH-NEED"):
        load(tmp_path, [bad])

    assert ArticlePage.objects.count() == 0


def test_page_urls_carry_the_language_prefix(tmp_path, needs):
    load(tmp_path, [article("tired")])

    urls = {
        page.locale.language_code: page.url for page in ArticlePage.objects.filter(slug="tired")
    }
    full = ArticlePage.objects.get(slug="tired", locale__language_code="de").full_url

    assert urls == {lang: f"/{lang}/info/emotions/tired/" for lang in LANGUAGES}
    assert full.endswith("/de/info/emotions/tired/")


def test_every_hub_page_type_answers_in_every_language(client, tmp_path, needs):
    load(tmp_path, [article("tired")])

    for lang in LANGUAGES:
        for path in (f"/{lang}/info/", f"/{lang}/info/emotions/", f"/{lang}/info/emotions/tired/"):
            response = client.get(path)
            assert response.status_code == 200, path
            assert f'<html lang="{lang}">' in response.content.decode()


def test_an_article_missing_in_a_language_is_shown_with_a_note(client, tmp_path, needs):
    load(tmp_path, [article("forem", languages=("fr", "nl"))])

    response = client.get("/en/info/emotions/forem/")
    html = response.content.decode()

    assert response.status_code == 200
    assert "This article does not exist in this language yet. You are reading it in Dutch." in html
    assert '<article class="article" lang="nl">' in html
    topic = client.get("/en/info/emotions/").content.decode()
    assert 'href="/en/info/emotions/forem/" hreflang="nl"' in topic
    assert "(in Dutch)" in topic


def test_an_article_in_no_language_near_is_a_404(client, tmp_path, needs):
    load(tmp_path, [article("tired")])

    assert client.get("/en/info/emotions/nothing-here/").status_code == 404
    assert client.get("/en/info/no-topic/").status_code == 404


def test_language_switcher_goes_to_the_translation(client, tmp_path, needs):
    load(tmp_path, [article("tired")])
    # An editor gave the French version another slug: the switcher still finds it.
    ArticlePage.objects.filter(slug="tired", locale__language_code="fr").update(
        slug="fatigue", url_path="/info-fr/emotions/fatigue/"
    )

    html = client.get("/en/info/emotions/tired/").content.decode()

    links = dict(re.findall(r'<li><a href="([^"]+)" hreflang="(\w\w)"', html))
    assert {v: k for k, v in links.items()} == {
        "nl": "/nl/info/emotions/tired/",
        "fr": "/fr/info/emotions/fatigue/",
        "de": "/de/info/emotions/tired/",
        "en": "/en/info/emotions/tired/",
    }


def test_ended_rules_are_flagged_and_left_out_of_lists(client, tmp_path, needs):
    load(
        tmp_path,
        [
            article("old-rules", valid_until=datetime.date(2025, 12, 31)),
            article("new-rules", valid_from=datetime.date(2099, 1, 1)),
        ],
    )

    topic = client.get("/en/info/emotions/").content.decode()
    old = client.get("/en/info/emotions/old-rules/").content.decode()
    new = client.get("/en/info/emotions/new-rules/").content.decode()

    assert "old-rules" not in topic
    assert "new-rules" in topic
    with translation.override("en"):
        ended = date_format(datetime.date(2025, 12, 31), "DATE_FORMAT")
        starts = date_format(datetime.date(2099, 1, 1), "DATE_FORMAT")
    assert f"These rules ended on {ended}." in old
    assert f"These rules apply from {starts}." in new


def test_demo_content_shows_a_badge(client, tmp_path, needs):
    load(tmp_path, [article("made-up", is_demo=True), article("real")])

    assert "Demo content" in client.get("/en/info/emotions/made-up/").content.decode()
    assert "Demo content" not in client.get("/en/info/emotions/real/").content.decode()


def test_article_links_to_the_finder_with_its_needs(client, tmp_path, needs):
    load(tmp_path, [article("tired", needs=["MED-FATIGUE", "WORK-EMPLOYEE-SICK-PAY"])])

    html = client.get("/en/info/emotions/tired/").content.decode()

    with translation.override("en"):
        finder = reverse("finder:finder")
    assert f'href="{finder}?need=MED-FATIGUE&amp;need=WORK-EMPLOYEE-SICK-PAY"' in html


def test_need_page_lists_its_articles_in_the_page_language(client, tmp_path, needs):
    load(tmp_path, [article("tired"), article("only-french", languages=("fr",))])

    with translation.override("en"):
        path = reverse("taxonomy:need", kwargs={"code": "MED-FATIGUE"})
    html = client.get(path).content.decode()

    assert "Read more about this" in html
    assert 'href="/en/info/emotions/tired/"' in html
    assert "only-french" not in html


def test_article_pdf_is_a_pdf(client, tmp_path, needs):
    load(tmp_path, [article("plan")], topic="for-employers")

    response = client.get("/nl/info/for-employers/plan/pdf/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


@pytest.mark.parametrize("count", [1, 4])
def test_hub_pages_take_a_flat_number_of_queries(
    client, tmp_path, needs, count, django_assert_max_num_queries
):
    load(tmp_path, [article(f"a{i}") for i in range(count)])
    client.get("/en/info/emotions/")  # warm Wagtail's site cache

    with django_assert_max_num_queries(12):
        assert client.get("/en/info/").status_code == 200
    with django_assert_max_num_queries(13):
        assert client.get("/en/info/emotions/").status_code == 200
    with django_assert_max_num_queries(20):
        assert client.get("/en/info/emotions/a0/").status_code == 200
    with translation.override("en"):
        need = reverse("taxonomy:need", kwargs={"code": "MED-FATIGUE"})
    with django_assert_max_num_queries(20):
        assert client.get(need).status_code == 200


def test_the_shipped_content_is_complete():
    content = parse_content()

    languages = {a.slug: set(a.translations) for a in content.articles}
    assert len(content.articles) >= 40
    assert len({a.topic for a in content.articles}) == 10
    assert all({"nl", "fr"} <= found for found in languages.values())
    national = [a for a in content.articles if not a.regions and not a.valid_until]
    assert all(set(LANGUAGES) == set(a.translations) for a in national)
    assert all(a.sources and all(s["consulted_on"] for s in a.sources) for a in content.articles)
