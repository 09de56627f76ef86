"""Test data for the research inventory: a small taxonomy and studies (no surprises: a study
is published, with a reviewed lay summary in four languages, unless told otherwise)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from beoncosup.accounts.services import role_grant
from beoncosup.accounts.testing import user_create
from beoncosup.research.catalogue import catalogue_connect
from beoncosup.research.codes import Review, StudyStatus
from beoncosup.research.drafts import StudyDraft
from beoncosup.research.models import Institution, Publication, Study
from beoncosup.taxonomy.models import Category, Domain, Need

NEEDS = {"MED": ("MED-FATIGUE", "MED-SLEEP"), "PSY": ("PSY-FEAR-RECURRENCE",)}
_count = 0


def four(text: str) -> dict[str, str]:
    return {lang: f"{text} ({lang})" for lang in ("nl", "fr", "de", "en")}


def needs_make() -> None:
    """Two domains with a category each and the needs of NEEDS; registers the catalogue."""
    catalogue_connect()  # search's tests may have replaced the catalogues
    for order, (domain_code, codes) in enumerate(NEEDS.items()):
        domain = Domain.objects.create(
            code=domain_code, label=f"Domain {domain_code}", sort_order=order
        )
        category = Category.objects.create(
            code=f"{domain_code}.ALL", domain=domain, label=f"Category {domain_code}"
        )
        for code in codes:
            Need.objects.create(code=code, category=category, label=f"Need {code}")


def editor_create(email: str = "editor@example.org") -> Any:
    admin = user_create(f"admin-{email}")
    user = user_create(email)
    role_grant(user=user, role="editor", granted_by=admin)
    return user


def study_create(
    *,
    needs: list[str] | None = None,
    review: str = Review.PUBLISHED,
    status: str = StudyStatus.RUNNING,
    title: dict[str, str] | None = None,
    lay_summary: dict[str, str] | None = None,
    institutions: list[tuple[str, str]] | None = None,
    dois: list[str] | None = None,
    **fields: Any,
) -> Study:
    global _count  # noqa: PLW0603 (unique titles)
    _count += 1
    study: Study = Study.objects.create(
        title=title if title is not None else four(f"Study {_count}"),
        status=status,
        review=review,
        lay_summary=lay_summary if lay_summary is not None else four(f"Summary {_count}"),
        lay_summary_reviewed_on=timezone.localdate() if review == Review.PUBLISHED else None,
        **fields,
    )
    for name, country in institutions or [("Example University", "BE")]:
        Institution.objects.create(study=study, name=name, country=country)
    for doi in dois or []:
        Publication.objects.create(study=study, reference=f"Reference {doi}", doi=doi)
    if needs:
        study.needs.set(Need.objects.filter(code__in=needs))
        study.save()  # a cluster: save() writes the needs
    return study


def draft_make(**fields: Any) -> StudyDraft:
    values: dict[str, Any] = {
        "title": {"en": "Walking against fatigue"},
        "status": StudyStatus.RUNNING,
        "lay_summary": {"en": "We study whether walking helps.", "nl": "We onderzoeken wandelen."},
        "need_codes": ["MED-FATIGUE"],
        "starts_on": dt.date(2026, 1, 1),
        "ends_on": dt.date(2026, 12, 31),
    }
    values.update(fields)
    return StudyDraft(**values)
