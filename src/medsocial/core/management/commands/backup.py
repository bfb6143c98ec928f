from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from medsocial.core.backup import BackupError, create_backup


class Command(BaseCommand):
    help = (
        "Back up the database (SQLite online backup, or pg_dump), the uploaded files and, in embedded "
        "mode, the secret key into a new directory DEST. Safe while the site runs."
    )

    def add_arguments(self, parser):
        parser.add_argument("destination", metavar="DEST", type=Path)

    def handle(self, *args, destination, **options):
        try:
            manifest = create_backup(destination)
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        rows = sum(manifest["tables"].values())
        self.stdout.write(
            f"Backed up {manifest['database']}: {len(manifest['tables'])} tables, {rows} rows, "
            f"{len(manifest['media'])} files into {destination}"
        )
