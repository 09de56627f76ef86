"""The demo training content (issue #17, "Demo content"): made once, marked demo, refused in
production, and shaped to show every part of training (a full edition with a waiting list, a
flagged trainer and the follow-up, certificates that verify)."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Avg

from beoncosup.accounts.testing import user_create
from beoncosup.core.services import DEMO_EMAIL_DOMAIN
from beoncosup.taxonomy.models import Category, Domain, Need
from beoncosup.training.codes import Registration
from beoncosup.training.demo import NURSES, SLUGS, demo_training_load
from beoncosup.training.models import (
    Certificate,
    Course,
    Edition,
    Enrolment,
    Evaluation,
    FollowUp,
    Session,
    Trainer,
    TrainerScore,
)
from beoncosup.training.selectors.certificates import certificate_by_code

pytestmark = pytest.mark.django_db

MODELS = (Course, Edition, Session, Enrolment, Trainer)


def counts() -> dict[str, int]:
    return {
        model.__name__: model.objects.count()
        for model in (*MODELS, Evaluation, Certificate, FollowUp)
    }


def load(*args: str) -> str:
    out = StringIO()
    call_command("load_demo_training", *args, stdout=out)
    return out.getvalue()


def test_demo_training_is_made_once_and_marked_demo():
    first = load()
    after_first = counts()
    second = load()

    assert first.startswith("DEMO TRAINING (marked as demo): 4 courses")
    assert "nothing new made" in second
    assert counts() == after_first
    assert sorted(Course.objects.values_list("slug", flat=True)) == sorted(SLUGS)
    for model in MODELS:
        assert not model.objects.filter(is_demo=False).exists(), model.__name__
    assert all("Demo" in course.summary["en"] for course in Course.objects.all())


def test_replace_makes_it_anew_without_doubles():
    load()
    before = counts()
    old_codes = set(Certificate.objects.values_list("code", flat=True))

    load("--replace")

    assert counts() == before
    assert not old_codes & set(Certificate.objects.values_list("code", flat=True))


def test_demo_training_is_refused_in_production(settings):
    settings.PRODUCTION = True

    with pytest.raises(CommandError, match="refused in production"):
        load()
    with pytest.raises(PermissionError):
        demo_training_load()
    assert not Course.objects.exists()


def test_demo_has_a_full_edition_with_a_waiting_list_and_past_ones_with_attendance():
    demo_training_load()

    full = [
        edition
        for edition in Edition.objects.all()
        if edition.enrolments.filter(status=Registration.CONFIRMED).count() == edition.capacity
        and edition.enrolments.filter(status=Registration.WAITING).exists()
    ]
    assert len(full) == 1
    programme = Edition.objects.get(course__slug="demo-psycho-oncology-programme")
    assert programme.sessions.count() == 12
    assert programme.course.min_attendance_percent == 80
    assert programme.sessions.filter(attendance__isnull=False).distinct().count() == 6


def test_demo_flags_one_trainer_below_the_threshold_and_records_the_follow_up():
    demo_training_load()

    course = Course.objects.get(slug=NURSES.slug)
    first_run = Session.objects.filter(edition__course=course).order_by("starts_at").first()
    averages = {
        row["trainer__name"]: row["mean"]
        for row in TrainerScore.objects.filter(evaluation__session=first_run)
        .values("trainer__name")
        .annotate(mean=Avg("clarity"))
    }
    follow_up = FollowUp.objects.get()
    assert averages["Pieter De Smet"] < float(course.alert_threshold) < averages["Julie Martin"]
    assert follow_up.trainer is not None and follow_up.trainer.name == "Pieter De Smet"
    assert follow_up.session == first_run


def test_demo_certificates_verify_and_points_go_with_the_doctors_workshop():
    demo_training_load()

    certificates = list(Certificate.objects.select_related("enrolment__edition__course"))
    assert len(certificates) == 8
    for certificate in certificates:
        assert certificate_by_code(certificate.code.lower()) == certificate
        has_points = certificate.enrolment.edition.course.slug == "demo-breaking-bad-news"
        assert (certificate.points is not None) == has_points


def test_demo_links_the_demo_accounts_and_the_needs_that_exist():
    coordinator = user_create(f"demo-coordinator@{DEMO_EMAIL_DOMAIN}")
    trainer = user_create(f"demo-trainer@{DEMO_EMAIL_DOMAIN}")
    texts = {f"label_{lang}": lang for lang in ("nl", "fr", "de", "en")}
    domain = Domain.objects.create(code="SOC", **texts)
    category = Category.objects.create(code="SOC.RIGHTS", domain=domain, **texts)
    need = Need.objects.create(code="SOC-ADMIN-RIGHTS", category=category, label="rights")

    demo_training_load()

    assert Trainer.objects.get(user=trainer).name == "Pieter De Smet"
    assert set(coordinator.coordinated_courses.values_list("slug", flat=True)) == set(SLUGS)
    assert list(Course.objects.get(slug="demo-social-rights-after-cancer").needs.all()) == [need]
