"""Writes of the workspace. Each records an audit event (names and codes only: a note on a
listed service never goes into the trail)."""

from __future__ import annotations

from typing import Any

from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone

from beoncosup.audit.services import event_record
from beoncosup.situation.selectors import situation_recall
from beoncosup.situation.services import situation_remember
from beoncosup.situation.values import Situation
from beoncosup.workspace.models import (
    SavedSearch,
    ServiceList,
    ServiceListItem,
    WorkspaceSettings,
)


def _record(
    action: str, *, actor: Any, target: Any, request: HttpRequest | None, **detail: Any
) -> None:
    event_record(
        action=f"workspace.{action}",
        actor=actor,
        organisation=target.organisation if target.organisation_id else None,
        target=target,
        request=request,
        detail=detail,
    )


@transaction.atomic
def search_save(
    *,
    owner: Any,
    name: str,
    query: str,
    organisation: Any = None,
    shared: bool = False,
    request: HttpRequest | None = None,
) -> SavedSearch:
    """Keep a (cleaned, finder_query.search_query_clean) finder query under ``name``.

    Side effects: an audit event ``workspace.search_saved``."""
    search = SavedSearch.objects.create(
        owner=owner,
        name=name,
        query=query,
        organisation=organisation,
        shared=bool(shared and organisation is not None),
    )
    _record("search_saved", actor=owner, target=search, request=request, shared=search.shared)
    return search


@transaction.atomic
def search_update(
    *, search: SavedSearch, actor: Any, name: str, shared: bool, request: HttpRequest | None = None
) -> SavedSearch:
    """Rename and (un)share. Side effects: an audit event ``workspace.search_changed``."""
    changed = [f for f, v in (("name", name), ("shared", shared)) if getattr(search, f) != v]
    search.name = name
    search.shared = bool(shared and search.organisation_id)
    search.save(update_fields=["name", "shared"])
    _record("search_changed", actor=actor, target=search, request=request, fields=changed)
    return search


@transaction.atomic
def search_run(*, search: SavedSearch, actor: Any, request: HttpRequest | None = None) -> str:
    """The query to open in the finder. Side effects: the owner's run sets ``last_run_at``; an
    audit event ``workspace.search_run``."""
    if search.owner_id == actor.pk:
        search.last_run_at = timezone.now()
        search.save(update_fields=["last_run_at"])
    _record("search_run", actor=actor, target=search, request=request)
    return search.query


@transaction.atomic
def search_delete(*, search: SavedSearch, actor: Any, request: HttpRequest | None = None) -> None:
    """Side effects: the row is deleted; an audit event ``workspace.search_deleted``."""
    _record("search_deleted", actor=actor, target=search, request=request)
    search.delete()


@transaction.atomic
def item_unshare(
    *, item: SavedSearch | ServiceList, actor: Any, request: HttpRequest | None = None
) -> None:
    """Stop sharing a search or list (its owner, or an admin of its organisation).

    Side effects: an audit event ``workspace.search_unshared`` / ``workspace.list_unshared``."""
    item.shared = False
    item.save(update_fields=["shared"])
    kind = "search" if isinstance(item, SavedSearch) else "list"
    _record(f"{kind}_unshared", actor=actor, target=item, request=request)


@transaction.atomic
def list_create(
    *,
    owner: Any,
    name: str,
    organisation: Any = None,
    shared: bool = False,
    request: HttpRequest | None = None,
) -> ServiceList:
    """Side effects: an audit event ``workspace.list_created``."""
    service_list = ServiceList.objects.create(
        owner=owner,
        name=name,
        organisation=organisation,
        shared=bool(shared and organisation is not None),
    )
    _record(
        "list_created",
        actor=owner,
        target=service_list,
        request=request,
        shared=service_list.shared,
    )
    return service_list


