"""Referrals under load: the provider inbox and the person's private page with 10,000 open
referrals across 500 services (issue #15: p95 ≤ 100 ms on SQLite).

    .venv/bin/python bench/referrals_benchmark.py [--services 500] [--referrals 10000] [--runs 50]

Builds a throw-away SQLite database under var/bench/referrals/ (migrated afresh each run): one
provider organisation holding 10 of the services (so its inbox holds referrals/50 open ones),
a "large" provider holding 100 services, and for each referral a person with an encrypted name
and contact, a consent and the first history step. Then, in this process, through
django.test.Client (every middleware, the permission rules, the decryption of each name, the
access log the pages write, the template):

- the inbox of each provider (page 1: 50 rows), one referral's page in the inbox;
- the person's private page (a person with 5 referrals and 200 access-log rows);
- the referrer's "My referrals" page;

and prints, per page, the median and 95th percentile over --runs requests and the number of
SQL queries of one request. Timings are of this machine (docs/benchmarks.md).
"""

# Django imports wait until the environment points at the benchmark's database.
# ruff: noqa: PLC0415, T201, S101 - a command-line report that checks its own answers

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "var" / "bench" / "referrals"


def setup_django() -> None:
    shutil.rmtree(FOLDER, ignore_errors=True)
    FOLDER.mkdir(parents=True)
    os.environ["DATABASE_URL"] = f"sqlite:///{FOLDER / 'db.sqlite3'}"
    os.environ["BEONCOSUP_DATA_DIR"] = str(FOLDER)
    os.environ["BEONCOSUP_EMBEDDINGS"] = "off"
    os.environ["BEONCOSUP_ALLOWED_HOSTS"] = "testserver"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "beoncosup.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def build(services_count: int, referrals_count: int) -> dict[str, Any]:
    from django.utils import timezone

    from beoncosup.accounts import services as accounts
    from beoncosup.accounts.codes import OrgRole
    from beoncosup.accounts.testing import mfa_enable, user_create
    from beoncosup.directory.models import Organization, Service
    from beoncosup.referrals import services
    from beoncosup.referrals.codes import CareRole, ConsentMethod, ContactMethod, Status
    from beoncosup.referrals.models import (
        CareTeamMember,
        Case,
        Consent,
        DataAccess,
        Referral,
        ReferralEvent,
    )
    from beoncosup.referrals.testing import needs_make

    needs_make()
    listings = [
        Organization.objects.create(name={"nl": f"Aanbieder {n}"}) for n in range(services_count)
    ]
    catalogue = Service.objects.bulk_create(
        Service(organization=listing, name={"nl": f"Dienst {n}"}, email=f"dienst{n}@bench.example")
        for n, listing in enumerate(listings)
    )
    hospital = accounts.organisation_create(name="AZ Bench", kind="hospital", created_by=None)
    nurse = user_create("nurse@bench.example")
    accounts.membership_add(organisation=hospital, user=nurse, role=OrgRole.PROFESSIONAL)
    small = accounts.organisation_create(name="Kleine aanbieder", kind="provider", created_by=None)
    large = accounts.organisation_create(name="Grote aanbieder", kind="provider", created_by=None)
    small.listings.add(*listings[:10])
    large.listings.add(*listings[10:110])
    staff_small = user_create("small@bench.example")
    staff_large = user_create("large@bench.example")
    accounts.membership_add(organisation=small, user=staff_small, role=OrgRole.PROVIDER_STAFF)
    accounts.membership_add(organisation=large, user=staff_large, role=OrgRole.PROVIDER_STAFF)
    for user in (nurse, staff_small, staff_large):
        mfa_enable(user)

    now = timezone.now()
    until = timezone.localdate() + dt.timedelta(days=180)
    batch = 1000
    token = ""
    person_case = None
    for start in range(0, referrals_count, batch):
        size = min(batch, referrals_count - start)
        cases = Case.objects.bulk_create(
            Case(
                token_hash=services.token_hash(f"bench-{start + n}"),
                name=f"Persoon {start + n}",
                contact_method=ContactMethod.PHONE,
                phone="+32470123456",
                language="nl",
                organisation=hospital,
                created_by=nurse,
            )
            for n in range(size)
        )
        consents = Consent.objects.bulk_create(
            Consent(
                case=case,
                categories=["contact", "needs", "notes"],
                care_roles=[CareRole.ONCOCOACH],
                purposes=["referral"],
                valid_until=until,
                method=ConsentMethod.READ_ALOUD,
                statement_language="nl",
                statement="…",
                captured_by=nurse,
            )
            for case in cases
        )
        CareTeamMember.objects.bulk_create(
            CareTeamMember(case=case, user=nurse, organisation=hospital, role=CareRole.ONCOCOACH)
            for case in cases
        )
        referrals = Referral.objects.bulk_create(
            Referral(
                case=case,
                consent=consent,
                service=catalogue[(start + n) % services_count],
                service_name=f"Dienst {(start + n) % services_count}",
                referrer=nurse,
                referrer_organisation=hospital,
                needs=["PSY-FEAR"],
                reason="Angst sinds de diagnose",
                language="nl",
                status=Status.REQUESTED if n % 3 else Status.ACCEPTED,
                created_at=now - dt.timedelta(minutes=start + n),
                updated_at=now - dt.timedelta(minutes=start + n),
            )
            for n, (case, consent) in enumerate(zip(cases, consents, strict=True))
        )
        ReferralEvent.objects.bulk_create(
            ReferralEvent(referral=r, status=Status.REQUESTED, channel="web", actor=nurse)
            for r in referrals
        )
        if start == 0:
            token = "bench-0"  # noqa: S105 (the benchmark person's made-up link)
            person_case = cases[0]
    assert person_case is not None
    for n in range(4):  # the person has 5 referrals in all
        Referral.objects.create(
            case=person_case,
            consent=person_case.consents.first(),
            service=catalogue[n + 1],
            service_name=f"Dienst {n + 1}",
            referrer=nurse,
            needs=["SOC-WORK"],
            language="nl",
        )
    DataAccess.objects.bulk_create(
        DataAccess(
            case=person_case,
            what="referral.view",
            channel="web",
            actor=staff_small,
            actor_label="small@bench.example",
            organisation_label="Kleine aanbieder",
        )
        for _ in range(200)
    )
    first_small = Referral.objects.filter(service__organization__in=listings[:10]).first()
    return {
        "nurse": nurse,
        "small": staff_small,
        "large": staff_large,
        "token": token,
        "referral": first_small,
    }


