"""The data directory is one absolute place, and no command silently starts an empty hub."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

import medsocial
from medsocial.cli import missing_database_message
from medsocial.datadir import data_dir, describe_storage, platform_data_dir, source_checkout

CHECKOUT = Path(medsocial.__file__).resolve().parent.parent.parent


def _environment(**extra) -> dict:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DATABASE_URL", "REDIS_URL", "MEDSOCIAL_DATA_DIR", "MEDSOCIAL_TESTING", "DEBUG"}
    }
    env.update(DJANGO_SETTINGS_MODULE="medsocial.settings", **extra)
    return env


def test_the_default_is_the_checkouts_var_whatever_the_current_directory(tmp_path):
    probe = "import django; django.setup(); from django.conf import settings; print(settings.DATA_DIR)"
    out = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=tmp_path,
        env=_environment(MEDSOCIAL_TESTING="1"),
        capture_output=True,
        text=True,
        check=True,
    )
    assert Path(out.stdout.strip()) == CHECKOUT / "var"
    assert not (tmp_path / "var").exists()


def test_an_installed_package_uses_the_platforms_data_folder(tmp_path):
    installed = tmp_path / "site-packages" / "medsocial"
    installed.mkdir(parents=True)
    assert source_checkout(installed) is None
    assert data_dir({"XDG_DATA_HOME": str(tmp_path / "xdg")}, installed) == tmp_path / "xdg" / "medsocial"
    assert (
        platform_data_dir({}, "darwin", home=tmp_path) == tmp_path / "Library/Application Support/medsocial"
    )
    assert data_dir({"MEDSOCIAL_DATA_DIR": "relative/dir"}).is_absolute()


def test_a_command_refuses_to_start_an_empty_database_and_says_where_it_looked(tmp_path):
    empty = tmp_path / "elsewhere"
    out = subprocess.run(
        [sys.executable, "-m", "medsocial", "publish-scheduled"],
        cwd=tmp_path,
        env=_environment(MEDSOCIAL_DATA_DIR=str(empty)),
        capture_output=True,
        text=True,
    )
    assert out.returncode == 2
    assert str(empty / "medsocial.sqlite3") in out.stderr and "MEDSOCIAL_DATA_DIR" in out.stderr
    assert not (empty / "medsocial.sqlite3").exists() and not (empty / "secret_key").exists()


@pytest.mark.parametrize(
    ("command", "environ", "refused"),
    [
        ("migrate", {}, False),
        ("demo", {}, False),
        ("help", {}, False),
        ("worker", {}, True),
        ("serve", {}, True),
        ("createsuperuser", {}, True),
        ("worker", {"DATABASE_URL": "postgres://db/hub"}, False),
    ],
)
def test_which_commands_may_create_the_database(tmp_path, command, environ, refused):
    message = missing_database_message(command, {"MEDSOCIAL_DATA_DIR": str(tmp_path), **environ})
    assert (message is not None) is refused
    (tmp_path / "medsocial.sqlite3").touch()
    assert missing_database_message(command, {"MEDSOCIAL_DATA_DIR": str(tmp_path), **environ}) is None


@pytest.mark.django_db
def test_serve_worker_and_demo_say_where_the_data_is(settings, capsys):
    from django.core.management import call_command

    call_command("demo", "--only", "safety")
    assert describe_storage() in capsys.readouterr().out
    assert str(data_dir()) in describe_storage()
