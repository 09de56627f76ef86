"""The quarterly report: frozen figures, complete quarters only, four languages, tagged PDF,
the archive, public reading and the demo loader."""

from __future__ import annotations

import io
import re
import uuid
import zlib
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.utils import timezone
from wagtail.models import Page

from beoncosup.hub.tests.factories import load
from beoncosup.insights import periods
from beoncosup.insights.areas import areas_cache_clear
from beoncosup.insights.models import PublishedCell, RefreshState
from beoncosup.insights.report.demo import last_complete_quarter, report_demo_load
from beoncosup.insights.report.figures import previous_quarters
from beoncosup.insights.report.models import InsightsReportIndexPage, InsightsReportPage

pytestmark = pytest.mark.django_db
LANGUAGES = ("nl", "fr", "de", "en")
QUARTER = last_complete_quarter(timezone.localdate())
BEFORE = previous_quarters(QUARTER, 2)[0]


def pdf_objects(pdf: bytes) -> bytes:
    """The PDF with its deflated streams inflated (as the finder's plan tests do)."""
    parts = [pdf]
    for match in re.finditer(rb"/Length (\d+)(?![\d ]*R)[^>]*>>\s*stream\r?\n", pdf):
        data = pdf[match.end() : match.end() + int(match.group(1))]
        try:
            parts.append(zlib.decompress(data))
        except zlib.error:
            continue
    return b"\n".join(parts)


def cell(period: str, need: str, area: str, breakdown: str, count: int, **kw: Any) -> None:
    """A published cell; searches (no cube named) go to "demand" (totals) and "coverage"
    (totals and coverage bands), as publishing stores them."""
    cube = kw.pop("cube", None)
    cubes = [cube] if cube else (["demand", "coverage"] if breakdown == "*" else ["coverage"])
    suppressed = kw.pop("suppressed", False)
    for name in cubes:
        PublishedCell.objects.update_or_create(
            cube=name,
            period=period,
            need=need,
            area=area,
            breakdown=breakdown,
            defaults={"count": count, "suppressed": suppressed, "frozen": True},
        )


@pytest.fixture
def published(world):
    """Public cells for the last five quarters; some suppressed with counts (7, 13) that
    are not multiples of 5, so a leak would show."""
    areas_cache_clear()
    for quarter in previous_quarters(QUARTER, 5):
        cell(quarter, "*", "BE", "*", 100)
        cell(quarter, "MED", "BE", "*", 100)
    cell(QUARTER, "*", "BE", "none", 20)
    cell(QUARTER, "MED-PAIN", "BE", "*", 60)
    cell(QUARTER, "MED-PAIN", "BE", "none", 13, suppressed=True)
    cell(QUARTER, "MED-FATIGUE", "BE", "*", 40)
    cell(QUARTER, "MED-FATIGUE", "BE", "none", 10)
    cell(QUARTER, "*", "BE-VOV", "*", 80)
    cell(QUARTER, "*", "BE-VOV", "none", 15)
    cell(QUARTER, "*", "BE-WLG", "*", 7, suppressed=True)
    cell(QUARTER, "*", "BE-VOV", "nl", 80, cube="demand_language")
    cell(QUARTER, "*", "BE-WLG", "fr", 7, cube="demand_language", suppressed=True)
    cell(QUARTER, "*", "BE", "*", 30, cube="self_checks")
    cell(QUARTER, "*", "BE", "raised", 20, cube="self_checks")
    RefreshState.objects.create(name="published", refreshed_at=timezone.now())


@pytest.fixture
def homes(tmp_path, published) -> dict[str, Page]:
    load(tmp_path, [])  # the hub home in every language, and the default site
    return {page.locale.language_code: page for page in Page.objects.filter(depth=2)}


def report_make(homes: dict[str, Page], quarter: str = QUARTER, **fields: Any):
    """An archive and a published report in every language (Dutch first, as an editor
    would, then its translations)."""
    made: dict[str, InsightsReportPage] = {}
    for language in LANGUAGES:
        home = homes[language]
        index = InsightsReportIndexPage.objects.child_of(home).first()
        if index is None:
            index = InsightsReportIndexPage(title=f"Reports {language}", slug="reports")
            home.add_child(instance=index)
        source = made.get("nl")
        page = InsightsReportPage(
            title=f"Needs {language}",
            slug=quarter.lower(),
            quarter=quarter,
            summary=f"<p>Summary {language}</p>",
            live=False,
            translation_key=source.translation_key if source else None,
            **fields,
        )
        if source is None:
            page.translation_key = uuid.uuid4()
        index.add_child(instance=page)
        page.save_revision().publish()
        made[language] = InsightsReportPage.objects.get(pk=page.pk)
    return made


