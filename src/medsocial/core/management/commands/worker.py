from django.core.management.base import BaseCommand
from django.utils.crypto import get_random_string
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, DEFAULT_TASK_QUEUE_NAME

from medsocial.core.worker import CrashSafeWorker
from medsocial.datadir import describe_storage


class Command(BaseCommand):
    help = (
        "Run the background task worker (email, imports, reminders, recomputes). Tasks of a worker "
        "that died go back to the queue; failing tasks are retried with backoff."
    )

    def add_arguments(self, parser):
        parser.add_argument("--batch", action="store_true", help="Run what is queued now, then exit.")
        parser.add_argument("--interval", type=float, default=1.0, help="Seconds between polls when idle.")
        parser.add_argument(
            "--queue-name", default=DEFAULT_TASK_QUEUE_NAME, help="Comma-separated queues, or '*' for all."
        )
        parser.add_argument("--worker-id", default="", help="Unique id of this worker (default: random).")
        parser.add_argument("--max-tasks", type=int, default=None, help="Exit after this many tasks.")

    def handle(self, *args, batch, interval, queue_name, worker_id, max_tasks, **options):
        self.stdout.write(describe_storage())
        worker = CrashSafeWorker(
            queue_names=queue_name.split(","),
            interval=interval,
            batch=batch,
            backend_name=DEFAULT_TASK_BACKEND_ALIAS,
            startup_delay=False,
            max_tasks=max_tasks,
            worker_id=worker_id or get_random_string(32),
            excluded_queue_names=[],
        )
        worker.configure_signals()
        worker.run()
