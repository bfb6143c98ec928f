"""The consulting API: engagements, sessions, action items and KPIs, read and status update."""

import pytest

from medsocial.accounts.services import create_access_token
from medsocial.consulting.tests.factories import (
    make_action_item,
    make_goal,
    make_kpi,
    make_measurement,
    make_session,
)

pytestmark = pytest.mark.django_db


def auth(user):
    _, raw = create_access_token(user=user, name="api")
    return {"Authorization": f"Bearer {raw}"}


def test_a_client_reads_their_engagement_sessions_items_and_kpis(client, client_member, engagement, coach):
    make_session(engagement, title="Kick-off")
    make_action_item(engagement, title="Draft the policy", owner=client_member)
    make_measurement(make_kpi(make_goal(engagement), baseline=1000, target=2000), value=1250)
    headers = auth(client_member)
    base = f"/api/v1/consulting/engagements/{engagement.pk}"
    detail = client.get(base, headers=headers).json()
    assert detail["organization"]["name"] == "Lakeview Hospital" and detail["stage"] == "active"
    assert detail["coaches"] == [{"id": coach.pk, "name": "Jordan Reyes"}]
    sessions = client.get(f"{base}/sessions", headers=headers).json()["items"]
    assert sessions[0]["title"] == "Kick-off" and sessions[0]["calendar_url"].endswith("calendar.ics")
    items = client.get(f"{base}/action-items", headers=headers).json()["items"]
    assert items[0]["owner"]["name"] == "Chris Lee" and items[0]["done"] is False
    kpis = client.get(f"{base}/kpis", headers=headers).json()["items"]
    assert kpis[0]["progress_percent"] == 25 and kpis[0]["measurements"][0]["value"] == 1250.0


def test_a_client_marks_an_action_item_done_through_the_api(client, client_member, engagement):
    item = make_action_item(engagement)
    url = f"/api/v1/consulting/engagements/{engagement.pk}/action-items/{item.pk}"
    headers = auth(client_member)
    response = client.patch(url, data={"done": True}, content_type="application/json", headers=headers)
    assert response.status_code == 200 and response.json()["done"] is True
    item.refresh_from_db()
    assert item.done_by == client_member
    open_items = client.get(
        f"/api/v1/consulting/engagements/{engagement.pk}/action-items?done=false", headers=headers
    ).json()
    assert open_items["count"] == 0


def test_an_item_of_another_engagement_is_404_even_for_a_participant(client, client_member, engagement):
    from medsocial.consulting.tests.factories import make_engagement

    foreign = make_action_item(make_engagement())
    url = f"/api/v1/consulting/engagements/{engagement.pk}/action-items/{foreign.pk}"
    response = client.patch(
        url, data={"done": True}, content_type="application/json", headers=auth(client_member)
    )
    assert response.status_code == 404
    foreign.refresh_from_db()
    assert foreign.done_at is None


def test_the_api_is_in_the_openapi_document(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert "/api/v1/consulting/engagements/{engagement_id}/action-items/{item_id}" in paths
    assert "patch" in paths["/api/v1/consulting/engagements/{engagement_id}/action-items/{item_id}"]
