"""The caregiver network: opt-in profiles of professionals, and peer and intervision groups.

- A **profile** exists only because its member made it (their account, their consent, the date
  of that consent) and disappears when they remove it. Its contact details are encrypted at rest.
  ``public_fields`` lists what the member shows to everyone; members see the whole profile.
- A **group** (peer or intervision, by topic or region) has members, meetings (each one a
  ``training.Session``: dates, place or online link) and announcements sent by e-mail.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from beoncosup.core.crypto import EncryptedTextField
from beoncosup.core.i18n_text import I18nTextField
from beoncosup.network.codes import Discipline, GroupKind, GroupRole, Setting
from beoncosup.situation.codes import Region


class Profile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="network_profile"
    )
    display_name = models.CharField(_("name shown"), max_length=120)
    discipline = models.CharField(_("discipline"), max_length=20, choices=Discipline.choices)
    expertise = models.ManyToManyField(
        "taxonomy.Need", verbose_name=_("expertise"), blank=True, related_name="+"
    )
    languages = models.JSONField(_("languages"), default=list)
    postcode = models.CharField(_("postcode of the practice"), max_length=4)
    region = models.CharField(max_length=6, choices=Region.choices, blank=True)
    setting = models.CharField(_("practice setting"), max_length=20, choices=Setting.choices)
    accepts_referrals = models.BooleanField(_("accepts referrals"), default=False)
    about = models.TextField(_("about my work"), max_length=800, blank=True)
    contact_email = EncryptedTextField(_("contact e-mail"), blank=True)
    contact_phone = EncryptedTextField(_("contact phone"), blank=True)
    public_fields = models.JSONField(_("shown to the public"), default=list, blank=True)
    consent_at = models.DateTimeField()
    updated_at = models.DateTimeField(auto_now=True)
    is_demo = models.BooleanField(default=False)

    class Meta:
        ordering = ["display_name", "pk"]
        verbose_name = _("network profile")

    def __str__(self) -> str:
        return self.display_name

    @property
    def is_public(self) -> bool:
        return bool(self.public_fields)


class Group(models.Model):
    name = I18nTextField(_("name"), max_length=200, required=True)
    description = I18nTextField(_("description"), max_length=1500, multiline=True)
    kind = models.CharField(_("kind"), max_length=12, choices=GroupKind.choices)
    topic = models.ForeignKey(
        "taxonomy.Need",
        verbose_name=_("topic"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    region = models.CharField(_("region"), max_length=6, choices=Region.choices, blank=True)
    open_to_join = models.BooleanField(_("members may join themselves"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    is_demo = models.BooleanField(default=False)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("group")

    def __str__(self) -> str:
        return str(self.name.get("en") or next(iter(self.name.values()), str(self.pk)))


class GroupMembership(models.Model):
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="memberships")
    profile = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=12, choices=GroupRole.choices, default=GroupRole.MEMBER)
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["group", "profile"], name="network_member_once"),
        ]

    def __str__(self) -> str:
        return f"{self.group_id}/{self.profile_id}"


class Meeting(models.Model):
    """A group's meeting: the dates and place are a training session's."""

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="meetings")
    session = models.OneToOneField(
        "training.Session", on_delete=models.CASCADE, related_name="network_meeting"
    )
    agenda = models.TextField(_("agenda"), max_length=2000, blank=True)

    class Meta:
        ordering = ["session__starts_at", "pk"]

    def __str__(self) -> str:
        return f"meeting {self.pk}"


class Announcement(models.Model):
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="announcements")
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("message"), max_length=5000)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    sent_at = models.DateTimeField(auto_now_add=True)
    recipients = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-sent_at", "-pk"]

    def __str__(self) -> str:
        return self.subject
