"""MedSocial settings.

Every value comes from an environment variable with a safe embedded default, so the same
module serves a laptop (SQLite, console email, no Redis) and production (PostgreSQL, SMTP,
Redis). See the README's "Configuration" table for the full list.
"""

import os
import secrets
from pathlib import Path

import dj_database_url
import dj_email_url
from django.core.exceptions import ImproperlyConfigured

from medsocial.datadir import DATABASE_FILE, data_dir


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


BASE_DIR = Path(__file__).resolve().parent
# One absolute place whatever the current directory (see medsocial.datadir): a cron job run
# from elsewhere must find the same database, not start an empty one.
DATA_DIR = data_dir()
# The real US hospital files the census ships with (public CMS and HIFLD data; see its README).
HOSPITAL_DATA_DIR = Path(os.environ.get("MEDSOCIAL_HOSPITAL_DATA_DIR") or BASE_DIR / "census" / "data")

DEBUG = env_bool("DEBUG", False)
TESTING = env_bool("MEDSOCIAL_TESTING", False)
DATABASE_URL = os.environ.get("DATABASE_URL", "")
EMBEDDED = not DATABASE_URL


def _secret_key() -> str:
    key = os.environ.get("SECRET_KEY")
    if key:
        return key
    if not (EMBEDDED or DEBUG or TESTING):
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off and DATABASE_URL is set.")
    # Embedded default: generate once and keep it beside the data, so sessions survive restarts.
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    key_file = DATA_DIR / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1],testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
SITE_NAME = os.environ.get("SITE_NAME", "MedSocial")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "django_htmx",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "ninja",
    "medsocial.core",
    "medsocial.accounts",
    "medsocial.awards",
    "medsocial.learning",
    "medsocial.events",
    "medsocial.programs",
    "medsocial.residency",
    "medsocial.fellows",
    "medsocial.consulting",
    "medsocial.census",
    "medsocial.publishing",
    "medsocial.safety",
    "medsocial.api",
]

MIDDLEWARE = [
    "medsocial.core.observability.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Whitenoise answers static files itself (pre-compressed), before the two below see them.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # gzip for HTML and JSON. BREACH: the only secret in our pages is the CSRF token, which
    # Django masks with a fresh random value on every response, so compression leaks nothing
    # an attacker can build up across requests. Byte-range files and media are left as stored.
    "medsocial.core.middleware.GZipMiddleware",
    # ETag on every non-streaming GET and 304 answers to If-None-Match / If-Modified-Since;
    # after gzip so the tag is computed on the body sent.
    "django.middleware.http.ConditionalGetMiddleware",
    "medsocial.api.middleware.ApiJsonErrorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "medsocial.core.middleware.RejectNulCharactersMiddleware",
    "medsocial.core.middleware.StripControlCharactersMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    # Signed-in pages cached per session (core/personal_cache.py); before authentication, so
    # that loading the person is among the reads a stored page depends on.
    "medsocial.core.personal_cache.PersonalPageCacheMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "medsocial.core.middleware.UserTimezoneMiddleware",
    "axes.middleware.AxesMiddleware",
]

# Off under the test settings, so that query-count tests see every query of every request; the
# cache's own tests turn it on.
PERSONAL_PAGE_CACHE = env_bool("MEDSOCIAL_PERSONAL_PAGE_CACHE", not TESTING)

ROOT_URLCONF = "medsocial.urls"
WSGI_APPLICATION = "medsocial.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "medsocial.core.context_processors.site",
            ],
        },
    }
]

