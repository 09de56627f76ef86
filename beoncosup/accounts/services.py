"""Writes about accounts: organisations, invitations, requests to join, roles, sign-out
everywhere and API tokens. Every function is keyword-only and atomic, and records what it did
in the audit trail (audit.services); mails are sent after the transaction commits."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from beoncosup.accounts.codes import ROLE_GROUPS, OrgRole, PlatformRole, RequestStatus
from beoncosup.accounts.models import (
    AccountSecurity,
    ApiToken,
    Invitation,
    JoinRequest,
    Membership,
    Organisation,
    RoleGrant,
)
from beoncosup.accounts.selectors import roles_forget, roles_of
from beoncosup.audit.services import event_record
from beoncosup.core.mail import mail_queue
from beoncosup.core.services import editor_managed_apps

TOKEN_PREFIX = "bos_"  # noqa: S105 (a public marker, not a secret)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def absolute_url(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _mail(*, to: str, language: str, template: str, context: dict[str, Any]) -> None:
    """Render a mail in the recipient's language; it leaves once the transaction commits
    (core.mail: a background task, so a mail server outage never breaks the page)."""
    with translation.override(language):
        subject = render_to_string(f"accounts/email/{template}_subject.txt", context).strip()
        body = render_to_string(f"accounts/email/{template}_message.txt", context)
    mail_queue(subject=" ".join(subject.split()), body=body, to=[to])


def preferred_language(user: Any, fallback: str = "") -> str:
    """The language a person reads mail in: the one they chose in the admin, else the one they
    used when the mail's cause happened (``fallback``), else the site's."""
    from wagtail.users.models import UserProfile  # noqa: PLC0415 (Wagtail's app registry)

    chosen = UserProfile.get_for_user(user).preferred_language
    languages = {code for code, _name in settings.LANGUAGES}
    for candidate in (chosen, fallback):
        if candidate in languages:
            return str(candidate)
    return str(settings.LANGUAGE_CODE)


# ---------------------------------------------------------------- organisations


@transaction.atomic
def organisation_create(
    *, name: str, kind: str, created_by: Any, slug: str = "", is_demo: bool = False
) -> Organisation:
    """Create an organisation (platform admins). The creator is not made a member."""
    base = slugify(slug or name)[:70] or "organisation"
    candidate, n = base, 1
    while Organisation.objects.filter(slug=candidate).exists():
        n += 1
        candidate = f"{base}-{n}"
    organisation = Organisation.objects.create(
        name=name.strip(), kind=kind, slug=candidate, is_demo=is_demo
    )
    event_record(
        action="organisation.created",
        actor=created_by,
        organisation=organisation,
        target=organisation,
        detail={"kind": kind},
    )
    return organisation


@transaction.atomic
def membership_add(
    *, organisation: Organisation, user: Any, role: str, added_by: Any = None, via: str = ""
) -> Membership:
    membership, created = Membership.objects.get_or_create(
        organisation=organisation, user=user, role=role
    )
    if created:
        event_record(
            action="role.granted",
            actor=added_by,
            organisation=organisation,
            target=user,
            target_label=user.email,
            detail={"role": role, "via": via} if via else {"role": role},
        )
    roles_forget(user)
    return membership


@transaction.atomic
def membership_remove(
    *, organisation: Organisation, user: Any, removed_by: Any, role: str | None = None
) -> int:
    """Remove one role (or every role) of a person in an organisation: their access ends with
    their next request. The last organisation admin cannot be removed by anyone but a platform
    admin, so an organisation is never left without one by accident."""
    memberships = Membership.objects.filter(organisation=organisation, user=user)
    if role:
        memberships = memberships.filter(role=role)
    roles = list(memberships.values_list("role", flat=True))
    if not roles:
        return 0
    admins_left = (
        Membership.objects.filter(organisation=organisation, role=OrgRole.ORG_ADMIN)
        .exclude(pk__in=memberships.filter(role=OrgRole.ORG_ADMIN))
        .count()
    )
    if (
        OrgRole.ORG_ADMIN in roles
        and admins_left == 0
        and not roles_of(removed_by).has_platform(PlatformRole.PLATFORM_ADMIN)
    ):
        raise ValidationError(
            _("An organisation needs at least one administrator: appoint another one first.")
        )
    memberships.delete()
    for removed in roles:
        event_record(
            action="role.revoked",
            actor=removed_by,
            organisation=organisation,
            target=user,
            target_label=user.email,
            detail={"role": removed},
        )
    roles_forget(user)
    return len(roles)


# ---------------------------------------------------------------- invitations


@dataclass(frozen=True)
class IssuedInvitation:
    invitation: Invitation
    url: str


@transaction.atomic
def invitation_create(
    *,
    organisation: Organisation,
    email: str,
    role: str,
    invited_by: Any,
    language: str,
) -> IssuedInvitation:
    """Invite someone by e-mail. Side effects: an e-mail in ``language`` with a link valid for
    BEONCOSUP_INVITATION_DAYS; earlier open invitations to the same address and role are
    revoked so only the newest link works."""
    email = get_user_model().objects.normalize_email(email.strip()).lower()
    if role not in OrgRole.values:
        raise ValidationError(_("Choose one of the roles offered."))
    now = timezone.now()
    Invitation.objects.filter(
        organisation=organisation, email=email, role=role, accepted_at=None, revoked_at=None
    ).update(revoked_at=now)
    token = secrets.token_urlsafe(32)
    invitation = Invitation.objects.create(
        organisation=organisation,
        email=email,
        role=role,
        language=language,
        token_hash=token_hash(token),
        invited_by=invited_by,
        expires_at=now + timedelta(days=settings.BEONCOSUP_INVITATION_DAYS),
    )
    with translation.override(language):
        url = absolute_url(reverse("accounts:invitation", kwargs={"token": token}))
    _mail(
        to=email,
        language=language,
        template="invitation",
        context={
            "organisation": organisation,
            "role": OrgRole(role).label,
            "inviter": invited_by.get_full_name() or invited_by.email,
            "url": url,
            "expires_at": invitation.expires_at,
        },
    )
    event_record(
        action="invitation.sent",
        actor=invited_by,
        organisation=organisation,
        target=invitation,
        target_label=email,
        detail={"role": role},
    )
    return IssuedInvitation(invitation=invitation, url=url)


def invitation_by_token(token: str) -> Invitation | None:
    return (
        Invitation.objects.select_related("organisation")
        .filter(token_hash=token_hash(token))
        .first()
    )


@transaction.atomic
def invitation_accept(*, token: str, user: Any) -> Membership:
    """Accept an invitation as the signed-in ``user``: the invitation must be open and addressed
    to one of the user's verified e-mail addresses."""
    from allauth.account.models import EmailAddress  # noqa: PLC0415 (allauth's app registry)

    invitation = (
        Invitation.objects.select_for_update()
        .select_related("organisation")
        .filter(token_hash=token_hash(token))
        .first()
    )
    if invitation is None or not invitation.is_open:
        raise ValidationError(
            _("This invitation has expired or was already used. Ask for a new one.")
        )
    verified = EmailAddress.objects.filter(
        user=user, email__iexact=invitation.email, verified=True
    ).exists()
    if not verified:
        raise PermissionDenied(
            _("This invitation was sent to %(email)s. Sign in with that address.")
            % {"email": invitation.email}
        )
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    return membership_add(
        organisation=invitation.organisation,
        user=user,
        role=invitation.role,
        added_by=invitation.invited_by,
        via="invitation",
    )


