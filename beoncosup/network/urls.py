"""The network's pages (namespace ``network``)."""

from __future__ import annotations

from django.urls import URLPattern

app_name = "network"

urlpatterns: list[URLPattern] = []
