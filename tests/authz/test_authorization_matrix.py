"""The authorization matrix (issue #14): every URL of the site times every role, with the exact
outcome (the API operations have their own matrix, test_api_matrix.py).

The URL list comes from the resolver, so a new view without a row here fails
``test_every_url_is_in_the_matrix``. Each row says who may use the URL; everyone else is
refused on the server: anonymous visitors are sent to sign in, signed-in people without the
right get 403, and someone from another organisation asking for that organisation's object
gets 404 (its existence does not leak). Public pages answer everyone the same, so being signed
in never changes what the public sees.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import translation

from beoncosup.accounts.testing import signed_in
from tests.authz import wave2
from tests.authz.rowkit import EDITORS, EVERYONE, SIGNED_IN, WORKSPACE, Row, entry, public
from tests.authz.world import ROLES, World

pytestmark = pytest.mark.django_db

# ----------------------------------------------------------------- the matrix


def org(w: World) -> dict[str, Any]:
    return {"slug": w.objects["org"]}


REFERRERS = {"professional", "outsider"}  # professionals of any organisation
NOT_TEAM = SIGNED_IN - {"professional"}


def referral(w: World) -> dict[str, Any]:
    return {"referral_id": w.objects["referral"]}


def case(w: World) -> dict[str, Any]:
    return {"case_id": w.objects["case"]}


def person(w: World) -> dict[str, Any]:
    return {"token": w.objects["person"]}


TEACHERS = {"coordinator", "trainer", "editor", "platform_admin"}
COORDINATORS = {"coordinator", "editor", "platform_admin"}


NETWORK = {"member", "editor", "platform_admin"}  # members, facilitators, editors
PROFILE_MAKERS = {"professional", "outsider", "member", "editor", "platform_admin"}


def group(w: World) -> dict[str, Any]:
    return {"group_id": w.objects["group"]}


def enrolment(w: World) -> dict[str, Any]:
    return {"token": w.objects["enrolment"]}


def session(w: World) -> dict[str, Any]:
    return {"session_id": w.objects["session"]}


def course(w: World) -> dict[str, Any]:
    return {"slug": w.objects["course"]}


ORG_ADMINS = {"org_admin", "platform_admin"}
ANALYSTS = {"analyst", "platform_admin"}
MEMBERS = {"professional", "org_admin", "platform_admin"}
OUTSIDERS = {
    "no_role",
    "outsider",
    "provider_staff",
    "editor",
    "reviewer",
    "analyst",
    "coordinator",
    "trainer",
    "member",
    "employer_staff",
}

MATRIX: dict[str, Row] = {
    # Site pages: anonymous and the same for everyone.
    "healthz": public(),
    "core:home": public(),
    "core:about": public(),
    "taxonomy:index": public(),
    "taxonomy:domain": public(lambda w: {"code": "MED"}),
    "taxonomy:need": public(lambda w: {"code": "MED-FATIGUE"}),
    "directory:service": public(lambda w: {"service_id": str(w.objects["service"])}),
    "screening:start": public(),
    "screening:step": public(lambda w: {"number": 1}),
    "screening:result": public(),
    "screening:plan": public(),
    "screening:clear": public(),
    "screening:own_words": public(),
    "screening:help": public(),
    "finder:finder": public(),
    "finder:places": public(),
    "finder:plan_add": public(method="post"),
    "finder:plan": public(lambda w: {"token": "unknown"}),
    "finder:plan_print": public(lambda w: {"token": "unknown"}),
    "finder:plan_pdf": public(lambda w: {"token": "unknown"}),
    "finder:plan_send": public(lambda w: {"token": "unknown"}, method="post"),
    "navigator:wizard": public(),
    "hub:search": public(),
    "wagtail_serve": public(lambda w: [""]),
    "wagtailcore_authenticate_with_password": public(
        lambda w: {"page_view_restriction_id": 999, "page_id": 999}
    ),
    "wagtailcore_login": public(),
    "frontend_login": public(),
    "accounts:invitation": public(lambda w: {"token": "not-a-token"}),
    # allauth: signing in and up is for anonymous visitors; managing an account needs one.
    "account_login": entry(),
    "account_signup": entry(),
    "account_inactive": public(),
    "account_email_verification_sent": public(),
    "account_reset_password": public(),
    "account_reset_password_done": public(),
    "account_reset_password_from_key": public(lambda w: {"uidb36": "1", "key": "x-y"}),
    "account_reset_password_from_key_done": public(),
    "account_confirm_email": public(lambda w: {"key": "unknown"}),
    "account_confirm_login_code": public(),
    "mfa_authenticate": public(),
    "mfa_login_webauthn": public(),
    "account_logout": Row(EVERYONE),  # signing out when signed out just goes home
    "account_reauthenticate": Row(SIGNED_IN),
    "account_email": Row(SIGNED_IN),
    "account_change_password": Row(SIGNED_IN),
    "account_set_password": Row(SIGNED_IN),
    "mfa_index": Row(SIGNED_IN),
    "mfa_reauthenticate": Row(SIGNED_IN),
    "mfa_activate_totp": Row(SIGNED_IN),
    "mfa_deactivate_totp": Row(SIGNED_IN),
    "mfa_view_recovery_codes": Row(SIGNED_IN),
    "mfa_generate_recovery_codes": Row(SIGNED_IN),
    "mfa_download_recovery_codes": Row(SIGNED_IN),
    "mfa_list_webauthn": Row(SIGNED_IN),
    "mfa_add_webauthn": Row(SIGNED_IN),
    "mfa_reauthenticate_webauthn": Row(SIGNED_IN),
    "mfa_remove_webauthn": Row(SIGNED_IN, lambda w: {"pk": 999_999}),
    "mfa_edit_webauthn": Row(SIGNED_IN, lambda w: {"pk": 999_999}),
    # Accounts.
    "accounts:home": Row(SIGNED_IN),
    "accounts:security": Row(SIGNED_IN),
    "accounts:organisations": Row(SIGNED_IN),
    "accounts:organisation_create": Row({"platform_admin"}),
    "accounts:organisation": Row(MEMBERS, org, hidden=OUTSIDERS),
    "accounts:organisation_join": Row(SIGNED_IN, org),
    "accounts:organisation_invite": Row(ORG_ADMINS, org, "post", hidden=OUTSIDERS),
    "accounts:invitation_revoke": Row(
        ORG_ADMINS, lambda w: {**org(w), "pk": w.objects["invitation"]}, "post", hidden=OUTSIDERS
    ),
    "accounts:join_request_decide": Row(
        ORG_ADMINS, lambda w: {**org(w), "pk": w.objects["join"]}, "post", hidden=OUTSIDERS
    ),
    "accounts:member_remove": Row(
        ORG_ADMINS | {"professional"},  # a member may leave
        lambda w: {**org(w), "user_id": w.objects["member"]},
        "post",
        hidden=OUTSIDERS,
    ),
    "accounts:organisation_audit": Row(ORG_ADMINS, org, hidden=OUTSIDERS),
    "accounts:organisation_audit_export": Row(ORG_ADMINS, org, hidden=OUTSIDERS),
    "accounts:organisation_tokens": Row(ORG_ADMINS, org, hidden=OUTSIDERS),
    "accounts:token_revoke": Row(
        ORG_ADMINS, lambda w: {**org(w), "pk": w.objects["token"]}, "post", hidden=OUTSIDERS
    ),
    "accounts:roles": Row({"platform_admin"}),
    "accounts:role_revoke": Row({"platform_admin"}, method="post"),
    "accounts:audit": Row({"platform_admin"}),
    "accounts:audit_export": Row({"platform_admin"}),
    # Providers keep their listings right; editors decide.
    "providers:home": Row({"provider_staff"}),
    "providers:claim": Row({"provider_staff"}),
    # A service is public, so refusing with 403 reveals nothing.
    "providers:propose": Row({"provider_staff"}, lambda w: {"service_id": w.objects["service"]}),
    "providers:confirm": Row(
        {"provider_staff"}, lambda w: {"service_id": w.objects["service"]}, "post"
    ),
    "providers:capacity": Row({"provider_staff"}, lambda w: {"service_id": w.objects["service"]}),
    "providers:review": Row(EDITORS),
    "providers:claim_decide": Row(EDITORS, lambda w: {"claim_id": w.objects["claim"]}),
    "providers:proposal_decide": Row(EDITORS, lambda w: {"proposal_id": w.objects["proposal"]}),
    "providers:service_history": Row(EDITORS, lambda w: {"service_id": w.objects["service"]}),
    # The professionals' workspace; the searches and lists are the professional's own.
    "workspace:home": Row(WORKSPACE),
    "workspace:search_list": Row(WORKSPACE),
    "workspace:search_save": Row(WORKSPACE, method="post"),
    "workspace:search_edit": Row(
        {"professional"}, lambda w: {"pk": w.objects["search"]}, hidden={"org_admin", "outsider"}
    ),
    "workspace:search_run": Row(
        {"professional"},
        lambda w: {"pk": w.objects["search"]},
        "post",
        hidden={"org_admin", "outsider"},
    ),
    "workspace:search_delete": Row(
        {"professional"},
        lambda w: {"pk": w.objects["search"]},
        "post",
        hidden={"org_admin", "outsider"},
    ),
    "workspace:search_unshare": Row(
        {"professional"},
        lambda w: {"pk": w.objects["search"]},
        "post",
        hidden={"org_admin", "outsider"},
    ),
    "workspace:list_index": Row(WORKSPACE),
    "workspace:list_create": Row(WORKSPACE),
    "workspace:item_add": Row(WORKSPACE, data=lambda w: {"service": w.objects["service"]}),
    "workspace:list_detail": Row(
        {"professional"}, lambda w: {"pk": w.objects["list"]}, hidden={"org_admin", "outsider"}
    ),
    "workspace:list_edit": Row(
        {"professional"}, lambda w: {"pk": w.objects["list"]}, hidden={"org_admin", "outsider"}
    ),
    "workspace:list_delete": Row(
        {"professional"},
        lambda w: {"pk": w.objects["list"]},
        "post",
        hidden={"org_admin", "outsider"},
    ),
    "workspace:list_unshare": Row(
        {"professional"},
        lambda w: {"pk": w.objects["list"]},
        "post",
        hidden={"org_admin", "outsider"},
    ),
    "workspace:item_remove": Row(
        {"professional"},
        lambda w: {"pk": w.objects["list"], "item_pk": w.objects["item"]},
        "post",
        hidden={"org_admin", "outsider"},
    ),
    "workspace:activity": Row(WORKSPACE),
    "workspace:settings": Row(WORKSPACE),
    # Referrals. Professionals refer; the referral is seen by its referrer (the professional,
    # in the care team the consent names) and the receiving service's staff; everyone else gets
    # 404 for it. The person's private link needs no account: the same answer for everyone.
    "referrals:refer": Row(REFERRERS, data=lambda w: {"service": w.objects["service"]}),
    "referrals:refer_consent": Row(REFERRERS, method="post"),
    "referrals:self_refer": Row(
        EVERYONE, public=True, data=lambda w: {"service": w.objects["service"]}
    ),
    "referrals:self_refer_consent": public(method="post"),
    "referrals:followed": Row(REFERRERS),
    "referrals:notices_read": Row(REFERRERS, method="post"),
    "referrals:detail": Row(
        {"professional", "provider_staff"},
        referral,
        hidden=SIGNED_IN - {"professional", "provider_staff"},
    ),
    "referrals:cancel": Row(
        {"professional"}, referral, "post", hidden=SIGNED_IN - {"professional", "provider_staff"}
    ),
    "referrals:case": Row({"professional"}, case, hidden=NOT_TEAM),
    "referrals:team_add": Row({"professional"}, case, "post", hidden=NOT_TEAM),
    "referrals:team_remove": Row(
        {"professional"},
        lambda w: {**case(w), "member_id": w.objects["team_member"]},
        "post",
        hidden=NOT_TEAM,
    ),
    "referrals:note_add": Row({"professional"}, case, "post", hidden=NOT_TEAM),
    "referrals:case_refer": Row({"professional"}, case, hidden=NOT_TEAM),
    "referrals:link_renew": Row({"professional"}, case, "post", hidden=NOT_TEAM),
    "referrals:inbox": Row({"provider_staff"}),
    "referrals:inbox_detail": Row({"provider_staff"}, referral),
    "referrals:inbox_move": Row({"provider_staff"}, referral, "post"),
    "referrals:service_settings": Row(
        {"provider_staff"}, lambda w: {"service_id": w.objects["service"]}
    ),
    "referrals:person": public(person),
    "referrals:person_withdraw": public(person),
    "referrals:person_cancel": public(
        lambda w: {**person(w), "referral_id": w.objects["referral"]}, method="post"
    ),
    "referrals:person_export_json": public(person),
    "referrals:person_export_pdf": public(person),
    "referrals:person_erase": public(person),
    # Needs insights: the public page and the open data for everyone, dashboards for analysts.
    "insights:public": public(),
    "insights:dictionary": public(),
    "insights:overview": Row(ANALYSTS),
    "insights:unmet": Row(ANALYSTS),
    "insights:map": Row(ANALYSTS),
    "insights:languages": Row(ANALYSTS),
    "insights:referrals": Row(ANALYSTS),
    "insights:self_checks": Row(ANALYSTS),
    # Training (issue #17): the catalogue, registering and the participant's own pages (by
    # their token), the same-day evaluation (by the session's QR token) and certificate
    # verification are public; the day and the results are for the course's trainer and
    # coordinator (and editors); results of a course and the follow-up for its coordinator.
    "training:catalogue": public(),
    "training:course": public(lambda w: {"slug": w.objects["course"]}),
    "training:register": public(lambda w: {"edition_id": w.objects["edition"]}),
    "training:enrolment": public(enrolment),
    "training:enrolment_cancel": public(enrolment),
    "training:enrolment_ical": public(enrolment),
    "training:evaluate": public(lambda w: {"token": w.objects["evaluation"]}),
    "training:certificate": public(enrolment),
    "training:verify": public(),
    "training:manage": Row(TEACHERS),
    "training:attendance": Row(TEACHERS, session),
    "training:evaluation_qr": Row(TEACHERS, session),
    "training:checkin": Row(TEACHERS, enrolment),
    "training:session_results": Row(TEACHERS, session),
    "training:course_results": Row(COORDINATORS, course),
    "training:course_threshold": Row(COORDINATORS, course, "post"),
    "training:follow_up": Row(COORDINATORS, course, "post"),
    "training:certificate_revoke": Row(
        COORDINATORS, lambda w: {"certificate_id": w.objects["certificate"]}, "post"
    ),
    "training:trainer_results": Row(TEACHERS, lambda w: {"trainer_id": w.objects["trainer"]}),
    # The caregiver network: professionals make a profile; members (people with one) search
    # the whole directory; the public sees what members chose to show; a group's facilitator
    # (the world's member) runs its meetings and announcements.
    "network:public": public(),
    "network:groups": public(),
    "network:group": public(group),
    "network:profile_edit": Row(PROFILE_MAKERS),
    "network:profile_delete": Row(SIGNED_IN),  # without a profile: sent to make one
    "network:directory": Row(NETWORK),
    "network:member": Row(NETWORK, lambda w: {"profile_id": w.objects["profile"]}),
    "network:group_join": Row(NETWORK, group, "post"),  # editors: sent to make a profile
    "network:group_leave": Row(SIGNED_IN, group, "post"),
    "network:member_role": Row(
        NETWORK, lambda w: {**group(w), "profile_id": w.objects["profile"]}, "post"
    ),
    "network:member_add": Row(NETWORK, group),
    "network:meeting_add": Row(NETWORK, group),
    "network:meeting_ical": Row(NETWORK, lambda w: {"meeting_id": w.objects["meeting"]}),
    "network:announce": Row(NETWORK, group),
    # Research, consultations, participation, feedback (issue #18): rows kept with their app.
    **wave2.rows(),
}

# Served outside this matrix: the Wagtail admin and documents (Wagtail's own permission checks,
# behind the same sign-in and MFA: tested in beoncosup/accounts/tests/test_sign_in.py), the API
# (its own matrix below) and media files in development.
NOT_IN_MATRIX_PREFIXES = ("admin/", "documents/", "api/", "^media/")


def site_url_names() -> set[str]:
    names: set[str] = set()

    def walk(patterns: list[Any], prefix: str, namespace: str) -> None:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = namespace
                if pattern.namespace:
                    inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
                walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
            elif isinstance(pattern, URLPattern):
                route = prefix + str(pattern.pattern)
                if any(route.startswith(p) for p in NOT_IN_MATRIX_PREFIXES):
                    continue
                names.add(f"{namespace}:{pattern.name}" if namespace else str(pattern.name))

    with translation.override("en"):
        walk(get_resolver().url_patterns, "", "")
    return names


def test_every_url_is_in_the_matrix():
    names = site_url_names()

    assert names - MATRIX.keys() == set(), "URLs without a row in the authorization matrix"
    assert MATRIX.keys() - names == set(), "rows for URLs that no longer exist"


def client_for(role: str, world: World) -> Client:
    client = Client()
    if role != "anonymous":
        signed_in(client, world.users[role])
    return client


def answer(client: Client, row: Row, url: str, world: World) -> Any:
    """One request, rolled back afterwards: what one role does never changes what the next
    role finds (a member leaving, a token revoked)."""
    with transaction.atomic():
        if row.method == "post":
            response = client.post(url, row.data(world))
        else:
            response = client.get(url, row.data(world))
        transaction.set_rollback(True)
    return response


def refused_to_sign_in(response: Any) -> bool:
    return response.status_code == 302 and "/accounts/login/" in response["Location"]


def problem(role: str, row: Row, response: Any) -> str | None:
    """What is wrong with one role's answer, or None."""
    status = response.status_code
    if row.entry:
        expected = 200 if role == "anonymous" else 302
        return None if status == expected else f"{role}: {status}, expected {expected}"
    if role in row.allowed:
        refused = status in {401, 403, 404} or refused_to_sign_in(response)
        return f"{role}: refused with {status}" if refused else None
    if role == "anonymous":
        return None if refused_to_sign_in(response) else f"anonymous: {status}, not sent to sign in"
    expected = 404 if role in row.hidden else 403
    return None if status == expected else f"{role}: {status}, expected {expected}"


@pytest.mark.parametrize("name", sorted(MATRIX))
def test_url_answers_each_role_as_the_matrix_says(name, world):
    row = MATRIX[name]
    arguments = row.kwargs(world)
    with translation.override("en"):
        if isinstance(arguments, list):
            url = reverse(name, args=arguments)
        else:
            url = reverse(name, kwargs=arguments)
    outcomes: dict[str, int] = {}
    problems = []
    for role in ROLES:
        response = answer(client_for(role, world), row, url, world)
        outcomes[role] = response.status_code
        if not row.public:
            problems.append(problem(role, row, response))
    if row.public:
        # Public pages: never a sign-in wall, and the same status whoever asks.
        assert not refused_to_sign_in_any(outcomes), outcomes
        assert len(set(outcomes.values())) == 1, outcomes
    assert [p for p in problems if p] == [], f"{name} ({url})"


def refused_to_sign_in_any(outcomes: dict[str, int]) -> bool:
    return any(status in {401, 403} for status in outcomes.values())
