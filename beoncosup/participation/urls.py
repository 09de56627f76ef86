"""Participation's pages (namespace ``participation``)."""

from __future__ import annotations

from django.urls import path
from django.utils.translation import pgettext_lazy

from beoncosup.participation.views import editor, public, registration

app_name = "participation"

urlpatterns = [
    path(pgettext_lazy("URL path", "take-part/"), public.home, name="home"),
    path(pgettext_lazy("URL path", "take-part/groups/"), public.groups, name="groups"),
    path(pgettext_lazy("URL path", "take-part/groups/<int:group_id>/"), public.group, name="group"),
    path(
        pgettext_lazy("URL path", "take-part/sessions/<int:session_id>/"),
        public.session,
        name="session",
    ),
    path(
        pgettext_lazy("URL path", "take-part/sessions/<int:session_id>/register/"),
        registration.register,
        name="register",
    ),
    path(
        pgettext_lazy("URL path", "take-part/registration/<str:token>/"),
        registration.registration,
        name="registration",
    ),
    path(
        pgettext_lazy("URL path", "take-part/registration/<str:token>/cancel/"),
        registration.registration_cancel,
        name="registration_cancel",
    ),
    path(
        pgettext_lazy("URL path", "take-part/registration/<str:token>/calendar.ics"),
        registration.registration_ical,
        name="registration_ical",
    ),
    path(
        pgettext_lazy("URL path", "take-part/registration/<str:token>/stop-emails/"),
        registration.notify_stop,
        name="notify_stop",
    ),
    path(pgettext_lazy("URL path", "take-part/we-did/"), public.actions, name="actions"),
    path(
        pgettext_lazy("URL path", "take-part/we-did/<int:action_id>/"),
        public.action,
        name="action",
    ),
    # Editors
    path(pgettext_lazy("URL path", "take-part/manage/"), editor.manage, name="manage"),
    path(
        pgettext_lazy("URL path", "take-part/groups/<int:group_id>/sessions/new/"),
        editor.session_new,
        name="session_new",
    ),
    path(
        pgettext_lazy("URL path", "take-part/sessions/<int:session_id>/edit/"),
        editor.session_edit,
        name="session_edit",
    ),
    path(
        pgettext_lazy("URL path", "take-part/sessions/<int:session_id>/minutes/"),
        editor.session_minutes,
        name="session_minutes",
    ),
    path(
        pgettext_lazy("URL path", "take-part/sessions/<int:session_id>/participants/"),
        editor.registrations,
        name="registrations",
    ),
    path(pgettext_lazy("URL path", "take-part/we-did/new/"), editor.action_new, name="action_new"),
    path(
        pgettext_lazy("URL path", "take-part/we-did/<int:action_id>/edit/"),
        editor.action_edit,
        name="action_edit",
    ),
    path(
        pgettext_lazy("URL path", "take-part/we-did/<int:action_id>/status/"),
        editor.action_status,
        name="action_status",
    ),
]
