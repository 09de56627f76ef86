"""Writes for the hub: the editorial roles and workflow, and loading the content files into the
page tree (one tree per language, linked as translations)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Locale,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from beoncosup.core.services import locales_ensure
from beoncosup.hub.content import DATA_DIR, ContentError, HubContent, parse_content
from beoncosup.hub.models import ArticlePage, ArticleSource, HubHomePage, TopicPage
from beoncosup.taxonomy.models import Need

EDITORS = "Editors"
REVIEWERS = "Reviewers"
WORKFLOW = "Hub: review before publishing"
REVIEW_TASK = "Review"
# Editors write and submit; only reviewers publish (Wagtail page permission codenames).
EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page")
REVIEWER_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")
# Fixed namespace: the same YAML slug gives the same translation key in every database, so the
# language versions of a page are linked and re-runs find the pages they created.
KEY_NAMESPACE = uuid.UUID("6f1f7c3e-5b8e-4a43-9c55-0e4c2b7f6a10")
HOME_SLUG = "info"


def translation_key(name: str) -> uuid.UUID:
    return uuid.uuid5(KEY_NAMESPACE, f"hub:{name}")


@dataclass(frozen=True)
class LoadCounts:
    created: int
    updated: int
    unchanged: int
    refused_demo: int = 0


def hub_editorial_ensure(*, homes: list[Page] | None = None) -> Workflow:
    """Create the Editors and Reviewers groups, their page permissions on every hub home, and
    the review workflow (one "Review" task for Reviewers) on every hub home. Idempotent.

    Side effects: groups, group page permissions, a workflow with its task, workflow pages.
    """
    homes = list(HubHomePage.objects.all()) if homes is None else homes
    with transaction.atomic():
        access = Permission.objects.get(
            content_type__app_label="wagtailadmin", codename="access_admin"
        )
        # The service card's chooser lists directory services: both roles may see them.
        view_service = Permission.objects.filter(
            content_type__app_label="directory", codename="view_service"
        )
        groups = {}
        for name, codenames in (
            (EDITORS, EDITOR_PAGE_PERMISSIONS),
            (REVIEWERS, REVIEWER_PAGE_PERMISSIONS),
        ):
            group, _created = Group.objects.get_or_create(name=name)
            group.permissions.add(access, *view_service)
            permissions = Permission.objects.filter(
                content_type__app_label="wagtailcore", codename__in=codenames
            )
            for home in homes:
                for permission in permissions:
                    GroupPagePermission.objects.get_or_create(
                        group=group, page=home, permission=permission
                    )
            groups[name] = group
        task, _created = GroupApprovalTask.objects.get_or_create(name=REVIEW_TASK)
        task.groups.set([groups[REVIEWERS]])
        workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW)
        WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
        for home in homes:
            WorkflowPage.objects.update_or_create(page=home, defaults={"workflow": workflow})
    return workflow


def _root() -> Page:
    root = Page.get_first_root_node()
    if root is None:  # a flushed test database: Wagtail's migration rows are gone
        root = Page.add_root(instance=Page(title="Root", slug="root"))
    return root


def _publish(page: Page) -> None:
    page.save_revision().publish()


def _home(root: Page, locale: Locale, content: HubContent) -> HubHomePage:
    key = translation_key("home")
    code = locale.language_code
    home: HubHomePage | None = HubHomePage.objects.filter(
        translation_key=key, locale=locale
    ).first()
    title = content.home.get("title", {}).get(code) or "Information"
    intro = content.home.get("intro", {}).get(code, "")
    if home is None:
        home = HubHomePage(
            title=title, slug=f"{HOME_SLUG}-{code}", intro=intro, locale=locale, translation_key=key
        )
        root.add_child(instance=home)
        _publish(home)
    elif (home.title, home.intro) != (title, intro):
        home.title, home.intro = title, intro
        _publish(home)
    return home


def _site_ensure(home: HubHomePage) -> None:
    """Serve the hub from the default site; Wagtail's placeholder welcome page is replaced."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name=settings.WAGTAIL_SITE_NAME,
        )
    elif not isinstance(site.root_page.specific, HubHomePage):
        site.root_page = home
        site.save()


