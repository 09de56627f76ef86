"""Research, participation and back to work at realistic volume (issues #18, #19): the research
inventory, a consultation's results, "you said, we did", the feedback queue, the job search and
a shared return-to-work plan.

    .venv/bin/python bench/participation_benchmark.py [--scale 1.0] [--runs 20]
        [--folder var/bench/participation]

A throw-away SQLite file in --folder (made afresh; or the PostgreSQL database DATABASE_URL
names), migrated, with the geo tables and the taxonomy (111 needs). Then, in bulk (no signals;
the studies' search index rebuilt after), times --scale: 2,000 published studies (and 200
proposed); 21 consultations, one closed with 6 questions and 20,000 responses whose results are
published once through consultations.services.results.results_publish (timed); 50 working
groups, 500 sessions, 5,000 actions with their needs, sources and history; 5,000 directory
services with 20,000 feedback reports; 300 employers and 5,000 published offers (and 500
expired) at postcodes of the geo tables; 2,000 work plans and one made through the services
(6 phases, 5 contacts, 4 reviews, shared with everything). docs/benchmarks.md has the details.

Each page is then requested through django.test.Client (every middleware; the feedback queue
signed in as an editor) --runs times: median and p95 in ms, SQL queries of the first request,
bytes; a status other than 200 stops the run. Run it at two scales (1.0 and 0.1) to see whether
a page's query count depends on the number of rows.

Target: a public page or API answer under 300 ms median, query counts constant in the rows.
"""

# Django imports wait until the environment points at the benchmark's database.
# ruff: noqa: PLC0415, T201, S311 - a command-line report that checks its own answers;
# its generator is for synthetic data, not secrets. The bulk rows are written densely
# (fmt: skip), one field list per model, as insights.synthetic does.

from __future__ import annotations

import argparse
import datetime as dt
import logging
import random
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

from bench_common import bulk, measure, reference_data, setup_django, step

FOLDER = Path(__file__).resolve().parents[1] / "var" / "bench" / "participation"
LANGS = ["nl", "fr", "de", "en"]
TOPICS = (
    ("vermoeidheid", "fatigue", "Müdigkeit", "fatigue"),
    ("angst", "anxiété", "Angst", "anxiety"),
    ("terugkeer naar werk", "retour au travail", "Rückkehr zur Arbeit", "return to work"),
    ("slaap", "sommeil", "Schlaf", "sleep"),
    ("voeding", "alimentation", "Ernährung", "nutrition"),
    ("mantelzorg", "aidants", "pflegende Angehörige", "carers"),
    ("pijn", "douleur", "Schmerz", "pain"),
    ("lichaamsbeeld", "image du corps", "Körperbild", "body image"),
)


def four(n: int, suffix: str) -> dict[str, str]:
    return {lang: f"{TOPICS[n % len(TOPICS)][i]} {suffix}" for i, lang in enumerate(LANGS)}


def count(options: argparse.Namespace, number: int) -> int:
    return max(1, int(number * options.scale))


