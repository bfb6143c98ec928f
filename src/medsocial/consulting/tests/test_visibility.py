"""Who sees what: clients their own organization's engagements, coaches the ones assigned to
them, and everyone else a 404 on every workspace URL and API endpoint."""

import pytest
from django.urls import reverse

from medsocial.accounts.services import create_access_token
from medsocial.consulting.models import Document, DocumentVersion, Proposal
from medsocial.consulting.tests.factories import (
    make_action_item,
    make_coach,
    make_engagement,
    make_goal,
    make_kpi,
    make_measurement,
    make_session,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def full_engagement(engagement, client_admin):
    """An engagement with one of everything a workspace URL can point to."""
    from django.core.files.base import ContentFile

    session = make_session(engagement)
    item = make_action_item(engagement, session=session)
    document = Document.objects.create(engagement=engagement, title="Policy draft", latest_version=1)
    version = DocumentVersion(
        document=document, number=1, original_name="policy.txt", size=5, content_type="text/plain"
    )
    version.file.save("policy.txt", ContentFile(b"hello"), save=True)
    kpi = make_kpi(make_goal(engagement))
    measurement = make_measurement(kpi)
    proposal = Proposal.objects.create(
        engagement=engagement,
        scope="s",
        deliverables="d",
        starts_on="2030-01-01",
        ends_on="2030-02-01",
        fee=1,
        status="accepted",
    )
    return {
        "e": engagement,
        "session": session,
        "item": item,
        "document": document,
        "kpi": kpi,
        "measurement": measurement,
        "proposal": proposal,
        "goal": kpi.goal,
    }


def workspace_urls(o):
    pk = o["e"].pk
    return [
        ("get", reverse("consulting:workspace", args=[pk])),
        ("post", reverse("consulting:proposal-answer", args=[pk, o["proposal"].pk])),
        ("get", reverse("consulting:sessions", args=[pk])),
        ("post", reverse("consulting:sessions", args=[pk])),
        ("get", reverse("consulting:session", args=[pk, o["session"].pk])),
        ("get", reverse("consulting:session-calendar", args=[pk, o["session"].pk])),
        ("get", reverse("consulting:action-items", args=[pk])),
        ("post", reverse("consulting:action-items", args=[pk])),
        ("post", reverse("consulting:action-item-status", args=[pk, o["item"].pk])),
        ("post", reverse("consulting:action-item-delete", args=[pk, o["item"].pk])),
        ("get", reverse("consulting:documents", args=[pk])),
        ("post", reverse("consulting:documents", args=[pk])),
        ("get", reverse("consulting:document", args=[pk, o["document"].pk])),
        ("get", reverse("consulting:document-download", args=[pk, o["document"].pk, 1])),
        ("get", reverse("consulting:messages", args=[pk])),
        ("post", reverse("consulting:messages", args=[pk])),
        ("get", reverse("consulting:plan", args=[pk])),
        ("post", reverse("consulting:plan", args=[pk])),
        ("get", reverse("consulting:plan-print", args=[pk])),
        ("get", reverse("consulting:kpi-create", args=[pk, o["goal"].pk])),
        ("get", reverse("consulting:goal-edit", args=[pk, o["goal"].pk])),
        ("post", reverse("consulting:goal-edit", args=[pk, o["goal"].pk])),
        ("get", reverse("consulting:kpi", args=[pk, o["kpi"].pk])),
        ("get", reverse("consulting:kpi-edit", args=[pk, o["kpi"].pk])),
        ("post", reverse("consulting:kpi-edit", args=[pk, o["kpi"].pk])),
        ("post", reverse("consulting:kpi-sync", args=[pk, o["kpi"].pk])),
        ("post", reverse("consulting:measurement-delete", args=[pk, o["kpi"].pk, o["measurement"].pk])),
        ("post", reverse("consulting:kpi-delete", args=[pk, o["kpi"].pk])),
        ("post", reverse("consulting:goal-delete", args=[pk, o["goal"].pk])),
    ]


def api_urls(o):
    pk = o["e"].pk
    base = f"/api/v1/consulting/engagements/{pk}"
    return [
        ("get", base),
        ("get", f"{base}/sessions"),
        ("get", f"{base}/action-items"),
        ("patch", f"{base}/action-items/{o['item'].pk}"),
        ("get", f"{base}/kpis"),
    ]


def test_another_organizations_member_gets_404_on_every_workspace_url(client, outsider, full_engagement):
    client.force_login(outsider)
    for method, url in workspace_urls(full_engagement):
        response = getattr(client, method)(
            url, {"done": "1", "body": "hi", "title": "x"} if method == "post" else None
        )
        assert response.status_code == 404, f"{method.upper()} {url} answered {response.status_code}"
    assert full_engagement["e"].messages.count() == 0
    assert full_engagement["item"].__class__.objects.get(pk=full_engagement["item"].pk).done_at is None


def test_another_organizations_member_gets_404_on_every_api_endpoint(client, outsider, full_engagement):
    _, token = create_access_token(user=outsider, name="t")
    for method, url in api_urls(full_engagement):
        response = getattr(client, method)(
            url,
            data={"done": True},
            content_type="application/json",
            headers={"Authorization": f"Bearer {token}"},
        )
        assert response.status_code == 404, f"{method.upper()} {url} answered {response.status_code}"
        assert response.json()["detail"] == "Not found."
    listing = client.get("/api/v1/consulting/engagements", headers={"Authorization": f"Bearer {token}"})
    assert listing.json()["count"] == 0


def test_an_unassigned_coach_gets_404_in_the_workspace_and_on_the_board(client, full_engagement):
    stranger = make_coach(full_name="Unassigned Coach")
    client.force_login(stranger)
    for method, url in workspace_urls(full_engagement)[:8]:
        assert getattr(client, method)(url).status_code == 404, url
    assert (
        client.get(reverse("consulting:staff-engagement", args=[full_engagement["e"].pk])).status_code == 404
    )
    assert "Lakeview Hospital" not in client.get(reverse("consulting:board")).content.decode()


def test_client_members_and_assigned_coaches_open_every_workspace_page(
    client, client_member, coach, full_engagement
):
    for person in (client_member, coach):
        client.force_login(person)
        for method, url in workspace_urls(full_engagement):
            if method == "get":
                assert client.get(url).status_code == 200, f"{person} {url}"


def test_a_client_member_sees_only_their_own_organizations_engagements(client, client_member, engagement):
    other = make_engagement()
    client.force_login(client_member)
    page = client.get(reverse("consulting:my-engagements")).content.decode()
    assert "Lakeview Hospital" in page and other.organization.name not in page
    _, token = create_access_token(user=client_member, name="t")
    data = client.get("/api/v1/consulting/engagements", headers={"Authorization": f"Bearer {token}"}).json()
    assert [e["id"] for e in data["items"]] == [engagement.pk]


def test_a_coach_sees_only_the_engagements_assigned_to_them(client, coach, engagement):
    unassigned = make_engagement(coaches=[make_coach()])
    client.force_login(coach)
    board = client.get(reverse("consulting:board")).content.decode()
    assert "Lakeview Hospital" in board and unassigned.organization.name not in board
    mine = client.get(reverse("consulting:my-engagements")).content.decode()
    assert "Lakeview Hospital" in mine and unassigned.organization.name not in mine
    assert client.get(reverse("consulting:workspace", args=[unassigned.pk])).status_code == 404


def test_site_admins_see_every_engagement_on_the_board(client, site_admin, engagement):
    other = make_engagement()
    client.force_login(site_admin)
    board = client.get(reverse("consulting:board")).content.decode()
    assert "Lakeview Hospital" in board and other.organization.name in board


def test_people_without_the_coach_role_cannot_open_staff_pages(client, client_admin, engagement):
    client.force_login(client_admin)
    for name, args in (("board", []), ("reports", []), ("staff-engagement", [engagement.pk])):
        assert client.get(reverse(f"consulting:{name}", args=args)).status_code == 403
    assert client.get(reverse("consulting:report-csv", args=["engagements"])).status_code == 403


def test_anonymous_visitors_are_sent_to_sign_in(client, engagement):
    response = client.get(reverse("consulting:workspace", args=[engagement.pk]))
    assert response.status_code == 302 and "/accounts/sign-in/" in response["Location"]
    assert client.get(f"/api/v1/consulting/engagements/{engagement.pk}").status_code == 401


def test_the_engagement_list_has_a_constant_number_of_queries(client, coach, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(coach)
    for _ in range(5):
        make_action_item(make_engagement(coaches=[coach]))
    with CaptureQueriesContext(connection) as small:
        client.get(reverse("consulting:my-engagements"))
    for _ in range(45):
        make_action_item(make_engagement(coaches=[coach]))
    with CaptureQueriesContext(connection) as large:
        response = client.get(reverse("consulting:my-engagements"))
    assert response.content.decode().count("/consulting/engagements/") >= 50
    assert len(large.captured_queries) == len(small.captured_queries)
