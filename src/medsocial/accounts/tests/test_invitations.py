"""An organization admin invites people by email; they accept and become members."""

import re

import pytest

from medsocial.accounts.models import Invitation, Membership, User
from medsocial.accounts.services import invite_member
from medsocial.testing.plugin import body_text


@pytest.fixture
def lakeshore(make_organization):
    return make_organization(name="Lakeshore Health")


@pytest.fixture
def org_admin(make_user, lakeshore):
    return make_user(email="admin@lakeshore.example", organization=lakeshore, org_role=Membership.Role.ADMIN)


def invitation_path(message) -> str:
    return re.search(r"http://testserver(/accounts/invitation/\S+/)", body_text(message)).group(1)


@pytest.mark.django_db
def test_admin_invites_an_existing_user_who_accepts(
    client, lakeshore, org_admin, make_user, smtp_server, settings, django_capture_on_commit_callbacks
):
    settings.SITE_URL = "http://testserver"
    nurse = make_user(email="nurse@example.org")
    client.force_login(org_admin)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/accounts/organizations/{lakeshore.slug}/invite/",
            {"email": "Nurse@Example.org", "role": "member"},
        )
    assert response.status_code == 302
    (message,) = smtp_server.wait_for(1)
    assert "Lakeshore Health" in message["Subject"]

    client.force_login(nurse)
    path = invitation_path(message)
    assert client.post(path).status_code == 302
    membership = Membership.objects.get(user=nurse, organization=lakeshore)
    assert membership.role == Membership.Role.MEMBER
    # The link works once.
    assert client.post(path).status_code == 400


@pytest.mark.django_db
def test_a_new_person_creates_an_account_from_the_invitation(
    client, lakeshore, org_admin, smtp_server, settings, django_capture_on_commit_callbacks
):
    settings.SITE_URL = "http://testserver"
    client.force_login(org_admin)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/accounts/organizations/{lakeshore.slug}/invite/", {"email": "new@example.org", "role": "admin"}
        )
    client.logout()
    path = invitation_path(smtp_server.wait_for(1)[0])
    response = client.post(path, {"full_name": "Noor Haddad", "password": "a-very-private-passphrase"})
    assert response.status_code == 302
    user = User.objects.get(email="new@example.org")
    assert user.email_confirmed
    assert Membership.objects.get(user=user).role == Membership.Role.ADMIN


@pytest.mark.django_db
def test_an_invitation_cannot_be_accepted_by_another_address(client, lakeshore, org_admin, make_user):
    invitation, raw = invite_member(actor=org_admin, organization=lakeshore, email="right@example.org")
    intruder = make_user(email="wrong@example.org")
    client.force_login(intruder)
    response = client.post(f"/accounts/invitation/{raw}/", follow=True)
    assert "was sent to right@example.org" in response.content.decode()
    assert not Membership.objects.filter(user=intruder).exists()


@pytest.mark.django_db
def test_a_plain_member_cannot_invite(client, lakeshore, make_user):
    member = make_user(organization=lakeshore)
    client.force_login(member)
    response = client.post(
        f"/accounts/organizations/{lakeshore.slug}/invite/", {"email": "x@example.org", "role": "member"}
    )
    assert response.status_code == 403
    assert not Invitation.objects.exists()


@pytest.mark.django_db
def test_inviting_with_a_bad_address_shows_the_error_and_sends_nothing(client, lakeshore, org_admin):
    client.force_login(org_admin)
    response = client.post(
        f"/accounts/organizations/{lakeshore.slug}/invite/", {"email": "not an email", "role": "member"}
    )
    assert response.status_code == 400
    assert "email" in response.context["invitation_form"].errors
    assert not Invitation.objects.exists()


@pytest.mark.django_db
def test_admin_changes_a_role_and_the_last_admin_cannot_step_down(client, lakeshore, org_admin, make_user):
    member = make_user(organization=lakeshore)
    client.force_login(org_admin)
    member_ms = Membership.objects.get(user=member)
    client.post(f"/accounts/organizations/{lakeshore.slug}/members/{member_ms.pk}/role/", {"role": "admin"})
    assert Membership.objects.get(pk=member_ms.pk).role == "admin"
    client.post(f"/accounts/organizations/{lakeshore.slug}/members/{member_ms.pk}/role/", {"role": "member"})
    admin_ms = Membership.objects.get(user=org_admin)
    response = client.post(
        f"/accounts/organizations/{lakeshore.slug}/members/{admin_ms.pk}/role/",
        {"role": "member"},
        follow=True,
    )
    assert "at least one admin" in response.content.decode()
    assert Membership.objects.get(pk=admin_ms.pk).role == "admin"
