"""Training and the caregiver network at national scale (issue #17): the public catalogue, the
courses API, the coordinator's results, registration throughput and the network directory.

    .venv/bin/python bench/training_benchmark.py [--courses 400] [--editions 2000]
        [--registrations 60000] [--evaluations 150000] [--profiles 3000] [--groups 150]
        [--runs 20] [--registers 200] [--threads 8]

The database: a throw-away SQLite file under var/bench/training/ (made afresh each run), or the
PostgreSQL database DATABASE_URL points to when it is a postgres:// URL (use an empty database
made for the benchmark). The geo tables and the taxonomy are loaded into it, then (bulk
inserts, no signals):

- --courses published courses (1-3 needs, 2-4 professions, 2 trainers each, texts in four
  languages), --editions editions over the past and the coming year (1-12 sessions each, weekly;
  postcodes spread over Belgium from the geo tables, one edition in seven online);
- --registrations registrations (confirmed up to capacity, then waiting; one in twelve
  cancelled), --evaluations anonymous evaluations of the past sessions with their trainers'
  scores;
- a big programme: one edition of 40 sessions (one today, 120 confirmed participants), 600
  evaluations and the attendance of its past sessions, coordinated by a signed-in coordinator;
- --profiles network profiles (2-5 needs of expertise; a third show fields to the public) and
  --groups groups of 10-30 members.

The search index is rebuilt for the kinds "course" and "caregiver". Then, through
django.test.Client (every middleware; signed in with a second factor where needed), each page
--runs times: median and p95 in ms, SQL queries of the first request, bytes. A status other than
200 stops the run. Then --registers sequential registrations through
services.registration.enrolment_register (ms each; e-mails rendered into the locmem outbox) and,
on PostgreSQL, --threads threads registering for one edition at once (each its own connection):
registrations per second, and the check that the capacity held.

Targets (docs/benchmarks.md): public pages and the API p95 <= 300 ms, coordinator pages
<= 500 ms. Timings are of this machine.
"""

# Django imports wait until the environment points at the benchmark's database.
# ruff: noqa: PLC0415, T201, S311 - a command-line report that checks its own answers;
# its generator is for synthetic data, not secrets

from __future__ import annotations

import argparse
import datetime as dt
import logging
import random
import statistics
import threading
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

from bench_common import (
    BATCH,
    BenchmarkError,
    bulk,
    measure,
    reference_data,
    setup_django,
    step,
)

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "var" / "bench" / "training"
LANGS = ("nl", "fr", "de", "en")
TOPICS = (
    ("communicatie", "communication", "Kommunikation", "communication"),
    (
        "slecht nieuws brengen",
        "annoncer une mauvaise nouvelle",
        "schlechte Nachrichten",
        "breaking bad news",
    ),
    ("rouw", "deuil", "Trauer", "grief"),
    ("vermoeidheid", "fatigue", "Müdigkeit", "fatigue"),
    ("sociale rechten", "droits sociaux", "soziale Rechte", "social rights"),
    ("angst", "anxiété", "Angst", "anxiety"),
    ("seksualiteit", "sexualité", "Sexualität", "sexuality"),
    ("terugkeer naar werk", "retour au travail", "Rückkehr zur Arbeit", "return to work"),
    ("palliatieve zorg", "soins palliatifs", "Palliativpflege", "palliative care"),
    ("psycho-oncologie", "psycho-oncologie", "Psychoonkologie", "psycho-oncology"),
)


