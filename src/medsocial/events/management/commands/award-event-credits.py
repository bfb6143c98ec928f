"""Cron entry point: `medsocial award-event-credits` every few minutes.

People checked in before an event started get its CE hours once it has started; running it
again grants nothing twice.
"""

from django.core.management.base import BaseCommand

from medsocial.events.services import award_attendance_credits


class Command(BaseCommand):
    help = (
        "Grant the CE hours of attendees checked in before their event started (idempotent; run from cron)."
    )

    def handle(self, *args, **options):
        granted = award_attendance_credits()
        self.stdout.write(f"{granted} CE credit(s) granted.")
