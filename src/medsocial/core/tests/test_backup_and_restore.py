"""A backup restored into an empty data directory gives back every row, every uploaded file and
the same search results, on the database the suite runs on (SQLite or PostgreSQL)."""

import json
import os
import subprocess
import sys

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from medsocial.core.backup import media_files, table_row_counts
from medsocial.publishing.models import SearchDocument
from medsocial.publishing.selectors import search
from medsocial.publishing.tests.factories import make_article, make_episode
from medsocial.testing.plugin import database_url_for_subprocess

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]

READ_BACK = """
import json
from django.conf import settings
from pathlib import Path
from medsocial.core.backup import media_files, table_row_counts
from medsocial.publishing.selectors import search
print("RESULT " + json.dumps({
    "tables": table_row_counts(),
    "media": media_files(Path(settings.MEDIA_ROOT)),
    "search": [[h.kind, h.title] for h in search("vaccine")],
    "key": settings.SECRET_KEY,
}))
"""


@pytest.fixture
def site_with_content(settings, tmp_path, make_user):
    settings.MEDIA_ROOT = tmp_path / "site-media"
    for number in range(4):
        make_article(title=f"Vaccine myths {number}", body=f"Answering vaccine questions, part {number}.")
    make_article(title="Unrelated", body="Nothing about shots.")
    make_episode(title="Vaccine hesitancy", transcript="We talk about the vaccine schedule.")
    make_user(email="pat@example.org")
    return settings


def _medsocial(*args, env):
    finished = subprocess.run(
        [sys.executable, "-m", "medsocial", *args], env=env, capture_output=True, text=True, timeout=300
    )
    assert finished.returncode == 0, finished.stdout + finished.stderr
    return finished.stdout


@pytest.fixture
def empty_site(tmp_path):
    """The environment of a fresh install: an empty data directory and, on PostgreSQL, an empty
    database of its own."""
    env = {key: value for key, value in os.environ.items() if key not in ("MEDSOCIAL_TESTING", "MEDIA_ROOT")}
    env["MEDSOCIAL_DATA_DIR"] = str(tmp_path / "restored")
    created = None
    if connection.vendor == "sqlite":
        env.pop("DATABASE_URL", None)
        env.pop("SECRET_KEY", None)  # embedded mode: the key comes back from the backup
    else:
        created = connection.settings_dict["NAME"] + "_restored"
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{created}"')
            cursor.execute(f'CREATE DATABASE "{created}"')
        env["DATABASE_URL"] = database_url_for_subprocess().rsplit("/", 1)[0] + "/" + created
    yield env
    if created:
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{created}" WITH (FORCE)')


def test_backup_restored_into_an_empty_data_directory_gives_back_everything(
    site_with_content, empty_site, tmp_path
):
    settings = site_with_content
    if connection.vendor == "sqlite":
        (settings.DATA_DIR / "secret_key").write_text("the-embedded-key-of-this-site")
    before = {
        "tables": table_row_counts(),
        "media": media_files(settings.MEDIA_ROOT),
        "search": [[hit.kind, hit.title] for hit in search("vaccine")],
    }
    assert len(before["search"]) == 5 and len(before["media"]) == 1

    call_command("backup", str(tmp_path / "backup"))
    _medsocial("restore", str(tmp_path / "backup"), env=empty_site)
    output = _medsocial("shell", "-c", READ_BACK, env=empty_site)
    after = json.loads(output.split("RESULT ", 1)[1])

    assert after["tables"] == before["tables"]
    assert after["media"] == before["media"]
    assert after["search"] == before["search"]
    if connection.vendor == "sqlite":
        assert after["key"] == "the-embedded-key-of-this-site"


def test_restore_refuses_a_database_that_holds_data(site_with_content, tmp_path):
    call_command("backup", str(tmp_path / "backup"))
    counts = table_row_counts()
    with pytest.raises(CommandError, match="already holds data"):
        call_command("restore", str(tmp_path / "backup"))
    assert table_row_counts() == counts


def test_backup_refuses_a_directory_that_is_not_empty(site_with_content, tmp_path):
    (tmp_path / "old").mkdir()
    (tmp_path / "old" / "manifest.json").write_text("{}")
    with pytest.raises(CommandError, match="is not empty"):
        call_command("backup", str(tmp_path / "old"))


def test_rebuild_search_brings_back_results_an_out_of_step_index_lost(site_with_content):
    expected = sorted([hit.kind, hit.title] for hit in search("vaccine"))
    SearchDocument.objects.filter(title__in=["Vaccine myths 1", "Vaccine hesitancy"]).delete()
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM publishing_search_fts")
    assert len(search("vaccine")) < len(expected)
    call_command("rebuild-search", stdout=open(os.devnull, "w"))  # noqa: SIM115
    # Equal ranks may come back in another order: the documents were written anew.
    assert sorted([hit.kind, hit.title] for hit in search("vaccine")) == expected