def build_research(options: argparse.Namespace, rng: random.Random) -> dict[str, Any]:
    from django.utils import timezone

    from beoncosup.research.codes import Method, Review, StudyStatus
    from beoncosup.research.models import Institution, Study
    from beoncosup.search.services import catalogue_index
    from beoncosup.taxonomy.models import Need

    today, now = timezone.localdate(), timezone.now()
    needs = list(Need.objects.order_by("code").values_list("pk", "code"))
    published = count(options, 2000)
    studies = bulk(Study, [
        Study(title=four(n, f"study {n}"), status=rng.choice(list(StudyStatus.values)),
              starts_on=today - dt.timedelta(days=rng.randint(0, 1500)),
              methods=rng.sample(list(Method.values), rng.randint(1, 2)),
              lay_summary=four(n, f"in plain words: what study {n} asks, who takes part"),
              results=four(n + 3, "results") if n % 4 == 0 else {}, checked_on=today,
              source_url="https://example.org/study",
              review=Review.PUBLISHED if n < published else Review.PROPOSED,
              lay_summary_reviewed_on=today if n < published else None,
              reviewed_at=now if n < published else None)
        for n in range(published + published // 10)
    ])  # fmt: skip
    bulk(Institution, [Institution(study=s, name=f"University {s.pk % 40}") for s in studies])
    counts: dict[str, int] = {}
    links = []
    for study in studies:
        for pk, code in rng.sample(needs, rng.randint(1, 3)):
            links.append(Study.needs.through(study_id=study.pk, need_id=pk))
            if study.review == Review.PUBLISHED:
                counts[code] = counts.get(code, 0) + 1
    bulk(Study.needs.through, links)
    catalogue_index(kind="study")
    need = max(counts, key=lambda code: (counts[code], code))
    return {"study": studies[0], "need": need, "need_studies": counts[need]}


def build_consultations(options: argparse.Namespace, rng: random.Random) -> dict[str, Any]:
    from django.utils import timezone

    from beoncosup.consultations.codes import QuestionKind as Kind
    from beoncosup.consultations.models import Answer, Consultation, Question, Response
    from beoncosup.consultations.tests.factories import OPTIONS
    from beoncosup.situation.codes import AgeBand, Region

    now, day = timezone.now(), dt.timedelta(days=1)
    others = bulk(Consultation, [
        Consultation(slug=f"bench-consultation-{n}", title=four(n, "consultation"),
                     question=four(n, "what do you need?"), audiences=["patient", "relative"],
                     opens_at=now - (40 - n % 2 * 35) * day,
                     closes_at=now + (n % 2 * 30 - 10) * day)
        for n in range(20)  # 10 open, 10 closed without results
    ])  # fmt: skip
    big = Consultation.objects.create(
        slug="bench-big", title=four(1, "consultation"), question=four(1, "what helps you?"),
        audiences=["patient", "relative", "professional"], opens_at=now - 90 * day,
        closes_at=now - day, open_answer_prompt=four(1, "anything else?"),
    )  # fmt: skip
    kinds = [Kind.CHOICE, Kind.CHOICE, Kind.MULTIPLE, Kind.MULTIPLE, Kind.SCALE, Kind.TEXT]
    questions = bulk(Question, [
        Question(consultation=big, kind=kind, sort_order=order, text=four(order, "?"),
                 options=OPTIONS if kind in (Kind.CHOICE, Kind.MULTIPLE) else [],
                 scale_min_label={"en": "not at all"}, scale_max_label={"en": "very"})
        for order, kind in enumerate(kinds, start=1)
    ])  # fmt: skip
    bulk(Question, [Question(consultation=c, text=four(1, "?"), options=OPTIONS) for c in others])
    audiences, regions, ages = ["patient", "patient", "relative", "professional", ""], [
        *Region.values, ""], [*AgeBand.values, ""]  # fmt: skip
    responses = bulk(Response, [
        Response(consultation=big, submitted_on=(now - rng.randint(1, 89) * day).date(),
                 audience=rng.choice(audiences), region=rng.choice(regions),
                 age_band=rng.choice(ages), open_text="Meer steun." if rng.random() < 0.2 else "")
        for _ in range(count(options, 20_000))
    ])  # fmt: skip
    answers = []
    for response in responses:
        for question in questions:
            if rng.random() < 0.08:
                continue  # skipped: a "no answer" row
            answer = Answer(response=response, question=question)
            if question.kind == Kind.CHOICE:
                answer.choices = [rng.choice("123")]
            elif question.kind == Kind.MULTIPLE:
                answer.choices = sorted(rng.sample("123", rng.randint(1, 3)))
            elif question.kind == Kind.SCALE:
                answer.scale = rng.randint(1, 5)
            elif rng.random() < 0.3:
                answer.text = "Een tip."
            else:
                continue
            answers.append(answer)
    bulk(Answer, answers)
    return {"consultation": big, "consultations": others, "answers": len(answers)}


def publish_results(world: dict[str, Any]) -> dict[str, Any]:
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    from beoncosup.consultations.services.results import results_publish, suppressed_any

    reset_queries()  # the bulk inserts filled the connection's log of queries
    start = time.perf_counter()
    with CaptureQueriesContext(connection) as captured:
        published = results_publish(
            consultation=world["consultation"], actor=world["editor"],
            summary={"en": "What you told us.", "nl": "Wat jullie zeiden."},
        )  # fmt: skip
    seconds = time.perf_counter() - start
    queries, suppressed = len(captured.captured_queries), suppressed_any(published.results)
    return {"consultation": published, "publish": (seconds, queries, suppressed)}


def build_participation(
    options: argparse.Namespace, rng: random.Random, world: dict[str, Any]
) -> dict[str, Any]:
    from django.utils import timezone

    from beoncosup.participation.codes import ActionKind, ActionStatus
    from beoncosup.participation.models import Action, ActionStatusChange, GroupSession
    from beoncosup.participation.models import WorkingGroup as Group
    from beoncosup.taxonomy.models import Domain, Need
    from beoncosup.training.models import Session

    now = timezone.now()
    domains = list(Domain.objects.values_list("code", flat=True))
    needs = list(Need.objects.values_list("pk", flat=True))
    groups = bulk(Group, [
        Group(title=four(n, f"group {n}"), description=four(n, "what we do"), published=True,
              domain_id=domains[n % len(domains)])
        for n in range(50)
    ])  # fmt: skip
    bulk(Group.needs.through, [Group.needs.through(workinggroup_id=g.pk, need_id=pk)
                               for g in groups for pk in rng.sample(needs, 2)])  # fmt: skip
    starts = [now + dt.timedelta(days=rng.randint(-700, 120), hours=10) for _ in range(500)]
    sessions = bulk(Session, [Session(starts_at=s, ends_at=s + dt.timedelta(hours=2),
                                      venue="Zaal", postcode="1000") for s in starts])  # fmt: skip
    group_sessions = bulk(GroupSession, [
        GroupSession(group=groups[n % 50], session=s, capacity=20,
                     minutes=four(n, "minutes") if s.starts_at < now else {},
                     published_at=s.starts_at if s.starts_at < now else None)
        for n, s in enumerate(sessions)
    ])  # fmt: skip
    statuses = list(ActionStatus.values)
    actions = bulk(Action, [
        Action(title=four(n, f"action {n}"), description=four(n, "what was done"),
               kind=rng.choice(list(ActionKind.values)), status=(status := rng.choice(statuses)),
               status_date=(now - dt.timedelta(days=rng.randint(0, 700))).date(),
               rejection_reason=four(n, "why not") if status == ActionStatus.REJECTED else {},
               domain_id=rng.choice(domains), link="https://example.org/changed",
               published=n % 10 != 0)
        for n in range(count(options, 5000))
    ])  # fmt: skip
    consultations = [world["consultation"], *world["consultations"]]
    needs_of, from_consultation = Action.needs.through, Action.consultations.through
    from_session = Action.sessions.through
    links: dict[Any, list[Any]] = {needs_of: [], from_consultation: [], from_session: []}
    for a in actions:
        links[needs_of] += [needs_of(action_id=a.pk, need_id=pk)
                            for pk in rng.sample(needs, rng.randint(1, 2))]  # fmt: skip
        if rng.random() < 0.5:
            pk = rng.choice(consultations).pk
            links[from_consultation].append(from_consultation(action_id=a.pk, consultation_id=pk))
        links[from_session] += [from_session(action_id=a.pk, groupsession_id=s.pk)
                                for s in rng.sample(group_sessions, rng.randint(0, 2))]  # fmt: skip
    links[ActionStatusChange] = [
        ActionStatusChange(action=a, status=a.status, date=a.status_date) for a in actions
    ]
    for model, made in links.items():
        bulk(model, made)
    return {"action_domain": domains[0]}


def build_feedback(options: argparse.Namespace, rng: random.Random) -> dict[str, Any]:
    from django.utils import timezone

    from beoncosup.directory.models import Organization, Service
    from beoncosup.feedback.codes import Category, Status
    from beoncosup.feedback.models import Report
    from beoncosup.feedback.services.reports import report_digest

    listings = bulk(Organization, [Organization(name={"nl": f"Vereniging {n}"},
                                                description={"nl": "Een organisatie"})
                                   for n in range(count(options, 1000))])  # fmt: skip
    services = bulk(Service, [Service(organization=listings[n % len(listings)],
                                      name={"nl": f"Praatgroep {n}"})
                              for n in range(count(options, 5000))])  # fmt: skip
    statuses = [Status.NEW] * 3 + [Status.IN_PROGRESS] + [Status.RESOLVED] * 4 + [Status.REJECTED]
    reports = []
    for n in range(count(options, 20_000)):
        # Two reports in three on a few services (a long tail), the others anywhere.
        service = services[min(len(services) - 1, int(rng.paretovariate(1.2)) - 1)]
        if n % 3 == 0:
            service = rng.choice(services)
        category, status = rng.choice(list(Category.values)), rng.choice(statuses)
        text, key = f"Het telefoonnummer klopt niet ({n}).", str(service.pk)
        reports.append(Report(
            kind="service", object_id=key, target_title=service.name["nl"], category=category,
            text=text, digest=report_digest(kind="service", object_id=key, category=category,
                                            text=text),
            contact_email=f"reporter{n}@bench.example" if n % 4 == 0 else "",
            language=rng.choice(LANGS), status=status,
            resolved_at=timezone.now() if status in (Status.RESOLVED, Status.REJECTED) else None,
        ))  # fmt: skip
    bulk(Report, reports)
    return {"record": str(services[0].pk)}


def build_jobs(options: argparse.Namespace, rng: random.Random) -> dict[str, Any]:
    from django.utils import timezone

    from beoncosup.accounts.codes import OrganisationKind
    from beoncosup.accounts.models import Organisation
    from beoncosup.geo.models import PostalCode
    from beoncosup.jobs.codes import ContractType, Flexibility, OfferKind, OfferStatus, Sector
    from beoncosup.jobs.kbo import enterprise_number_normalise
    from beoncosup.jobs.models import EmployerProfile, JobOffer, Occupation, ShortageListing

    now, today = timezone.now(), timezone.localdate()
    organisations = bulk(Organisation, [Organisation(name=f"Werkgever {n}", slug=f"bench-{n}",
                                                     kind=OrganisationKind.EMPLOYER)
                                        for n in range(300)])  # fmt: skip
    employers = bulk(EmployerProfile, [
        EmployerProfile(organisation=o, public_name=o.name, postcode="2000", language="nl",
                        enterprise_number=enterprise_number_normalise(
                            f"0{2000000 + n:07d}{97 - (2000000 + n) % 97:02d}"),
                        contact_email=f"hr{n}@bench.example", verified_at=now,
                        sector=rng.choice(list(Sector.values)))
        for n, o in enumerate(organisations)
    ])  # fmt: skip
    occupations = bulk(Occupation, [Occupation(name=four(n, f"job {n}")) for n in range(40)])
    bulk(ShortageListing, [ShortageListing(occupation=o, region=region, source_name="VDAB",
                                           source_url="https://vdab.example", year=2025)
                           for o in occupations[::2]
                           for region in ("BE-VLG", "BE-WAL")])  # fmt: skip
    places = list(PostalCode.objects.values_list(
        "code", "latitude", "longitude", "municipality__name_nl", "municipality__region__code",
        "municipality__community"))  # fmt: skip
    offers, total = [], count(options, 5000)
    for n in range(total + total // 10):  # the last tenth expired
        code, lat, lon, name, region, community = rng.choice(places)
        low = rng.choice((8, 12, 16, 19, 24, 30, 38))
        offers.append(JobOffer(
            employer=employers[n % 300], kind=OfferKind.TRIAL if n % 4 == 0 else OfferKind.JOB,
            title=four(n, f"offer {n}"), description=four(n, "what the work is"),
            occupation=occupations[n % 40] if n % 3 else None, postcode=code,
            municipality=name, latitude=lat, longitude=lon,
            region="BE-DG" if community == "de" else region, hours_min=low,
            hours_max=low + rng.choice((0, 4, 8)), contract_type=ContractType.PERMANENT,
            flexibility=rng.sample(list(Flexibility.values), rng.randint(0, 3)),
            languages=rng.sample(LANGS, rng.randint(0, 2)), contact_name="HR",
            contact_email="hr@bench.example", published_at=now - dt.timedelta(hours=n),
            status=OfferStatus.PUBLISHED if n < total else OfferStatus.EXPIRED,
            expires_on=today + dt.timedelta(days=rng.randint(1, 60) if n < total else -5),
        ))  # fmt: skip
    return {"offer": bulk(JobOffer, offers)[0]}


def build_workplan() -> dict[str, Any]:
    from django.utils import timezone

    from beoncosup.workplans.codes import Adjustment, ContactRole
    from beoncosup.workplans.models import WorkPlan
    from beoncosup.workplans.services import plans, sharing

    today = timezone.localdate()
    bulk(WorkPlan, [WorkPlan(title=f"Plan {n}", start_date=today) for n in range(2000)])
    plan = plans.plan_create(title="Back at the office", start_date=today, first_name="Mira",
                             employer_language="en", employer_name="Bakkerij Bench")  # fmt: skip
    for k in range(6):
        start = today + dt.timedelta(days=28 * k)
        plans.phase_save(plan=plan, phase=None, name=f"Month {k + 1}", starts_on=start,
                         ends_on=start + dt.timedelta(days=27), hours_per_week=Decimal(8 + 5 * k),
                         days=["mon", "wed", "fri"][: 1 + k % 3],
                         tasks="Mornings; no lifting.")  # fmt: skip
    plans.plan_adjustments_set(plan=plan, adjustments_text="A chair by the window.",
                               adjustments=[Adjustment.BREAKS, Adjustment.REMOTE_WORK])  # fmt: skip
    roles = [ContactRole.HR, ContactRole.COACH, ContactRole.MANAGER, ContactRole.ONCOCOACH]
    for k, role in enumerate([*roles, ContactRole.OCCUPATIONAL_PHYSICIAN]):
        plans.contact_save(plan=plan, contact=None, role=role, name=f"Contact {k}",
                           email=f"contact{k}@bench.example", phone="+3225550123")  # fmt: skip
    for k in range(4):
        plans.review_save(plan=plan, review=None, date=today + dt.timedelta(days=30 * k + 30),
                          note="How are the hours?")  # fmt: skip
    share = sharing.share_create(plan=plan, contacts=list(plan.contacts.all()), label="HR",
                                 include_name=True, include_phases=True, expires_on=None,
                                 include_adjustments=True, include_reviews=True)  # fmt: skip
    return {"share": share}


def editor_make() -> Any:
    from beoncosup.accounts.codes import PlatformRole
    from beoncosup.accounts.services import role_grant
    from beoncosup.accounts.testing import user_create

    user = user_create("editor@bench.example")
    role_grant(user=user, role=PlatformRole.EDITOR, granted_by=None)
    return user


def pages(world: dict[str, Any], runs: int) -> None:
    from django.test import Client
    from django.urls import reverse
    from django.utils import translation

    from beoncosup.accounts.testing import signed_in

    logging.disable(logging.WARNING)
    public, editor = Client(), signed_in(Client(), world["editor"])
    need, token, domain = world["need"], world["share"].token, world["action_domain"]
    near = "postcode=2000&max_km=25&hours_max=20"
    with translation.override("en"):
        studies, actions = reverse("research:index"), reverse("participation:actions")
        jobs, queue = reverse("jobs:search"), reverse("feedback:queue")
        record = reverse("feedback:record", args=["service", world["record"]])
        results = reverse("consultations:results", args=[world["consultation"].slug])
        manage = reverse("consultations:manage", args=[world["consultation"].slug])
        rows: list[tuple[str, Any, str]] = [
            ("research, unfiltered", public, studies),
            (f"research, a need ({world['need_studies']} studies)", public,
             f"{studies}?need={need}"),
            ("research, words", public, f"{studies}?q=fatigue"),
            ("research, need + words", public, f"{studies}?need={need}&q=fatigue"),
            ("API studies, a need, lang=fr", public, f"/api/v1/studies?need={need}&lang=fr"),
            ("a study's page", public, reverse("research:study", args=[world["study"].pk])),
            ("a need's page (research section)", public, reverse("taxonomy:need", args=[need])),
            ("consultation results", public, results),
            ("API consultations (21)", public, "/api/v1/consultations"),
            ("editor: the consultation's manage page (few runs)", editor, manage),
            ("we did, unfiltered", public, actions),
            ("we did, a domain + done", public, f"{actions}?domain={domain}&status=done"),
            ("we did, from sessions", public, f"{actions}?source=session"),
            ("API actions, unfiltered", public, "/api/v1/actions"),
            ("API actions, a domain + done", public, f"/api/v1/actions?topic={domain}&status=done"),
            ("editor: feedback queue", editor, queue),
            ("editor: feedback queue, new", editor, f"{queue}?status=new"),
            ("editor: a record's page", editor, record),
            ("jobs, unfiltered", public, jobs),
            ("jobs, 2000 + 25 km + 20 h + remote", public, f"{jobs}?{near}&remote=on"),
            ("an offer's page", public, reverse("jobs:offer", args=[world["offer"].pk])),
            ("API jobs, 2000 + 25 km + 20 h + remote + trial", public,
             f"/api/v1/jobs?{near}&remote=true&kind=trial"),
            ("API jobs, unfiltered", public, "/api/v1/jobs"),
            ("shared plan", public, reverse("workplans:shared", args=[token])),
            ("shared plan, PDF", public, reverse("workplans:shared_pdf", args=[token])),
        ]  # fmt: skip
    print(f"\nPages, {runs} runs each (need {need})\n")
    print("| page | url | median ms | p95 ms | queries | bytes |")
    print("| --- | --- | ---: | ---: | ---: | ---: |")
    for label, client, url in rows:
        # The manage page protects the tables afresh on every request: seconds each.
        median, p95, queries, size = measure(client, url, 5 if url == manage else runs)
        print(
            f"| {label} | `{url}` | {median:.1f} | {p95:.1f} | {queries} | {size:,} |", flush=True
        )
    logging.disable(logging.NOTSET)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="Times the volumes above.")
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--seed", type=int, default=19)
    parser.add_argument("--folder", type=Path, default=FOLDER, help="Made afresh (SQLite).")
    options = parser.parse_args()
    database = setup_django(options.folder)
    rng = random.Random(options.seed)
    print(f"database: {database}; scale {options.scale}", flush=True)
    started = time.perf_counter()
    step("reference data (geo, taxonomy)", reference_data)
    world: dict[str, Any] = {"editor": step("editor", editor_make)}
    world.update(step("research (and its index)", lambda: build_research(options, rng)))
    world.update(step("consultations", lambda: build_consultations(options, rng)))
    world.update(step("publishing the results", lambda: publish_results(world)))
    world.update(step("groups and actions", lambda: build_participation(options, rng, world)))
    world.update(step("feedback", lambda: build_feedback(options, rng)))
    world.update(step("jobs", lambda: build_jobs(options, rng)))
    world.update(step("work plans", build_workplan))
    print(f"built in {time.perf_counter() - started:.0f} s", flush=True)
    seconds, queries, suppressed = world["publish"]
    print(f"\nresults_publish: {seconds * 1000:.0f} ms, {queries} queries, "
          f"{world['answers']:,} answers; cells suppressed: {suppressed}")  # fmt: skip
    pages(world, options.runs)


if __name__ == "__main__":
    main()
