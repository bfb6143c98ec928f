import pytest

from medsocial.accounts.roles import Role


@pytest.fixture
def manager(make_user):
    return make_user(email="events-team@example.org", full_name="Eve Manager", roles=[Role.EVENT_MANAGER])


@pytest.fixture
def run_on_commit(django_capture_on_commit_callbacks):
    """Run after-commit callbacks (the email tasks) inside a plain `db` test."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def writers_serialize(transactional_db, tmp_path):
    """Concurrency tests need a database where writers queue, as in production.

    On PostgreSQL that is the test database itself. SQLite's in-memory test database uses
    shared-cache mode, whose table locks fail at once ("database table is locked") instead of
    waiting for the busy timeout; so for the length of the test this copies it into a file
    (how the product runs SQLite: IMMEDIATE transactions and a busy timeout) and points every
    new connection there. The in-memory database is kept open and restored afterwards.
    """
    import sqlite3

    from django.db import connection, connections

    if connection.vendor != "sqlite" or not connection.is_in_memory_db():
        yield
        return
    settings_dict = connections.settings["default"]
    memory_name = settings_dict["NAME"]
    keep_alive = sqlite3.connect(memory_name, uri=True)
    target = tmp_path / "concurrency.sqlite3"
    with sqlite3.connect(target) as copy:
        keep_alive.backup(copy)
    copy.close()
    settings_dict["NAME"] = str(target)
    connection.close()
    try:
        yield
    finally:
        connections.close_all()
        settings_dict["NAME"] = memory_name
        connection.ensure_connection()  # reattach before the last other handle goes away
        keep_alive.close()
