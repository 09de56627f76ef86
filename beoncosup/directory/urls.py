from django.urls import path
from django.utils.translation import pgettext_lazy

from beoncosup.directory import views

app_name = "directory"

urlpatterns = [
    path(
        pgettext_lazy("URL path", "services/<str:service_id>/"),
        views.service_detail,
        name="service",
    ),
]
