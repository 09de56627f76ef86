"""A professional's workspace: saved finder searches, named lists of services, their defaults.

Searches and lists belong to their owner; ``shared`` lets the members of ``organisation`` read
them (rules.py). Nothing here is about a patient: the note on a listed service says so.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

NAME_MAX = 120
QUERY_MAX = 2000
NOTE_MAX = 200


class SavedSearch(models.Model):
    """A finder search kept under a name: ``query`` is the finder's query string."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="saved_searches",
        verbose_name=_("owner"),
    )
    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organisation"),
    )
    name = models.CharField(_("name"), max_length=NAME_MAX)
    query = models.CharField(_("search"), max_length=QUERY_MAX)
    shared = models.BooleanField(_("shared with my organisation"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_run_at = models.DateTimeField(_("last run"), null=True, blank=True)

    class Meta:
        verbose_name = _("saved search")
        verbose_name_plural = _("saved searches")
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return self.name


class ServiceList(models.Model):
    """A named list of directory services (bookmarks)."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="service_lists",
        verbose_name=_("owner"),
    )
    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organisation"),
    )
    name = models.CharField(_("name"), max_length=NAME_MAX)
    shared = models.BooleanField(_("shared with my organisation"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("list of services")
        verbose_name_plural = _("lists of services")
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return self.name


class ServiceListItem(models.Model):
    service_list = models.ForeignKey(
        ServiceList, on_delete=models.CASCADE, related_name="items", verbose_name=_("list")
    )
    service = models.ForeignKey(
        "directory.Service", on_delete=models.CASCADE, related_name="+", verbose_name=_("service")
    )
    note = models.CharField(_("note"), max_length=NOTE_MAX, blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("added by"),
    )
    added_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        verbose_name = _("listed service")
        verbose_name_plural = _("listed services")
        ordering = ["added_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["service_list", "service"], name="workspace_item_once_per_list"
            )
        ]

    def __str__(self) -> str:
        return f"{self.service_list_id}:{self.service_id}"


class WorkspaceSettings(models.Model):
    """A professional's defaults: the finder starts from them after sign-in."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="workspace_settings",
        verbose_name=_("user"),
    )
    postcode = models.CharField(_("default postcode"), max_length=4, blank=True)
    languages = models.JSONField(_("default languages"), default=list, blank=True)

    class Meta:
        verbose_name = _("workspace settings")
        verbose_name_plural = _("workspace settings")

    def __str__(self) -> str:
        return f"{self.user_id}"
