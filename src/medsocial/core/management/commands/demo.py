from importlib import import_module

from django.core.management.base import BaseCommand
from django.db import transaction

from medsocial.datadir import describe_storage

# Order matters: later apps build on what earlier ones created.
DEMO_APPS = [
    "accounts",
    "census",
    "learning",
    "events",
    "programs",
    "residency",
    "publishing",
    "consulting",
    "safety",
    "fellows",
]


class Command(BaseCommand):
    help = "Load the demo data set. Idempotent: running it again changes nothing."

    def add_arguments(self, parser):
        parser.add_argument("--only", nargs="*", choices=DEMO_APPS, help="Load only these apps' demo data.")
        parser.add_argument(
            "--small",
            action="store_true",
            help="A small data set (fewer hospitals and less history), for tests.",
        )

    def handle(self, *args, only=None, small=False, **options):
        self.stdout.write(describe_storage())
        for app in only or DEMO_APPS:
            self.stdout.write(f"Demo data: {app}…")
            with transaction.atomic():
                import_module(f"medsocial.{app}.demo").load(stdout=self.stdout, small=small)
        self.stdout.write(self.style.SUCCESS("Demo data loaded."))
