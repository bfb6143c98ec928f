from django.core.management.base import BaseCommand, CommandError

from medsocial.census.services.imports import OBSERVATION_IMPORTERS, count_rows, import_observations
from medsocial.core.errors import DomainError

from ._reporting import finish, progress_bar


class Command(BaseCommand):
    help = "Import dated account observations (followers, following, posts) from a file."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--importer", default="csv", choices=sorted(OBSERVATION_IMPORTERS))
        parser.add_argument("--strict", action="store_true", help="Write nothing when any row is bad.")

    def handle(self, *args, file, importer, strict, **options):
        try:
            with progress_bar(self, count_rows(file), "observations") as bar:
                report = import_observations(file, importer=importer, strict=strict, progress=bar.update)
        except (OSError, DomainError) as exc:
            raise CommandError(str(exc)) from exc
        finish(self, report, recompute=True)
