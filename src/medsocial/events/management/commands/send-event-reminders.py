"""Cron entry point: `medsocial send-event-reminders` every few minutes.

Enqueues one task per due reminder; running it again sends nothing twice (each task claims its
reminder with a conditional update before sending).
"""

from django.core.management.base import BaseCommand

from medsocial.events import tasks
from medsocial.events.services import reminders


class Command(BaseCommand):
    help = "Send the 24-hour and 1-hour event reminders that are due (idempotent; run from cron)."

    def handle(self, *args, **options):
        due = reminders.due_reminders()
        for registration_id, which in due:
            tasks.send_reminder.enqueue(registration_id, which)
        self.stdout.write(f"{len(due)} reminder(s) queued.")
