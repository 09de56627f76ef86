"""Groups: the list, a group's page (member list for members only), joining and leaving,
meetings with their calendar file, announcements by e-mail."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from beoncosup.accounts.testing import signed_in, user_create
from beoncosup.network.models import Announcement, GroupMembership, Meeting
from beoncosup.network.tests.factories import group_create, member_add, profile_create

pytestmark = pytest.mark.django_db


def url(name: str, **kwargs: int) -> str:
    return reverse(f"network:{name}", kwargs=kwargs)


def test_groups_list_shows_names_to_the_public_without_join_buttons(client, world):
    group = group_create(name="Intervisie Gent")
    member_add(group, profile_create("a@example.org"))

    page = client.get(url("groups")).content.decode()

    assert "Intervisie Gent" in page
    assert url("group_join", group_id=group.pk) not in page


def test_group_member_list_is_for_members_only(client, world):
    group = group_create()
    member = profile_create("member@example.org", name="Alice Member")
    member_add(group, member)
    outsider = profile_create("outsider@example.org", name="Bob Outsider")

    anonymous = client.get(url("group", group_id=group.pk)).content.decode()
    assert "Alice Member" not in anonymous

    signed_in(client, outsider.user)
    other = client.get(url("group", group_id=group.pk)).content.decode()
    assert "Alice Member" not in other
    assert url("group_join", group_id=group.pk) in other  # open to join, has a profile

    signed_in(client, member.user)
    own = client.get(url("group", group_id=group.pk)).content.decode()
    assert "Alice Member" in own


def test_unknown_group_is_404(client, world):
    assert client.get(url("group", group_id=999)).status_code == 404


def test_join_and_leave(client, world):
    group = group_create()
    profile = profile_create("a@example.org")
    signed_in(client, profile.user)

    assert client.post(url("group_join", group_id=group.pk)).status_code == 302
    assert GroupMembership.objects.filter(group=group, profile=profile).count() == 1

    assert client.post(url("group_leave", group_id=group.pk)).status_code == 302
    assert not GroupMembership.objects.filter(group=group, profile=profile).exists()


def test_join_a_closed_group_changes_nothing(client, world):
    group = group_create(open_to_join=False)
    profile = profile_create("a@example.org")
    signed_in(client, profile.user)

    client.post(url("group_join", group_id=group.pk))

    assert not GroupMembership.objects.exists()


def test_join_without_profile_is_forbidden_and_get_is_refused(client, world):
    group = group_create()
    signed_in(client, user_create("someone@example.org"))

    assert client.post(url("group_join", group_id=group.pk)).status_code == 403
    assert client.get(url("group_join", group_id=group.pk)).status_code == 405
    assert not GroupMembership.objects.exists()


def _meeting_data(**changes: str) -> dict[str, str]:
    day = (timezone.localdate() + dt.timedelta(days=7)).isoformat()
    data = {
        "date": day,
        "starts": "18:00",
        "ends": "20:00",
        "venue": "Zaal 1",
        "address": "Kouter 1, Gent",
        "postcode": "9000",
        "online_url": "",
        "agenda": "Casusbespreking",
    }
    data.update(changes)
    return data


def test_facilitator_plans_a_meeting_and_members_get_the_calendar_file(
    client, world, django_capture_on_commit_callbacks
):
    group = group_create()
    facilitator = profile_create("f@example.org")
    member_add(group, facilitator, role="facilitator")
    member_add(group, profile_create("m@example.org"))
    signed_in(client, facilitator.user)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("meeting_add", group_id=group.pk), _meeting_data())

    assert response.status_code == 302
    meeting = Meeting.objects.get(group=group)
    assert meeting.session.edition is None
    assert meeting.agenda == "Casusbespreking"
    assert sorted(message.to[0] for message in mail.outbox) == ["f@example.org", "m@example.org"]
    name, content, mimetype = mail.outbox[0].attachments[0]
    assert (name, mimetype) == ("meeting.ics", "text/calendar")
    assert "BEGIN:VEVENT" in content

    ical = client.get(url("meeting_ical", meeting_id=meeting.pk))
    assert ical.status_code == 200
    assert ical["Content-Type"].startswith("text/calendar")
    assert b"BEGIN:VEVENT" in ical.content


def test_plain_members_cannot_plan_meetings_nor_announce(client, world):
    group = group_create()
    member = profile_create("m@example.org")
    member_add(group, member)
    signed_in(client, member.user)

    assert client.post(url("meeting_add", group_id=group.pk), _meeting_data()).status_code == 403
    assert (
        client.post(url("announce", group_id=group.pk), {"subject": "x", "body": "y"}).status_code
        == 403
    )
    assert not Meeting.objects.exists()
    assert not Announcement.objects.exists()


@pytest.mark.parametrize(
    "changes",
    [{"ends": "17:00"}, {"venue": "", "address": "", "online_url": ""}, {"agenda": "a\x00"}],
)
def test_bad_meeting_changes_nothing(client, world, changes):
    group = group_create()
    facilitator = profile_create("f@example.org")
    member_add(group, facilitator, role="facilitator")
    signed_in(client, facilitator.user)

    response = client.post(url("meeting_add", group_id=group.pk), _meeting_data(**changes))

    assert response.status_code in {400, 422}
    assert not Meeting.objects.exists()
    assert mail.outbox == []


def test_meeting_calendar_is_for_group_members_only(client, world):
    group = group_create()
    facilitator = profile_create("f@example.org")
    member_add(group, facilitator, role="facilitator")
    signed_in(client, facilitator.user)
    client.post(url("meeting_add", group_id=group.pk), _meeting_data())
    meeting = Meeting.objects.get()

    signed_in(client, profile_create("outsider@example.org").user)

    assert client.get(url("meeting_ical", meeting_id=meeting.pk)).status_code == 403
    assert client.get(url("meeting_ical", meeting_id=9999)).status_code == 404


def test_announcement_is_emailed_to_every_member_and_stored(
    client, world, django_capture_on_commit_callbacks
):
    group = group_create(name="Intervisie Gent")
    facilitator = profile_create("f@example.org")
    member_add(group, facilitator, role="facilitator")
    member_add(group, profile_create("m1@example.org"))
    member_add(group, profile_create("m2@example.org"))
    profile_create("outsider@example.org")
    signed_in(client, facilitator.user)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("announce", group_id=group.pk),
            {"subject": "Volgende sessie", "body": "Breng een casus mee & een vraag."},
        )

    assert response.status_code == 302
    announcement = Announcement.objects.get()
    assert announcement.recipients == 3
    assert sorted(m.to[0] for m in mail.outbox) == [
        "f@example.org",
        "m1@example.org",
        "m2@example.org",
    ]
    assert "Volgende sessie" in mail.outbox[0].subject
    assert "Intervisie Gent" in mail.outbox[0].subject
    assert "Breng een casus mee & een vraag." in mail.outbox[0].body


def test_group_page_query_count_does_not_grow_with_members(
    client, world, django_assert_max_num_queries
):
    group = group_create()
    member = profile_create("m@example.org")
    member_add(group, member)
    signed_in(client, member.user)
    client.get(url("group", group_id=group.pk))
    for index in range(5):
        member_add(group, profile_create(f"p{index}@example.org"))

    with django_assert_max_num_queries(26):
        assert client.get(url("group", group_id=group.pk)).status_code == 200
    with django_assert_max_num_queries(26):
        assert client.get(url("groups")).status_code == 200


def test_facilitator_appoints_and_removes_members_others_cannot(client, world):
    group = group_create()
    facilitator = profile_create("f@example.org")
    member = profile_create("m@example.org")
    member_add(group, facilitator, role="facilitator")
    member_add(group, member)
    target = url("member_role", group_id=group.pk, profile_id=member.pk)

    signed_in(client, member.user)
    assert client.post(target, {"role": "facilitator"}).status_code == 403
    assert GroupMembership.objects.get(profile=member).role == "member"

    signed_in(client, facilitator.user)
    assert client.post(target, {"role": "wizard"}).status_code == 302
    assert GroupMembership.objects.get(profile=member).role == "member"
    assert client.post(target, {"role": "facilitator"}).status_code == 302
    assert GroupMembership.objects.get(profile=member).role == "facilitator"
    assert client.post(target, {"role": "remove"}).status_code == 302
    assert not GroupMembership.objects.filter(profile=member).exists()
    assert client.post(target, {"role": "member"}).status_code == 404


def test_editors_manage_any_group_and_see_the_admin_link(client, world):
    from beoncosup.accounts.codes import PlatformRole  # noqa: PLC0415
    from beoncosup.accounts.services.roles import role_grant  # noqa: PLC0415

    group = group_create()
    member_add(group, profile_create("m@example.org", name="Alice Member"))
    editor = user_create("editor@example.org")
    role_grant(user=editor, role=PlatformRole.EDITOR, granted_by=None)
    signed_in(client, editor)

    listing = client.get(url("groups"))
    page = client.get(url("group", group_id=group.pk))

    assert listing.status_code == 200
    assert "/admin/snippets/network/group/add/" in listing.content.decode()
    assert "Alice Member" in page.content.decode()
    assert url("announce", group_id=group.pk) in page.content.decode()


def test_a_facilitator_adds_a_network_member_to_a_closed_group(client, world):
    group = group_create(open_to_join=False)
    facilitator = profile_create("lead@example.org", name="Fien Facilitator")
    member_add(group, facilitator, role="facilitator")
    wanted = profile_create("wanted@example.org", name="Wout Wanted")
    profile_create("other@example.org", name="Olga Other")
    signed_in(client, facilitator.user)

    found = client.get(url("member_add", group_id=group.pk), {"name": "wout"}).content.decode()
    assert "Wout Wanted" in found
    assert "Olga Other" not in found
    assert (
        "Fien Facilitator"
        not in client.get(url("member_add", group_id=group.pk), {"name": "fien"}).content.decode()
    )  # already in the group

    response = client.post(url("member_add", group_id=group.pk), {"profile": wanted.pk})

    assert response.status_code == 302
    assert GroupMembership.objects.filter(group=group, profile=wanted, role="member").exists()


@pytest.mark.parametrize("chosen", ["", "abc", "9" * 40, "999999"])
def test_adding_nobody_or_garbage_changes_nothing(client, world, chosen):
    group = group_create(open_to_join=False)
    facilitator = profile_create("lead@example.org")
    member_add(group, facilitator, role="facilitator")
    signed_in(client, facilitator.user)

    response = client.post(url("member_add", group_id=group.pk), {"profile": chosen})

    assert response.status_code == 302
    assert GroupMembership.objects.filter(group=group).count() == 1


def test_a_plain_member_cannot_add_members(client, world):
    group = group_create(open_to_join=False)
    member = profile_create("member@example.org")
    member_add(group, member)
    wanted = profile_create("wanted@example.org")
    signed_in(client, member.user)

    assert (
        client.post(url("member_add", group_id=group.pk), {"profile": wanted.pk}).status_code == 403
    )
    assert not GroupMembership.objects.filter(profile=wanted).exists()
