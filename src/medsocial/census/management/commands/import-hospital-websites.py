from django.core.management.base import BaseCommand, CommandError

from medsocial.census.services.imports import count_rows, import_hospital_websites
from medsocial.core.errors import DomainError

from ._reporting import finish, progress_bar


class Command(BaseCommand):
    help = "Fill in hospital websites, beds and open/closed from the HIFLD hospitals CSV (matched by name and ZIP)."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--strict", action="store_true", help="Write nothing when any row is bad.")

    def handle(self, *args, file, strict, **options):
        try:
            with progress_bar(self, count_rows(file), "HIFLD rows") as bar:
                report = import_hospital_websites(file, strict=strict, progress=bar.update)
        except (OSError, DomainError) as exc:
            raise CommandError(str(exc)) from exc
        finish(self, report)
