"""Settings come from environment variables; run each case in a fresh interpreter."""

import json
import os
import subprocess
import sys

PROBE = """
import json
from django.conf import settings
print(json.dumps({
    "engine": settings.DATABASES["default"]["ENGINE"],
    "name": str(settings.DATABASES["default"]["NAME"]),
    "host": settings.DATABASES["default"].get("HOST", ""),
    "port": str(settings.DATABASES["default"].get("PORT", "")),
    "user": settings.DATABASES["default"].get("USER", ""),
    "cache": settings.CACHES["default"]["BACKEND"],
    "cache_location": settings.CACHES["default"].get("LOCATION", ""),
    "sessions": settings.SESSION_ENGINE,
    "conn_max_age": settings.DATABASES["default"]["CONN_MAX_AGE"],
    "conn_health_checks": settings.DATABASES["default"]["CONN_HEALTH_CHECKS"],
    "middleware": settings.MIDDLEWARE,
    "email_backend": settings.EMAIL_BACKEND,
    "email_host": settings.EMAIL_HOST,
    "email_port": settings.EMAIL_PORT,
    "secure_cookies": settings.SESSION_COOKIE_SECURE,
    "hsts": settings.SECURE_HSTS_SECONDS,
    "hasher": settings.PASSWORD_HASHERS[0],
}))
"""


def settings_under(tmp_path, **env) -> dict:
    clean = {
        k: v
        for k, v in os.environ.items()
        if k
        not in {
            "DATABASE_URL",
            "REDIS_URL",
            "EMAIL_URL",
            "DEBUG",
            "MEDSOCIAL_TESTING",
            "SECRET_KEY",
            "MEDSOCIAL_HTTPS",
        }
    }
    clean.update({"DJANGO_SETTINGS_MODULE": "medsocial.settings", "MEDSOCIAL_DATA_DIR": str(tmp_path)}, **env)
    code = "import django; django.setup()\n" + PROBE
    out = subprocess.run([sys.executable, "-c", code], env=clean, capture_output=True, text=True, check=False)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def test_embedded_default_is_sqlite_file_cache_console_email_and_a_generated_secret(tmp_path):
    values = settings_under(tmp_path)
    assert values["engine"] == "django.db.backends.sqlite3"
    assert values["name"] == str(tmp_path / "medsocial.sqlite3")
    # Shared by the server's worker processes, unlike a per-process memory cache.
    assert values["cache"].endswith("FileBasedCache")
    assert values["cache_location"] == str(tmp_path / "cache")
    assert values["sessions"] == "django.contrib.sessions.backends.cached_db"
    assert values["conn_max_age"] > 0 and values["conn_health_checks"] is True
    assert values["email_backend"].endswith("console.EmailBackend")
    assert (tmp_path / "secret_key").exists()
    assert values["hasher"].endswith("Argon2PasswordHasher")
    # Production-safe by default: secure cookies and HSTS when DEBUG is off.
    assert values["secure_cookies"] is True and values["hsts"] > 0


def test_database_redis_and_email_urls_are_parsed(tmp_path):
    values = settings_under(
        tmp_path,
        DATABASE_URL="postgres://hub:pw@db.internal:6543/medsocial",
        REDIS_URL="redis://cache.internal:6380/2",
        EMAIL_URL="smtp://mailer:secret@smtp.internal:2525",
        SECRET_KEY="x" * 50,
    )
    assert values["engine"] == "django.db.backends.postgresql"
    assert (values["host"], values["port"], values["user"], values["name"]) == (
        "db.internal",
        "6543",
        "hub",
        "medsocial",
    )
    assert values["cache"] == "medsocial.core.redis_cache.RedisCache"
    assert values["cache_location"] == "redis://cache.internal:6380/2"
    assert values["sessions"] == "django.contrib.sessions.backends.cache"
    assert values["conn_max_age"] > 0 and values["conn_health_checks"] is True
    assert values["email_backend"].endswith("smtp.EmailBackend")
    assert (values["email_host"], values["email_port"]) == ("smtp.internal", 2525)


def test_connection_lifetime_is_read_from_the_environment(tmp_path):
    assert settings_under(tmp_path, CONN_MAX_AGE="0")["conn_max_age"] == 0


def test_html_and_json_are_gzipped_before_the_etag_is_computed(tmp_path):
    middleware = settings_under(tmp_path)["middleware"]
    gzip = middleware.index("medsocial.core.middleware.GZipMiddleware")
    assert middleware.index("whitenoise.middleware.WhiteNoiseMiddleware") < gzip
    assert gzip < middleware.index("django.middleware.http.ConditionalGetMiddleware")


def test_a_production_database_without_a_secret_key_refuses_to_start(tmp_path):
    clean = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "MEDSOCIAL_TESTING", "DEBUG"}}
    clean.update(
        DJANGO_SETTINGS_MODULE="medsocial.settings",
        MEDSOCIAL_DATA_DIR=str(tmp_path),
        DATABASE_URL="postgres://hub@db.internal/medsocial",
    )
    out = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"], env=clean, capture_output=True, text=True
    )
    assert out.returncode != 0
    assert "SECRET_KEY must be set" in out.stderr