@transaction.atomic
def invitation_revoke(*, invitation: Invitation, revoked_by: Any) -> None:
    if invitation.accepted_at is None and invitation.revoked_at is None:
        invitation.revoked_at = timezone.now()
        invitation.save(update_fields=["revoked_at"])
        event_record(
            action="invitation.revoked",
            actor=revoked_by,
            organisation=invitation.organisation,
            target=invitation,
            target_label=invitation.email,
        )


# ---------------------------------------------------------------- requests to join


@transaction.atomic
def join_request_create(
    *, organisation: Organisation, user: Any, role: str, message: str = ""
) -> JoinRequest:
    """Ask to join. Side effects: an e-mail to each of the organisation's admins."""
    if role not in OrgRole.values or role == OrgRole.ORG_ADMIN:
        raise ValidationError(_("Choose one of the roles offered."))
    if Membership.objects.filter(organisation=organisation, user=user, role=role).exists():
        raise ValidationError(_("You already have this role in this organisation."))
    try:
        with transaction.atomic():
            request = JoinRequest.objects.create(
                organisation=organisation,
                user=user,
                role=role,
                message=message.strip(),
                language=translation.get_language() or settings.LANGUAGE_CODE,
            )
    except IntegrityError:
        raise ValidationError(
            _("You already asked to join this organisation: an administrator will decide.")
        ) from None
    for admin in Membership.objects.filter(
        organisation=organisation, role=OrgRole.ORG_ADMIN
    ).select_related("user"):
        language = preferred_language(admin.user)
        with translation.override(language):
            url = absolute_url(reverse("accounts:organisation", kwargs={"slug": organisation.slug}))
        _mail(
            to=admin.user.email,
            language=language,
            template="join_request",
            context={
                "organisation": organisation,
                "person": user.email,
                "url": url,
                "role": OrgRole(role).label,
            },
        )
    event_record(
        action="membership.requested",
        actor=user,
        organisation=organisation,
        target=request,
        target_label=user.email,
        detail={"role": role},
    )
    return request


