"""Test overrides: only what makes tests fast and deterministic."""

import os

from beoncosup.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# The test client's login() passes no request, which django-axes refuses; the throttling tests
# turn it back on.
AXES_ENABLED = False
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Tasks run at once, in the test, whatever the production backend.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Text messages stay in beoncosup.core.sms.outbox.
BEONCOSUP_SMS_BACKEND = "locmem"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# A file-backed SQLite test database, so `pytest --reuse-db` skips the slow Wagtail migrations
# on the next run and the browser tests' live server thread sees the same data.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # BEONCOSUP_TEST_DB_NAME lets two test runs on one checkout keep separate databases.
    _name = os.environ.get("BEONCOSUP_TEST_DB_NAME", "test-beoncosup.sqlite3")
    DATABASES["default"]["TEST"] = {"NAME": str(DATA_DIR / _name)}  # noqa: F405