def test_figures_are_taken_on_first_publish_and_never_change(homes, client):
    nl = report_make(homes)["nl"]
    assert nl.figures["quarter"] == QUARTER
    assert nl.figures["national"] == {"searches": 100, "none": 20, "poor": None}
    taken = dict(nl.figures)

    # The data are refreshed: a late correction changes the published cells.
    PublishedCell.objects.filter(period=QUARTER, need="*", area="BE", breakdown="*").update(
        count=4321
    )
    nl.summary = "<p>Corrected commentary</p>"
    nl.save_revision().publish()
    nl.figures_take()  # a second "take the figures" does nothing either
    nl.save()
    # Nor does an edit form built from the first revision (taken before the figures were).
    draft = nl.revisions.order_by("pk").first().as_object()
    assert draft.figures == {}
    draft.figures_take()
    assert draft.figures == taken

    nl.refresh_from_db()
    assert nl.figures == taken
    html = client.get(nl.url).content.decode()
    assert "Corrected commentary" in html
    assert ">100<" in html
    assert "4,320" not in html and "4320" not in html


def test_the_snapshot_reads_cells_as_the_public_selectors_do(published):
    from beoncosup.insights import selectors  # noqa: PLC0415
    from beoncosup.insights.report import figures  # noqa: PLC0415

    cell(QUARTER, "MED-PAIN", "BE-VOV", "*", 62)  # public: 60
    cell(QUARTER, "MED-PAIN", "BE-WLG", "*", 11)  # public: 10
    wanted = {
        "periods_in": previous_quarters(QUARTER, 5),
        "needs": ["*", "MED", "MED-PAIN", "MED-FATIGUE"],
        "areas": ["BE", "BE-VOV", "BE-WLG"],
        "breakdowns": ["*", "none"],
    }

    mine = figures.cells("coverage", **wanted)

    assert mine == selectors.cells("coverage", public=True, **wanted)
    assert mine[(QUARTER, "MED-PAIN", "BE-VOV", "*")] == 60
    assert mine[(QUARTER, "MED-PAIN", "BE", "none")] is None


CONTENTSTATE = (
    '{"blocks": [{"key": "a", "type": "unstyled", "depth": 0, "text": "Draft", '
    '"inlineStyleRanges": [], "entityRanges": []}], "entityMap": {}}'
)


def test_the_editor_can_take_the_figures_before_publishing(homes):
    from beoncosup.accounts.testing import user_create  # noqa: PLC0415

    index = InsightsReportIndexPage(title="Reports", slug="reports")
    homes["nl"].add_child(instance=index)
    page = InsightsReportPage(title="Needs", slug="q", quarter=QUARTER, summary="<p>x</p>")
    page.live = False
    index.add_child(instance=page)
    assert page.figures == {}
    editor = user_create("editor@example.org")
    editor.is_superuser = True
    editor.save()
    form_class = InsightsReportPage.get_edit_handler().get_form_class()
    data = {
        "title": "Needs",
        "slug": "q",
        "quarter": QUARTER,
        "summary": CONTENTSTATE,
        "take_figures": "on",
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000",
    }

    form = form_class(data, instance=page, parent_page=index, for_user=editor)
    assert form.is_valid(), form.errors
    page = form.save(commit=False)

    assert page.figures["national"]["searches"] == 100  # taken, to be saved with the revision


def test_translations_share_the_figures_of_their_source(homes):
    made = report_make(homes)
    PublishedCell.objects.filter(period=QUARTER, need="*", area="BE", breakdown="*").update(
        count=555
    )
    assert {page.figures["taken_at"] for page in made.values()} == {made["nl"].figures["taken_at"]}
    assert all(page.figures["national"]["searches"] == 100 for page in made.values())


@pytest.mark.parametrize(
    ("quarter", "message"),
    [
        (periods.quarter_of(timezone.localdate()), "is not over yet"),
        ("2026-3", "Write the quarter as 2026-Q3"),
        ("2099-Q1", "is not over yet"),
    ],
)
def test_a_quarter_that_is_not_complete_is_refused(homes, quarter, message):
    index = InsightsReportIndexPage(title="Reports", slug="reports")
    homes["en"].add_child(instance=index)
    page = InsightsReportPage(title="Needs", slug="q", quarter=quarter, summary="<p>x</p>")

    with pytest.raises(ValidationError, match=message):
        index.add_child(instance=page)

    assert not InsightsReportPage.objects.exists()


def test_a_quarter_has_one_report_per_language(homes):
    report_make(homes)
    index = InsightsReportIndexPage.objects.get(locale__language_code="fr")
    again = InsightsReportPage(title="Encore", slug="encore", quarter=QUARTER, summary="<p>x</p>")

    with pytest.raises(ValidationError, match="already a report"):
        index.add_child(instance=again)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_report_renders_in_every_language_with_no_hidden_value_as_a_number(
    homes, client, language
):
    page = report_make(homes)[language]

    response = client.get(page.url)

    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}"' in html
    assert html.count("<h1") == 1
    assert html.count('<svg xmlns="http://www.w3.org/2000/svg"') >= 3
    numbers = re.findall(r'<td class="number">(.*?)</td>', html, re.S)
    assert numbers
    hidden = '<span aria-hidden="true">–</span><span class="visually-hidden">'
    for text in numbers:
        if text.startswith(hidden):
            continue
        digits = re.sub(r"[^\d]", "", text.split("%")[0])
        if "%" not in text:  # a count: rounded to 5, never a hidden 7 or 13
            assert int(digits) % 5 == 0, text
    assert sum(text.startswith(hidden) for text in numbers) >= 3
    assert ">7<" not in html and ">13<" not in html
    assert "CC BY 4.0" in html
    assert page.get_full_url() in html  # how to cite


