"""Settings are read at start-up, so each mode is checked in a fresh interpreter."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from beoncosup import settings

pytestmark = pytest.mark.unit

ROOT = Path(__file__).resolve().parents[3]
PROD_SECRET = "x7Gq2-unit-test-only-secret-value-9fK3mZ8rT1wYvB6nH4cL0pQaSdEeRrTtUu"


def run_manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("BEONCOSUP_", "DJANGO_"))}
    base.pop("DATABASE_URL", None)
    return subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_production_without_secret_refuses_to_start(tmp_path):
    result = run_manage(
        "check",
        env={
            "BEONCOSUP_PRODUCTION": "true",
            "BEONCOSUP_ALLOWED_HOSTS": "beoncosup.example",
            "BEONCOSUP_DATA_DIR": str(tmp_path),
        },
    )

    assert result.returncode != 0
    assert "BEONCOSUP_SECRET_KEY" in result.stderr


def test_production_with_the_development_secret_refuses_to_start(tmp_path):
    result = run_manage(
        "check",
        env={
            "BEONCOSUP_PRODUCTION": "true",
            "BEONCOSUP_ALLOWED_HOSTS": "beoncosup.example",
            "BEONCOSUP_SECRET_KEY": settings.DEV_SECRET_KEY,
            "BEONCOSUP_DATA_DIR": str(tmp_path),
        },
    )

    assert result.returncode != 0
    assert "BEONCOSUP_SECRET_KEY" in result.stderr


def test_production_without_hosts_refuses_to_start(tmp_path):
    result = run_manage(
        "check",
        env={
            "BEONCOSUP_PRODUCTION": "true",
            "BEONCOSUP_SECRET_KEY": PROD_SECRET,
            "BEONCOSUP_DATA_DIR": str(tmp_path),
        },
    )

    assert result.returncode != 0
    assert "BEONCOSUP_ALLOWED_HOSTS" in result.stderr


def test_production_settings_pass_check_deploy_without_warnings(tmp_path):
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env={
            "BEONCOSUP_PRODUCTION": "true",
            "BEONCOSUP_SECRET_KEY": PROD_SECRET,
            "BEONCOSUP_ALLOWED_HOSTS": "beoncosup.example",
            "BEONCOSUP_DATA_DIR": str(tmp_path),
        },
    )

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_database_url_selects_the_named_sqlite_file(tmp_path):
    db_file = tmp_path / "elsewhere.db"
    code = "from django.conf import settings; print(settings.DATABASES['default']['NAME'])"

    result = run_manage(
        "shell", "--no-imports", "-c", code, env={"DATABASE_URL": f"sqlite:///{db_file}"}
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(db_file)


def test_database_url_selects_postgresql():
    code = (
        "from django.conf import settings; d = settings.DATABASES['default']; "
        "print(d['ENGINE'], d['HOST'], d['PORT'], d['NAME'])"
    )

    result = run_manage(
        "shell",
        "--no-imports",
        "-c",
        code,
        env={"DATABASE_URL": "postgres://u:p@db.internal:5433/beoncosup"},
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.db.backends.postgresql",
        "db.internal",
        "5433",
        "beoncosup",
    ]


def test_unsupported_database_url_is_refused():
    result = run_manage("check", env={"DATABASE_URL": "mysql://u:p@localhost/db"})

    assert result.returncode != 0
    assert "DATABASE_URL must be a sqlite:// or postgres:// URL" in result.stderr


def test_health_check_answers_503_when_the_database_is_unreachable(tmp_path):
    code = (
        "from django.test import Client; r = Client(HTTP_HOST='localhost').get('/healthz'); "
        "print(r.status_code, r.json()['database'])"
    )
    # A directory, not a file: SQLite cannot open it, like a database that is down.
    unreachable = tmp_path / "not-a-database"
    unreachable.mkdir()

    result = run_manage(
        "shell", "--no-imports", "-c", code, env={"DATABASE_URL": f"sqlite:///{unreachable}"}
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-2:] == ["503", "unreachable"]
