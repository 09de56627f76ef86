"""The demo network loader and the navigation entry."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.urls import reverse

from beoncosup.accounts.testing import signed_in, user_create
from beoncosup.network.models import Announcement, Group, GroupMembership, Meeting, Profile
from beoncosup.network.tests.factories import professional_create
from beoncosup.taxonomy.models import Need

pytestmark = pytest.mark.django_db


def test_demo_network_is_made_once_and_marked_demo(world):
    # The fixture's needs are few: the loader keeps the demo needs it finds.
    call_command("load_demo_network", stdout=io.StringIO())
    counts = (Profile.objects.count(), Group.objects.count(), Meeting.objects.count())

    call_command("load_demo_network", stdout=io.StringIO())

    assert counts == (12, 3, 1)
    assert (Profile.objects.count(), Group.objects.count(), Meeting.objects.count()) == counts
    assert Announcement.objects.count() == 1
    assert GroupMembership.objects.count() == 11
    assert not Profile.objects.filter(is_demo=False).exists()
    assert not Group.objects.filter(is_demo=False).exists()
    assert Profile.objects.filter(expertise__code="MED-FATIGUE").exists()


def test_demo_network_is_refused_in_production(world):
    with override_settings(PRODUCTION=True), pytest.raises(CommandError):
        call_command("load_demo_network", stdout=io.StringIO())
    assert not Profile.objects.exists()


def test_demo_network_needs_the_taxonomy(db):
    Need.objects.all().delete()
    with pytest.raises(CommandError):
        call_command("load_demo_network", stdout=io.StringIO())


def test_navigation_shows_network_to_professionals_only(client, world):
    home = reverse("network:public")
    directory = f'<li><a href="{reverse("network:directory")}"'  # the menu item
    assert directory not in client.get(home).content.decode()

    signed_in(client, user_create("someone@example.org"))
    assert directory not in client.get(home).content.decode()

    signed_in(client, professional_create("pro@example.org"))
    assert directory in client.get(home).content.decode()
