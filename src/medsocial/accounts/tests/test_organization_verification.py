"""Site staff verify organizations and their email domains, in the site and in the admin; nobody
else can."""

import pytest
from django.utils import timezone

from medsocial.accounts import services
from medsocial.accounts.models import Membership, Organization
from medsocial.accounts.roles import Role
from medsocial.core.errors import DomainError, NotAllowed

pytestmark = pytest.mark.django_db


@pytest.fixture
def site_staff(make_user):
    return make_user(email="staff@hub.example.org", full_name="Sam Staff", roles=[Role.SITE_ADMIN])


@pytest.fixture
def org(make_organization):
    return make_organization(name="Lakeshore Health")


def _state(org):
    return Organization.objects.filter(pk=org.pk).values_list(
        "verified_at", "verified_by", "verified_email_domains"
    )[0]


def test_site_staff_verify_an_organization_and_its_domains(site_staff, org):
    services.set_organization_verification(
        actor=site_staff,
        organization=org,
        verified=True,
        email_domains="@LakeshoreHealth.org\nlakeshore.edu, lakeshore.edu",
    )
    org.refresh_from_db()
    assert org.is_verified and org.verified_by == site_staff
    assert org.email_domains == ["lakeshorehealth.org", "lakeshore.edu"]
    first = org.verified_at
    services.set_organization_verification(
        actor=site_staff, organization=org, verified=True, email_domains=""
    )
    org.refresh_from_db()
    assert org.verified_at == first and org.email_domains == []  # the first verification keeps its date
    services.set_organization_verification(actor=site_staff, organization=org, verified=False)
    assert _state(org) == (None, None, "")


def test_a_bad_domain_is_named_and_changes_nothing(site_staff, org):
    before = _state(org)
    with pytest.raises(DomainError, match="“not” is not an email domain") as exc:
        services.set_organization_verification(
            actor=site_staff, organization=org, verified=True, email_domains="lakeshore.org\nnot a domain"
        )
    assert exc.value.field == "email_domains"
    assert _state(org) == before


def test_an_organization_admin_cannot_verify_their_own_organization(make_user, org, client):
    admin = make_user(organization=org, org_role=Membership.Role.ADMIN)
    with pytest.raises(NotAllowed):
        services.set_organization_verification(actor=admin, organization=org, verified=True)
    client.force_login(admin)
    assert client.get(f"/accounts/organizations/{org.slug}/verification/").status_code == 404
    response = client.post(f"/accounts/organizations/{org.slug}/verification/", {"verified": "on"})
    assert response.status_code == 404
    assert client.get("/accounts/organizations/verification/").status_code == 404
    assert _state(org) == (None, None, "")


def test_site_staff_verify_through_the_site(client, site_staff, org, make_organization):
    make_organization(name="Already Verified", verified_at=timezone.now())
    client.force_login(site_staff)
    listing = client.get("/accounts/organizations/verification/").content.decode()
    assert listing.index("Lakeshore Health") < listing.index("Already Verified")  # unverified first
    url = f"/accounts/organizations/{org.slug}/verification/"
    refused = client.post(url, {"verified": "on", "email_domains": "lakeshore.org\nbad domain!"})
    assert refused.status_code == 400 and "is not an email domain" in refused.content.decode()
    assert _state(org) == (None, None, "")
    saved = client.post(url, {"verified": "on", "email_domains": "lakeshore.org"})
    assert saved.status_code == 302
    org.refresh_from_db()
    assert org.is_verified and org.verified_by == site_staff and org.email_domains == ["lakeshore.org"]


def test_site_staff_verify_in_the_admin(client, make_user, org):
    superuser = make_user(email="root@hub.example.org", is_superuser=True, is_staff=True)
    client.force_login(superuser)
    change = client.get(f"/admin/accounts/organization/{org.pk}/change/").content.decode()
    assert "verified_email_domains" in change and "verified_at" in change
    client.post(
        "/admin/accounts/organization/",
        {"action": "mark_verified", "_selected_action": [org.pk]},
    )
    org.refresh_from_db()
    assert org.is_verified and org.verified_by == superuser
