from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from medsocial.core.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Restore a backup made by `medsocial backup` into this site's empty database and media "
        "directory, apply newer migrations and rebuild the search indexes."
    )

    def add_arguments(self, parser):
        parser.add_argument("source", metavar="SRC", type=Path)
        parser.add_argument(
            "--replace", action="store_true", help="Overwrite a database and media that already hold data."
        )

    def handle(self, *args, source, replace, **options):
        try:
            manifest = restore_backup(source, replace=replace)
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(
            f"Restored the backup of {manifest['created_at']}: {len(manifest['tables'])} tables, "
            f"{len(manifest['media'])} files; search rebuilt."
        )