# --- Database -------------------------------------------------------------------------------
# Persistent connections: opening one per request costs more than most of our pages' queries
# (a new SQLite connection also re-runs the PRAGMAs). Health checks drop a connection the
# server closed instead of failing the next request on it.
CONN_MAX_AGE = int(os.environ.get("CONN_MAX_AGE", "600"))
if EMBEDDED:
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": DATA_DIR / DATABASE_FILE,
            "OPTIONS": {
                # WAL lets readers go on while one writer commits; IMMEDIATE makes a write
                # transaction take the lock at BEGIN, so concurrent writers queue instead of
                # failing with "database is locked" half way through.
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
                "transaction_mode": "IMMEDIATE",
                "timeout": 30,
            },
            "CONN_MAX_AGE": CONN_MAX_AGE,
            "CONN_HEALTH_CHECKS": True,
        }
    }
    if TESTING:
        # A file, not SQLite's default in-memory test database, so the live server's request
        # threads and concurrency tests open their own connections, as in production.
        DATABASES["default"]["TEST"] = {"NAME": str(DATA_DIR / "test.sqlite3")}
else:
    DATABASES = {
        "default": dj_database_url.parse(DATABASE_URL, conn_max_age=CONN_MAX_AGE, conn_health_checks=True)
    }
    if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
        DATABASES["default"].setdefault("OPTIONS", {}).update(
            {"transaction_mode": "IMMEDIATE", "timeout": 30}
        )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache and sessions ---------------------------------------------------------------------
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "medsocial.core.redis_cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "medsocial"),
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cache"
elif TESTING:
    # One process per test worker, emptied before every test by the test plugin.
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    # The embedded default serves with several worker processes: a per-process memory cache
    # would let one worker keep a page, a cache version or a session another worker has
    # already changed. Files in the data directory are shared by all of them.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(DATA_DIR / "cache"),
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        }
    }
    # Sessions are read from the shared cache and written through to the database, so a
    # signed-in request does not query the sessions table.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# --- Auth -----------------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
if TESTING:
    # Argon2 is deliberately slow; tests create thousands of users.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:sign-in"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"
EMAIL_CONFIRMATION_MAX_AGE = 3 * 24 * 3600
INVITATION_MAX_AGE_DAYS = 14

AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_FORM_FIELD = "username"
AXES_USERNAME_CALLABLE = "medsocial.accounts.selectors.sign_in_username"
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_ENABLED = env_bool("AXES_ENABLED", True)
# Behind a load balancer: the client's address is read from X-Forwarded-For past these proxies
# (addresses or networks), or past this many proxy hops. See medsocial.core.client_address.
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES", "")
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
AXES_CLIENT_IP_CALLABLE = "medsocial.core.client_address.client_ip"

