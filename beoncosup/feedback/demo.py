"""Demo reports (development only, ``load_demo_feedback``): a few reports in each state on the
demo services and demo articles that the directory and hub loaders made, all marked demo."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from beoncosup.feedback.codes import Category, Status
from beoncosup.feedback.models import Report
from beoncosup.feedback.services.reports import report_digest
from beoncosup.feedback.targets import Target, target_kind

# (kind, category, status, text, note, language)
SPECS = [
    ("service", Category.CONTACT, Status.NEW, "Het telefoonnummer klopt niet meer.", "", "nl"),
    (
        "service",
        Category.HOURS,
        Status.IN_PROGRESS,
        "Le mercredi, c'est fermé l'après-midi.",
        "",
        "fr",
    ),
    (
        "service",
        Category.ELIGIBILITY,
        Status.RESOLVED,
        "Ook naasten mogen komen, niet alleen patiënten.",
        "Dank je, we hebben het aangepast.",
        "nl",
    ),
    (
        "article",
        Category.OUTDATED,
        Status.NEW,
        "Het bedrag is veranderd sinds januari.",
        "",
        "nl",
    ),
    (
        "article",
        Category.OTHER,
        Status.REJECTED,
        "Er staat een typfout in.",
        "We vonden de typfout niet; laat ons weten waar ze staat.",
        "nl",
    ),
]


def _demo_targets(kind: str, count: int) -> list[Target]:
    """Up to ``count`` demo records of ``kind`` (their ids from the kind's own loader)."""
    registered = target_kind(kind)
    if registered is None:
        return []
    ids: list[str] = []
    if kind == "service":
        from beoncosup.directory.models import Service  # noqa: PLC0415 (only for the demo)

        ids = [str(pk) for pk in Service.objects.filter(is_demo=True).values_list("pk", flat=True)]
    elif kind == "article":
        from wagtail.models import Page  # noqa: PLC0415 (only for the demo)

        keys = Page.objects.live().filter(content_type__model="articlepage")
        ids = sorted({str(k) for k in keys.values_list("translation_key", flat=True)})
    found = registered.resolve_many(sorted(ids)[: count * 4])
    demo = [t for t in found.values() if t.is_demo] or list(found.values())
    return demo[:count]


@transaction.atomic
def demo_feedback_load() -> int | None:
    """Make the demo reports; None (nothing made) when demo reports exist already. Returns
    how many were made (0 when there is no demo service or article to report on)."""
    if Report.objects.filter(is_demo=True).exists():
        return None
    targets = {kind: _demo_targets(kind, 3) for kind in ("service", "article")}
    made = 0
    now = timezone.now()
    for index, (kind, category, status, text, note, language) in enumerate(SPECS):
        if not targets[kind]:
            continue
        target = targets[kind][index % len(targets[kind])]
        Report.objects.create(
            kind=kind,
            object_id=target.object_id,
            target_title=target.title[:300],
            category=category,
            text=text,
            digest=report_digest(
                kind=kind, object_id=target.object_id, category=category, text=text
            ),
            language=language,
            status=status,
            resolution_note=note,
            resolved_at=now if status in (Status.RESOLVED, Status.REJECTED) else None,
            is_demo=True,
        )
        made += 1
    return made
