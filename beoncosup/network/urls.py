"""The network's pages (namespace ``network``)."""

from __future__ import annotations

from django.urls import path
from django.utils.translation import pgettext_lazy

from beoncosup.network.views import directory, groups, profiles

app_name = "network"


urlpatterns = [
    path(pgettext_lazy("URL path", "network/profile/"), profiles.profile_edit, name="profile_edit"),
    path(
        pgettext_lazy("URL path", "network/profile/remove/"),
        profiles.profile_delete,
        name="profile_delete",
    ),
    path(pgettext_lazy("URL path", "network/members/"), directory.directory, name="directory"),
    path(
        pgettext_lazy("URL path", "network/members/<int:profile_id>/"),
        directory.member,
        name="member",
    ),
    path(pgettext_lazy("URL path", "network/"), directory.public, name="public"),
    path(pgettext_lazy("URL path", "network/groups/"), groups.groups, name="groups"),
    path(pgettext_lazy("URL path", "network/groups/<int:group_id>/"), groups.group, name="group"),
    path(
        pgettext_lazy("URL path", "network/groups/<int:group_id>/join/"),
        groups.group_join,
        name="group_join",
    ),
    path(
        pgettext_lazy("URL path", "network/groups/<int:group_id>/leave/"),
        groups.group_leave,
        name="group_leave",
    ),
    path(
        pgettext_lazy("URL path", "network/groups/<int:group_id>/members/<int:profile_id>/"),
        groups.member_role,
        name="member_role",
    ),
    path(
        pgettext_lazy("URL path", "network/groups/<int:group_id>/members/add/"),
        groups.member_add,
        name="member_add",
    ),
    path(
        pgettext_lazy("URL path", "network/groups/<int:group_id>/meetings/new/"),
        groups.meeting_add,
        name="meeting_add",
    ),
    path(
        pgettext_lazy("URL path", "network/meetings/<int:meeting_id>/calendar/"),
        groups.meeting_ical,
        name="meeting_ical",
    ),
    path(
        pgettext_lazy("URL path", "network/groups/<int:group_id>/announce/"),
        groups.announce,
        name="announce",
    ),
]
