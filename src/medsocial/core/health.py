"""The health report behind /healthz: each dependency checked, with the numbers that matter."""

import time
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import connection


def _timed(check) -> dict:
    started = time.perf_counter()
    try:
        report = check() or {}
        report.setdefault("ok", True)
    except Exception as exc:  # any failure of a dependency is reported, never raised
        report = {"ok": False, "error": exc.__class__.__name__}
    report["ms"] = round((time.perf_counter() - started) * 1000, 1)
    return report


def _database() -> dict:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {}


def _cache() -> dict:
    key = f"healthz:{uuid.uuid4().hex}"
    cache.set(key, "1", 10)
    answered = cache.get(key) == "1"
    cache.delete(key)
    return {"ok": answered}


def _task_queue() -> dict:
    from medsocial.core import task_queue

    age = task_queue.oldest_waiting_age()
    waiting_seconds = None if age is None else round(age.total_seconds())
    limit = settings.HEALTH_MAX_TASK_WAIT_SECONDS
    return {
        "ok": waiting_seconds is None or waiting_seconds <= limit,
        "oldest_waiting_seconds": waiting_seconds,
        "max_waiting_seconds": limit,
    }


CHECKS = ("database", "cache", "tasks")


def health_report(*, only: list[str] | None = None) -> dict:
    """Database, cache and task queue (or just the `only` ones); `status` is "ok" only when
    every check made is."""
    wanted = [name for name in CHECKS if only is None or name in only] or list(CHECKS)
    checks: dict[str, dict] = {}
    if "database" in wanted or "tasks" in wanted:
        database = _timed(_database)
        if "database" in wanted:
            checks["database"] = database
    if "cache" in wanted:
        checks["cache"] = _timed(_cache)
    if "tasks" in wanted:
        # Without a database the queue cannot be read; say so rather than time out twice.
        checks["tasks"] = (
            _timed(_task_queue) if database["ok"] else {"ok": False, "error": "database unavailable"}
        )
    return {"status": "ok" if all(check["ok"] for check in checks.values()) else "error", **checks}
