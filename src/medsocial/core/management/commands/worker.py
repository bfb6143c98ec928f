from django.core.management import call_command
from django.core.management.base import BaseCommand

from medsocial.datadir import describe_storage


class Command(BaseCommand):
    help = "Run the background task worker (email, imports, reminders, recomputes)."

    def add_arguments(self, parser):
        parser.add_argument("--batch", action="store_true", help="Run what is queued now, then exit.")

    def handle(self, *args, batch=False, **options):
        self.stdout.write(describe_storage())
        extra = ["--batch"] if batch else []
        call_command("db_worker", *extra)
