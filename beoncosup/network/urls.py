"""The network's pages (namespace ``network``)."""

from __future__ import annotations

from django.urls import path
from django.utils.translation import pgettext_lazy

from beoncosup.network.views import directory, groups, profiles

app_name = "network"


def _p(route: str) -> str:
    return pgettext_lazy("URL path", route)  # type: ignore[return-value]


urlpatterns = [
    path(_p("network/profile/"), profiles.profile_edit, name="profile_edit"),
    path(_p("network/profile/remove/"), profiles.profile_delete, name="profile_delete"),
    path(_p("network/members/"), directory.directory, name="directory"),
    path(_p("network/members/<int:profile_id>/"), directory.member, name="member"),
    path(_p("network/"), directory.public, name="public"),
    path(_p("network/groups/"), groups.groups, name="groups"),
    path(_p("network/groups/<int:group_id>/"), groups.group, name="group"),
    path(_p("network/groups/<int:group_id>/join/"), groups.group_join, name="group_join"),
    path(_p("network/groups/<int:group_id>/leave/"), groups.group_leave, name="group_leave"),
    path(
        _p("network/groups/<int:group_id>/members/<int:profile_id>/"),
        groups.member_role,
        name="member_role",
    ),
    path(_p("network/groups/<int:group_id>/members/add/"), groups.member_add, name="member_add"),
    path(
        _p("network/groups/<int:group_id>/meetings/new/"),
        groups.meeting_add,
        name="meeting_add",
    ),
    path(
        _p("network/meetings/<int:meeting_id>/calendar/"), groups.meeting_ical, name="meeting_ical"
    ),
    path(_p("network/groups/<int:group_id>/announce/"), groups.announce, name="announce"),
]
