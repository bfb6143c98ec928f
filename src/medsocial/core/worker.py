"""The task worker: django-tasks-db's worker plus what it lacks for a crash.

- A heartbeat thread keeps this process's `WorkerHeartbeat` row fresh; every worker, before
  claiming, gives the tasks of workers that stopped beating back to the queue.
- A task that raises a passing error (a refused connection, a timeout, a 4xx reply) is queued
  again after a growing delay until it used TASKS_MAX_ATTEMPTS attempts; then it is failed with
  its error. A permanent error (see `task_queue.is_permanent`) fails it at once.
- While a task runs, `current_task` names it, so each email it sends is claimed in a delivery
  record first (see `medsocial.core.email`) and a second attempt sends only what the first did not.
"""

import logging
import os
import socket
import threading
import time

from django.conf import settings
from django.db import close_old_connections, connection
from django.db.utils import OperationalError
from django.utils import timezone
from django_tasks.base import TaskContext, TaskResultStatus
from django_tasks.signals import task_finished, task_started
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction, is_locked_database_exception

from medsocial.core import task_queue
from medsocial.core.models import WorkerHeartbeat

logger = logging.getLogger("medsocial.worker")


class Heartbeat(threading.Thread):
    """Refreshes the worker's heartbeat row every quarter lease, on its own connection."""

    def __init__(self, worker_id: str):
        super().__init__(name=f"heartbeat-{worker_id}", daemon=True)
        self.worker_id = worker_id
        self.stopped = threading.Event()

    def beat(self) -> None:
        now = timezone.now()
        WorkerHeartbeat.objects.update_or_create(
            worker_id=self.worker_id,
            defaults={"beat_at": now, "host": socket.gethostname()[:255], "pid": os.getpid()},
            create_defaults={
                "beat_at": now,
                "started_at": now,
                "host": socket.gethostname()[:255],
                "pid": os.getpid(),
            },
        )

    def run(self) -> None:
        interval = max(settings.TASKS_LEASE_SECONDS / 4, 0.1)
        try:
            while not self.stopped.wait(interval):
                try:
                    self.beat()
                except OperationalError:  # a busy SQLite file; the next beat will do
                    logger.warning("Worker %s could not record its heartbeat", self.worker_id)
        finally:
            connection.close()


class CrashSafeWorker(Worker):
    def run(self) -> None:
        Heartbeat(self.worker_id).beat()  # before the first claim, so nobody takes us for dead
        heartbeat = Heartbeat(self.worker_id)
        heartbeat.start()
        try:
            self._loop()
        finally:
            heartbeat.stopped.set()
            heartbeat.join(timeout=5)
            try:
                WorkerHeartbeat.objects.filter(worker_id=self.worker_id).delete()
            except Exception:  # the database is gone; the row will simply go stale
                logger.warning("Worker %s could not remove its heartbeat", self.worker_id)

    def _loop(self) -> None:
        logger.info("Starting worker %s on queues %s", self.worker_id, ",".join(self.queue_names))
        last_sweep = 0.0
        while self.running:
            close_old_connections()
            if time.monotonic() - last_sweep >= settings.TASKS_LEASE_SECONDS / 2:
                last_sweep = time.monotonic()
                try:
                    for task_id in task_queue.requeue_stuck_tasks():
                        logger.warning("Task %s of a dead worker went back to the queue", task_id)
                except OperationalError as exc:
                    if not is_locked_database_exception(exc):
                        raise

            tasks = DBTaskResult.objects.ready().filter(backend_name=self.backend_name)
            if not self.process_all_queues:
                tasks = tasks.filter(queue_name__in=self.queue_names)
            if self.excluded_queue_names:
                tasks = tasks.exclude(queue_name__in=self.excluded_queue_names)
            retrieved = True
            with exclusive_transaction(tasks.db):
                try:
                    task_result = tasks.get_locked()
                    if task_result is not None:
                        task_result.claim(self.worker_id)
                except OperationalError as exc:
                    if not is_locked_database_exception(exc):
                        raise
                    retrieved, task_result = False, None

            if task_result is not None:
                self.run_task(task_result)
            if self.batch and retrieved and task_result is None:
                return
            if self.max_tasks is not None and self._run_tasks >= self.max_tasks:
                return
            close_old_connections()
            if self.running and task_result is None:
                time.sleep(self.interval)

    def run_task(self, db_task_result: DBTaskResult) -> None:
        """Run a claimed task; on an error, queue it again after a delay or fail it for good."""
        attempt = len(db_task_result.worker_ids)
        token = task_queue.current_task.set(
            task_queue.RunningTask(task_id=str(db_task_result.pk), attempt=attempt, emails_sent=[])
        )
        self.running_task = True
        try:
            task = db_task_result.task
            task_result = db_task_result.task_result
            sender = type(task.get_backend())
            task_started.send(sender=sender, task_result=task_result)
            if task.takes_context:
                value = task.call(
                    TaskContext(task_result=task_result), *task_result.args, **task_result.kwargs
                )
            else:
                value = task.call(*task_result.args, **task_result.kwargs)
            db_task_result.set_successful(value)
            task_finished.send(sender=sender, task_result=db_task_result.task_result)
        except Exception as exc:
            permanent = task_queue.is_permanent(exc)
            if attempt < settings.TASKS_MAX_ATTEMPTS and not permanent:
                self._retry_later(db_task_result, exc, attempt)
            else:
                if permanent:
                    logger.exception("Task %s failed with a permanent error; not retried", db_task_result.pk)
                else:
                    logger.exception("Task %s failed after %d attempts", db_task_result.pk, attempt)
                db_task_result.set_failed(exc)
                try:
                    task_finished.send(
                        sender=type(db_task_result.task.get_backend()), task_result=db_task_result.task_result
                    )
                except Exception:
                    logger.exception("Task %s: could not signal its end", db_task_result.pk)
        finally:
            task_queue.current_task.reset(token)
            self.running_task = False
            self._run_tasks += 1

    @staticmethod
    def _retry_later(db_task_result: DBTaskResult, exc: Exception, attempt: int) -> None:
        """Back to the queue with the error kept for `medsocial tasks`; the claim stays counted."""
        from traceback import format_exception

        delay = task_queue.retry_delay(attempt)
        logger.warning(
            "Task %s failed (attempt %d of %d); retrying in %ds: %s",
            db_task_result.pk,
            attempt,
            settings.TASKS_MAX_ATTEMPTS,
            delay.total_seconds(),
            exc,
        )
        DBTaskResult.objects.filter(pk=db_task_result.pk, status=TaskResultStatus.RUNNING).update(
            status=TaskResultStatus.READY,
            run_after=timezone.now() + delay,
            exception_class_path=f"{type(exc).__module__}.{type(exc).__qualname__}",
            traceback="".join(format_exception(exc)),
        )