def _topic(home: HubHomePage, locale: Locale, data: Any) -> TopicPage:
    key = translation_key(f"topic:{data.code}")
    code = locale.language_code
    title = data.title.get(code) or data.title.get("en") or data.code
    intro = data.intro.get(code, "")
    topic: TopicPage | None = TopicPage.objects.filter(translation_key=key, locale=locale).first()
    if topic is None:
        topic = TopicPage(
            title=title,
            slug=data.code,
            code=data.code,
            intro=intro,
            locale=locale,
            translation_key=key,
        )
        home.add_child(instance=topic)
        _publish(topic)
    elif (topic.title, topic.intro) != (title, intro):
        topic.title, topic.intro = title, intro
        _publish(topic)
    return topic


def _article(topic: TopicPage, locale: Locale, data: Any, needs: list[Need]) -> str:
    """Create or update one language version; returns "created", "updated" or "unchanged"."""
    language = locale.language_code
    text = data.translations[language]
    fingerprint = data.fingerprint(language)
    key = translation_key(f"article:{data.slug}")
    page = ArticlePage.objects.filter(translation_key=key, locale=locale).first()
    if page is not None and page.content_fingerprint == fingerprint:
        return "unchanged"
    outcome = "updated" if page is not None else "created"
    if page is None:
        page = ArticlePage(slug=data.slug, locale=locale, translation_key=key)
    page.title = text.title
    page.summary = text.summary
    page.body = text.body
    page.audiences = data.audiences
    page.employment_statuses = data.employment_statuses
    page.regions = data.regions
    page.last_reviewed_on = data.last_reviewed_on
    page.reviewed_by = data.reviewed_by
    page.next_review_due = data.next_review_due
    page.valid_from = data.valid_from
    page.valid_until = data.valid_until
    page.is_demo = data.is_demo
    page.content_fingerprint = fingerprint
    page.needs = needs
    page.sources = [ArticleSource(sort_order=i, **source) for i, source in enumerate(data.sources)]
    if outcome == "created":
        topic.add_child(instance=page)
    _publish(page)
    return outcome


def hub_content_load(*, directory: Path = DATA_DIR, include_demo: bool = True) -> LoadCounts:
    """Create or update the hub's page tree from the content files: a hub home and ten topics in
    every language, and each article in the languages it is written in. Pages are matched by
    translation key and language, so a re-run updates instead of duplicating. Checks everything
    first; raises ContentError and writes nothing when a file or a need code is wrong.

    With ``include_demo=False`` (production), articles marked ``is_demo`` are left out and counted
    in ``LoadCounts.refused_demo``: invented content never reaches a production site.

    Side effects: locales, pages and their revisions (published), the default site's root page,
    the editorial groups and workflow (hub_editorial_ensure).
    """
    content = parse_content(directory)
    articles = [a for a in content.articles if include_demo or not a.is_demo]
    wanted = {code for article in articles for code in article.needs}
    needs = {need.code: need for need in Need.objects.filter(code__in=wanted)}
    missing = sorted(wanted - needs.keys())
    if missing:
        raise ContentError(f"unknown need code(s): {', '.join(missing)} (load the taxonomy first)")
    counts = {"created": 0, "updated": 0, "unchanged": 0}
    with transaction.atomic():
        locales = {locale.language_code: locale for locale in locales_ensure()}
        root = _root()
        homes = {code: _home(root, locale, content) for code, locale in locales.items()}
        _site_ensure(homes[settings.LANGUAGE_CODE])
        topics = {
            (code, data.code): _topic(homes[code], locale, data)
            for code, locale in locales.items()
            for data in content.topics
        }
        for article in articles:
            article_needs = [needs[code] for code in article.needs]
            for language in article.translations:
                topic = topics[(language, article.topic)]
                counts[_article(topic, locales[language], article, article_needs)] += 1
        hub_editorial_ensure(homes=list(homes.values()))
    return LoadCounts(**counts, refused_demo=len(content.articles) - len(articles))
