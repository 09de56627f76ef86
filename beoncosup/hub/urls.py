"""The hub's own views under /<lang>/info/; Wagtail serves the pages after these
(beoncosup/urls.py mounts wagtail.urls under the same prefix)."""

from django.urls import path
from django.utils.translation import pgettext_lazy

from beoncosup.hub import views

app_name = "hub"

urlpatterns = [
    path(pgettext_lazy("URL path", "search/"), views.search, name="search"),
]
