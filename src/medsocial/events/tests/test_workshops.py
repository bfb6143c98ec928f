"""On-site workshops: an organization asks, staff schedule it, only its members see it."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from medsocial.events import services
from medsocial.events.errors import EventNotAllowed
from medsocial.events.models import Event, WorkshopRequest

pytestmark = pytest.mark.django_db


@pytest.fixture
def hospital(make_organization):
    return make_organization(name="Lakeside Hospital")


@pytest.fixture
def org_admin(make_user, hospital):
    return make_user(email="admin@lakeside.example", organization=hospital, org_role="admin")


def test_an_organization_admin_requests_a_workshop_through_the_page(client, org_admin, hospital):
    client.force_login(org_admin)
    response = client.post(
        "/events/workshops/request/",
        {
            "organization": hospital.pk,
            "topics": "Crisis communication",
            "audience_size": 40,
            "preferred_dates": "Any Tuesday in March",
            "location": "Main auditorium",
        },
    )
    assert response.status_code == 302
    request = WorkshopRequest.objects.get()
    assert (request.organization, request.audience_size, request.status) == (
        hospital,
        40,
        WorkshopRequest.Status.NEW,
    )


def test_members_who_are_not_admins_cannot_request(client, make_user, hospital):
    member = make_user(organization=hospital)
    client.force_login(member)
    assert client.get("/events/workshops/request/").status_code == 404
    with pytest.raises(EventNotAllowed):
        services.request_workshop(
            organization=hospital, by=member, topics="x", audience_size=5, preferred_dates="x", location="x"
        )


def test_a_scheduled_workshop_is_visible_only_to_the_organization_members(
    client, org_admin, hospital, manager, make_user, make_organization, django_capture_on_commit_callbacks
):
    request = services.request_workshop(
        organization=hospital,
        by=org_admin,
        topics="Brand voice",
        audience_size=25,
        preferred_dates="June",
        location="Room 4",
    )
    client.force_login(manager)
    start = timezone.localtime(timezone.now() + datetime.timedelta(days=20), datetime.UTC).replace(
        tzinfo=None
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/events/manage/workshop-requests/{request.pk}/",
            {
                "action": "schedule",
                "title": "Brand voice workshop",
                "time_zone": "America/Chicago",
                "starts_at": start.strftime("%Y-%m-%dT%H:%M"),
                "ends_at": (start + datetime.timedelta(hours=3)).strftime("%Y-%m-%dT%H:%M"),
                "capacity": 25,
                "ce_hours": "3",
            },
        )
    assert response.status_code == 302
    event = Event.objects.get(title="Brand voice workshop")
    assert (event.kind, event.visibility, event.organization) == ("onsite_workshop", "organization", hospital)
    assert any("scheduled" in m.subject for m in mail.outbox if m.to == [org_admin.email])

    member = make_user(organization=hospital)
    outsider = make_user(organization=make_organization())
    client.force_login(member)
    assert client.get(event.get_absolute_url()).status_code == 200
    assert "Brand voice workshop" in client.get("/events/").content.decode()
    client.force_login(outsider)
    assert client.get(event.get_absolute_url()).status_code == 404
    assert client.get(f"/events/{event.slug}/event.ics").status_code == 404
    assert "Brand voice workshop" not in client.get("/events/").content.decode()
    client.logout()
    assert client.get(event.get_absolute_url()).status_code == 404
    assert client.get(f"/api/v1/events/{event.slug}").status_code == 404


def test_staff_may_decline_a_request(client, org_admin, hospital, manager):
    request = services.request_workshop(
        organization=hospital, by=org_admin, topics="x", audience_size=5, preferred_dates="x", location="x"
    )
    client.force_login(manager)
    client.post(
        f"/events/manage/workshop-requests/{request.pk}/", {"action": "decline", "note": "Fully booked"}
    )
    request.refresh_from_db()
    assert request.status == WorkshopRequest.Status.DECLINED


def test_workshop_requests_are_hidden_from_other_people(client, org_admin, hospital, make_user):
    request = services.request_workshop(
        organization=hospital, by=org_admin, topics="x", audience_size=5, preferred_dates="x", location="x"
    )
    client.force_login(org_admin)
    assert client.get(f"/events/manage/workshop-requests/{request.pk}/").status_code == 404


def test_managers_see_requests_listed_and_open_one(client, org_admin, hospital, manager):
    request = services.request_workshop(
        organization=hospital,
        by=org_admin,
        topics="Video basics",
        audience_size=12,
        preferred_dates="May",
        location="Room 1",
    )
    client.force_login(manager)
    assert "Lakeside Hospital" in client.get("/events/manage/").content.decode()
    html = client.get(f"/events/manage/workshop-requests/{request.pk}/").content.decode()
    assert "Video basics" in html and "Schedule the workshop" in html
