"""Reads of the workspace: what a person may see (their own, and what their organisations
share), and their recent activity."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q, QuerySet

from beoncosup.accounts.codes import OrgRole
from beoncosup.accounts.models import Organisation
from beoncosup.accounts.selectors import roles_of
from beoncosup.audit.models import AuditEvent
from beoncosup.audit.selectors import events_filter
from beoncosup.workspace.models import SavedSearch, ServiceList, ServiceListItem, WorkspaceSettings

LIST_TYPE = ServiceList._meta.label_lower


def _member_of(user: Any) -> list[int]:
    return list(roles_of(user).by_organisation)


def _visible(user: Any) -> Q:
    return Q(owner=user) | Q(shared=True, organisation_id__in=_member_of(user))


def searches_visible(*, user: Any) -> QuerySet[SavedSearch]:
    """The user's saved searches and those shared in their organisations."""
    return SavedSearch.objects.filter(_visible(user)).select_related("owner", "organisation")


def lists_visible(*, user: Any) -> QuerySet[ServiceList]:
    """The user's lists and those shared in their organisations, with their item counts."""
    return (
        ServiceList.objects.filter(_visible(user))
        .select_related("owner", "organisation")
        .annotate(item_count=Count("items"))
    )


def lists_owned(*, user: Any) -> QuerySet[ServiceList]:
    return ServiceList.objects.filter(owner=user).order_by("name", "id")


def list_items(*, service_list: ServiceList) -> QuerySet[ServiceListItem]:
    return service_list.items.select_related("service__organization", "added_by").order_by(
        "added_at", "id"
    )


def organisations_for_workspace(*, user: Any) -> QuerySet[Organisation]:
    """The organisations where the user may share: those where they work as a professional or
    an admin."""
    roles = roles_of(user)
    ids = set(roles.organisations_with(OrgRole.PROFESSIONAL)) | set(
        roles.organisations_with(OrgRole.ORG_ADMIN)
    )
    return Organisation.objects.filter(pk__in=ids).order_by("name")


def settings_of(*, user: Any) -> WorkspaceSettings | None:
    return WorkspaceSettings.objects.filter(user=user).first()


def activity_own(*, user: Any) -> QuerySet[AuditEvent]:
    """Everything the user did that the audit trail recorded, newest first."""
    return events_filter().filter(actor=user)


def activity_shared(*, user: Any, limit: int = 20) -> list[AuditEvent]:
    """Recent changes by others to the lists shared in the user's organisations."""
    list_ids = ServiceList.objects.filter(
        shared=True, organisation_id__in=_member_of(user)
    ).values_list("pk", flat=True)
    ids = [str(pk) for pk in list_ids]
    if not ids:
        return []
    return list(
        events_filter(target_type=LIST_TYPE).filter(target_id__in=ids).exclude(actor=user)[:limit]
    )
