from django.urls import path
from django.utils.translation import pgettext_lazy

from beoncosup.screening import views

app_name = "screening"

urlpatterns = [
    path(pgettext_lazy("URL path", "self-check/"), views.start, name="start"),
    path(pgettext_lazy("URL path", "self-check/step/<int:number>/"), views.step, name="step"),
    path(pgettext_lazy("URL path", "self-check/result/"), views.result, name="result"),
    path(pgettext_lazy("URL path", "self-check/plan/"), views.plan, name="plan"),
    path(pgettext_lazy("URL path", "self-check/clear/"), views.clear, name="clear"),
    path(pgettext_lazy("URL path", "self-check/own-words/"), views.own_words, name="own_words"),
    path(pgettext_lazy("URL path", "self-check/help/"), views.help_lines, name="help"),
]
