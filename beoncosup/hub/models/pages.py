"""The hub's page types: one hub home per language, ten topics, articles.

Topic and article slugs are the same in every language (wagtail-localize keeps them
synchronised). That makes an article's address stable for other tools (the navigator links to
them) and lets a reader switch language by changing only the prefix: /nl/info/x/ ↔ /fr/info/x/.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail.url_routing import RouteResult
from wagtail_localize.fields import SynchronizedField, TranslatableField

from beoncosup.directory.fields import CodeListField
from beoncosup.hub import page_context
from beoncosup.hub.blocks import ArticleBodyBlock
from beoncosup.hub.enums import Audience, EmploymentStatus, Region, Topic
from beoncosup.hub.pdf import article_pdf
from beoncosup.hub.text import article_terms

PDF_PATH = "pdf"


class HubHomePage(Page):
    """The entry of the hub in one language; the site's root page for Wagtail (every language's
    hub home is a translation of the Dutch one)."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["hub.TopicPage", "insights.InsightsReportIndexPage"]
    template = "hub/hub_home_page.html"

    class Meta:
        verbose_name = _("hub home")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context: dict[str, Any] = super().get_context(request, *args, **kwargs)
        context["topics"] = list(TopicPage.objects.child_of(self).live().order_by("path"))
        context["language_links"] = page_context.page_language_links(request, self)
        return context


class TopicPage(Page):
    code = models.CharField(_("topic"), max_length=40, choices=Topic.choices)
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("code"), FieldPanel("intro")]
    parent_page_types = ["hub.HubHomePage"]
    subpage_types = ["hub.ArticlePage"]
    template = "hub/topic_page.html"
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("intro"),
        SynchronizedField("slug"),
        SynchronizedField("code"),
    ]

    class Meta:
        verbose_name = _("topic")

    def route(self, request: HttpRequest, path_components: list[str]) -> Any:
        try:
            return super().route(request, path_components)
        except Http404:
            # An article that exists only in other languages (Le Forem in French, say) is still
            # served at this language's address, with a note saying which language it is in.
            if not path_components:
                raise
            article = page_context.fallback_article(
                self, path_components[0], ArticlePage.objects.all()
            )
            if article is None:
                raise
            return article.route(request, path_components[1:], asked_language=self.locale)

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context: dict[str, Any] = super().get_context(request, *args, **kwargs)
        context["articles"] = page_context.topic_articles(self, ArticlePage.objects.all())
        context["language_links"] = page_context.page_language_links(request, self)
        return context


class ArticlePage(Page):
    """A plain-language article. Facts carry sources and dates; rules carry a validity period
    (from/until) because Belgian rules change often (e.g. the reform of 1 January 2026)."""

    summary = models.TextField(
        _("summary"), help_text=_("Two or three sentences: what the reader learns here.")
    )
    body = StreamField(ArticleBodyBlock(), verbose_name=_("body"), blank=True)
    audiences = CodeListField(_("for whom"), code_choices=Audience)
    employment_statuses = CodeListField(
        _("employment statuses (none ticked = everyone)"), code_choices=EmploymentStatus
    )
    regions = CodeListField(_("regions (none ticked = all of Belgium)"), code_choices=Region)
    needs = ParentalManyToManyField(
        "taxonomy.Need", blank=True, related_name="hub_articles", verbose_name=_("related needs")
    )
    last_reviewed_on = models.DateField(_("last reviewed on"), null=True, blank=True)
    reviewed_by = models.CharField(_("reviewed by"), max_length=200, blank=True)
    next_review_due = models.DateField(_("next review due"), null=True, blank=True, db_index=True)
    valid_from = models.DateField(
        _("rules valid from"), null=True, blank=True, help_text=_("Empty: no start date.")
    )
    valid_until = models.DateField(
        _("rules valid until"),
        null=True,
        blank=True,
        help_text=_("After this date the article is shown as outdated and left out of lists."),
    )
    is_demo = models.BooleanField(
        _("demo content"),
        default=False,
        help_text=_("Tick when the text is invented for demonstration: readers see a badge."),
    )
    # Folded stems of title, summary and body in the page's language, for the hub search.
    search_terms = models.TextField(editable=False, blank=True, default="")
    # Set by load_hub_content: the loader rewrites a page only when its YAML changed, so a
    # re-run neither duplicates nor undoes an editor's later work on unchanged content.
    content_fingerprint = models.CharField(max_length=64, editable=False, blank=True, default="")

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("audiences"),
                FieldPanel("employment_statuses"),
                FieldPanel("regions"),
                FieldPanel("needs", widget=forms.SelectMultiple(attrs={"size": 12})),
            ],
            heading=_("Who and what it is for"),
        ),
        InlinePanel("sources", heading=_("Sources"), label=_("Source"), min_num=1),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("last_reviewed_on"), FieldPanel("reviewed_by")]),
                FieldPanel("next_review_due"),
                FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_until")]),
                FieldPanel("is_demo"),
            ],
            heading=_("Review and validity"),
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("summary")]
    parent_page_types = ["hub.TopicPage"]
    subpage_types: list[str] = []
    template = "hub/article_page.html"
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("summary"),
        TranslatableField("body"),
        SynchronizedField("slug"),
        SynchronizedField("audiences"),
        SynchronizedField("employment_statuses"),
        SynchronizedField("regions"),
        SynchronizedField("needs"),
        SynchronizedField("sources"),
        SynchronizedField("last_reviewed_on"),
        SynchronizedField("reviewed_by"),
        SynchronizedField("next_review_due"),
        SynchronizedField("valid_from"),
        SynchronizedField("valid_until"),
        SynchronizedField("is_demo"),
    ]

    class Meta:
        verbose_name = _("article")

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.search_terms = article_terms(self)
        super().save(*args, **kwargs)

    def validity(self, today: date | None = None) -> str:
        """ "upcoming", "ended" or "current" for the rules this article describes."""
        today = today or timezone.localdate()
        if self.valid_from and self.valid_from > today:
            return "upcoming"
        if self.valid_until and self.valid_until < today:
            return "ended"
        return "current"

    @property
    def is_overdue(self) -> bool:
        return bool(self.next_review_due and self.next_review_due < timezone.localdate())

    def route(
        self, request: HttpRequest, path_components: list[str], asked_language: Any = None
    ) -> Any:
        kwargs = {"asked_language": asked_language} if asked_language is not None else {}
        if path_components == [PDF_PATH] and self.live:
            return RouteResult(self, kwargs={**kwargs, "as_pdf": True})
        if not path_components and self.live:
            return RouteResult(self, kwargs=kwargs)
        raise Http404

    def serve(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if kwargs.pop("as_pdf", False):
            return article_pdf(request, self, asked_language=kwargs.get("asked_language"))
        response: HttpResponse = super().serve(request, *args, **kwargs)
        return response

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context: dict[str, Any] = super().get_context(request, *args, **kwargs)
        context.update(page_context.article_context(request, self, kwargs.get("asked_language")))
        return context


class ArticleSource(Orderable):
    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="sources")
    title = models.CharField(_("title"), max_length=300)
    url = models.URLField(_("link"), max_length=500, blank=True)
    consulted_on = models.DateField(_("consulted on"))

    panels = [FieldPanel("title"), FieldPanel("url"), FieldPanel("consulted_on")]

    class Meta(Orderable.Meta):
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self) -> str:
        return str(self.title)
