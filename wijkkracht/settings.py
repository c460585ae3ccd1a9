"""Django settings for wijkkracht.

Every setting that differs between machines comes from an environment variable with a safe default;
docs/configuration.md lists them. Nothing here calls out to the internet.
"""

import base64
import secrets
from datetime import timedelta
from pathlib import Path

import environ
from csp.constants import NONE, SELF

BASE_DIR = Path(__file__).resolve().parent.parent
env = environ.Env()
VAR_DIR = Path(env.str("WIJKKRACHT_VAR_DIR", default=str(BASE_DIR / "var")))


def _secret_key() -> str:
    """SECRET_KEY from the environment, else a random key kept in var/ (never committed)."""
    if key := env.str("SECRET_KEY", default=""):
        return key
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    path = VAR_DIR / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = _secret_key()


def _local_key(name: str, make) -> str:
    """A key kept in var/ when the environment gives none: fine for the demo, set it in production."""
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    path = VAR_DIR / name
    if not path.exists():
        path.write_text(make())
        path.chmod(0o600)
    return path.read_text().strip()


def _fernet_key() -> str:
    return base64.urlsafe_b64encode(secrets.token_bytes(32)).decode()


# BSNs are stored encrypted (Fernet). The first key encrypts; all keys decrypt, so a new key can be put in
# front and `manage.py bsn_rotate` re-encrypts every BSN with it (docs/configuration.md).
BSN_ENCRYPTION_KEYS = env.list("BSN_ENCRYPTION_KEYS", default=[]) or [_local_key("bsn_encryption_key", _fernet_key)]
# BSNs are found through a keyed hash (HMAC-SHA256), so the table alone does not reveal them.
BSN_HASH_KEY = env.str("BSN_HASH_KEY", default="") or _local_key("bsn_hash_key", lambda: secrets.token_hex(32))
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "rules.apps.AutodiscoverRulesConfig",
    "rest_framework",
    "drf_spectacular",
    "django_htmx",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "csp",
    # wijkkracht, lowest layer first (see docs/architecture.md)
    "wijkkracht.core",
    "wijkkracht.areas",
    "wijkkracht.organisations",
    "wijkkracht.socialmap",
    "wijkkracht.accounts",
    "wijkkracht.audit",
    "wijkkracht.access",
    "wijkkracht.people",
    "wijkkracht.cases",
    "wijkkracht.care",
    "wijkkracht.volunteers",
    "wijkkracht.provisions",
    "wijkkracht.workspace",
    "wijkkracht.synthetic",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "wijkkracht.core.middleware.APIVersionMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",  # static files end here, cacheable
    "wijkkracht.core.middleware.NoStoreMiddleware",  # every other answer: Cache-Control: no-store
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "wijkkracht.core.middleware.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "wijkkracht.accounts.middleware.SecondFactorMiddleware",  # django_otp's, with the user in one query
    "django.contrib.messages.middleware.MessageMiddleware",
    "wijkkracht.core.middleware.SessionTimeoutMiddleware",
    "wijkkracht.core.middleware.PasswordChangeRequiredMiddleware",  # the admin's first password is changed first
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
    # Innermost: each request is one audited call (one transaction, one audit entry per resident read).
    "wijkkracht.audit.middleware.AuditCallMiddleware",
]

ROOT_URLCONF = "wijkkracht.urls"
WSGI_APPLICATION = "wijkkracht.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wijkkracht.core.context_processors.navigation",
            ],
        },
    },
]

