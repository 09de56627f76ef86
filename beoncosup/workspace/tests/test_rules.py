from __future__ import annotations

from typing import Any

import pytest

from beoncosup.workspace.tests.conftest import World

pytestmark = pytest.mark.django_db


def fresh(user: Any) -> Any:
    """The user as a new request sees it (roles are memoised per user object)."""
    return type(user).objects.get(pk=user.pk)


def test_professionals_and_organisation_admins_use_the_workspace(world: World):
    allowed = {
        name: fresh(getattr(world, name)).has_perm("accounts.use_workspace")
        for name in ("owner", "colleague", "admin", "staff", "outsider", "nobody")
    }

    assert allowed == {
        "owner": True,
        "colleague": True,
        "admin": True,
        "staff": False,
        "outsider": True,
        "nobody": False,
    }


@pytest.mark.parametrize("thing", ["search", "service_list"])
def test_shared_things_are_read_by_the_organisation_and_changed_by_their_owner(world, thing):
    item = getattr(world, thing)

    def perms(name: str) -> tuple[bool, ...]:
        user = fresh(getattr(world, name))
        return tuple(
            user.has_perm(f"workspace.{verb}_item", item) for verb in ("view", "change", "unshare")
        )

    assert perms("owner") == (True, True, True)
    assert perms("colleague") == (True, False, False)
    assert perms("admin") == (True, False, True)
    assert perms("staff") == (False, False, False)
    assert perms("outsider") == (False, False, False)
    assert perms("nobody") == (False, False, False)


def test_an_unshared_list_is_its_owners_alone(world: World):
    world.service_list.shared = False
    world.service_list.save()

    assert fresh(world.owner).has_perm("workspace.view_item", world.service_list)
    assert not fresh(world.colleague).has_perm("workspace.view_item", world.service_list)
    assert not fresh(world.admin).has_perm("workspace.unshare_item", world.service_list)
