"""/healthz reports the database, the cache and the task queue, and answers 200 only when all
three are healthy, so a load balancer or monitor can act on the status alone."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from medsocial.core.tests.tasks_for_tests import always_fails

pytestmark = pytest.mark.django_db


def test_healthz_reports_each_dependency_and_answers_200_when_all_are_healthy(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    report = response.json()
    assert report["status"] == "ok"
    assert report["database"]["ok"] and report["cache"]["ok"] and report["tasks"]["ok"]
    assert report["tasks"]["oldest_waiting_seconds"] is None


def test_a_task_waiting_longer_than_allowed_makes_healthz_fail(client, database_task_queue, settings):
    settings.HEALTH_MAX_TASK_WAIT_SECONDS = 300
    result = always_fails.enqueue("nobody runs me")
    DBTaskResult.objects.filter(pk=result.id).update(enqueued_at=timezone.now() - timedelta(minutes=10))
    response = client.get("/healthz")
    assert response.status_code == 503
    report = response.json()
    assert report["status"] == "error" and report["database"]["ok"]
    assert report["tasks"]["ok"] is False
    assert 590 <= report["tasks"]["oldest_waiting_seconds"] <= 700


def test_a_task_deferred_to_later_is_not_counted_as_waiting(client, database_task_queue):
    always_fails.using(run_after=timezone.now() + timedelta(hours=1)).enqueue("tomorrow")
    assert client.get("/healthz").json()["tasks"]["oldest_waiting_seconds"] is None


def test_an_unreachable_cache_makes_healthz_fail(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
        }
    }
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["cache"] == {
        "ok": False,
        "error": "ConnectionError",
        "ms": response.json()["cache"]["ms"],
    }


def test_a_load_balancer_may_check_only_database_and_cache(client, database_task_queue):
    result = always_fails.enqueue("backlog")
    DBTaskResult.objects.filter(pk=result.id).update(enqueued_at=timezone.now() - timedelta(hours=2))
    assert client.get("/healthz").status_code == 503
    response = client.get("/healthz?only=database,cache")
    assert response.status_code == 200
    assert set(response.json()) == {"status", "database", "cache"}
