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
def writers_serialize(transactional_db):
    """Concurrency tests need a database where writers queue, as in production: PostgreSQL's
    row locks, or SQLite in a file (the test settings use one) with IMMEDIATE transactions and
    a busy timeout. Committed rows are needed, so this is a transactional test."""
    yield
