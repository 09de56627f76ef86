"""The main navigation the apps register with core.site: order, current page, laziness."""

from __future__ import annotations

import re

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import SafeString

from beoncosup.core import site
from beoncosup.core.context_processors import site_context

pytestmark = pytest.mark.django_db

ITEM = re.compile(r'<li><a href="([^"]*)"( aria-current="page")?>([^<]*)</a></li>')


def test_header_lists_every_apps_item_in_order_and_marks_the_current_page(client: Client):
    with translation.override("en"):
        url = reverse("core:about")

    html = client.get(url).content.decode()

    nav = re.search(r'<nav class="main-nav".*?</nav>', html, re.S)
    assert nav is not None
    items = ITEM.findall(nav.group(0))
    assert [label for _url, _current, label in items] == [
        "Home",
        "Find support",
        "What applies to me?",
        "Self-check",
        "Needs",
        "Information",
        "About and sources",
        "Sign in (professionals)",  # accounts: "My account" once signed in
    ]
    assert [label for _url, current, label in items if current] == ["About and sources"]
    assert items[1][0] == "/en/finder/"
    assert '<li id="plan-nav" hidden></li>' in nav.group(0)


def test_navigation_items_run_only_when_a_template_reads_them(monkeypatch):
    calls = []

    def entry(request) -> SafeString:
        calls.append(request)
        return format_html("<li>{}</li>", "last")

    monkeypatch.setattr(site, "_nav_entries", dict(site._nav_entries))  # undone after the test
    site.nav_entry_register(key="test", order=10_000, render=entry)
    request = RequestFactory().get("/en/")

    context = site_context(request)

    assert calls == []
    assert context["main_nav"]()[-1] == "<li>last</li>"
    assert calls == [request]
