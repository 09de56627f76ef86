"""FHIR R4B for hospital systems: each referral as a ``ServiceRequest`` (what is asked), a
``Task`` (its status, moved by the service) and the person's ``Consent``, at ``/api/fhir/``
with an organisation's API token (docs/referrals.md, "FHIR R4B")."""
