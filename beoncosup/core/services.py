"""Writes for the site shell: locales and the demo editor account."""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import Locale

DEMO_EDITOR_USERNAME = "demo-editor"
# Demo accounts of every role (accounts.demo) use this reserved domain; none signs in in production.
DEMO_EMAIL_DOMAIN = "demo.beoncosup.invalid"
# Wagtail's migrations create this group; we still grant admin access explicitly so the demo
# set-up never depends on migration-time data being present.
DEMO_EDITOR_GROUP = "Moderators"


def editor_managed_apps() -> list[str]:
    """The labels of the apps whose data editors curate in the admin (their AppConfig says
    ``editor_managed = True``); the demo editor may add, change and delete it."""
    return [
        config.label
        for config in apps.get_app_configs()
        if getattr(config, "editor_managed", False)
    ]


def locales_ensure() -> list[Locale]:
    """Create a Wagtail locale for every site language that lacks one. Idempotent."""
    with transaction.atomic():
        return [
            Locale.objects.get_or_create(language_code=code)[0]
            for code, _name in settings.LANGUAGES
        ]


@dataclass(frozen=True)
class DemoEditor:
    username: str
    password: str
    created: bool


def demo_editor_ensure(*, username: str = DEMO_EDITOR_USERNAME) -> DemoEditor:
    """Create the demo editor, or give the existing one a fresh password.

    A new random password on every run means no password is ever stored in the repository;
    the caller prints it. Refuses in production, where no default account may exist.
    """
    if settings.PRODUCTION:
        raise PermissionError("The demo editor account is never created in production.")
    user_model = get_user_model()
    password = secrets.token_urlsafe(12)
    with transaction.atomic():
        user, created = user_model.objects.get_or_create(
            username=username,
            defaults={
                "first_name": "Demo",
                "last_name": "Editor",
                "email": "demo-editor@example.org",
            },
        )
        user.set_password(password)
        user.is_active = True
        user.save()
        group, _ = Group.objects.get_or_create(name=DEMO_EDITOR_GROUP)
        group.permissions.add(
            Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
            *Permission.objects.filter(content_type__app_label__in=editor_managed_apps()),
        )
        user.groups.add(group)
    return DemoEditor(username=username, password=password, created=created)
