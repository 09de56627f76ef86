from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.users.models import UserProfile

from beoncosup.accounts.testing import signed_in
from beoncosup.core.services import demo_editor_ensure
from beoncosup.directory.tests.factories import make_geo
from beoncosup.navigator.services import measures_load


@pytest.fixture
def geo(db):
    make_geo()


@pytest.fixture
def measures(geo):
    return measures_load()


@pytest.fixture
def editor_client(client: Client) -> Client:
    editor = demo_editor_ensure()
    # The admin speaks the site's default language (Dutch) unless the editor chose another:
    # these tests read English messages.
    profile = UserProfile.get_for_user(get_user_model().objects.get(username=editor.username))
    profile.preferred_language = "en"
    profile.save()
    signed_in(client, get_user_model().objects.get(username=editor.username))
    return client
