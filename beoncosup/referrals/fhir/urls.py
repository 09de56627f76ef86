"""``/api/fhir/``: mounted from beoncosup/urls.py outside the language prefixes."""

from __future__ import annotations

from django.urls import path

from beoncosup.referrals.fhir import views

app_name = "fhir"

urlpatterns = [
    path("metadata", views.metadata, name="metadata"),
    path("Task", views.task_search, name="task_search"),
    path("Task/<str:referral_id>", views.task_instance, name="task"),
    path("ServiceRequest", views.service_request_search, name="service_request_search"),
    path("ServiceRequest/<str:referral_id>", views.service_request_read, name="service_request"),
    path("Consent/<str:referral_id>", views.consent_read, name="consent"),
]
