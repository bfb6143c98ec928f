"""A member of organization A can neither see nor change anything of organization B."""

import pytest

from medsocial.accounts.models import Invitation, Membership
from medsocial.accounts.services import invite_member


@pytest.fixture
def two_organizations(make_organization, make_user):
    a = make_organization(name="Alpha Hospital")
    b = make_organization(name="Beta Clinic")
    a_admin = make_user(email="a-admin@example.org", organization=a, org_role="admin")
    b_admin = make_user(email="b-admin@example.org", organization=b, org_role="admin")
    b_member = make_user(email="b-member@example.org", organization=b)
    invitation, _ = invite_member(actor=b_admin, organization=b, email="later@example.org")
    return a, b, a_admin, b_admin, b_member, invitation


@pytest.mark.django_db
def test_every_organization_page_and_action_of_b_is_a_404_for_a_member_of_a(client, two_organizations):
    a, b, a_admin, b_admin, b_member, invitation = two_organizations
    client.force_login(a_admin)
    member_ms = Membership.objects.get(user=b_member)
    urls_get = [f"/accounts/organizations/{b.slug}/"]
    urls_post = [
        (f"/accounts/organizations/{b.slug}/invite/", {"email": "spy@example.org", "role": "admin"}),
        (f"/accounts/organizations/{b.slug}/members/{member_ms.pk}/role/", {"role": "admin"}),
        (f"/accounts/organizations/{b.slug}/members/{member_ms.pk}/remove/", {}),
        (f"/accounts/organizations/{b.slug}/invitations/{invitation.pk}/revoke/", {}),
        # B's membership addressed through A's own URL must not resolve either.
        (f"/accounts/organizations/{a.slug}/members/{member_ms.pk}/remove/", {}),
    ]
    for url in urls_get:
        assert client.get(url).status_code == 404, url
    for url, data in urls_post:
        assert client.post(url, data).status_code == 404, url
    assert Membership.objects.filter(organization=b).count() == 2
    assert Membership.objects.get(pk=member_ms.pk).role == "member"
    assert Invitation.objects.get(pk=invitation.pk).revoked_at is None
    assert not Invitation.objects.filter(email="spy@example.org").exists()
    assert b.name not in client.get("/accounts/organizations/").content.decode()


@pytest.mark.django_db
def test_the_api_lists_only_my_organizations(client, two_organizations):
    a, b, a_admin, *_ = two_organizations
    client.force_login(a_admin)
    names = [o["name"] for o in client.get("/api/v1/organizations").json()]
    assert names == ["Alpha Hospital"]


@pytest.mark.django_db
def test_a_plain_member_gets_403_on_admin_actions_of_their_own_organization(client, two_organizations):
    a, b, a_admin, b_admin, b_member, invitation = two_organizations
    client.force_login(b_member)
    admin_ms = Membership.objects.get(user=b_admin)
    assert client.get(f"/accounts/organizations/{b.slug}/").status_code == 200
    assert client.post(f"/accounts/organizations/{b.slug}/members/{admin_ms.pk}/remove/").status_code == 403
    assert (
        client.post(
            f"/accounts/organizations/{b.slug}/members/{admin_ms.pk}/role/", {"role": "member"}
        ).status_code
        == 403
    )
    assert (
        client.post(f"/accounts/organizations/{b.slug}/invitations/{invitation.pk}/revoke/").status_code
        == 403
    )
    assert Membership.objects.get(pk=admin_ms.pk).role == "admin"


@pytest.mark.django_db
def test_members_and_organization_admins_cannot_use_the_admin_site(client, two_organizations):
    a, b, a_admin, *_ = two_organizations
    client.force_login(a_admin)
    for url in ["/admin/", "/admin/accounts/organization/", f"/admin/accounts/organization/{b.pk}/change/"]:
        response = client.get(url)
        assert response.status_code == 302 and "/admin/login/" in response["Location"], url
    response = client.post(
        "/admin/accounts/organization/",
        {"action": "delete_selected", "_selected_action": [b.pk], "post": "yes"},
    )
    assert response.status_code == 302
    assert type(b).objects.filter(pk=b.pk).exists()


@pytest.mark.django_db
def test_staff_without_organization_permissions_cannot_change_organizations_in_the_admin(
    client, make_user, two_organizations
):
    a, b, *_ = two_organizations
    editor = make_user(roles=["editor"])
    client.force_login(editor)
    assert client.get(f"/admin/accounts/organization/{b.pk}/change/").status_code == 403
    response = client.post(
        "/admin/accounts/organization/",
        {"action": "delete_selected", "_selected_action": [b.pk], "post": "yes"},
    )
    assert response.status_code == 403
    assert type(b).objects.filter(pk=b.pk).exists()
