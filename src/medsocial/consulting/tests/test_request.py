"""The "work with us" request: existing or new organization, validation, notifications."""

import pytest
from django.urls import reverse

from medsocial.accounts.models import Membership, Organization
from medsocial.consulting.models import Engagement
from medsocial.testing.plugin import body_text

pytestmark = pytest.mark.django_db


def form_data(**overrides):
    return {
        "contact_name": "Ana Ruiz",
        "contact_email": "ana@lakeview.example",
        "business_goals": ["recruitment", "reputation"],
        "goals_details": "We need more nurse applicants.",
        "current_channels": "Facebook: facebook.com/lakeview",
        "timeline": "quarter",
        "budget": "5k_15k",
        "service": "coaching",
        **overrides,
    }


def test_a_member_asks_for_help_for_their_organization(client, client_admin, client_org):
    client.force_login(client_admin)
    response = client.post(reverse("consulting:request"), form_data(organization=client_org.slug))
    engagement = Engagement.objects.get()
    assert response.status_code == 302 and response["Location"] == engagement.get_absolute_url()
    assert engagement.organization == client_org and engagement.stage == "new"
    assert engagement.business_goals == ["recruitment", "reputation"]
    assert engagement.stage_changes.get().actor == client_admin


def test_a_new_organization_is_created_with_the_requester_as_admin(client, make_user):
    person = make_user(email="founder@heart.example")
    client.force_login(person)
    client.post(
        reverse("consulting:request"),
        form_data(new_organization_name="Heart Friends", new_organization_kind="patient_association"),
    )
    organization = Organization.objects.get(name="Heart Friends")
    assert Membership.objects.get(organization=organization).user == person
    assert Engagement.objects.get().organization == organization


def test_a_request_without_any_goal_is_refused(client, client_admin, client_org):
    client.force_login(client_admin)
    response = client.post(
        reverse("consulting:request"),
        form_data(organization=client_org.slug, business_goals=[], goals_details=""),
    )
    assert response.status_code == 400
    assert "Tell us at least one business goal." in response.content.decode()
    assert not Engagement.objects.exists()


def test_one_cannot_ask_for_an_organization_one_does_not_belong_to(client, outsider, client_org):
    client.force_login(outsider)
    response = client.post(reverse("consulting:request"), form_data(organization=client_org.slug))
    assert response.status_code == 400
    assert not Engagement.objects.exists()


def test_an_existing_name_for_a_new_organization_is_refused(client, outsider, client_org):
    client.force_login(outsider)
    response = client.post(
        reverse("consulting:request"),
        form_data(new_organization_name="lakeview hospital", new_organization_kind="hospital"),
    )
    assert response.status_code == 400
    assert "already exists" in response.content.decode()


def test_site_admins_hear_about_a_new_request_and_the_requester_gets_a_receipt(
    client, client_admin, client_org, site_admin, smtp_server, django_capture_on_commit_callbacks
):
    client.force_login(client_admin)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("consulting:request"), form_data(organization=client_org.slug))
    smtp_server.wait_for(2)
    [to_staff] = smtp_server.to(site_admin.email)
    assert "Lakeview Hospital" in to_staff["Subject"]
    assert "Recruitment, Reputation" in body_text(to_staff)
    [receipt] = smtp_server.to(client_admin.email)
    assert "We received your request" in receipt["Subject"]


def test_the_form_requires_signing_in(client):
    response = client.get(reverse("consulting:request"))
    assert response.status_code == 302 and "sign-in" in response["Location"]


def test_a_second_request_while_one_is_under_review_is_refused(client, client_admin, client_org):
    client.force_login(client_admin)
    client.post(reverse("consulting:request"), form_data(organization=client_org.slug))
    response = client.post(reverse("consulting:request"), form_data(organization=client_org.slug))
    assert response.status_code == 400
    assert "already has a request under review" in response.content.decode()
    assert Engagement.objects.count() == 1
