"""The `medsocial` command: Django's management commands under the project's own name."""

import os
import sys

from medsocial.datadir import DATABASE_FILE, data_dir

# Commands that may start a new embedded database, and those that never open one.
CREATES_DATABASE = {"migrate", "demo", "restore"}
NO_DATABASE = {"help", "--help", "-h", "version", "--version", "makemigrations", "collectstatic", "check"}


def missing_database_message(command: str, environ=os.environ) -> str | None:
    """Why `command` must not run, when it would silently create a new, empty embedded database."""
    if environ.get("DATABASE_URL") or command in CREATES_DATABASE | NO_DATABASE:
        return None
    database = data_dir(environ) / DATABASE_FILE
    if database.exists():
        return None
    return (
        f"No MedSocial database at {database}.\n"
        f"`medsocial {command}` will not create a new, empty one. If the hub's data is elsewhere, "
        "set MEDSOCIAL_DATA_DIR to the directory that holds medsocial.sqlite3 (for a cron job, in "
        "the crontab: MEDSOCIAL_DATA_DIR=/path/to/var). To start a new hub here, run "
        "`medsocial migrate` first."
    )


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "medsocial.settings")
    command = sys.argv[1] if len(sys.argv) > 1 else "help"
    refusal = missing_database_message(command)
    if refusal is not None:
        sys.stderr.write(refusal + "\n")
        sys.exit(2)
    if command in CREATES_DATABASE and not os.environ.get("DATABASE_URL"):
        database = data_dir() / DATABASE_FILE
        if not database.exists():
            sys.stderr.write(f"Creating a new MedSocial database at {database}.\n")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["medsocial", *sys.argv[1:]])


if __name__ == "__main__":
    main()
