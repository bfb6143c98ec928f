import pytest

from medsocial.accounts.roles import Role
from medsocial.fellows.tests.factories import light_ladder

STATEMENT = (
    "For three years I have run our hospital's patient stories series on Instagram and Facebook, "
    "trained 40 nurses on privacy-safe posting and answered questions from families every week."
)


@pytest.fixture
def person(make_user):
    return make_user(email="nia@hospital.example", full_name="Nia Okafor", credentials="RN")


@pytest.fixture
def reviewer(make_user):
    return make_user(email="reviewer@hub.example", full_name="Rita Reviewer", roles=[Role.SITE_ADMIN])


@pytest.fixture
def light(db):
    light_ladder()