def build_courses(options: argparse.Namespace, rng: random.Random) -> dict[str, Any]:
    """Trainers and published courses with their needs, professions and trainers."""
    from beoncosup.taxonomy.models import Need
    from beoncosup.training.codes import CourseFormat, Profession
    from beoncosup.training.models import Course, Trainer

    need_ids = list(Need.objects.order_by("code").values_list("pk", "code"))
    professions = list(Profession.values)
    trainers = bulk(
        Trainer,
        [
            Trainer(name=f"Trainer {n}", bio={"nl": f"Ervaring {n}", "en": f"Experience {n}"})
            for n in range(max(10, options.courses * 3 // 4))
        ],
    )
    courses = bulk(
        Course,
        [
            Course(
                slug=f"bench-course-{n}",
                title={lang: f"{TOPICS[n % 10][i]} {n}" for i, lang in enumerate(LANGS)},
                summary={lang: f"{TOPICS[n % 10][i]}: summary" for i, lang in enumerate(LANGS)},
                objectives={lang: f"- {TOPICS[n % 10][i]}\n- goal" for i, lang in enumerate(LANGS)},
                professions=rng.sample(professions, rng.randint(2, 4)),
                format=rng.choice(list(CourseFormat.values)),
                duration_hours=Decimal("6.0"),
                evidence={"en": "Evidence."},
                published=True,
            )
            for n in range(options.courses)
        ],
    )
    needs_through, trainers_through = Course.needs.through, Course.trainers.through
    course_needs: dict[int, list[str]] = {}
    course_trainers: dict[int, list[Any]] = {}
    rows_needs, rows_trainers = [], []
    for course in courses:
        picked = rng.sample(need_ids, rng.randint(1, 3))
        course_needs[course.pk] = [code for _, code in picked]
        rows_needs += [needs_through(course_id=course.pk, need_id=pk) for pk, _ in picked]
        course_trainers[course.pk] = rng.sample(trainers, 2)
        rows_trainers += [
            trainers_through(course_id=course.pk, trainer_id=t.pk)
            for t in course_trainers[course.pk]
        ]
    bulk(needs_through, rows_needs)
    bulk(trainers_through, rows_trainers)
    need_counts: dict[str, int] = {}
    for codes in course_needs.values():
        for code in codes:
            need_counts[code] = need_counts.get(code, 0) + 1
    popular = max(need_counts, key=lambda code: (need_counts[code], code))
    # The profession most of the popular need's courses are for (the API's need + profession).
    by_profession: dict[str, int] = {}
    for course in courses:
        if popular in course_needs[course.pk]:
            for code in course.professions:
                by_profession[code] = by_profession.get(code, 0) + 1
    return {
        "courses": courses,
        "course_trainers": course_trainers,
        "trainers": trainers,
        "need": popular,
        "need_courses": need_counts[popular],
        "profession": max(by_profession, key=lambda code: (by_profession[code], code)),
    }


def build_editions(
    options: argparse.Namespace, rng: random.Random, world: dict[str, Any]
) -> dict[str, Any]:
    """Editions over the past and the coming year with 1-12 weekly sessions and their trainers."""
    from django.utils import timezone

    from beoncosup.geo.models import PostalCode
    from beoncosup.training.models import Edition, Session, token_new

    now = timezone.now()
    courses = world["courses"]
    postcodes = sorted(set(PostalCode.objects.values_list("code", flat=True)))
    editions, plans = [], []
    for n in range(options.editions):
        first = now + dt.timedelta(days=rng.randint(-365, 365), hours=rng.randint(0, 8))
        editions.append(
            Edition(
                course=courses[n % len(courses)],
                name={"en": f"Run {n}"},
                language=rng.choice(("nl", "nl", "fr", "fr", "de", "en")),
                capacity=rng.randint(20, 40),
                registration_deadline=first - dt.timedelta(days=2),
            )
        )
        count = rng.choice((1, 1, 1, 2, 3, 4, 6, 8, 12))
        plans.append((first, count, n % 7 == 0, rng.choice(postcodes)))
    editions = bulk(Edition, editions)
    sessions = bulk(
        Session,
        [
            Session(
                edition=edition,
                title={"en": f"Session {k + 1}"},
                starts_at=first + dt.timedelta(days=7 * k),
                ends_at=first + dt.timedelta(days=7 * k, hours=3),
                venue="" if online else "Zaal",
                postcode="" if online else postcode,
                online_url="https://meet.example.org/bench" if online else "",
                evaluation_token=token_new(),
            )
            for edition, (first, count, online, postcode) in zip(editions, plans, strict=True)
            for k in range(count)
        ],
    )
    through = Session.trainers.through
    by_session: dict[int, list[Any]] = {}
    rows = []
    for session in sessions:
        pool = world["course_trainers"][session.edition.course_id]
        by_session[session.pk] = pool if session.pk % 3 == 0 else pool[:1]
        rows += [through(session_id=session.pk, trainer_id=t.pk) for t in by_session[session.pk]]
    bulk(through, rows)
    past = [session for session in sessions if session.ends_at < now]
    return {
        "editions": editions,
        "sessions": len(sessions),
        "past": past,
        "by_session": by_session,
    }


def build_registrations(
    options: argparse.Namespace, rng: random.Random, world: dict[str, Any]
) -> None:
    """Registrations spread over the editions: confirmed up to capacity, then waiting; one in
    twelve cancelled. Names and e-mails are encrypted by the field on the way in."""
    from django.utils import timezone

    from beoncosup.training.codes import Profession, Registration
    from beoncosup.training.models import Enrolment, token_new
    from beoncosup.training.services.registration import email_digest

    now = timezone.now()
    editions = world["editions"]
    per_edition = [0] * len(editions)
    for _ in range(options.registrations):
        per_edition[rng.randrange(len(editions))] += 1
    rows: list[Any] = []
    for edition, count in zip(editions, per_edition, strict=True):
        confirmed = 0
        for k in range(count):
            if k % 12 == 11:
                status = Registration.CANCELLED
            elif confirmed < edition.capacity:
                status, confirmed = Registration.CONFIRMED, confirmed + 1
            else:
                status = Registration.WAITING
            email = f"participant{len(rows)}@bench.example"
            rows.append(
                Enrolment(
                    edition=edition,
                    name=f"Deelnemer {len(rows)}",
                    email=email,
                    email_digest=email_digest(email),
                    profession=rng.choice(list(Profession.values)),
                    language=edition.language,
                    status=status,
                    token=token_new(),
                    confirmed_at=now if status == Registration.CONFIRMED else None,
                    cancelled_at=now if status == Registration.CANCELLED else None,
                )
            )
    bulk(Enrolment, rows)


def build_evaluations(
    options: argparse.Namespace, rng: random.Random, world: dict[str, Any]
) -> None:
    """Anonymous evaluations of past sessions, each with its trainers' scores."""
    from beoncosup.training.codes import Profession
    from beoncosup.training.models import Evaluation, TrainerScore

    past, by_session = world["past"], world["by_session"]
    professions = list(Profession.values)
    for part in range(0, options.evaluations, BATCH):
        sessions = [rng.choice(past) for _ in range(min(BATCH, options.evaluations - part))]
        answers = Evaluation.objects.bulk_create(
            Evaluation(
                session=session,
                language="nl",
                profession=rng.choice(professions),
                relevance=rng.randint(2, 5),
                practice_change="Meer tijd nemen" if rng.random() < 0.3 else "",
                comment="Goed" if rng.random() < 0.2 else "",
                answered_on=session.starts_at.date(),
            )
            for session in sessions
        )
        TrainerScore.objects.bulk_create(
            TrainerScore(
                evaluation=answer,
                trainer=trainer,
                clarity=rng.randint(2, 5),
                didactics=rng.randint(2, 5),
            )
            for answer in answers
            for trainer in by_session[answer.session.pk]
        )


def build_programme(world: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    """A programme of 40 sessions (30 past, one today, 9 coming), 120 confirmed participants,
    600 evaluations with scores, attendance of the past sessions, and its coordinator."""
    from django.utils import timezone

    from beoncosup.accounts.testing import user_create
    from beoncosup.training.codes import AttendanceMethod, CourseFormat, Registration
    from beoncosup.training.models import (
        Attendance,
        Course,
        Edition,
        Enrolment,
        Evaluation,
        Session,
        TrainerScore,
        token_new,
    )
    from beoncosup.training.services.registration import email_digest

    now = timezone.now()
    local_midnight = timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)
    today_start = max(now - dt.timedelta(hours=1), local_midnight + dt.timedelta(minutes=1))
    coordinator = user_create("coordinator@bench.example")
    trainers = world["trainers"][:3]
    course = Course.objects.create(
        slug="bench-programme",
        title={"en": "Psycho-oncology programme", "nl": "Programma psycho-oncologie"},
        summary={"en": "Two years.", "nl": "Twee jaar."},
        professions=["psychologist", "nurse"],
        format=CourseFormat.PROGRAMME,
        duration_hours=Decimal("120.0"),
        published=True,
        min_attendance_percent=75,
    )
    course.trainers.set(trainers)
    course.save()
    course.coordinators.set([coordinator])
    edition = Edition.objects.create(
        course=course,
        name={"en": "2025-2027"},
        language="nl",
        capacity=120,
        registration_deadline=now - dt.timedelta(days=300),
    )
    sessions = []
    for k in range(40):
        start = today_start + dt.timedelta(days=14 * (k - 30))
        sessions.append(
            Session(
                edition=edition,
                title={"en": f"Module {k + 1}"},
                starts_at=start,
                ends_at=start + dt.timedelta(hours=3),
                venue="Aula",
                postcode="1000",
                evaluation_token=token_new(),
            )
        )
    sessions = Session.objects.bulk_create(sessions)
    through = Session.trainers.through
    through.objects.bulk_create(
        through(session_id=s.pk, trainer_id=t.pk) for s in sessions for t in trainers
    )
    people = Enrolment.objects.bulk_create(
        Enrolment(
            edition=edition,
            name=f"Student {n}",
            email=f"student{n}@bench.example",
            email_digest=email_digest(f"student{n}@bench.example"),
            profession="psychologist",
            language="nl",
            status=Registration.CONFIRMED,
            token=token_new(),
            confirmed_at=now,
        )
        for n in range(120)
    )
    past = sessions[:30]
    Attendance.objects.bulk_create(
        Attendance(enrolment=person, session=session, method=AttendanceMethod.LIST)
        for session in past
        for person in people
        if rng.random() < 0.85
    )
    answers = Evaluation.objects.bulk_create(
        Evaluation(
            session=past[n % 30],
            language="nl",
            profession="psychologist",
            relevance=rng.randint(1, 5),
            practice_change="Vaker stilte laten vallen" if n % 3 == 0 else "",
            comment=f"Opmerking {n}" if n % 4 == 0 else "",
            answered_on=past[n % 30].starts_at.date(),
        )
        for n in range(600)
    )
    TrainerScore.objects.bulk_create(
        TrainerScore(
            evaluation=answer,
            trainer=trainer,
            clarity=rng.randint(1, 5),
            didactics=rng.randint(1, 5),
        )
        for answer in answers
        for trainer in trainers
    )
    return {
        "coordinator": coordinator,
        "course": course,
        "session_past": past[-1],
        "session_today": sessions[30],
        "trainer": trainers[0],
    }


def build_network(options: argparse.Namespace, rng: random.Random) -> dict[str, Any]:
    """Profiles (their accounts bulk-made without a password), groups and memberships."""
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from beoncosup.accounts.testing import user_create
    from beoncosup.geo.models import PostalCode
    from beoncosup.network.codes import Discipline, GroupKind, PublicField, Setting
    from beoncosup.network.models import Group, GroupMembership, Profile
    from beoncosup.taxonomy.models import Need

    user_model = get_user_model()
    now = timezone.now()
    places = list(PostalCode.objects.values_list("code", "municipality__region__code").distinct())
    needs = list(Need.objects.order_by("code").values_list("pk", "code"))
    users = bulk(
        user_model,
        [
            user_model(username=f"member{n}@bench.example", email=f"member{n}@bench.example")
            for n in range(options.profiles - 1)
        ],
    )
    member = user_create("member@bench.example")
    users.append(member)
    profiles = []
    for n, user in enumerate(users):
        postcode, region = rng.choice(places)
        if user is member:
            postcode, region = "1000", "BE-BRU"
        profiles.append(
            Profile(
                user=user,
                display_name=f"Zorgverlener {n}",
                discipline=rng.choice(list(Discipline.values)),
                languages=rng.sample(["nl", "fr", "de", "en"], rng.randint(1, 2)),
                postcode=postcode,
                region=region,
                setting=rng.choice(list(Setting.values)),
                accepts_referrals=n % 2 == 0,
                about="Begeleiding van mensen met kanker en hun naasten.",
                contact_email=f"contact{n}@bench.example",
                public_fields=(
                    [PublicField.DISCIPLINE, PublicField.EXPERTISE, PublicField.REGION]
                    if n % 3 == 0
                    else []
                ),
                consent_at=now,
            )
        )
    profiles = bulk(Profile, profiles)
    through = Profile.expertise.through
    counts: dict[str, int] = {}
    rows = []
    for profile in profiles:
        for pk, code in rng.sample(needs, rng.randint(2, 5)):
            rows.append(through(profile_id=profile.pk, need_id=pk))
            counts[code] = counts.get(code, 0) + 1
    bulk(through, rows)
    groups = bulk(
        Group,
        [
            Group(
                name={"nl": f"Intervisiegroep {n}", "en": f"Intervision group {n}"},
                kind=GroupKind.INTERVISION if n % 2 else GroupKind.PEER,
                topic_id=rng.choice(needs)[0],
                region=rng.choice(["BE-VLG", "BE-WAL", "BE-BRU"]),
            )
            for n in range(options.groups)
        ],
    )
    memberships = []
    for group in groups:
        for profile in rng.sample(profiles[:-1], rng.randint(10, 30)):
            memberships.append(GroupMembership(group=group, profile=profile))
    memberships += [GroupMembership(group=group, profile=profiles[-1]) for group in groups[:3]]
    bulk(GroupMembership, memberships)
    popular = max(counts, key=lambda code: (counts[code], code))
    return {"member": member, "need": popular, "need_profiles": counts[popular]}


def pages(world: dict[str, Any], runs: int) -> None:
    from django.test import Client
    from django.urls import reverse
    from django.utils import translation

    from beoncosup.accounts.testing import signed_in

    logging.disable(logging.WARNING)  # the sign-ins' and pages' own logging, not the report
    public = Client()
    coordinator = signed_in(Client(), world["coordinator"])
    member = signed_in(Client(), world["member"])
    course = world["courses"][0]
    need, net_need = world["need"], world["network_need"]
    with translation.override("nl"):
        catalogue = reverse("training:catalogue")
        rows: list[tuple[str, Any, str]] = [
            ("catalogue, unfiltered", public, catalogue),
            (
                "catalogue, profession + region",
                public,
                f"{catalogue}?profession=nurse&region=BE-VLG",
            ),
            (
                f"catalogue, need ({world['need_courses']} courses)",
                public,
                f"{catalogue}?need={need}",
            ),
            ("catalogue, words", public, f"{catalogue}?q=communicatie"),
            ("course page", public, reverse("training:course", kwargs={"slug": course.slug})),
            ("API courses, unfiltered", public, "/api/v1/courses"),
            (
                "API courses, need + profession",
                public,
                f"/api/v1/courses?need={need}&profession={world['profession']}",
            ),
            ("API one course", public, f"/api/v1/courses/{course.pk}"),
            (
                "coordinator: course results (40 sessions, 600 answers)",
                coordinator,
                reverse("training:course_results", kwargs={"slug": world["course"].slug}),
            ),
            (
                "coordinator: session results",
                coordinator,
                reverse(
                    "training:session_results", kwargs={"session_id": world["session_past"].pk}
                ),
            ),
            (
                "coordinator: trainer results",
                coordinator,
                reverse("training:trainer_results", kwargs={"trainer_id": world["trainer"].pk}),
            ),
            (
                "coordinator: attendance (120 confirmed)",
                coordinator,
                reverse("training:attendance", kwargs={"session_id": world["session_today"].pk}),
            ),
            (
                f"network directory, need ({world['network_need_profiles']} members) + postcode",
                member,
                f"{reverse('network:directory')}?need={net_need}&postcode=1000",
            ),
            (
                "API network members, need + postcode",
                member,
                f"/api/v1/network/members?need={net_need}&postcode=1000",
            ),
            ("network public directory", public, reverse("network:public")),
        ]
    print(f"\nPages, {runs} runs each (need {need}; network need {net_need})\n")
    print("| page | url | median ms | p95 ms | queries | bytes |")
    print("| --- | --- | ---: | ---: | ---: | ---: |")
    for label, client, url in rows:
        median, p95, queries, size = measure(client, url, runs)
        print(
            f"| {label} | `{url}` | {median:.1f} | {p95:.1f} | {queries} | {size:,} |", flush=True
        )
    logging.disable(logging.NOTSET)


def open_edition(capacity: int, label: str) -> Any:
    from django.utils import timezone

    from beoncosup.training.models import Course, Edition, Session

    now = timezone.now()
    course = Course.objects.get(slug="bench-course-0")
    edition = Edition.objects.create(
        course=course,
        name={"en": label},
        language="nl",
        capacity=capacity,
        registration_deadline=now + dt.timedelta(days=20),
    )
    for k in range(3):
        start = now + dt.timedelta(days=30 + 7 * k)
        Session.objects.create(
            edition=edition,
            title={"en": f"Session {k + 1}"},
            starts_at=start,
            ends_at=start + dt.timedelta(hours=3),
            venue="Zaal",
            postcode="9000",
        )
    return edition


def register(edition: Any, n: int, prefix: str) -> Any:
    from beoncosup.training.services.registration import enrolment_register

    return enrolment_register(
        edition=edition,
        name=f"Nieuwe deelnemer {n}",
        email=f"{prefix}{n}@bench.example",
        profession="nurse",
        language="nl",
    )


def registrations_sequential(count: int) -> None:
    """``count`` registrations one after the other for an edition of count/2 places."""
    from django.core import mail
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from beoncosup.training.codes import Registration
    from beoncosup.training.models import Enrolment

    logging.disable(logging.WARNING)
    capacity = count // 2
    edition = open_edition(capacity, "sequential")
    mail.outbox = []
    with CaptureQueriesContext(connection) as captured:
        register(edition, 0, "seq")
    queries = len(captured.captured_queries)
    times = []
    for n in range(1, count):
        start = time.perf_counter()
        register(edition, n, "seq")
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    p95 = times[max(0, int(len(times) * 0.95) - 1)]
    statuses = _status_counts(Enrolment, edition)
    expected = {Registration.CONFIRMED: capacity, Registration.WAITING: count - capacity}
    if statuses != expected or len(mail.outbox) != count:
        raise BenchmarkError(f"sequential registrations: {statuses} ({len(mail.outbox)} e-mails)")
    print(f"\nRegistration: {count} sequential enrolment_register calls (capacity {capacity}; ")
    print("each call renders its e-mail with the calendar file: mail tasks run at once here)\n")
    print("| what | median ms | p95 ms | queries (first call) |")
    print("| --- | ---: | ---: | ---: |")
    print(f"| one registration | {statistics.median(times):.1f} | {p95:.1f} | {queries} |")
    logging.disable(logging.NOTSET)


def registrations_concurrent(threads: int) -> None:
    """``threads`` threads (each its own connection) register 25 people each for one edition
    of 50 places at once: exactly 50 must be confirmed."""
    from django.db import connection, connections

    from beoncosup.training.codes import Registration
    from beoncosup.training.models import Enrolment

    if connection.vendor != "postgresql":
        print("\n(Concurrent registration: PostgreSQL only; SQLite serialises writers.)")
        return
    logging.disable(logging.WARNING)
    capacity = 50
    total = threads * 25
    edition = open_edition(capacity, "concurrent")
    barrier = threading.Barrier(threads)
    errors: list[BaseException] = []

    def worker(index: int) -> None:
        try:
            barrier.wait()
            for k in range(25):
                register(edition, index * 100 + k, "par")
        except BaseException as error:  # reported below: the check fails loudly
            errors.append(error)
        finally:
            connections.close_all()

    workers = [threading.Thread(target=worker, args=(i,)) for i in range(threads)]
    start = time.perf_counter()
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join()
    seconds = time.perf_counter() - start
    statuses = _status_counts(Enrolment, edition)
    expected = {Registration.CONFIRMED: capacity, Registration.WAITING: total - capacity}
    if errors or statuses != expected:
        raise BenchmarkError(f"concurrent registrations: {statuses}, errors {errors[:3]}")
    print(f"\n{threads} threads x 25 registrations for one edition of {capacity} places: ")
    print(f"{total} in {seconds:.2f} s = {total / seconds:.0f} registrations/s; ", end="")
    print(f"{statuses[Registration.CONFIRMED]} confirmed, {statuses[Registration.WAITING]} waiting")
    print("(capacity held)")
    logging.disable(logging.NOTSET)


def _status_counts(model: Any, edition: Any) -> dict[str, int]:
    from django.db.models import Count

    rows = model.objects.filter(edition=edition).values("status").annotate(n=Count("pk"))
    return {row["status"]: row["n"] for row in rows}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--courses", type=int, default=400)
    parser.add_argument("--editions", type=int, default=2000)
    parser.add_argument("--registrations", type=int, default=60_000)
    parser.add_argument("--evaluations", type=int, default=150_000)
    parser.add_argument("--profiles", type=int, default=3000)
    parser.add_argument("--groups", type=int, default=150)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--registers", type=int, default=200, help="Sequential registrations.")
    parser.add_argument("--threads", type=int, default=8, help="Concurrent (PostgreSQL only).")
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument(
        "--folder", type=Path, default=FOLDER, help="Where the SQLite file goes (made afresh)."
    )
    options = parser.parse_args()
    database = setup_django(options.folder)
    from django.db import connection

    from beoncosup.search.services import catalogue_index

    rng = random.Random(options.seed)
    print(f"database: {database}", flush=True)
    started = time.perf_counter()
    step("reference data (geo, taxonomy)", reference_data)
    world = step("courses", lambda: build_courses(options, rng))
    world.update(step("editions and sessions", lambda: build_editions(options, rng, world)))
    step("registrations", lambda: build_registrations(options, rng, world))
    step("evaluations", lambda: build_evaluations(options, rng, world))
    world.update(step("programme", lambda: build_programme(world, rng)))
    network = step("network", lambda: build_network(options, rng))
    world.update(
        member=network["member"],
        network_need=network["need"],
        network_need_profiles=network["need_profiles"],
    )
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    step("index kind course", lambda: catalogue_index(kind="course"))
    step("index kind caregiver", lambda: catalogue_index(kind="caregiver"))
    print(
        f"built in {time.perf_counter() - started:.0f} s: {options.courses} courses, "
        f"{options.editions} editions, {world['sessions']} sessions ({len(world['past'])} past), "
        f"{options.registrations} registrations, {options.evaluations} evaluations, "
        f"{options.profiles} profiles, {options.groups} groups",
        flush=True,
    )
    pages(world, options.runs)
    registrations_sequential(options.registers)
    registrations_concurrent(options.threads)


if __name__ == "__main__":
    main()
