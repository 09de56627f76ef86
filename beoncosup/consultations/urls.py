"""Consultations' pages (namespace ``consultations``)."""

from __future__ import annotations

from django.urls import path
from django.utils.translation import pgettext_lazy

from beoncosup.consultations.views import manage, public

app_name = "consultations"

# "unsubscribe" first: the consultations' own paths would otherwise take its first segment.
urlpatterns = [
    path(
        pgettext_lazy("URL path", "consultations/unsubscribe/<str:token>/"),
        public.consultation_unsubscribe,
        name="unsubscribe",
    ),
    path(pgettext_lazy("URL path", "consultations/"), public.consultation_index, name="index"),
    path(
        pgettext_lazy("URL path", "consultations/<slug:slug>/"),
        public.consultation_detail,
        name="detail",
    ),
    path(
        pgettext_lazy("URL path", "consultations/<slug:slug>/thanks/"),
        public.consultation_thanks,
        name="thanks",
    ),
    path(
        pgettext_lazy("URL path", "consultations/<slug:slug>/results/"),
        public.consultation_results,
        name="results",
    ),
    path(
        pgettext_lazy("URL path", "consultations/<slug:slug>/manage/"),
        manage.consultation_manage,
        name="manage",
    ),
    path(
        pgettext_lazy("URL path", "consultations/<slug:slug>/manage/publish/"),
        manage.consultation_publish,
        name="publish",
    ),
    path(
        pgettext_lazy("URL path", "consultations/<slug:slug>/manage/withdraw/"),
        manage.consultation_withdraw,
        name="withdraw",
    ),
    path(
        pgettext_lazy("URL path", "consultations/<slug:slug>/manage/csv/"),
        manage.consultation_manage_csv,
        name="manage_csv",
    ),
]
