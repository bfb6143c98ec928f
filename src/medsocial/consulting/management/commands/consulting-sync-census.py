from django.core.management.base import BaseCommand

from medsocial.consulting.tasks import sync_census_measurements


class Command(BaseCommand):
    help = "Queue the import of census observations into the KPIs of active engagements (meant for cron)."

    def handle(self, *args, **options):
        sync_census_measurements.enqueue()
        self.stdout.write("Queued the census import for consulting KPIs.")
