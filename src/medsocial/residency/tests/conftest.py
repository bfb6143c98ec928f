import pytest

from medsocial.accounts.roles import Role
from medsocial.residency.models import Application
from medsocial.residency.tests.factories import make_application, make_cohort, make_mentor


@pytest.fixture
def staff(make_user):
    return make_user(email="priya@example.org", full_name="Priya Natarajan", roles=[Role.INSTRUCTOR])


@pytest.fixture
def cohort(db):
    return make_cohort()


@pytest.fixture
def applicant(make_user):
    return make_user(email="chris@example.org", full_name="Chris Alvarez")


@pytest.fixture
def mentor(make_user, cohort):
    person = make_user(email="jordan@example.org", full_name="Jordan Reyes")
    make_mentor(cohort, person)
    return person


@pytest.fixture
def resident(applicant, cohort, mentor):
    """Chris, accepted into the cohort, mentored by Jordan."""
    return make_application(cohort=cohort, user=applicant, status=Application.Status.ACCEPTED, mentor=mentor)
