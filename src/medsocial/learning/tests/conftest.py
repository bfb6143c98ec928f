import pytest

from medsocial.accounts.roles import Role
from medsocial.learning.tests.factories import make_course


@pytest.fixture
def instructor(make_user):
    return make_user(email="teacher@hub.example", full_name="Rae Okafor", roles=[Role.INSTRUCTOR])


@pytest.fixture
def other_instructor(make_user):
    return make_user(email="teacher2@hub.example", full_name="Sam Patel", roles=[Role.INSTRUCTOR])


@pytest.fixture
def learner(make_user):
    return make_user(email="learner@hospital.example", full_name="Dana Cruz")


@pytest.fixture
def course(instructor):
    return make_course(title="Privacy Online", instructors=[instructor], lessons=2, quiz=True)
