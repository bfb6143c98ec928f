"""The task queue as an operator sees it: what waits, runs, failed or is stuck, and the
operations on it (retry, discard, requeue the tasks of a dead worker).

Tasks live in django-tasks-db's table. A task's attempts are its claims: every claim appends
the claiming worker's id to `worker_ids`, so `len(worker_ids)` is the attempt being run.
"""

import contextvars
import smtplib
import uuid
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult, get_date_max

from medsocial.core.errors import DomainError
from medsocial.core.models import WorkerHeartbeat

STUCK = "STUCK"


class TaskQueueError(Exception):
    """An operation on the queue was refused; `str(exc)` says why."""


class WorkerLost(Exception):
    """Recorded as the error of a task whose worker stopped answering while running it."""


class PermanentTaskError(Exception):
    """Raised by a task whose work can never succeed as asked: it is failed at once, not retried."""


def is_permanent(exc: BaseException) -> bool:
    """Whether running the task again cannot help, so it fails at once with this error.

    Permanent: the object the task names is gone, its input is invalid (a validation or domain
    error), or the mail server refused the message for good (a 5xx reply to a recipient or to the
    message itself). Everything else is taken as passing and retried with backoff: a refused or
    dropped connection, a timeout, a 4xx reply ("try again later"), and 5xx replies about the
    site's own mail settings (sign-in, sender), which an operator can fix before the last try.
    """
    if isinstance(exc, PermanentTaskError | ObjectDoesNotExist | ValidationError | DomainError):
        return True
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _ in exc.recipients.values()]
        return bool(codes) and all(500 <= code < 600 for code in codes)
    if isinstance(exc, smtplib.SMTPDataError):
        return 500 <= exc.smtp_code < 600
    return False


@dataclass(frozen=True)
class RunningTask:
    """The task the current process is running: emails it sends are keyed by it."""

    task_id: str
    attempt: int
    emails_sent: list


current_task: contextvars.ContextVar[RunningTask | None] = contextvars.ContextVar(
    "current_task", default=None
)


def lease() -> timedelta:
    return timedelta(seconds=settings.TASKS_LEASE_SECONDS)


def retry_delay(attempt: int) -> timedelta:
    """Exponential backoff: the base delay after the first failure, doubling, at most an hour."""
    return timedelta(seconds=min(settings.TASKS_RETRY_DELAY_SECONDS * 2 ** max(attempt - 1, 0), 3600))


def live_worker_ids(*, now=None) -> set[str]:
    now = now or timezone.now()
    return set(WorkerHeartbeat.objects.filter(beat_at__gte=now - lease()).values_list("worker_id", flat=True))


def stuck_tasks(*, now=None) -> list[DBTaskResult]:
    """Running tasks whose worker has not beaten for a lease period (it was killed or lost)."""
    now = now or timezone.now()
    alive = live_worker_ids(now=now)
    running = DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING, started_at__lt=now - lease())
    return [task for task in running if not task.worker_ids or task.worker_ids[-1] not in alive]


def requeue_stuck_tasks(*, now=None) -> list[str]:
    """Put the tasks of dead workers back in the queue, or mark them failed when they used all
    their attempts. Safe to run from every worker at once: each task moves with a conditional
    update on the claim it had. Returns the ids of the tasks moved."""
    now = now or timezone.now()
    moved = []
    for task in stuck_tasks(now=now):
        attempts = len(task.worker_ids)
        worker = task.worker_ids[-1] if task.worker_ids else "unknown"
        message = (
            f"The worker {worker} stopped answering while running this task "
            f"(attempt {attempts} of {settings.TASKS_MAX_ATTEMPTS})."
        )
        claim = DBTaskResult.objects.filter(
            pk=task.pk, status=TaskResultStatus.RUNNING, started_at=task.started_at
        )
        fields = {
            "exception_class_path": f"{WorkerLost.__module__}.{WorkerLost.__qualname__}",
            "traceback": message,
        }
        if attempts >= settings.TASKS_MAX_ATTEMPTS:
            fields |= {"status": TaskResultStatus.FAILED, "finished_at": now}
        else:
            fields |= {"status": TaskResultStatus.READY, "run_after": now}
        if claim.update(**fields):
            moved.append(str(task.pk))
    return moved


def waiting_tasks():
    return DBTaskResult.objects.filter(status=TaskResultStatus.READY)


def oldest_waiting_age(*, now=None) -> timedelta | None:
    """How long the oldest task that could run now has been waiting (None when none waits)."""
    now = now or timezone.now()
    oldest = (
        waiting_tasks()
        .filter(Q(run_after=get_date_max()) | Q(run_after__lte=now))
        .order_by("enqueued_at")
        .values_list("enqueued_at", "run_after")
        .first()
    )
    if oldest is None:
        return None
    enqueued_at, run_after = oldest
    since = enqueued_at if run_after == get_date_max() else max(enqueued_at, run_after)
    return max(now - since, timedelta(0))


def tasks_in_state(state: str, *, limit: int = 50) -> list[DBTaskResult]:
    """Tasks by state for `medsocial tasks`: READY, RUNNING, FAILED or STUCK."""
    if state == STUCK:
        return stuck_tasks()[:limit]
    return list(DBTaskResult.objects.filter(status=state).order_by("-enqueued_at")[:limit])


def _get(task_id: str) -> DBTaskResult:
    try:
        return DBTaskResult.objects.select_for_update().get(pk=uuid.UUID(str(task_id)))
    except (DBTaskResult.DoesNotExist, ValueError):
        raise TaskQueueError(f"There is no task with the id {task_id}.") from None


@transaction.atomic
def retry_task(task_id: str) -> DBTaskResult:
    """Queue a failed or stuck task again now, with a fresh budget of attempts."""
    task = _get(task_id)
    stuck = {t.pk for t in stuck_tasks()}
    if task.status != TaskResultStatus.FAILED and task.pk not in stuck:
        raise TaskQueueError(
            f"Task {task_id} is {task.status.lower()}: only failed or stuck tasks can be retried."
        )
    task.status = TaskResultStatus.READY
    task.run_after = get_date_max()
    task.worker_ids = []
    task.started_at = task.finished_at = None
    task.save(update_fields=["status", "run_after", "worker_ids", "started_at", "finished_at"])
    return task


@transaction.atomic
def discard_task(task_id: str) -> None:
    """Remove a task that should not run (any more). A task a live worker runs cannot be removed."""
    task = _get(task_id)
    if task.status == TaskResultStatus.RUNNING and task.pk not in {t.pk for t in stuck_tasks()}:
        raise TaskQueueError(f"Task {task_id} is running on a live worker; wait for it to finish.")
    task.delete()