def test_the_pdf_is_tagged_and_names_the_quarter(homes, client):
    page = report_make(homes)["fr"]

    response = client.get(f"{page.url}pdf/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert f'filename="beoncosup-needs-report-{QUARTER}-fr.pdf"' in response["Content-Disposition"]
    objects = pdf_objects(response.content)
    assert b"/StructTreeRoot" in objects
    assert re.search(rb"/Lang\s*\(fr\)", objects)
    label = periods.label(QUARTER)
    assert label.encode() in objects or label.encode("utf-16-be") in objects


def test_the_archive_lists_reports_newest_first(homes, client, django_assert_max_num_queries):
    report_make(homes, quarter=BEFORE)
    report_make(homes, quarter=QUARTER)
    index = InsightsReportIndexPage.objects.get(locale__language_code="en")

    with django_assert_max_num_queries(20):
        html = client.get(index.url).content.decode()

    assert html.index(f"Quarter {QUARTER}") < html.index(f"Quarter {BEFORE}")
    assert html.count("Needs en") == 2


def test_published_reports_are_public_and_drafts_are_not(homes, client):
    page = report_make(homes)["de"]
    assert client.get(page.url).status_code == 200
    assert client.get(f"{page.url}pdf/").status_code == 200

    url = page.url
    page.unpublish()
    assert client.get(url).status_code == 404
    assert client.get(f"{url}pdf/").status_code == 404


def test_the_demo_report_is_made_once_in_every_language(homes):
    out = io.StringIO()
    call_command("load_demo_insights_report", stdout=out)
    again = report_demo_load()

    assert f"DEMO REPORT {QUARTER}: 8 page(s) created" in out.getvalue()
    assert again.created == 0
    reports = InsightsReportPage.objects.all()
    assert sorted(reports.values_list("locale__language_code", flat=True)) == sorted(LANGUAGES)
    assert all(report.is_demo and report.live for report in reports)
    assert len({report.figures["taken_at"] for report in reports}) == 1


@override_settings(PRODUCTION=True)
def test_the_demo_report_is_refused_in_production(homes):
    with pytest.raises(CommandError, match="production"):
        call_command("load_demo_insights_report")
    assert not InsightsReportIndexPage.objects.exists()


@override_settings(BEONCOSUP_INSIGHTS_K=10)
def test_the_snapshot_reads_what_the_pipeline_publishes(tmp_path, searched):
    """End to end: signals → rollups → published cells (after disclosure control, which the
    insights pipeline owns) → the report's figures, equal to what the public selectors read."""
    from beoncosup.insights import selectors  # noqa: PLC0415
    from beoncosup.insights.services import insights_refresh  # noqa: PLC0415

    areas_cache_clear()
    liege = {"arrondissement": "62000", "province": "BE-WLG"}
    # Searches in every quarter up to the report's (a service running for a while: a year
    # holding a single quarter would tell its empty quarters and hide the rest).
    quarters, _years = periods.window(today=timezone.localdate())
    for quarter in (q for q in quarters if q <= QUARTER):
        start, _end = periods.bounds(quarter)
        for need in ("MED-PAIN", "MED-FATIGUE", "WORK-RETURN-PLAN"):
            searched(need, 40, day=start, services=0)
            searched(need, 60, day=start, services=4)
            searched(need, 45, day=start, services=0, **liege)
            searched(need, 55, day=start, services=5, **liege)
        searched("PSY-FEAR-RECURRENCE", 3, day=start, **liege)
    insights_refresh(today=timezone.localdate())
    load(tmp_path, [])
    homes = {page.locale.language_code: page for page in Page.objects.filter(depth=2)}

    figures = report_make(homes)["en"].figures

    # Whatever disclosure control suppressed, the figures are what the public selectors read.
    public = selectors.cells(
        "coverage", periods_in=[QUARTER], areas=["BE", "BE-VOV", "BE-WLG"], public=True
    )
    read = [
        (figures["national"]["searches"], public.get((QUARTER, "*", "BE", "*"))),
        (figures["national"]["none"], public.get((QUARTER, "*", "BE", "none"))),
    ]
    for row in figures["provinces"]:
        read.append((row["searches"], public.get((QUARTER, "*", row["area"], "*"))))
        read.append((row["none"], public.get((QUARTER, "*", row["area"], "none"))))
    for row in figures["top_needs"]:
        read.append((row["searches"], public.get((QUARTER, row["need"], "BE", "*"))))
    assert all(mine == theirs for mine, theirs in read), read
    assert any(mine is not None for mine, _theirs in read)  # something was published
    assert all(value % 5 == 0 for value, _theirs in read if value is not None)  # rounded
    assert "PSY-FEAR-RECURRENCE" not in {row["need"] for row in figures["top_needs"]}
    assert figures["refreshed_at"] is not None
