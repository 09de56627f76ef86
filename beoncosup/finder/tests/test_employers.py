"""The employers' entry (issue #19, part 5): the landing page gathers the toolkit and its
articles, the measures for employers, the finder set to services for employers, flexible jobs
and the shared plan; the home page's employer block links to it. Every link resolves."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import Client
from django.urls import Resolver404, resolve, reverse
from django.utils import translation

from beoncosup.finder.employers import (
    EMPLOYER_NEEDS,
    JOBS_URL_NAMES,
    PLAN_URL_NAMES,
    first_url,
    toolkit_articles,
)
from beoncosup.hub.tests.factories import article, load, make_needs, write_content
from beoncosup.taxonomy.models import Category, Need

pytestmark = pytest.mark.django_db

LANGUAGES = ("nl", "fr", "de", "en")
HREF = re.compile(r'href="([^"#]*)(?:#[^"]*)?"')


def url(name: str, language: str = "en") -> str:
    with translation.override(language):
        return reverse(name)


@pytest.fixture
def needs() -> None:
    make_needs()
    category = Category.objects.get(code="WORK.INCOME")
    for code in EMPLOYER_NEEDS:
        Need.objects.create(
            code=code,
            category=category,
            **{f"label_{lang}": f"{code} {lang}" for lang in LANGUAGES},
        )


def toolkit(tmp_path: Path, count: int = 2) -> None:
    """``count`` employer articles in the toolkit, and one for the person about the same need
    under another topic (which the page leaves out)."""
    employer = [
        article(f"employer-{i}", needs=["WORK-TALK-EMPLOYER"], audiences=["employer"])
        for i in range(count)
    ]
    write_content(tmp_path, employer, topic="for-employers")
    load(tmp_path, [article("person", needs=["WORK-TALK-EMPLOYER"])], topic="work-and-income")


def internal_paths(html: str) -> list[str]:
    return [
        urlsplit(href).path
        for href in HREF.findall(html)
        if href.startswith("/") and not href.startswith("/static/")
    ]


def resolves(path: str) -> None:
    """The path resolves in its own language (the URL paths are translated)."""
    with translation.override(path.split("/")[1]):
        try:
            resolve(path)
        except Resolver404:  # pragma: no cover - the failure names the path
            pytest.fail(f"{path} does not resolve")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_page_is_served_in_each_language_with_one_heading(client: Client, needs, language):
    response = client.get(url("finder:employers", language))

    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert f'<html lang="{language}"' in html
    assert url("finder:employers", language).startswith(f"/{language}/")


def test_the_page_lists_the_toolkit_articles_only(client: Client, tmp_path, needs):
    toolkit(tmp_path)

    html = client.get(url("finder:employers")).content.decode()

    assert "/en/info/for-employers/employer-0/" in html
    assert "/en/info/for-employers/employer-1/" in html
    assert "Title en employer-0" in html
    assert "/info/work-and-income/person/" not in html
    assert 'href="/en/info/for-employers/"' in html


def test_toolkit_articles_come_from_the_reading_registry_by_title(rf, tmp_path, needs):
    toolkit(tmp_path, count=3)
    with translation.override("fr"):
        articles = toolkit_articles(
            rf.get("/"), "fr", reverse("wagtail_serve", args=["for-employers/"])
        )

    assert [a.title for a in articles] == [f"Title fr employer-{i}" for i in range(3)]


def test_the_page_links_the_measures_and_the_finder_for_employers(client: Client, needs):
    html = client.get(url("finder:employers")).content.decode()

    assert f'href="{url("navigator:wizard")}?audience=employer"' in html
    assert f'action="{url("finder:finder")}#result-summary"' in html
    assert '<input type="hidden" name="for_employers" value="true">' in html
    assert 'name="audience"' not in html  # the finder's audience is the person's
    for code in EMPLOYER_NEEDS:
        assert f'value="{code}"' in html
        assert f'<label for="employer-need-{code}">{code} en</label>' in html
    finder_links = [
        parse_qs(urlsplit(href.replace("&amp;", "&")).query)
        for href in HREF.findall(html)
        if href.startswith(url("finder:finder") + "?")
    ]
    assert {
        "need": ["WORK-TALK-EMPLOYER", "WORK-ADJUSTMENTS"],
        "for_employers": ["true"],
    } in finder_links
    assert {"need": ["WORK-RTW-GUIDANCE"]} in finder_links


def test_the_finder_link_searches_services_for_employers(client: Client, needs):
    html = client.get(url("finder:employers")).content.decode()
    href = next(h.replace("&amp;", "&") for h in HREF.findall(html) if "for_employers=true" in h)

    response = client.get(href)

    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors == {}
    assert form.cleaned_data["for_employers"] is True
    assert form.criteria("en").audience == "employer"


def test_jobs_and_plan_links_appear_when_their_pages_exist(client: Client, needs):
    html = client.get(url("finder:employers")).content.decode()
    with translation.override("en"):
        jobs, plan = first_url(JOBS_URL_NAMES), first_url(PLAN_URL_NAMES)
        # The jobs and workplans apps publish these pages (issue #19): the real names.
        assert (jobs, plan) == (reverse("jobs:employer_signup"), reverse("workplans:start"))

    assert (f'href="{jobs}"' in html) == bool(jobs)
    assert (f'href="{plan}"' in html) == bool(plan)
    assert ('id="employer-jobs"' in html) == bool(jobs)
    assert ('id="employer-plan"' in html) == bool(plan)


def test_first_url_skips_names_that_do_not_exist():
    with translation.override("en"):
        assert first_url(["nothing:here", "finder:employers"]) == "/en/employers/"
        assert first_url(["nothing:here"]) == ""


def test_every_link_on_the_page_resolves(client: Client, tmp_path, needs):
    toolkit(tmp_path)
    html = client.get(url("finder:employers")).content.decode()

    paths = internal_paths(html)

    assert len(paths) >= 8
    for path in paths:
        resolves(path)
        assert client.get(path).status_code in {200, 302}, path


@pytest.mark.parametrize("count", [1, 4])
def test_query_count_does_not_grow_with_articles(
    client: Client, tmp_path, needs, django_assert_max_num_queries, count
):
    toolkit(tmp_path, count=count)
    client.get(url("finder:employers"))  # warm the site root cache

    with django_assert_max_num_queries(8):
        response = client.get(url("finder:employers"))

    assert len(response.context["articles"]) == count


def test_the_page_refuses_post(client: Client, needs):
    assert client.post(url("finder:employers")).status_code == 405


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_home_page_has_the_employer_route(client: Client, needs, language):
    html = client.get(url("core:home", language)).content.decode()
    block = html[html.index('id="for-employers"') :]
    block = block[: block.index("</section>")]

    assert f'href="{url("finder:employers", language)}"' in block
    assert f'href="{url("finder:finder", language)}?need=WORK-TALK-EMPLOYER' in block
    assert "for_employers=true" in block
    assert f'href="{url("navigator:wizard", language)}?audience=employer"' in block
    with translation.override(language):
        jobs, plan = first_url(JOBS_URL_NAMES), first_url(PLAN_URL_NAMES)
    assert (f'href="{jobs}"' in block) == bool(jobs)
    assert (f'href="{plan}"' in block) == bool(plan)
    for path in internal_paths(block):
        resolves(path)