# --- Database: SQLite by default, PostgreSQL when DATABASE_URL says so -------------------------
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'wijkkracht.sqlite3'}")}
# Persistent connections (measured: +36% requests/s on the resident page, docs/benchmarks.md), checked before
# reuse. Put PgBouncer in front once app servers x workers x this exceed what PostgreSQL should hold (docs/deploy.md).
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("DB_CONN_MAX_AGE", default=60))
DATABASES["default"].setdefault("CONN_HEALTH_CHECKS", env.bool("DB_CONN_HEALTH_CHECKS", default=True))
# Behind PgBouncer in transaction pooling mode (docs/deploy.md).
DATABASES["default"].setdefault(
    "DISABLE_SERVER_SIDE_CURSORS", env.bool("DB_DISABLE_SERVER_SIDE_CURSORS", default=False)
)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # IMMEDIATE: a transaction takes the write lock at its start, which serialises audit-chain appends.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"transaction_mode": "IMMEDIATE", "timeout": 20, "init_command": "PRAGMA journal_mode=WAL;"}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Accounts, second factor, lockout, idle timeout -------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # must be first: refuses locked-out users
    "rules.permissions.ObjectPermissionBackend",  # the access policy (wijkkracht.access.rules)
    # Passwords; no permissions from Django's tables: the policy is access/rules.py alone.
    "wijkkracht.accounts.backends.PasswordBackend",
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "accounts:login"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
OTP_TOTP_ISSUER = env.str("OTP_TOTP_ISSUER", default="wijkkracht")
OTP_TOTP_THROTTLE_FACTOR = 1

AXES_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("LOGIN_LOCKOUT_MINUTES", default=15))
# Lock the account, not the address: a team's office shares one address behind NAT, and locking it
# would lock out the whole team. Hence axes' warning about ip_address is silenced on purpose.
AXES_LOCKOUT_PARAMETERS = ["username"]
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_VERBOSE = False  # never write usernames or addresses to the process log

# Idle timeout: a session untouched for this many seconds is ended (default 15 minutes).
SESSION_IDLE_TIMEOUT = env.int("SESSION_IDLE_TIMEOUT", default=15 * 60)
# Absolute lifetime: a session ends this many seconds after the login, whatever the activity (default 12 hours).
SESSION_ABSOLUTE_TIMEOUT = env.int("SESSION_ABSOLUTE_TIMEOUT", default=12 * 60 * 60)
SESSION_COOKIE_AGE = env.int("SESSION_MAX_AGE", default=10 * 60 * 60)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = env.bool("SECURE_COOKIES", default=False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
# Behind a TLS-terminating proxy: trust its X-Forwarded-Proto header (docs/deploy.md).
_behind_tls_proxy = env.bool("BEHIND_TLS_PROXY", default=False)
if _behind_tls_proxy:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# HTTPS is on when cookies are HTTPS-only or a TLS proxy is in front. Then HSTS defaults to one year, for the
# app's host and its subdomains; the security middleware sends it on HTTPS answers only.
_https = SESSION_COOKIE_SECURE or _behind_tls_proxy
SECURE_HSTS_SECONDS = env.int("HSTS_SECONDS", default=365 * 24 * 60 * 60 if _https else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_CONTENT_TYPE_NOSNIFF = True
CSRF_FAILURE_VIEW = "wijkkracht.core.views.csrf_failure"
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# --- Content-Security-Policy: only the app's own files, no inline script or style -------------
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}

# --- Internationalisation: Dutch first, English available -------------------------------------
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Europe/Amsterdam"
USE_TZ = True

# --- Static files: served by the app itself (WhiteNoise); front-end packages from npm ----------
STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [("utrecht", BASE_DIR / "node_modules" / "@utrecht" / "component-library-css" / "dist")]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": env.str("STATICFILES_BACKEND", default="whitenoise.storage.CompressedManifestStaticFilesStorage")
    },
}

