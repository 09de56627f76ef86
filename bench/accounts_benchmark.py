"""Signed-in pages under load of data: what accounts, roles and MFA cost per request, and how the
pages that list things behave with many rows.

    .venv/bin/python bench/accounts_benchmark.py [--members 500] [--events 20000] [--runs 50]

Builds a throw-away SQLite database under var/bench/accounts/ (migrated afresh each run), then
in this process, through django.test.Client (every middleware, the session, the MFA and
session-guard checks, the permission rules, the template):

- the home page anonymous and signed in (the cost of being signed in);
- "My account", an organisation's page with --members members, the platform audit trail (page 1
  of --events events) and its CSV export (all of them, streamed), the workspace's lists and
  recent activity;

and prints, per page, the median and 95th percentile over --runs requests and the number of
SQL queries of one request. Timings are of this machine; the query counts are the guard the
tests hold (django_assert_max_num_queries).
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
FOLDER = ROOT / "var" / "bench" / "accounts"


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


def build(members: int, events: int) -> dict[str, Any]:
    from django.utils import timezone

    from beoncosup.accounts import services
    from beoncosup.accounts.codes import OrgRole, PlatformRole
    from beoncosup.accounts.testing import mfa_enable, user_create
    from beoncosup.audit.models import AuditEvent
    from beoncosup.directory.models import Organization, Service
    from beoncosup.workspace.models import ServiceList, ServiceListItem

    organisation = services.organisation_create(name="AZ Bench", kind="hospital", created_by=None)
    admin = user_create("admin@bench.example")
    services.membership_add(organisation=organisation, user=admin, role=OrgRole.ORG_ADMIN)
    services.membership_add(organisation=organisation, user=admin, role=OrgRole.PROFESSIONAL)
    for n in range(members):
        user = user_create(f"member{n}@bench.example")
        services.membership_add(organisation=organisation, user=user, role=OrgRole.PROFESSIONAL)
    platform = user_create("platform@bench.example")
    services.role_grant(user=platform, role=PlatformRole.PLATFORM_ADMIN, granted_by=None)
    for user in (admin, platform):
        mfa_enable(user)
    now = timezone.now()
    AuditEvent.objects.bulk_create(
        AuditEvent(
            at=now - dt.timedelta(minutes=n),
            action="auth.signed_in" if n % 3 else "workspace.list_changed",
            actor=admin,
            actor_label=admin.email,
            organisation_id=organisation.pk,
            organisation_label=organisation.name,
            detail={"n": n},
        )
        for n in range(events)
    )
    listing = Organization.objects.create(name={"nl": "Bench vzw"})
    catalogue = [
        Service.objects.create(organization=listing, name={"nl": f"Dienst {n}"}) for n in range(40)
    ]
    for n in range(20):
        service_list = ServiceList.objects.create(
            owner=admin, organisation=organisation, name=f"Lijst {n}", shared=bool(n % 2)
        )
        ServiceListItem.objects.bulk_create(
            ServiceListItem(service_list=service_list, service=service, added_by=admin)
            for service in catalogue[:20]
        )
    return {"organisation": organisation, "admin": admin, "platform": platform}


def measure(client: Any, url: str, runs: int) -> tuple[float, float, int, int]:
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    # The client's request_started signal empties the query log: start from an empty one, or
    # the capture loses as many queries as the log held before.
    reset_queries()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert response.status_code == 200, (url, response.status_code)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(url)
        if response.streaming:
            b"".join(response.streaming_content)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    p95 = times[max(0, int(len(times) * 0.95) - 1)]
    return statistics.median(times), p95, len(captured.captured_queries), len(body)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=500)
    parser.add_argument("--events", type=int, default=20000)
    parser.add_argument("--runs", type=int, default=50)
    options = parser.parse_args()
    setup_django()
    from django.test import Client
    from django.urls import reverse
    from django.utils import translation

    world = build(options.members, options.events)
    slug = world["organisation"].slug
    anonymous = Client()
    admin = Client()
    admin.force_login(world["admin"], backend="beoncosup.core.auth.SiteModelBackend")
    platform = Client()
    platform.force_login(world["platform"], backend="beoncosup.core.auth.SiteModelBackend")
    with translation.override("en"):
        pages = [
            ("home page, anonymous", anonymous, reverse("core:home")),
            ("home page, signed in (org admin)", admin, reverse("core:home")),
            ("My account", admin, reverse("accounts:home")),
            (
                f"organisation page, {options.members + 1} members",
                admin,
                reverse("accounts:organisation", kwargs={"slug": slug}),
            ),
            (f"audit trail, page 1 of {options.events}", platform, reverse("accounts:audit")),
            (f"audit CSV, {options.events} events", platform, reverse("accounts:audit_export")),
            ("workspace: 20 lists", admin, reverse("workspace:list_index")),
            ("workspace: recent activity", admin, reverse("workspace:activity")),
        ]
    print(f"members={options.members} events={options.events} runs={options.runs}\n")
    print("| page | median ms | p95 ms | queries | bytes |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for label, client, url in pages:
        runs = max(3, options.runs // 10) if "CSV" in label else options.runs
        median, p95, queries, size = measure(client, url, runs)
        print(f"| {label} | {median:.1f} | {p95:.1f} | {queries} | {size:,} |")


if __name__ == "__main__":
    main()
