from django.urls import path
from django.utils.translation import pgettext_lazy

from beoncosup.workspace import views

app_name = "workspace"

urlpatterns = [
    path(pgettext_lazy("URL path", "workspace/"), views.home, name="home"),
    path(pgettext_lazy("URL path", "workspace/searches/"), views.search_list, name="search_list"),
    path(
        pgettext_lazy("URL path", "workspace/searches/save/"),
        views.search_save,
        name="search_save",
    ),
    path(
        pgettext_lazy("URL path", "workspace/searches/<int:pk>/"),
        views.search_edit,
        name="search_edit",
    ),
    path(
        pgettext_lazy("URL path", "workspace/searches/<int:pk>/run/"),
        views.search_run,
        name="search_run",
    ),
    path(
        pgettext_lazy("URL path", "workspace/searches/<int:pk>/delete/"),
        views.search_delete,
        name="search_delete",
    ),
    path(
        pgettext_lazy("URL path", "workspace/searches/<int:pk>/unshare/"),
        views.search_unshare,
        name="search_unshare",
    ),
    path(pgettext_lazy("URL path", "workspace/lists/"), views.list_index, name="list_index"),
    path(pgettext_lazy("URL path", "workspace/lists/new/"), views.list_create, name="list_create"),
    path(pgettext_lazy("URL path", "workspace/lists/add/"), views.item_add, name="item_add"),
    path(
        pgettext_lazy("URL path", "workspace/lists/<int:pk>/"),
        views.list_detail,
        name="list_detail",
    ),
    path(
        pgettext_lazy("URL path", "workspace/lists/<int:pk>/edit/"),
        views.list_edit,
        name="list_edit",
    ),
    path(
        pgettext_lazy("URL path", "workspace/lists/<int:pk>/delete/"),
        views.list_delete,
        name="list_delete",
    ),
    path(
        pgettext_lazy("URL path", "workspace/lists/<int:pk>/unshare/"),
        views.list_unshare,
        name="list_unshare",
    ),
    path(
        pgettext_lazy("URL path", "workspace/lists/<int:pk>/items/<int:item_pk>/remove/"),
        views.item_remove,
        name="item_remove",
    ),
    path(pgettext_lazy("URL path", "workspace/activity/"), views.activity, name="activity"),
    path(pgettext_lazy("URL path", "workspace/settings/"), views.settings, name="settings"),
]
