"""Production never receives invented hub articles."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from beoncosup.hub.models import ArticlePage
from beoncosup.hub.tests.factories import article, make_needs, write_content

pytestmark = pytest.mark.django_db


def _content(tmp_path: Path) -> Path:
    make_needs()
    return write_content(
        tmp_path / "content",
        [article("real-facts", ("nl",)), article("invented", ("nl",), is_demo=True)],
    )


def test_load_hub_content_in_production_refuses_demo_articles(tmp_path, settings):
    directory = _content(tmp_path)
    settings.PRODUCTION = True
    out = StringIO()

    call_command("load_hub_content", str(directory), stdout=out)

    assert sorted(ArticlePage.objects.values_list("slug", flat=True)) == ["real-facts"]
    assert "1 demo article(s) refused" in out.getvalue()


def test_load_hub_content_outside_production_loads_demo_articles(tmp_path, settings):
    directory = _content(tmp_path)
    settings.PRODUCTION = False

    call_command("load_hub_content", str(directory), stdout=StringIO())

    assert sorted(ArticlePage.objects.values_list("slug", flat=True)) == ["invented", "real-facts"]
    assert ArticlePage.objects.get(slug="invented").is_demo is True
