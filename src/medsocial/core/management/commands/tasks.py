from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django_tasks.base import TaskResultStatus

from medsocial.core import task_queue

STATES = {
    "queued": TaskResultStatus.READY,
    "running": TaskResultStatus.RUNNING,
    "failed": TaskResultStatus.FAILED,
    "stuck": task_queue.STUCK,
}


class Command(BaseCommand):
    help = (
        "Show the task queue (queued, running, failed and stuck tasks), or retry or discard tasks: "
        "`tasks`, `tasks failed`, `tasks retry ID…`, `tasks retry --all-failed`, `tasks discard ID…`, "
        "`tasks requeue-stuck`."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "action",
            nargs="?",
            default="list",
            choices=["list", *STATES, "retry", "discard", "requeue-stuck"],
        )
        parser.add_argument("task_ids", nargs="*", metavar="ID")
        parser.add_argument(
            "--all-failed", action="store_true", help="with retry or discard: every failed task"
        )
        parser.add_argument("--limit", type=int, default=50)

    def handle(self, *args, action, task_ids, all_failed, limit, **options):
        if action in ("retry", "discard"):
            if all_failed:
                task_ids = [
                    str(t.pk) for t in task_queue.tasks_in_state(TaskResultStatus.FAILED, limit=100_000)
                ]
            if not task_ids:
                raise CommandError(f"Name the tasks to {action} (their ids), or use --all-failed.")
            for task_id in task_ids:
                try:
                    if action == "retry":
                        task_queue.retry_task(task_id)
                    else:
                        task_queue.discard_task(task_id)
                except task_queue.TaskQueueError as exc:
                    raise CommandError(str(exc)) from None
                self.stdout.write(f"{'Queued again' if action == 'retry' else 'Discarded'}: {task_id}")
            return
        if action == "requeue-stuck":
            moved = task_queue.requeue_stuck_tasks()
            self.stdout.write(f"{len(moved)} stuck task(s) moved: " + ", ".join(moved))
            return
        states = list(STATES) if action == "list" else [action]
        now = timezone.now()
        for name in states:
            tasks = task_queue.tasks_in_state(STATES[name], limit=limit)
            self.stdout.write(f"{name} ({len(tasks)}{'+' if len(tasks) == limit else ''})")
            for task in tasks:
                self.stdout.write("  " + _describe(task, now))
        age = task_queue.oldest_waiting_age(now=now)
        if action == "list" and age is not None:
            self.stdout.write(f"oldest waiting task: {int(age.total_seconds())} s")


def _describe(task, now) -> str:
    attempts = len(task.worker_ids)
    since = task.finished_at or task.started_at or task.enqueued_at
    line = f"{task.pk}  {task.task_name}  attempts={attempts}  {int((now - since).total_seconds())} s ago"
    if task.exception_class_path:
        last = (task.traceback.strip().splitlines() or [""])[-1]
        line += f"  last error: {last[:200]}"
    return line