@transaction.atomic
def list_update(
    *,
    service_list: ServiceList,
    actor: Any,
    name: str,
    shared: bool,
    request: HttpRequest | None = None,
) -> ServiceList:
    """Rename and (un)share. Side effects: an audit event ``workspace.list_changed``."""
    changed = [f for f, v in (("name", name), ("shared", shared)) if getattr(service_list, f) != v]
    service_list.name = name
    service_list.shared = bool(shared and service_list.organisation_id)
    service_list.save(update_fields=["name", "shared", "updated_at"])
    _record("list_changed", actor=actor, target=service_list, request=request, fields=changed)
    return service_list


@transaction.atomic
def list_delete(
    *, service_list: ServiceList, actor: Any, request: HttpRequest | None = None
) -> None:
    """Side effects: the list and its items are deleted; an audit event
    ``workspace.list_deleted``."""
    _record("list_deleted", actor=actor, target=service_list, request=request)
    service_list.delete()


def list_item_add(
    *,
    service_list: ServiceList,
    service: Any,
    note: str,
    actor: Any,
    request: HttpRequest | None = None,
) -> tuple[ServiceListItem, bool]:
    """Add ``service`` to the list (once: a second add changes the note). Returns the item and
    whether it is new.

    Side effects: the list's ``updated_at``; an audit event ``workspace.list_item_added``."""
    with transaction.atomic():
        existing = ServiceListItem.objects.filter(
            service_list=service_list, service=service
        ).first()
        if existing is not None:
            existing.note = note
            existing.save(update_fields=["note"])
            return existing, False
        try:
            with transaction.atomic():
                item = ServiceListItem.objects.create(
                    service_list=service_list, service=service, note=note, added_by=actor
                )
        except IntegrityError:  # added at the same moment in another request
            return ServiceListItem.objects.get(service_list=service_list, service=service), False
        service_list.save(update_fields=["updated_at"])
        _record(
            "list_item_added",
            actor=actor,
            target=service_list,
            request=request,
            service=str(service.pk),
        )
        return item, True


@transaction.atomic
def list_item_remove(
    *, item: ServiceListItem, actor: Any, request: HttpRequest | None = None
) -> None:
    """Side effects: the list's ``updated_at``; an audit event ``workspace.list_item_removed``."""
    service_list = item.service_list
    service_id = str(item.service_id)
    item.delete()
    service_list.save(update_fields=["updated_at"])
    _record(
        "list_item_removed", actor=actor, target=service_list, request=request, service=service_id
    )


@transaction.atomic
def settings_save(
    *,
    user: Any,
    postcode: str | None = None,
    languages: list[str] | None = None,
    request: HttpRequest | None = None,
) -> WorkspaceSettings:
    """Set the defaults (None leaves one as it is). Side effects: an audit event
    ``workspace.settings_changed`` (which fields, not their values)."""
    settings, _created = WorkspaceSettings.objects.get_or_create(user=user)
    fields = []
    if postcode is not None:
        settings.postcode = postcode
        fields.append("postcode")
    if languages is not None:
        settings.languages = list(languages)
        fields.append("languages")
    settings.save()
    event_record(
        action="workspace.settings_changed",
        actor=user,
        target=settings,
        target_label="",
        request=request,
        detail={"fields": fields},
    )
    return settings


def defaults_remember(*, request: HttpRequest, user: Any, force: bool = False) -> bool:
    """Put the user's default postcode and languages in the visit's remembered answers (the
    finder starts from them), unless answers are remembered already (``force``: add to them).
    Returns whether anything was remembered.

    Side effects: the response sets the situation cookie (situation.memory)."""
    settings = WorkspaceSettings.objects.filter(user=user).first()
    if settings is None or not (settings.postcode or settings.languages):
        return False
    if not force and situation_recall(request) is not None:
        return False
    defaults = Situation(
        postcode=settings.postcode or None, languages=tuple(settings.languages or ())
    )
    if force:
        remembered = situation_recall(request)
        situation_remember(request=request, situation=defaults.merged(remembered))
    else:
        situation_remember(request=request, situation=defaults)
    return True
