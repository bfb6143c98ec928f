"""Backups an operator can restore: the database, the uploaded files and (embedded) the key.

A backup is a directory:
    manifest.json       what is in it: database kind, each table's rows, each file's size
    database.sqlite3    SQLite: a copy made with SQLite's online backup API, consistent even
                        while the site and workers write
    database.dump       PostgreSQL: `pg_dump --format=custom`, restored with `pg_restore`
    media/              every uploaded file
    secret_key          embedded mode: the generated key sessions and signed links depend on

Restoring loads the database into an empty one (refusing one that holds data unless told to
replace it), copies the files back, applies newer migrations and rebuilds the search indexes
(SQLite's FTS5 table is not part of what `dumpdata` carries, so it is always rebuilt).
"""

import json
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.db import connection, connections
from django.utils import timezone

FORMAT = 1


class BackupError(Exception):
    """A backup or restore was refused or failed; `str(exc)` says why and what to do."""


def table_row_counts() -> dict[str, int]:
    """Rows in every table of the default database (the FTS5 shadow tables excluded)."""
    counts = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            if table.startswith("publishing_search_fts"):
                continue
            cursor.execute(f'SELECT COUNT(*) FROM "{table}"')  # names come from the database itself
            counts[table] = cursor.fetchone()[0]
    return counts


def media_files(root: Path) -> dict[str, int]:
    """Every file under `root`, relative path → size in bytes."""
    if not root.exists():
        return {}
    return {
        str(path.relative_to(root)): path.stat().st_size for path in sorted(root.rglob("*")) if path.is_file()
    }


def _pg_environment() -> tuple[dict, dict]:
    params = connection.settings_dict
    env = dict(os.environ)
    if params.get("PASSWORD"):
        env["PGPASSWORD"] = params["PASSWORD"]
    args = {
        "host": params.get("HOST") or "127.0.0.1",
        "port": str(params.get("PORT") or 5432),
        "username": params.get("USER") or "postgres",
        "dbname": params["NAME"],
    }
    return env, args


def _run(command: list[str], env: dict) -> None:
    tool = command[0]
    if shutil.which(tool) is None:
        raise BackupError(f"{tool} is not installed; install Debian's postgresql-client.")
    finished = subprocess.run(command, env=env, capture_output=True, text=True)
    if finished.returncode != 0:
        raise BackupError(f"{tool} failed: {finished.stderr.strip()[:2000]}")


def create_backup(destination: Path) -> dict:
    """Write a backup of the running site to `destination` (a new or empty directory)."""
    destination = Path(destination)
    if destination.exists() and any(destination.iterdir()):
        raise BackupError(f"{destination} is not empty; choose a new directory for each backup.")
    destination.mkdir(parents=True, exist_ok=True)
    vendor = connection.vendor
    manifest = {"format": FORMAT, "created_at": timezone.now().isoformat(), "database": vendor}
    if vendor == "sqlite":
        source = sqlite3.connect(str(connection.settings_dict["NAME"]), timeout=30)
        target = sqlite3.connect(str(destination / "database.sqlite3"))
        try:
            with target:
                source.backup(target)  # page by page, retried while writers are busy
        finally:
            target.close()
            source.close()
        key_file = settings.DATA_DIR / "secret_key"
        if key_file.exists():
            shutil.copy2(key_file, destination / "secret_key")
            (destination / "secret_key").chmod(0o600)
    elif vendor == "postgresql":
        env, args = _pg_environment()
        _run(
            [
                "pg_dump",
                "--format=custom",
                "--no-owner",
                "--no-privileges",
                f"--host={args['host']}",
                f"--port={args['port']}",
                f"--username={args['username']}",
                f"--file={destination / 'database.dump'}",
                args["dbname"],
            ],
            env,
        )
    else:
        raise BackupError(f"Backups of a {vendor} database are not supported.")
    media_root = Path(settings.MEDIA_ROOT)
    if media_root.exists():
        shutil.copytree(media_root, destination / "media")
    manifest["tables"] = table_row_counts()
    manifest["media"] = media_files(media_root)
    (destination / "manifest.json").write_text(json.dumps(manifest, indent=2))
    return manifest


def _database_holds_data() -> bool:
    """True when the database has accounts: a freshly migrated database is still "empty"."""
    with connection.cursor() as cursor:
        if "accounts_user" not in connection.introspection.table_names(cursor):
            return False
        cursor.execute('SELECT COUNT(*) FROM "accounts_user"')
        return bool(cursor.fetchone()[0])


def restore_backup(source: Path, *, replace: bool = False) -> dict:
    """Load a backup made by `create_backup` into this site's (empty) database and media."""
    source = Path(source)
    manifest_file = source / "manifest.json"
    if not manifest_file.exists():
        raise BackupError(f"{source} is not a MedSocial backup (no manifest.json).")
    manifest = json.loads(manifest_file.read_text())
    if manifest.get("format") != FORMAT:
        raise BackupError(
            f"{source} has backup format {manifest.get('format')}; this version reads {FORMAT}."
        )
    vendor = connection.vendor
    if manifest["database"] != vendor:
        raise BackupError(
            f"This backup holds a {manifest['database']} database but this site runs on {vendor}; "
            "restore it with the same kind of database."
        )
    if not replace and _database_holds_data():
        raise BackupError("The database already holds data. Restore into an empty one, or pass --replace.")
    media_root = Path(settings.MEDIA_ROOT)
    if not replace and media_files(media_root):
        raise BackupError(f"{media_root} already holds files. Restore into an empty one, or pass --replace.")

    if vendor == "sqlite":
        target_path = Path(connection.settings_dict["NAME"])
        connections.close_all()
        source_db = sqlite3.connect(str(source / "database.sqlite3"))
        target_path.parent.mkdir(parents=True, exist_ok=True)
        target = sqlite3.connect(str(target_path), timeout=30)
        try:
            with target:
                source_db.backup(target)
        finally:
            target.close()
            source_db.close()
        if (source / "secret_key").exists() and not os.environ.get("SECRET_KEY"):
            key_file = settings.DATA_DIR / "secret_key"
            shutil.copy2(source / "secret_key", key_file)
            key_file.chmod(0o600)
    else:
        env, args = _pg_environment()
        connections.close_all()
        _run(
            [
                "pg_restore",
                "--no-owner",
                "--no-privileges",
                "--clean",
                "--if-exists",
                "--exit-on-error",
                f"--host={args['host']}",
                f"--port={args['port']}",
                f"--username={args['username']}",
                f"--dbname={args['dbname']}",
                str(source / "database.dump"),
            ],
            env,
        )
    if (source / "media").exists():
        shutil.copytree(source / "media", media_root, dirs_exist_ok=True)
    call_command("migrate", interactive=False, verbosity=0)
    from medsocial.publishing.services.search_index import rebuild_search_indexes

    rebuild_search_indexes()
    return manifest