# --- API (docs/api.md) ----------------------------------------------------------------------------
# Semantic version of the API; its major is in the URL (/api/v1) and every answer carries it as API-Version.
API_VERSION = "1.3.0"
# Where clients reach the API (the schema's `servers`), e.g. https://wijkkracht.example.nl/api/v1.
API_SERVER_URL = env.str("API_SERVER_URL", default="/api/v1")
# Who answers questions about the API (the schema's info.contact). The defaults are placeholders.
API_CONTACT = {
    "name": env.str("API_CONTACT_NAME", default="Functioneel beheer wijkkracht"),
    "email": env.str("API_CONTACT_EMAIL", default="functioneel-beheer@wijkkracht.invalid"),
    "url": env.str("API_CONTACT_URL", default="https://wijkkracht.invalid/contact"),
}
# JSON nested deeper than this is refused with 400 (Python's decoder has no limit of its own).
API_JSON_MAX_DEPTH = 32
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["wijkkracht.core.api.SessionAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["wijkkracht.core.api.PolicyPermission"],
    "DEFAULT_SCHEMA_CLASS": "wijkkracht.core.api_schema.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "wijkkracht.core.api_pagination.PagePagination",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["wijkkracht.core.api_parsers.JSONParser"],
    "EXCEPTION_HANDLER": "wijkkracht.core.api_errors.problem_exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "wijkkracht API",
    "DESCRIPTION": (
        "API van wijkkracht. Elk endpoint volgt het toegangsbeleid; elke inzage van persoonsgegevens wordt gelogd. "
        "Fouten zijn application/problem+json (RFC 9457); zie docs/api.md."
    ),
    "VERSION": API_VERSION,
    "CONTACT": API_CONTACT,
    "SERVERS": [{"url": API_SERVER_URL}],
    # Paths in the schema are relative to the server URL: /hulpvragen, not /api/v1/hulpvragen.
    "SCHEMA_PATH_PREFIX": r"/api/v[0-9]+",
    "SCHEMA_PATH_PREFIX_TRIM": True,
    "SERVE_INCLUDE_SCHEMA": False,
    # A PATCH body is validated as declared (the plan's ``version`` is required), not as DRF's partial update.
    "COMPONENT_SPLIT_PATCH": False,
    "SERVE_PERMISSIONS": ["wijkkracht.core.api.PolicyPermission"],
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "wijkkracht.core.api_schema.problem_responses",
    ],
}

# --- Background jobs: in-process unless a broker is configured ---------------------------------
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_RESULT_BACKEND = env.str("CELERY_RESULT_BACKEND", default=CELERY_BROKER_URL or None)
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
# In the demo `manage.py run_jobs` runs this schedule in-process (make demo starts it beside gunicorn).
CELERY_BEAT_SCHEDULE = {
    "audit-seal-chains": {"task": "wijkkracht.audit.tasks.seal_chains", "schedule": 60},
    "audit-verify-chain": {"task": "wijkkracht.audit.tasks.verify_chain", "schedule": 60 * 60},
    "volunteers-vog-reminders": {"task": "wijkkracht.volunteers.tasks.vog_reminders", "schedule": 24 * 60 * 60},
}

# --- Mail: the console in the demo; an SMTP server in production (docs/configuration.md) ---------
EMAIL_BACKEND = env.str("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="wijkkracht <noreply@wijkkracht.invalid>")
# The address mails link to (sign-up confirmation, proposals, the calendar feed), without a trailing slash.
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000")

# --- Audit -------------------------------------------------------------------------------------
# Refusals by one user within the window that raise a flag for the privacy officer.
AUDIT_REFUSAL_FLAG_THRESHOLD = env.int("AUDIT_REFUSAL_FLAG_THRESHOLD", default=5)
AUDIT_REFUSAL_WINDOW = timedelta(minutes=env.int("AUDIT_REFUSAL_WINDOW_MINUTES", default=10))
# The number of hash chains; a user's entries join chain (user id mod AUDIT_CHAINS). See docs/audit-log.md.
AUDIT_CHAINS = env.int("AUDIT_CHAINS", default=64)
# The key that signs the anchors (HMAC-SHA256). Empty: derived from SECRET_KEY, for the demo and the
# tests only (`check --deploy` warns); in production a key of its own, given only to the jobs.
AUDIT_ANCHOR_KEY = env.str("AUDIT_ANCHOR_KEY", default="")
# The append-only file outside the database that every anchor is also written to.
AUDIT_ANCHOR_PATH = Path(env.str("AUDIT_ANCHOR_PATH", default=str(VAR_DIR / "audit-anchors.jsonl")))
# Threads (each with its own database connection) that verify the chains in parallel on PostgreSQL.
AUDIT_VERIFY_WORKERS = env.int("AUDIT_VERIFY_WORKERS", default=4)

# --- Logging: no request data or personal data on stdout --------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
    "loggers": {
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
        "django.server": {"handlers": ["console"], "level": "ERROR", "propagate": False},
        "axes": {"handlers": ["console"], "level": "ERROR", "propagate": False},
    },
}
