"""Readable names for the audit actions shown on the activity page."""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

ACTION_LABELS: dict[str, Promise] = {
    "workspace.search_saved": _("Saved a search"),
    "workspace.search_changed": _("Changed a saved search"),
    "workspace.search_run": _("Ran a saved search"),
    "workspace.search_deleted": _("Deleted a saved search"),
    "workspace.search_unshared": _("Stopped sharing a search"),
    "workspace.list_created": _("Created a list"),
    "workspace.list_changed": _("Changed a list"),
    "workspace.list_deleted": _("Deleted a list"),
    "workspace.list_unshared": _("Stopped sharing a list"),
    "workspace.list_item_added": _("Added a service to a list"),
    "workspace.list_item_removed": _("Removed a service from a list"),
    "workspace.settings_changed": _("Changed my defaults"),
}


def action_label(action: str) -> str:
    """The action's name for people; other apps' actions show their code (e.g. auth.login)."""
    label = ACTION_LABELS.get(action)
    return str(label) if label is not None else action
