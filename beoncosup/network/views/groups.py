"""Peer and intervision groups: the list (public: names, kind, topic, region), a group's page
(its members see the member list, meetings and announcements; others its description and a
join button), joining and leaving, meetings (with their calendar file) and announcements.

Anonymous → sign-in page on every page but the list and a group's description; a group's
member pages for others → 403; an unknown group or meeting → 404. Groups are made by editors
in the Wagtail admin (Snippets → Network groups)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from beoncosup.accounts.rules import require
from beoncosup.core.i18n_text import default_language
from beoncosup.network import selectors, services
from beoncosup.network.codes import GroupRole
from beoncosup.network.forms import AnnouncementForm, MeetingForm
from beoncosup.network.models import Group


def _group(group_id: int) -> Group:
    group = selectors.group_detail(group_id)
    if group is None:
        raise Http404
    return group


@require_safe
def groups(request: HttpRequest) -> HttpResponse:
    profile = selectors.profile_of(request.user)
    return render(
        request,
        "network/groups.html",
        {
            "groups": list(selectors.groups_list()),
            "profile": profile,
            "mine": selectors.group_ids_of(profile),
            "may_create": request.user.has_perm("network.create_group"),
        },
    )


@never_cache
@require_safe
def group(request: HttpRequest, group_id: int) -> HttpResponse:
    found = _group(group_id)
    profile = selectors.profile_of(request.user)
    sees_members = request.user.has_perm("network.view_group", found)
    context: dict[str, Any] = {
        "group": found,
        "profile": profile,
        "is_member": found.pk in selectors.group_ids_of(profile),
        "sees_members": sees_members,
        "manages": request.user.has_perm("network.manage_group", found),
    }
    if sees_members:
        context |= {
            "memberships": selectors.group_members(found),
            "meetings": selectors.group_meetings(found),
            "announcements": selectors.group_announcements(found),
        }
    return render(request, "network/group.html", context)


@login_required
@require_POST
def group_join(request: HttpRequest, group_id: int) -> HttpResponse:
    found = _group(group_id)
    require(request, "network.search_members")
    profile = selectors.profile_of(request.user)
    if profile is None:  # an editor without a profile
        return redirect("network:profile_edit")
    try:
        services.group_join(group=found, profile=profile, request=request)
    except services.NetworkError as error:
        messages.error(request, str(error))
        return redirect("network:group", group_id=found.pk)
    messages.success(request, _("You joined the group."))
    return redirect("network:group", group_id=found.pk)


@login_required
@require_POST
def group_leave(request: HttpRequest, group_id: int) -> HttpResponse:
    found = _group(group_id)
    profile = selectors.profile_of(request.user)
    if profile is not None and services.group_leave(group=found, profile=profile, request=request):
        messages.success(request, _("You left the group."))
    return redirect("network:group", group_id=found.pk)


@login_required
@require_POST
def member_role(request: HttpRequest, group_id: int, profile_id: int) -> HttpResponse:
    """A facilitator or an editor makes a member a facilitator (``role=facilitator``), a plain
    member again (``role=member``) or removes them (``role=remove``)."""
    found = _group(group_id)
    require(request, "network.manage_group", found)
    membership = selectors.membership_of(found, profile_id)
    if membership is None:
        raise Http404
    role = request.POST.get("role", "")
    if role == "remove":
        services.group_leave(
            group=found, profile=membership.profile, actor=request.user, request=request
        )
    elif role in GroupRole.values:
        services.membership_role_set(
            group=found, profile=membership.profile, role=role, actor=request.user, request=request
        )
    else:
        messages.error(request, _("Choose a role."))
    return redirect("network:group", group_id=found.pk)


@never_cache
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def member_add(request: HttpRequest, group_id: int) -> HttpResponse:
    """A facilitator or an editor adds a network member to the group (how a closed group gets
    its members): search by shown name, then "Add" (POST ``profile``)."""
    found = _group(group_id)
    require(request, "network.manage_group", found)
    if request.method == "POST":
        chosen = request.POST.get("profile", "")
        fits = chosen.isdigit() and len(chosen) <= 18
        candidate = selectors.profile_detail(int(chosen)) if fits else None
        if candidate is None:
            messages.error(request, _("Choose a member of the network to add."))
            return redirect("network:member_add", group_id=found.pk)
        if selectors.membership_of(found, candidate.pk) is None:
            services.membership_role_set(
                group=found,
                profile=candidate,
                role=GroupRole.MEMBER,
                actor=request.user,
                request=request,
            )
        messages.success(
            request, _("%(name)s is a member of the group.") % {"name": candidate.display_name}
        )
        return redirect("network:group", group_id=found.pk)
    name = request.GET.get("name", "")[:120]
    return render(
        request,
        "network/member_add.html",
        {"group": found, "name": name, "candidates": selectors.members_to_add(found, name)},
    )


@never_cache
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def meeting_add(request: HttpRequest, group_id: int) -> HttpResponse:
    found = _group(group_id)
    require(request, "network.manage_group", found)
    form = MeetingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_create(
                group=found, data=form.data_out(), actor=request.user, request=request
            )
        except services.NetworkError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The meeting is planned and the members are e-mailed."))
            return redirect("network:group", group_id=found.pk)
    status = 422 if form.errors else 200
    return render(
        request, "network/meeting_add.html", {"group": found, "form": form}, status=status
    )


@login_required
@require_safe
def meeting_ical(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting = selectors.meeting_detail(meeting_id)
    if meeting is None:
        raise Http404
    require(request, "network.view_group", meeting.group)
    url = request.build_absolute_uri(
        reverse("network:group", kwargs={"group_id": meeting.group_id})
    )
    body = services.meeting_ical(meeting, language=default_language(), url=url)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="meeting-{meeting.pk}.ics"'
    return response


@never_cache
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def announce(request: HttpRequest, group_id: int) -> HttpResponse:
    found = _group(group_id)
    require(request, "network.manage_group", found)
    form = AnnouncementForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        announcement = services.announcement_send(
            group=found,
            subject=form.cleaned_data["subject"],
            body=form.cleaned_data["body"],
            actor=request.user,
            request=request,
        )
        messages.success(
            request,
            _("The announcement was e-mailed to %(count)s member(s).")
            % {"count": announcement.recipients},
        )
        return redirect("network:group", group_id=found.pk)
    status = 422 if form.errors else 200
    return render(request, "network/announce.html", {"group": found, "form": form}, status=status)
