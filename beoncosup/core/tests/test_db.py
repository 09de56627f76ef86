from __future__ import annotations

import uuid

import pytest

from beoncosup.core.db import insert_rows, update_rows
from beoncosup.directory.models import Organization

pytestmark = pytest.mark.django_db


def test_insert_then_update_rows_round_trip_json_uuid_and_booleans():
    first = Organization(id=uuid.uuid4(), name={"nl": "Één"}, description={"fr": "Déjà"})
    second = Organization(id=uuid.uuid4(), name={"de": "Zwei"}, description={"de": "x"})

    insert_rows(Organization, [first, second])
    first.name = {"nl": "Één", "en": "One"}
    first.is_demo = True
    update_rows(Organization, [first], ["name", "is_demo"])

    stored = {o.id: o for o in Organization.objects.all()}
    assert stored[first.id].name == {"nl": "Één", "en": "One"}
    assert stored[first.id].is_demo is True
    assert stored[second.id].name == {"de": "Zwei"}
    assert stored[second.id].is_demo is False


def test_empty_lists_do_nothing(django_assert_num_queries):
    with django_assert_num_queries(0):
        insert_rows(Organization, [])
        update_rows(Organization, [], ["name"])
