from django.urls import path
from django.utils.translation import pgettext_lazy

from beoncosup.navigator import views

app_name = "navigator"

urlpatterns = [
    path(pgettext_lazy("URL path", "what-applies-to-me/"), views.wizard, name="wizard"),
]
