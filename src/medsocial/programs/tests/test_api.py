"""The API answers with the same rules as the pages: joining, transfers with bad amounts, and
other people's memberships and wallets (404)."""

import pytest

from medsocial.programs.models import Membership
from medsocial.programs.selectors import points_balance
from medsocial.programs.tests.factories import fund, make_membership, make_plan

pytestmark = pytest.mark.django_db


def test_join_and_list_my_memberships(client, make_user):
    person = make_user()
    plan = make_plan(slug="clinician")
    client.force_login(person)
    created = client.post(
        "/api/v1/programs/memberships", {"plan_slug": "clinician"}, content_type="application/json"
    )
    assert created.status_code == 201 and created.json()["status"] == "awaiting_payment"
    again = client.post(
        "/api/v1/programs/memberships", {"plan_slug": plan.slug}, content_type="application/json"
    )
    assert again.status_code == 409 and "plan" in again.json()["errors"]
    listed = client.get("/api/v1/programs/memberships").json()
    assert [m["id"] for m in listed] == [Membership.objects.get(user=person).pk]


def test_transfers_refuse_bad_amounts_naming_the_field(client, org_admin, nurse, hospital):
    fund(hospital, 100)
    client.force_login(org_admin)
    url = f"/api/v1/programs/organizations/{hospital.slug}/points/transfers"
    for points, status in ((-5, 400), (2.5, 422), (101, 400)):
        response = client.post(url, {"email": nurse.email, "points": points}, content_type="application/json")
        assert response.status_code == status, points
        assert "points" in response.json()["errors"], points
    assert points_balance(nurse) == 0
    sent = client.post(url, {"email": nurse.email, "points": 40}, content_type="application/json")
    assert sent.status_code == 201 and sent.json()["points"] == -40
    assert client.get(f"/api/v1/programs/organizations/{hospital.slug}/points").json()["balance"] == 60
    client.force_login(nurse)
    assert client.get("/api/v1/programs/points").json()["balance"] == 40
    entries = client.get("/api/v1/programs/points/entries").json()
    assert entries["count"] == 1 and entries["items"][0]["counterpart"] == "Lakeshore Health"


def test_other_peoples_memberships_and_wallets_are_404(client, nurse, hospital, make_user):
    membership = make_membership(organization=hospital, covering=[nurse])
    fund(hospital, 100)
    client.force_login(nurse)  # covered, but not an admin
    for method, url in [
        ("get", f"/api/v1/programs/organizations/{hospital.slug}/points"),
        ("get", f"/api/v1/programs/organizations/{hospital.slug}/points/entries"),
        ("post", f"/api/v1/programs/organizations/{hospital.slug}/points/transfers"),
        ("get", f"/api/v1/programs/memberships/{membership.pk}/invoices"),
        ("post", f"/api/v1/programs/memberships/{membership.pk}/cancel"),
        ("post", f"/api/v1/programs/memberships/{membership.pk}/renew"),
    ]:
        body = {"email": nurse.email, "points": 5}
        response = (
            getattr(client, method)(url, body, content_type="application/json")
            if method == "post"
            else client.get(url)
        )
        assert response.status_code == 404, url
    assert points_balance(nurse) == 0
    membership.refresh_from_db()
    assert membership.cancelled_at is None


def test_signed_out_callers_get_401(client):
    assert client.get("/api/v1/programs/points").status_code == 401
