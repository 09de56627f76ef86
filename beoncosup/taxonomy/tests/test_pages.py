from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from beoncosup.taxonomy.models import Category, Domain, Need, NeedSynonym
from beoncosup.taxonomy.services import taxonomy_load

pytestmark = pytest.mark.django_db


def url(language: str, name: str, **kwargs: str) -> str:
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


def make_tree(domains: int, categories: int, needs: int) -> None:
    """A synthetic taxonomy of the given size, for query-count guards."""
    texts = {f"label_{lang}": "x" for lang in ("nl", "fr", "de", "en")}
    for d in range(domains):
        domain = Domain.objects.create(code=f"D{d}", **texts)
        for c in range(categories):
            category = Category.objects.create(code=f"D{d}.C{c}", domain=domain, **texts)
            for n in range(needs):
                need = Need.objects.create(code=f"D{d}-C{c}-N{n}", category=category, **texts)
                NeedSynonym.objects.create(need=need, language="nl", text=f"woord {n}")


@pytest.mark.parametrize("language", ["nl", "fr", "de", "en"])
def test_needs_overview_lists_domains_in_language(client: Client, language):
    taxonomy_load()

    response = client.get(url(language, "taxonomy:index"))

    html = response.content.decode()
    assert response.status_code == 200
    for domain in Domain.objects.all():
        assert getattr(domain, f"label_{language}") in html
    assert f'<html lang="{language}">' in html


def test_need_page_shows_description_and_synonyms_in_the_page_language(client: Client):
    taxonomy_load()

    response = client.get(url("fr", "taxonomy:need", code="MED-FATIGUE"))

    html = response.content.decode()
    assert "<h1>Fatigue et manque d&#x27;énergie</h1>" in html
    assert "La fatigue ne disparaît pas" in html or "la fatigue ne disparaît pas" in html
    assert "<li>asthénie</li>" in html
    assert "uitgeput" not in html  # a Dutch synonym on the French page would confuse


def test_domain_page_groups_needs_by_category(client: Client):
    taxonomy_load()

    response = client.get(url("nl", "taxonomy:domain", code="WORK"))

    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="work-study"' in html
    assert html.index("Inkomen en rechten tijdens ziekte") < html.index("School en studies")


def test_unknown_need_code_is_a_translated_404(client: Client):
    response = client.get(url("de", "taxonomy:need", code="NOT-A-NEED"))

    assert response.status_code == 404
    with translation.override("de"):
        assert translation.gettext("We cannot find this page") in response.content.decode()


@pytest.mark.parametrize("size", [1, 3])
def test_needs_overview_query_count_does_not_grow_with_the_taxonomy(
    client: Client, django_assert_num_queries, size
):
    make_tree(size, size, size)

    with django_assert_num_queries(3):
        client.get(url("en", "taxonomy:index"))


@pytest.mark.parametrize("size", [1, 3])
def test_domain_page_query_count_does_not_grow(client: Client, django_assert_num_queries, size):
    make_tree(1, size, size)

    with django_assert_num_queries(3):
        client.get(url("en", "taxonomy:domain", code="D0"))


def test_need_page_query_count(client: Client, django_assert_num_queries):
    make_tree(1, 1, 3)

    # The need with its category and domain, its synonyms, the count of services, the hub's
    # articles about it and the research about it.
    with django_assert_num_queries(5):
        client.get(url("en", "taxonomy:need", code="D0-C0-N1"))
