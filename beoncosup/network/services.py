"""Writes of the network: profiles (made, changed and removed by their member only), group
membership, meetings and announcements. Each records an audit event; mails leave after the
transaction commits (core.mail.mail_queue)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from beoncosup.accounts.services.common import preferred_language
from beoncosup.audit.services import event_record
from beoncosup.core.i18n_text import pick
from beoncosup.core.mail import mail_queue
from beoncosup.geo.selectors import area_codes_for_postcode
from beoncosup.network import selectors
from beoncosup.network.codes import GroupRole, PublicField
from beoncosup.network.models import Announcement, Group, GroupMembership, Meeting, Profile
from beoncosup.situation.codes import Region
from beoncosup.taxonomy.models import Need
from beoncosup.training.calendar import sessions_ical
from beoncosup.training.models import Session


class NetworkError(ValueError):
    """A write that cannot be done as asked (the message says why, translated)."""


def region_of_postcode(postcode: str) -> str:
    """The region of a postcode (BE-DG before Wallonia), "" for an unknown postcode."""
    codes = area_codes_for_postcode(postcode)
    for region in (Region.GERMAN_SPEAKING, Region.BRUSSELS, Region.FLANDERS, Region.WALLONIA):
        if region.value in codes:
            return str(region.value)
    return ""


@dataclass(frozen=True)
class ProfileData:
    display_name: str
    discipline: str
    expertise: tuple[str, ...]  # need codes
    languages: tuple[str, ...]
    postcode: str
    setting: str
    accepts_referrals: bool
    about: str
    contact_email: str
    contact_phone: str  # E.164 or ""
    public_fields: tuple[str, ...]


@transaction.atomic
def profile_save(
    *, user: Any, data: ProfileData, consent: bool, request: HttpRequest | None = None
) -> Profile:
    """Create or update the user's own profile. ``consent`` must be given: its time is
    recorded as ``consent_at`` (renewed on every save, since what is shown may have changed).

    Side effects: the profile and its expertise (the catalogue announces the change, so the
    search index follows); an audit event "network.profile_created"/"network.profile_updated"
    (the names of the fields, never their values)."""
    if not consent:
        raise NetworkError(gettext("Your consent is needed to publish a profile."))
    region = region_of_postcode(data.postcode)
    if not region:
        raise NetworkError(gettext("This is not a Belgian postcode."))
    needs = list(Need.objects.filter(code__in=data.expertise))
    if len(needs) != len(set(data.expertise)):
        raise NetworkError(gettext("One of the needs is unknown."))
    profile = Profile.objects.select_for_update().filter(user=user).first()
    created = profile is None
    if profile is None:
        profile = Profile(user=user)
    profile.display_name = data.display_name
    profile.discipline = data.discipline
    profile.languages = list(dict.fromkeys(data.languages))
    profile.postcode = data.postcode
    profile.region = region
    profile.setting = data.setting
    profile.accepts_referrals = data.accepts_referrals
    profile.about = data.about
    profile.contact_email = data.contact_email
    profile.contact_phone = data.contact_phone
    profile.public_fields = [code for code in PublicField.values if code in data.public_fields]
    profile.consent_at = timezone.now()
    profile.save()
    profile.expertise.set(needs)
    event_record(
        action="network.profile_created" if created else "network.profile_updated",
        actor=user,
        target=profile,
        request=request,
        detail={"public_fields": profile.public_fields},
    )
    return profile


@transaction.atomic
def profile_delete(*, profile: Profile, actor: Any, request: HttpRequest | None = None) -> None:
    """Remove the profile entirely (with its group memberships).

    Side effects: the rows deleted (the catalogue announces it: the index entry goes); an
    audit event "network.profile_deleted"."""
    target_id = str(profile.pk)
    profile.delete()
    event_record(
        action="network.profile_deleted",
        actor=actor,
        target_type="network.profile",
        target_id=target_id,
        request=request,
    )


def contact_read_record(*, profile: Profile, actor: Any, request: HttpRequest | None) -> None:
    """Log that a member read another member's contact details (personal data).

    Side effects: an audit event "network.contact_read"."""
    if getattr(actor, "pk", None) == profile.user_id:
        return
    event_record(action="network.contact_read", actor=actor, target=profile, request=request)


# Groups


@transaction.atomic
def group_join(*, group: Group, profile: Profile, request: HttpRequest | None = None) -> bool:
    """Join an open group; False when already a member.

    Side effects: a membership; an audit event "network.group_joined"."""
    if not group.open_to_join:
        raise NetworkError(gettext("This group is not open to join."))
    _membership, created = GroupMembership.objects.get_or_create(group=group, profile=profile)
    if created:
        event_record(
            action="network.group_joined", actor=profile.user, target=group, request=request
        )
    return created


@transaction.atomic
def group_leave(
    *, group: Group, profile: Profile, actor: Any = None, request: HttpRequest | None = None
) -> bool:
    """Leave a group (or, with ``actor``, a facilitator or editor removes the member); False
    when not a member.

    Side effects: the membership deleted; an audit event "network.group_left"."""
    deleted, _rows = GroupMembership.objects.filter(group=group, profile=profile).delete()
    if deleted:
        event_record(
            action="network.group_left",
            actor=actor or profile.user,
            target=group,
            request=request,
            detail={"profile": profile.pk},
        )
    return bool(deleted)


@transaction.atomic
def membership_role_set(
    *, group: Group, profile: Profile, role: str, actor: Any, request: HttpRequest | None = None
) -> GroupMembership:
    """Make a member a facilitator or a plain member (adds them to the group if needed).

    Side effects: the membership; an audit event "network.group_role_set"."""
    membership, _created = GroupMembership.objects.get_or_create(group=group, profile=profile)
    membership.role = GroupRole(role)
    membership.save(update_fields=["role"])
    event_record(
        action="network.group_role_set",
        actor=actor,
        target=group,
        request=request,
        detail={"profile": profile.pk, "role": role},
    )
    return membership


def _group_name(group: Group, language: str) -> str:
    picked = pick(group.name, language)
    return picked.text if picked else str(group)


def _absolute(request: HttpRequest | None, path: str) -> str:
    return request.build_absolute_uri(path) if request is not None else path


def _mail_members(
    *, group: Group, template: str, context: dict[str, Any], meeting: Meeting | None = None
) -> int:
    """Mail every member of the group in their language (with the meeting's calendar file
    when there is one); returns how many were mailed."""
    sent = 0
    for user, email in selectors.member_emails(group):
        language = preferred_language(user)
        with translation.override(language):
            local = {**context, "group_name": _group_name(group, language)}
            subject = render_to_string(f"network/email/{template}_subject.txt", local)
            body = render_to_string(f"network/email/{template}_message.txt", local)
        files = []
        if meeting is not None:
            ical = meeting_ical(meeting, language=language, url=str(context.get("link", "")))
            files.append(("meeting.ics", ical.decode(), "text/calendar"))
        mail_queue(subject=" ".join(subject.split()), body=body, to=[email], attachments=files)
        sent += 1
    return sent


@dataclass(frozen=True)
class MeetingData:
    starts_at: dt.datetime
    ends_at: dt.datetime
    venue: str
    address: str
    postcode: str
    online_url: str
    agenda: str


@transaction.atomic
def meeting_create(
    *, group: Group, data: MeetingData, actor: Any, request: HttpRequest | None = None
) -> Meeting:
    """A meeting of the group: a training session without an edition, and its agenda.

    Side effects: a Session and a Meeting; each member e-mailed in their language with the
    meeting's calendar file; an audit event "network.meeting_created"."""
    if data.ends_at <= data.starts_at:
        raise NetworkError(gettext("The meeting must end after it starts."))
    if not (data.venue or data.address or data.online_url):
        raise NetworkError(gettext("Give a place or an online link."))
    session = Session.objects.create(
        edition=None,
        title={code: _group_name(group, code) for code in ("nl", "fr", "de", "en")},
        starts_at=data.starts_at,
        ends_at=data.ends_at,
        venue=data.venue,
        address=data.address,
        postcode=data.postcode,
        online_url=data.online_url,
        is_demo=group.is_demo,
    )
    meeting = Meeting.objects.create(group=group, session=session, agenda=data.agenda)
    link = _absolute(request, reverse("network:group", kwargs={"group_id": group.pk}))
    sent = _mail_members(
        group=group,
        template="meeting",
        context={"session": session, "link": link, "agenda": data.agenda},
        meeting=meeting,
    )
    event_record(
        action="network.meeting_created",
        actor=actor,
        target=group,
        request=request,
        detail={"meeting": meeting.pk, "mailed": sent},
    )
    return meeting


def meeting_ical(meeting: Meeting, *, language: str, url: str = "") -> bytes:
    """The meeting's calendar file, in ``language``."""
    with translation.override(language):
        summary = gettext("Network meeting")
        return sessions_ical(
            [meeting.session],
            summary=summary,
            language=language,
            url=url,
            description=meeting.agenda,
        )


@transaction.atomic
def announcement_send(
    *, group: Group, subject: str, body: str, actor: Any, request: HttpRequest | None = None
) -> Announcement:
    """E-mail an announcement to every member of the group, in their language's wrapper.

    Side effects: an Announcement with the number of recipients; the e-mails; an audit event
    "network.announcement_sent"."""
    link = _absolute(request, reverse("network:group", kwargs={"group_id": group.pk}))
    sent = _mail_members(
        group=group,
        template="announcement",
        context={"subject": subject, "body": body, "link": link},
    )
    announcement = Announcement.objects.create(
        group=group, subject=subject, body=body, sent_by=actor, recipients=sent
    )
    event_record(
        action="network.announcement_sent",
        actor=actor,
        target=group,
        request=request,
        detail={"announcement": announcement.pk, "recipients": sent},
    )
    return announcement
