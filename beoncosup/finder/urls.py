from django.urls import path
from django.utils.translation import pgettext_lazy

from beoncosup.finder import employers, views, views_send

app_name = "finder"

urlpatterns = [
    path(pgettext_lazy("URL path", "finder/"), views.finder, name="finder"),
    path(pgettext_lazy("URL path", "finder/places/"), views.places, name="places"),
    path(pgettext_lazy("URL path", "employers/"), employers.employers, name="employers"),
    path(pgettext_lazy("URL path", "plan/add/"), views.plan_add, name="plan_add"),
    path(pgettext_lazy("URL path", "plan/<str:token>/"), views.plan_detail, name="plan"),
    path(pgettext_lazy("URL path", "plan/<str:token>/print/"), views.plan_print, name="plan_print"),
    path(pgettext_lazy("URL path", "plan/<str:token>/pdf/"), views.plan_pdf, name="plan_pdf"),
    path(
        pgettext_lazy("URL path", "plan/<str:token>/send/"),
        views_send.plan_send,
        name="plan_send",
    ),
]
