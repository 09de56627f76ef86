from django.urls import path
from django.utils.translation import pgettext_lazy

from beoncosup.accounts import views

app_name = "accounts"

urlpatterns = [
    path(pgettext_lazy("URL path", "my-account/"), views.home, name="home"),
    path(pgettext_lazy("URL path", "my-account/security/"), views.security, name="security"),
    path(
        pgettext_lazy("URL path", "my-account/organisations/"),
        views.organisations,
        name="organisations",
    ),
    path(
        pgettext_lazy("URL path", "my-account/organisations/new/"),
        views.organisation_create,
        name="organisation_create",
    ),
    path(
        pgettext_lazy("URL path", "my-account/organisations/<slug:slug>/"),
        views.organisation,
        name="organisation",
    ),
    path(
        pgettext_lazy("URL path", "my-account/organisations/<slug:slug>/invite/"),
        views.organisation_invite,
        name="organisation_invite",
    ),
    path(
        pgettext_lazy(
            "URL path", "my-account/organisations/<slug:slug>/invitations/<int:pk>/withdraw/"
        ),
        views.invitation_revoke,
        name="invitation_revoke",
    ),
    path(
        pgettext_lazy("URL path", "my-account/organisations/<slug:slug>/requests/<int:pk>/decide/"),
        views.join_request_decide,
        name="join_request_decide",
    ),
    path(
        pgettext_lazy(
            "URL path", "my-account/organisations/<slug:slug>/members/<int:user_id>/remove/"
        ),
        views.member_remove,
        name="member_remove",
    ),
    path(
        pgettext_lazy("URL path", "my-account/organisations/<slug:slug>/join/"),
        views.organisation_join,
        name="organisation_join",
    ),
    path(
        pgettext_lazy("URL path", "my-account/organisations/<slug:slug>/audit/"),
        views.organisation_audit,
        name="organisation_audit",
    ),
    path(
        pgettext_lazy("URL path", "my-account/organisations/<slug:slug>/audit/export/"),
        views.organisation_audit_export,
        name="organisation_audit_export",
    ),
    path(
        pgettext_lazy("URL path", "my-account/organisations/<slug:slug>/api-tokens/"),
        views.organisation_tokens,
        name="organisation_tokens",
    ),
    path(
        pgettext_lazy(
            "URL path", "my-account/organisations/<slug:slug>/api-tokens/<int:pk>/revoke/"
        ),
        views.token_revoke,
        name="token_revoke",
    ),
    path(pgettext_lazy("URL path", "invitation/<str:token>/"), views.invitation, name="invitation"),
    path(pgettext_lazy("URL path", "my-account/roles/"), views.roles, name="roles"),
    path(
        pgettext_lazy("URL path", "my-account/roles/withdraw/"),
        views.role_revoke,
        name="role_revoke",
    ),
    path(pgettext_lazy("URL path", "my-account/audit/"), views.audit, name="audit"),
    path(
        pgettext_lazy("URL path", "my-account/audit/export/"),
        views.audit_export,
        name="audit_export",
    ),
]
