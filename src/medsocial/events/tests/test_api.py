"""`/api/v1/events/`: public list and detail, my registrations, register, cancel."""

import pytest

from medsocial.events.models import Registration
from medsocial.events.tests.factories import make_event, make_question, ticket_of

pytestmark = pytest.mark.django_db


def test_anyone_lists_and_searches_public_events(client):
    make_event(title="Crisis communication basics")
    make_event(title="Instagram for pharmacists")
    make_event(title="Secret draft", status="draft")
    response = client.get("/api/v1/events/", {"q": "crisis"})
    assert response.status_code == 200
    assert [e["title"] for e in response.json()["items"]] == ["Crisis communication basics"]
    assert response.json()["count"] == 1
    assert "Secret draft" not in client.get("/api/v1/events/").content.decode()


def test_event_detail_has_ticket_types_and_questions(client):
    event = make_event()
    make_question(event, label="Job title")
    body = client.get(f"/api/v1/events/{event.slug}").json()
    assert body["ticket_types"][0]["name"] == "Standard"
    assert body["questions"][0]["label"] == "Job title"
    assert body["seats_left"] == 50


def test_register_and_cancel_through_the_api(client, user):
    event = make_event()
    client.force_login(user)
    response = client.post(
        f"/api/v1/events/{event.slug}/register",
        {"ticket_type_id": ticket_of(event).pk},
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["status"] == "confirmed" and body["ticket_code"]
    mine = client.get("/api/v1/events/registrations").json()
    assert [r["id"] for r in mine] == [body["id"]]
    cancelled = client.post(f"/api/v1/events/registrations/{body['id']}/cancel")
    assert cancelled.json()["status"] == "cancelled"


def test_api_refusals_use_the_error_format_and_change_nothing(client, user, make_user):
    event, other = make_event(), make_event()
    question = make_question(event, label="Job title")
    client.force_login(user)
    wrong = client.post(
        f"/api/v1/events/{event.slug}/register",
        {"ticket_type_id": ticket_of(other).pk},
        content_type="application/json",
    )
    assert wrong.status_code == 400 and "another event" in wrong.json()["detail"]
    unanswered = client.post(
        f"/api/v1/events/{event.slug}/register",
        {"ticket_type_id": ticket_of(event).pk},
        content_type="application/json",
    )
    assert unanswered.status_code == 400
    assert "Job title" in unanswered.json()["detail"]
    assert f"question_{question.pk}" in unanswered.json()["errors"]
    assert not Registration.objects.exists()


def test_register_requires_authentication_and_another_persons_registration_is_404(client, user, make_user):
    event = make_event()
    assert (
        client.post(
            f"/api/v1/events/{event.slug}/register",
            {"ticket_type_id": ticket_of(event).pk},
            content_type="application/json",
        ).status_code
        == 401
    )
    from medsocial.events import services

    registration = services.register(event=event, user=user, ticket_type=ticket_of(event))
    client.force_login(make_user())
    assert client.post(f"/api/v1/events/registrations/{registration.pk}/cancel").status_code == 404