# --- Email ----------------------------------------------------------------------------------
EMAIL_URL = os.environ.get("EMAIL_URL", "console://")
vars().update(dj_email_url.parse(EMAIL_URL))
# A mail server that stops answering must not hold a worker for ever: the send fails with a
# timeout and the task is retried later. `?timeout=` in EMAIL_URL overrides it.
EMAIL_TIMEOUT = vars().get("EMAIL_TIMEOUT") or float(os.environ.get("EMAIL_TIMEOUT_SECONDS", "30"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "MedSocial <hub@medsocial.localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Background tasks -----------------------------------------------------------------------
TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}
if TESTING:
    TASKS = {
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend", "QUEUES": ["default"]}
    }
# A running task whose worker has not refreshed its heartbeat for this long goes back to the
# queue; a failing task is retried after TASKS_RETRY_DELAY_SECONDS, doubling each time, until it
# used TASKS_MAX_ATTEMPTS attempts.
TASKS_LEASE_SECONDS = float(os.environ.get("TASKS_LEASE_SECONDS", "60"))
TASKS_MAX_ATTEMPTS = int(os.environ.get("TASKS_MAX_ATTEMPTS", "5"))
TASKS_RETRY_DELAY_SECONDS = float(os.environ.get("TASKS_RETRY_DELAY_SECONDS", "30"))

# --- Internationalization -------------------------------------------------------------------
LANGUAGE_CODE = "en-us"
TIME_ZONE = os.environ.get("TIME_ZONE", "America/New_York")
USE_I18N = True
USE_TZ = True

# --- Static and media -----------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT") or DATA_DIR / "media")
# Uploaded files are served by the application after an access check (core.media). Behind a
# proxy that can send files itself: "x-accel-redirect" (nginx, with an `internal` location at
# MEDIA_ACCEL_PREFIX aliased to MEDIA_ROOT) or "x-sendfile" (Apache mod_xsendfile, Caddy).
MEDIA_ACCEL = os.environ.get("MEDIA_ACCEL", "").strip().lower()
if MEDIA_ACCEL not in {"", "x-accel-redirect", "x-sendfile"}:
    raise ImproperlyConfigured('MEDIA_ACCEL must be empty, "x-accel-redirect" or "x-sendfile".')
MEDIA_ACCEL_PREFIX = os.environ.get("MEDIA_ACCEL_PREFIX", "/protected-media/")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or TESTING
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = DEBUG or TESTING
if WHITENOISE_USE_FINDERS:
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # whitenoise warns about a missing root
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# --- Security -------------------------------------------------------------------------------
HTTPS = env_bool("MEDSOCIAL_HTTPS", not (DEBUG or TESTING))
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SESSION_COOKIE_HTTPONLY = True
SECURE_HSTS_SECONDS = 31536000 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", False)
if env_bool("BEHIND_TLS_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "media-src": ["'self'"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'", "https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

# One JSON object per line (LOG_FORMAT=json, the default unless DEBUG) carrying the request id
# that the X-Request-ID response header shows, so one failing request is found in the logs.
LOG_FORMAT = os.environ.get("LOG_FORMAT", "text" if DEBUG else "json")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "medsocial.core.observability.RequestIdFilter"}},
    "formatters": {
        "json": {"()": "medsocial.core.observability.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["request_id"], "formatter": LOG_FORMAT}
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# Unhandled errors go to Sentry (or a service that speaks its protocol) when a DSN is given.
SENTRY_DSN = os.environ.get("SENTRY_DSN", "")
if SENTRY_DSN:
    from medsocial.core.observability import configure_error_reporting

    configure_error_reporting(
        SENTRY_DSN,
        environment=os.environ.get("SENTRY_ENVIRONMENT", "production"),
        release=os.environ.get("SENTRY_RELEASE", "medsocial"),
    )

# /healthz fails when the oldest task that could run has waited longer than this (no worker?).
HEALTH_MAX_TASK_WAIT_SECONDS = int(os.environ.get("HEALTH_MAX_TASK_WAIT_SECONDS", "300"))

NINJA_PAGINATION_PER_PAGE = 50
# /bench/hello, the yardstick of bench/http_bench.py; off (a 404) unless the benchmark asks.
BENCH_HELLO = env_bool("MEDSOCIAL_BENCH_HELLO", False)
FORMS_URLFIELD_ASSUME_HTTPS = True

# --- consulting ---
# Largest document a client or coach may share in an engagement workspace.
CONSULTING_MAX_UPLOAD_BYTES = int(os.environ.get("CONSULTING_MAX_UPLOAD_MB", "10")) * 1024 * 1024

# --- publishing ---
# Largest podcast episode audio an editor may upload (an hour of 128 kbit/s MP3 is about 60 MB).
PUBLISHING_MAX_AUDIO_BYTES = int(os.environ.get("PUBLISHING_MAX_AUDIO_MB", "200")) * 1024 * 1024

# --- events ---
# How registrations with a price are paid ("invoice": staff mark orders paid), and how long a
# freed seat stays reserved for the person first on the waitlist.
EVENTS_PAYMENT_PROVIDER = os.environ.get("EVENTS_PAYMENT_PROVIDER", "invoice")
EVENTS_SEAT_OFFER_HOURS = int(os.environ.get("EVENTS_SEAT_OFFER_HOURS", "24"))
# How long before an event's start the door opens for check-in (an event may set its own).
EVENTS_CHECKIN_OPENS_MINUTES = int(os.environ.get("EVENTS_CHECKIN_OPENS_MINUTES", "120"))
