from django.urls import path
from django.utils.translation import pgettext_lazy

from beoncosup.providers import views, views_capacity

app_name = "providers"

urlpatterns = [
    path(pgettext_lazy("URL path", "my-listings/"), views.home, name="home"),
    path(pgettext_lazy("URL path", "my-listings/claim/"), views.claim, name="claim"),
    path(
        pgettext_lazy("URL path", "my-listings/services/<uuid:service_id>/propose/"),
        views.propose,
        name="propose",
    ),
    path(
        pgettext_lazy("URL path", "my-listings/services/<uuid:service_id>/confirm/"),
        views.confirm,
        name="confirm",
    ),
    path(
        pgettext_lazy("URL path", "my-listings/services/<uuid:service_id>/capacity/"),
        views_capacity.capacity,
        name="capacity",
    ),
    path(pgettext_lazy("URL path", "listing-review/"), views.review, name="review"),
    path(
        pgettext_lazy("URL path", "listing-review/claims/<int:claim_id>/"),
        views.claim_decide,
        name="claim_decide",
    ),
    path(
        pgettext_lazy("URL path", "listing-review/proposals/<int:proposal_id>/"),
        views.proposal_decide,
        name="proposal_decide",
    ),
    path(
        pgettext_lazy("URL path", "listing-review/services/<uuid:service_id>/history/"),
        views.service_history,
        name="service_history",
    ),
]
