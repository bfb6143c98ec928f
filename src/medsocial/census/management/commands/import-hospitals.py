from django.core.management.base import BaseCommand, CommandError

from medsocial.census.services.imports import count_rows, import_hospitals
from medsocial.core.errors import DomainError

from ._reporting import finish, progress_bar


class Command(BaseCommand):
    help = "Import or update hospitals from a CMS Hospital General Information CSV (current or 2016 schema)."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--strict", action="store_true", help="Write nothing when any row is bad.")

    def handle(self, *args, file, strict, **options):
        try:
            with progress_bar(self, count_rows(file), "hospitals") as bar:
                report = import_hospitals(file, strict=strict, progress=bar.update)
        except (OSError, DomainError) as exc:
            raise CommandError(str(exc)) from exc
        finish(self, report, recompute=True)
