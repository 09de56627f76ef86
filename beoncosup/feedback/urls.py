"""Feedback's pages (namespace ``feedback``)."""

from __future__ import annotations

from django.urls import path
from django.utils.translation import pgettext_lazy

from beoncosup.feedback import views

app_name = "feedback"

urlpatterns = [
    path(
        pgettext_lazy("URL path", "something-wrong/<slug:kind>/<str:object_id>/"),
        views.report,
        name="report",
    ),
    path(pgettext_lazy("URL path", "my-report/<str:token>/"), views.status, name="status"),
    path(pgettext_lazy("URL path", "feedback-queue/"), views.queue, name="queue"),
    path(
        pgettext_lazy("URL path", "feedback-queue/records/<slug:kind>/<str:object_id>/"),
        views.record,
        name="record",
    ),
    path(
        pgettext_lazy("URL path", "feedback-queue/reports/<int:report_id>/"),
        views.report_detail,
        name="report_detail",
    ),
]
