from __future__ import annotations

import pytest
from django.test import RequestFactory

from beoncosup.audit.models import AuditEvent
from beoncosup.situation.memory import memory_of
from beoncosup.situation.selectors import situation_recall
from beoncosup.situation.services import situation_remember
from beoncosup.situation.values import Situation
from beoncosup.workspace import services
from beoncosup.workspace.models import ServiceList, ServiceListItem
from beoncosup.workspace.tests.conftest import World

pytestmark = pytest.mark.django_db


def test_every_change_is_recorded_without_the_note(world: World):
    actions = list(
        AuditEvent.objects.filter(action__startswith="workspace.")
        .order_by("id")
        .values_list("action", "organisation_id", "detail")
    )

    assert [a for a, _o, _d in actions] == [
        "workspace.search_saved",
        "workspace.list_created",
        "workspace.list_item_added",
    ]
    assert {o for _a, o, _d in actions} == {world.org_a.pk}
    assert "Eerst bellen" not in str(actions)


def test_a_service_is_on_a_list_once_and_a_second_add_changes_the_note(world: World):
    item, created = services.list_item_add(
        service_list=world.service_list, service=world.service, note="Nieuw", actor=world.owner
    )

    assert (created, item.pk, ServiceListItem.objects.count()) == (False, world.item.pk, 1)
    assert ServiceListItem.objects.get().note == "Nieuw"


def test_sharing_needs_an_organisation(world: World):
    service_list = services.list_create(owner=world.owner, name="Los", shared=True)

    assert ServiceList.objects.get(pk=service_list.pk).shared is False


def test_removing_and_deleting_leave_a_trail(world: World):
    services.list_item_remove(item=world.item, actor=world.owner)
    services.list_delete(service_list=world.service_list, actor=world.owner)
    services.search_delete(search=world.search, actor=world.owner)

    assert not ServiceList.objects.exists()
    assert list(AuditEvent.objects.order_by("-id").values_list("action", flat=True)[:3]) == [
        "workspace.search_deleted",
        "workspace.list_deleted",
        "workspace.list_item_removed",
    ]


def test_a_run_by_a_colleague_leaves_the_owners_last_run_alone(world: World):
    services.search_run(search=world.search, actor=world.colleague)
    world.search.refresh_from_db()
    assert world.search.last_run_at is None

    services.search_run(search=world.search, actor=world.owner)
    world.search.refresh_from_db()
    assert world.search.last_run_at is not None


def test_defaults_are_remembered_only_when_the_visit_has_no_answers(world: World):
    services.settings_save(user=world.owner, postcode="9000", languages=["fr", "nl"])
    fresh = RequestFactory().get("/")
    busy = RequestFactory().get("/")
    situation_remember(request=busy, situation=Situation(postcode="1000"))

    assert services.defaults_remember(request=fresh, user=world.owner) is True
    assert services.defaults_remember(request=busy, user=world.owner) is False
    assert situation_recall(fresh) == Situation(postcode="9000", languages=("fr", "nl"))
    assert memory_of(fresh).changed is True
    assert situation_recall(busy) == Situation(postcode="1000")


def test_no_defaults_remember_nothing(world: World):
    request = RequestFactory().get("/")

    assert services.defaults_remember(request=request, user=world.colleague) is False
    assert situation_recall(request) is None
