"""The research inventory's studies as feedback targets: a published study; resolving a report
records that its facts were checked today (``Study.checked_on``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from beoncosup.core.i18n_text import pick
from beoncosup.feedback.targets import Target, TargetKind
from beoncosup.research.codes import Review
from beoncosup.research.models import Study


def _ids(ids: Sequence[str]) -> list[int]:
    return [int(value) for value in ids if str(value).isdigit() and len(str(value)) < 12]


def studies_resolve(ids: Sequence[str]) -> dict[str, Target]:
    studies = Study.objects.filter(pk__in=_ids(ids), review=Review.PUBLISHED).only(
        "id", "title", "is_demo"
    )
    found: dict[str, Target] = {}
    for study in studies:
        key = str(study.pk)
        picked = pick(study.title, translation.get_language() or "nl")
        found[key] = Target(
            kind="study",
            object_id=key,
            title=picked.text if picked else key,
            title_language=picked.language if picked else "",
            url=reverse("research:study", kwargs={"study_id": study.pk}),
            is_demo=study.is_demo,
            admin_url=reverse("wagtailsnippets_research_study:edit", args=[study.pk]),
        )
    return found


def study_resolved(object_id: str, by_user: Any) -> None:
    """Today becomes the day the study's facts were last checked."""
    study = Study.objects.filter(pk__in=_ids([object_id])).first()
    if study is not None:
        study.checked_on = timezone.localdate()
        study.save(update_fields=["checked_on", "updated_at"])


STUDY = TargetKind(
    code="study", label=_("study"), resolve_many=studies_resolve, on_resolved=study_resolved
)