@transaction.atomic
def join_request_decide(
    *, join_request: JoinRequest, approve: bool, decided_by: Any, reason: str = ""
) -> JoinRequest:
    """Approve (the person gets the role at once) or reject with a reason; the person is told
    by e-mail either way."""
    join_request = JoinRequest.objects.select_for_update().get(pk=join_request.pk)
    if join_request.status != RequestStatus.PENDING:
        raise ValidationError(_("This request was already decided."))
    if not approve and not reason.strip():
        raise ValidationError(_("Say why the request is rejected: the person will read it."))
    join_request.status = RequestStatus.APPROVED if approve else RequestStatus.REJECTED
    join_request.reason = reason.strip()
    join_request.decided_by = decided_by
    join_request.decided_at = timezone.now()
    join_request.save()
    if approve:
        membership_add(
            organisation=join_request.organisation,
            user=join_request.user,
            role=join_request.role,
            added_by=decided_by,
            via="request",
        )
    event_record(
        action="membership.approved" if approve else "membership.rejected",
        actor=decided_by,
        organisation=join_request.organisation,
        target=join_request,
        target_label=join_request.user.email,
        detail={"role": join_request.role},
    )
    _mail(
        to=join_request.user.email,
        language=preferred_language(join_request.user, join_request.language),
        template="join_decision",
        context={
            "organisation": join_request.organisation,
            "approved": approve,
            "reason": join_request.reason,
        },
    )
    return join_request


# ---------------------------------------------------------------- platform roles


def _admin_group(name: str) -> Group:
    """The Wagtail group of a platform role, with access to the admin and to the data editors
    curate there (the apps whose AppConfig says ``editor_managed``)."""
    group, _created = Group.objects.get_or_create(name=name)
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        *Permission.objects.filter(content_type__app_label__in=editor_managed_apps()),
    )
    return group


@transaction.atomic
def role_grant(*, user: Any, role: str, granted_by: Any) -> RoleGrant:
    """Give a platform role; editors and reviewers also join the Wagtail group that carries
    their admin permissions."""
    if role not in PlatformRole.values:
        raise ValidationError(_("Choose one of the roles offered."))
    grant, created = RoleGrant.objects.get_or_create(
        user=user, role=role, defaults={"granted_by": granted_by}
    )
    group_name = ROLE_GROUPS.get(PlatformRole(role))
    if group_name:
        user.groups.add(_admin_group(group_name))
    if created:
        event_record(
            action="role.granted",
            actor=granted_by,
            target=user,
            target_label=user.email,
            detail={"role": role},
        )
    roles_forget(user)
    return grant


@transaction.atomic
def role_revoke(*, user: Any, role: str, revoked_by: Any) -> bool:
    deleted, _rows = RoleGrant.objects.filter(user=user, role=role).delete()
    remaining = set(RoleGrant.objects.filter(user=user).values_list("role", flat=True))
    group_name = ROLE_GROUPS.get(PlatformRole(role)) if role in PlatformRole.values else None
    if group_name and not any(ROLE_GROUPS.get(PlatformRole(r)) == group_name for r in remaining):
        user.groups.remove(*Group.objects.filter(name=group_name))
    if deleted:
        event_record(
            action="role.revoked",
            actor=revoked_by,
            target=user,
            target_label=user.email,
            detail={"role": role},
        )
    roles_forget(user)
    return bool(deleted)


# ---------------------------------------------------------------- sessions


def session_epoch(user: Any) -> int:
    security = AccountSecurity.objects.filter(user=user).only("session_epoch").first()
    return security.session_epoch if security else 0


@transaction.atomic
def sign_out_everywhere(*, user: Any, request: Any = None) -> int:
    """End every session of this account, on every device (this one included). Returns the new
    epoch; each session signed in under an older one is signed out on its next request."""
    security, _created = AccountSecurity.objects.select_for_update().get_or_create(user=user)
    security.session_epoch += 1
    security.save(update_fields=["session_epoch"])
    event_record(action="auth.signed_out_everywhere", actor=user, request=request)
    return security.session_epoch


# ---------------------------------------------------------------- API tokens


@dataclass(frozen=True)
class IssuedToken:
    token: ApiToken
    secret: str  # shown once, never stored


@transaction.atomic
def api_token_create(
    *, organisation: Organisation, name: str, created_by: Any, days: int
) -> IssuedToken:
    if not 1 <= days <= settings.BEONCOSUP_API_TOKEN_MAX_DAYS:
        raise ValidationError(
            _("A token is valid for 1 to %(days)s days.")
            % {"days": settings.BEONCOSUP_API_TOKEN_MAX_DAYS}
        )
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        organisation=organisation,
        name=name.strip(),
        prefix=secret[: len(TOKEN_PREFIX) + 6],
        token_hash=token_hash(secret),
        created_by=created_by,
        expires_at=timezone.now() + timedelta(days=days),
    )
    event_record(
        action="api_token.created",
        actor=created_by,
        organisation=organisation,
        target=token,
        detail={"days": days},
    )
    return IssuedToken(token=token, secret=secret)


@transaction.atomic
def api_token_revoke(*, token: ApiToken, revoked_by: Any) -> None:
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        event_record(
            action="api_token.revoked",
            actor=revoked_by,
            organisation=token.organisation,
            target=token,
        )


def api_token_authenticate(secret: str) -> ApiToken | None:
    """The active token with this secret, or None. Marks it used (at most once a minute)."""
    if not secret.startswith(TOKEN_PREFIX) or len(secret) > 200:
        return None
    token = (
        ApiToken.objects.select_related("organisation")
        .filter(token_hash=token_hash(secret))
        .first()
    )
    if token is None or not token.is_active:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > timedelta(minutes=1):
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token
