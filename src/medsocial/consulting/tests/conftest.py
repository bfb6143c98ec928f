import pytest

from medsocial.consulting.tests.factories import make_coach, make_engagement, make_site_admin


@pytest.fixture
def client_org(make_organization):
    return make_organization(name="Lakeview Hospital")


@pytest.fixture
def client_admin(make_user, client_org):
    return make_user(
        email="admin@lakeview.example", full_name="Ana Ruiz", organization=client_org, org_role="admin"
    )


@pytest.fixture
def client_member(make_user, client_org):
    return make_user(email="nurse@lakeview.example", full_name="Chris Lee", organization=client_org)


@pytest.fixture
def coach(db):
    return make_coach(email="coach@hub.example", full_name="Jordan Reyes")


@pytest.fixture
def site_admin(db):
    return make_site_admin(email="lead@hub.example", full_name="Morgan Ellis")


@pytest.fixture
def outsider(make_user, make_organization):
    """A member of another organization."""
    return make_user(email="someone@other.example", organization=make_organization(name="Other Clinic"))


@pytest.fixture
def engagement(client_org, client_admin, coach):
    """An active engagement of Lakeview Hospital, coached by `coach`."""
    return make_engagement(
        organization=client_org, requested_by=client_admin, stage="active", coaches=[coach]
    )
