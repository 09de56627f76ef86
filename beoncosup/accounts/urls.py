from django.urls import path
from django.utils.translation import pgettext_lazy

from beoncosup.accounts import views

app_name = "accounts"

urlpatterns = [
    path(pgettext_lazy("URL path", "my-account/"), views.home, name="home"),
    path(pgettext_lazy("URL path", "my-account/security/"), views.security, name="security"),
]
