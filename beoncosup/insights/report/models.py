"""The quarterly report's Wagtail pages: an archive (one per language, under the hub home) and
one page per quarter.

How the figures are frozen: a report's ``figures`` are a snapshot of the public cubes
(``figures.snapshot_take``), taken when the editor ticks "Take the figures now" and saves, or
else when the page is first published (``save()`` of a live page without figures). Once a page
row holds figures, ``save()`` keeps them whatever a form, a revision or a translation sync
brings: a later refresh of the data never changes a report, so it can be cited. A translation
copies the figures of its source (or of any language version that has them), so the four
language versions show the same numbers.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.url_routing import RouteResult
from wagtail_localize.fields import SynchronizedField, TranslatableField

from beoncosup.insights.report.content import report_context
from beoncosup.insights.report.figures import quarter_problem, snapshot_take
from beoncosup.insights.report.pdf import report_pdf

PDF_PATH = "pdf"
TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class InsightsReportIndexPage(Page):
    """The archive of quarterly reports in one language, newest quarter first."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["hub.HubHomePage"]
    subpage_types = ["insights.InsightsReportPage"]
    template = "insights/report/index_page.html"
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("intro"),
        SynchronizedField("slug"),
    ]

    class Meta:
        verbose_name = _("needs report archive")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context: dict[str, Any] = super().get_context(request, *args, **kwargs)
        context["reports"] = list(
            InsightsReportPage.objects.child_of(self).live().order_by("-quarter")
        )
        return context


class ReportForm(WagtailAdminPageForm):
    """The page form with a "take the figures now" box (shown until the figures are taken)."""

    take_figures = forms.BooleanField(
        label=_("Take the figures now"),
        required=False,
        help_text=_(
            "Copies the public figures of the quarter into the report, once: later refreshes of "
            "the data do not change them. Otherwise they are taken when the report is first "
            "published."
        ),
    )

    def save(self, commit: bool = True) -> Any:
        page = super().save(commit=False)
        if self.cleaned_data.get("take_figures") and not page.figures:
            page.figures_take()
        if commit:
            page.save()
        return page


class InsightsReportPage(Page):
    """One quarter's report: the editor's words, and the frozen figures they comment on."""

    quarter = models.CharField(
        _("quarter"),
        max_length=7,
        help_text=_("A complete quarter, written as 2026-Q3."),
        db_index=True,
    )
    summary = RichTextField(_("summary"), features=TEXT_FEATURES)
    demand_text = RichTextField(_("comment: demand by domain"), features=TEXT_FEATURES, blank=True)
    needs_text = RichTextField(
        _("comment: the most searched needs"), features=TEXT_FEATURES, blank=True
    )
    provinces_text = RichTextField(_("comment: by province"), features=TEXT_FEATURES, blank=True)
    languages_text = RichTextField(_("comment: language gaps"), features=TEXT_FEATURES, blank=True)
    self_checks_text = RichTextField(_("comment: self-checks"), features=TEXT_FEATURES, blank=True)
    referrals_text = RichTextField(_("comment: referrals"), features=TEXT_FEATURES, blank=True)
    is_demo = models.BooleanField(
        _("demo content"),
        default=False,
        help_text=_("Tick when the text or the data are invented for demonstration."),
    )
    # The frozen snapshot (figures.py describes its shape); {} until taken.
    figures = models.JSONField(_("figures"), default=dict, blank=True, editable=False)

    content_panels = [
        *Page.content_panels,
        FieldPanel("quarter"),
        FieldPanel("take_figures"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("demand_text"),
                FieldPanel("needs_text"),
                FieldPanel("provinces_text"),
                FieldPanel("languages_text"),
                FieldPanel("self_checks_text"),
                FieldPanel("referrals_text"),
            ],
            heading=_("Commentary per section"),
        ),
        FieldPanel("is_demo"),
    ]
    base_form_class = ReportForm
    parent_page_types = ["insights.InsightsReportIndexPage"]
    subpage_types: list[str] = []
    template = "insights/report/report_page.html"
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("summary"),
        TranslatableField("demand_text"),
        TranslatableField("needs_text"),
        TranslatableField("provinces_text"),
        TranslatableField("languages_text"),
        TranslatableField("self_checks_text"),
        TranslatableField("referrals_text"),
        SynchronizedField("slug"),
        SynchronizedField("quarter"),
        SynchronizedField("is_demo"),
        SynchronizedField("figures"),
    ]

    class Meta:
        verbose_name = _("quarterly needs report")

    def quarter_error(self) -> str:
        """Why this page's quarter cannot have figures ("" when it can)."""
        problem = quarter_problem(self.quarter)
        if problem == "format":
            return str(_("Write the quarter as 2026-Q3."))
        if problem == "incomplete":
            return str(
                _(
                    "The quarter %(quarter)s is not over yet: a report covers a complete "
                    "quarter only."
                )
                % {"quarter": self.quarter}
            )
        return ""

    def clean(self) -> None:
        super().clean()
        error = self.quarter_error()
        if error and not self.figures:
            raise ValidationError({"quarter": error})
        others = InsightsReportPage.objects.filter(locale_id=self.locale_id, quarter=self.quarter)
        if self.pk:
            others = others.exclude(pk=self.pk)
        if others.exists():
            raise ValidationError(
                {
                    "quarter": _("There is already a report for %(quarter)s in this language.")
                    % {"quarter": self.quarter}
                }
            )

    def figures_take(self) -> None:
        """Fill ``figures`` (if empty): from this page's stored row (an edit form built from
        an older revision has none), else from a language version that has them, else from
        the public cubes. Refuses a quarter that is not over (ValidationError)."""
        if self.figures:
            return
        error = self.quarter_error()
        if error:
            raise ValidationError({"quarter": error})
        versions = InsightsReportPage.objects.none()
        if self.pk:
            versions = InsightsReportPage.objects.filter(pk=self.pk)
        if self.translation_key:
            versions = versions | InsightsReportPage.objects.filter(
                translation_key=self.translation_key
            )
        stored = {pk: figures for pk, figures in versions.values_list("pk", "figures") if figures}
        if stored:
            self.figures = stored.get(self.pk) or stored[min(stored)]
            return
        self.figures = snapshot_take(self.quarter)

    def save(self, *args: Any, **kwargs: Any) -> Any:
        update_fields = kwargs.get("update_fields")
        if update_fields is None or "figures" in update_fields:
            stored = None
            if self.pk:
                stored = (
                    InsightsReportPage.objects.filter(pk=self.pk)
                    .values_list("figures", flat=True)
                    .first()
                )
            if stored:
                self.figures = stored  # taken once: never replaced
            elif self.live:
                self.figures_take()
        return super().save(*args, **kwargs)

    @property
    def pdf_filename(self) -> str:
        return f"beoncosup-needs-report-{self.quarter}-{self.locale.language_code}.pdf"

    def route(self, request: HttpRequest, path_components: list[str]) -> Any:
        if path_components == [PDF_PATH] and self.live:
            return RouteResult(self, kwargs={"as_pdf": True})
        if not path_components and self.live:
            return RouteResult(self)
        raise Http404

    def serve(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if kwargs.pop("as_pdf", False):
            return report_pdf(request, self)
        response: HttpResponse = super().serve(request, *args, **kwargs)
        return response

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context: dict[str, Any] = super().get_context(request, *args, **kwargs)
        context.update(report_context(request, self))
        return context
