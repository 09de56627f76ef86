from django.urls import path
from django.utils.translation import pgettext_lazy

from beoncosup.taxonomy import views

app_name = "taxonomy"

urlpatterns = [
    path(pgettext_lazy("URL path", "needs/"), views.needs_index, name="index"),
    path(
        pgettext_lazy("URL path", "needs/domain/<str:code>/"),
        views.domain_detail,
        name="domain",
    ),
    path(pgettext_lazy("URL path", "needs/<str:code>/"), views.need_detail, name="need"),
]
