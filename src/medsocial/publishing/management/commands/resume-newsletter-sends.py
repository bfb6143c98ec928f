"""Cron entry point: `medsocial resume-newsletter-sends` every 15 minutes.

Queues again the unsent deliveries of newsletter issues whose send stopped (a worker died
mid-send); running it again sends nothing twice (each delivery is claimed before it is sent).
"""

from django.core.management.base import BaseCommand

from medsocial.publishing.services import newsletter


class Command(BaseCommand):
    help = "Resume newsletter issues whose sending stopped half way (idempotent; run from cron)."

    def handle(self, *args, **options):
        resumed = newsletter.resume_stalled_sends()
        self.stdout.write(f"{len(resumed)} stalled issue(s) resumed.")