def measure(client: Any, url: str, runs: int) -> tuple[float, float, int, int]:
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    reset_queries()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    p95 = times[max(0, int(len(times) * 0.95) - 1)]
    return statistics.median(times), p95, len(captured.captured_queries), len(response.content)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--services", type=int, default=500)
    parser.add_argument("--referrals", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=50)
    options = parser.parse_args()
    setup_django()
    from django.test import Client
    from django.urls import reverse
    from django.utils import translation

    started = time.perf_counter()
    world = build(options.services, options.referrals)
    print(f"built in {time.perf_counter() - started:.1f} s")

    def client_for(user: Any) -> Any:
        client = Client()
        client.force_login(user, backend="beoncosup.core.auth.SiteModelBackend")
        return client

    small, large, nurse = (
        client_for(world["small"]),
        client_for(world["large"]),
        client_for(world["nurse"]),
    )
    with translation.override("nl"):
        pages = [
            (
                f"inbox, 10 services ({options.referrals // 50} open)",
                small,
                reverse("referrals:inbox"),
            ),
            (
                f"inbox, 100 services ({options.referrals // 5} open)",
                large,
                reverse("referrals:inbox"),
            ),
            (
                "one referral in the inbox",
                small,
                reverse("referrals:inbox_detail", kwargs={"referral_id": world["referral"].pk}),
            ),
            (
                "the person's private page (5 referrals, 200 reads logged)",
                Client(),
                reverse("referrals:person", kwargs={"token": world["token"]}),
            ),
            ("the referrer's referrals (page 1)", nurse, reverse("referrals:followed")),
        ]
    print(f"services={options.services} referrals={options.referrals} runs={options.runs}\n")
    print("| page | median ms | p95 ms | queries | bytes |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for label, client, url in pages:
        median, p95, queries, size = measure(client, url, options.runs)
        print(f"| {label} | {median:.1f} | {p95:.1f} | {queries} | {size:,} |")


if __name__ == "__main__":
    main()
