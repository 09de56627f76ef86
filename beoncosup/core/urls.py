from django.urls import path
from django.utils.translation import pgettext_lazy

from beoncosup.core import views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path(pgettext_lazy("URL path", "about/"), views.about, name="about"),
]
