"""The workspace's pages. Every view: anonymous → sign in; signed in without
``accounts.use_workspace`` → 403; a search or list the person may not see → 404 (its existence
does not leak); read-only for colleagues → 403 on changes. Changes only by POST.

A package: one module per part, the views re-exported for urls.py."""

from beoncosup.workspace.views.activity import (
    activity,
    settings,
)
from beoncosup.workspace.views.common import (
    home,
)
from beoncosup.workspace.views.lists import (
    item_add,
    item_remove,
    list_create,
    list_delete,
    list_detail,
    list_edit,
    list_index,
    list_unshare,
)
from beoncosup.workspace.views.searches import (
    search_delete,
    search_edit,
    search_list,
    search_run,
    search_save,
    search_unshare,
)

__all__ = [
    "activity",
    "home",
    "item_add",
    "item_remove",
    "list_create",
    "list_delete",
    "list_detail",
    "list_edit",
    "list_index",
    "list_unshare",
    "search_delete",
    "search_edit",
    "search_list",
    "search_run",
    "search_save",
    "search_unshare",
    "settings",
]
