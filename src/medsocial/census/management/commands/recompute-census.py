from django.core.management.base import BaseCommand

from medsocial.census.services.recompute import recompute_census


class Command(BaseCommand):
    help = "Recompute the census figures and each hospital's standing from the accounts and observations."

    def handle(self, *args, **options):
        run = recompute_census()
        self.stdout.write(f"Census of {run.as_of} computed in {run.duration_ms} ms.")
