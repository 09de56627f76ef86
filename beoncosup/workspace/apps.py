from django.apps import AppConfig
from django.http import HttpRequest
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from beoncosup.core.site import nav_entry_register, nav_link

_workspace_link = nav_link(
    label=_("My workspace"),
    url_name="workspace:home",
    current=lambda match: match.namespace == "workspace",
)


def workspace_nav_entry(request: HttpRequest) -> SafeString:
    """The link, for those who may use the workspace only (no query for anonymous visitors)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not user.has_perm("accounts.use_workspace"):
        return mark_safe("")
    return _workspace_link(request)


class WorkspaceConfig(AppConfig):
    """Professionals' workspace: saved searches, named lists of services, recent activity."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "beoncosup.workspace"
    label = "workspace"

    def ready(self) -> None:
        # Imported here: the signal handler needs the models loaded (rules.py is found by
        # django-rules' autodiscovery).
        from django.contrib.auth.signals import user_logged_in  # noqa: PLC0415

        from beoncosup.workspace.signals import remember_defaults_on_sign_in  # noqa: PLC0415

        nav_entry_register(key="workspace", order=90, render=workspace_nav_entry)
        user_logged_in.connect(
            remember_defaults_on_sign_in, dispatch_uid="workspace.remember_defaults"
        )
