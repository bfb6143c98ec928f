"""A failing task is retried with a growing delay, then failed with its error; stuck and failed
tasks are listed by `medsocial tasks`, which retries or discards them."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from medsocial.core import task_queue
from medsocial.core.models import WorkerHeartbeat
from medsocial.core.tests.tasks_for_tests import always_fails
from medsocial.testing.plugin import run_queued_tasks


def _tasks(*args) -> str:
    out = StringIO()
    call_command("tasks", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def queue(transactional_db, database_task_queue, settings):
    settings.TASKS_MAX_ATTEMPTS = 3
    settings.TASKS_RETRY_DELAY_SECONDS = 0
    settings.TASKS_LEASE_SECONDS = 60


def test_a_failing_task_is_tried_the_allowed_number_of_times_then_failed_with_its_error(queue):
    result = always_fails.enqueue("the SMTP server said no")
    run_queued_tasks()
    task = DBTaskResult.objects.get(pk=result.id)
    assert task.status == TaskResultStatus.FAILED
    assert len(task.worker_ids) == 3
    assert "RuntimeError: the SMTP server said no" in task.traceback
    assert "the SMTP server said no" in _tasks("failed")


def test_a_failed_attempt_waits_longer_each_time(queue, settings):
    settings.TASKS_RETRY_DELAY_SECONDS = 30
    result = always_fails.enqueue("busy")
    before = timezone.now()
    run_queued_tasks(max_tasks=1)
    task = DBTaskResult.objects.get(pk=result.id)
    assert task.status == TaskResultStatus.READY  # queued again, not failed
    assert timedelta(seconds=29) < task.run_after - before < timedelta(seconds=40)
    assert task_queue.retry_delay(2) == timedelta(seconds=60)
    assert task_queue.retry_delay(3) == timedelta(seconds=120)
    assert task_queue.retry_delay(30) == timedelta(hours=1)


def _stuck_task(worker_id="gone"):
    result = always_fails.enqueue("never runs")
    DBTaskResult.objects.filter(pk=result.id).update(
        status=TaskResultStatus.RUNNING,
        started_at=timezone.now() - timedelta(minutes=5),
        worker_ids=[worker_id],
    )
    return str(result.id)


def test_a_running_task_of_a_worker_without_heartbeat_is_listed_as_stuck_and_requeued(queue):
    stuck = _stuck_task()
    now = timezone.now()
    WorkerHeartbeat.objects.create(worker_id="alive", started_at=now, beat_at=now)
    alive = _stuck_task(worker_id="alive")  # a long task of a live worker is not stuck
    listing = _tasks("stuck")
    assert stuck in listing and alive not in listing
    assert task_queue.requeue_stuck_tasks() == [stuck]
    assert DBTaskResult.objects.get(pk=stuck).status == TaskResultStatus.READY
    assert DBTaskResult.objects.get(pk=alive).status == TaskResultStatus.RUNNING


def test_a_stuck_task_that_used_its_attempts_is_failed_with_the_reason(queue, settings):
    settings.TASKS_MAX_ATTEMPTS = 1
    stuck = _stuck_task()
    task_queue.requeue_stuck_tasks()
    task = DBTaskResult.objects.get(pk=stuck)
    assert task.status == TaskResultStatus.FAILED
    assert "stopped answering" in task.traceback


def test_retry_queues_a_failed_task_again_and_discard_removes_it(queue):
    result = always_fails.enqueue("boom")
    run_queued_tasks()
    assert "Queued again" in _tasks("retry", str(result.id))
    task = DBTaskResult.objects.get(pk=result.id)
    assert (task.status, task.worker_ids) == (TaskResultStatus.READY, [])
    assert "Discarded" in _tasks("discard", str(result.id))
    assert not DBTaskResult.objects.filter(pk=result.id).exists()


def test_retrying_a_queued_task_or_an_unknown_id_is_refused_with_a_reason(queue):
    result = always_fails.enqueue("waits")
    with pytest.raises(CommandError, match="only failed or stuck tasks can be retried"):
        _tasks("retry", str(result.id))
    with pytest.raises(CommandError, match="There is no task with the id nope"):
        _tasks("discard", "nope")
    assert DBTaskResult.objects.get(pk=result.id).status == TaskResultStatus.READY


def test_site_staff_see_failed_tasks_with_their_error_in_the_admin(queue, client, make_user):
    result = always_fails.enqueue("mailbox full")
    run_queued_tasks()
    admin = make_user(email="root@example.org", is_staff=True, is_superuser=True)
    client.force_login(admin)
    page = client.get("/admin/django_tasks_database/dbtaskresult/?status__exact=FAILED")
    assert page.status_code == 200
    assert "mailbox full" in page.content.decode()
    assert str(result.id) in page.content.decode()


def test_failed_tasks_are_counted_on_the_site_admins_dashboard(queue, client, make_user):
    from medsocial.accounts.roles import Role

    always_fails.enqueue("no route to host")
    run_queued_tasks()
    client.force_login(make_user(roles=[Role.SITE_ADMIN]))
    html = client.get("/staff/").content.decode()
    assert '<span class="tally-count">1</span> <span class="tally-label">Failed background tasks' in html
    assert "?status__exact=FAILED" in html
