import pytest

from medsocial.accounts.models import Membership as OrganizationRole
from medsocial.accounts.roles import Role


@pytest.fixture
def site_staff(make_user):
    return make_user(email="staff@example.org", full_name="Sam Staff", roles=[Role.SITE_ADMIN])


@pytest.fixture
def hospital(make_organization):
    return make_organization(name="Lakeshore Health")


@pytest.fixture
def org_admin(make_user, hospital):
    return make_user(
        email="dana@lakeshore.org",
        full_name="Dana Brooks",
        organization=hospital,
        org_role=OrganizationRole.Role.ADMIN,
    )


@pytest.fixture
def nurse(make_user, hospital):
    return make_user(email="chris@lakeshore.org", full_name="Chris Alvarez", organization=hospital)
