"""What registering answers: the seats left and the waitlist place as they stood when the seat
was decided, from a short transaction that locks only the event."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from medsocial.events.models import Registration
from medsocial.events.tests.factories import make_event, ticket_of

pytestmark = pytest.mark.django_db


def _register(client, event):
    return client.post(
        f"/api/v1/events/{event.slug}/register",
        json.dumps({"ticket_type_id": ticket_of(event).pk}),
        content_type="application/json",
    )


def test_the_answer_shows_seats_left_and_waitlist_place_like_my_registrations(client, make_user):
    event = make_event(capacity=1)
    answers = []
    for n in range(3):
        client.force_login(make_user(email=f"person{n}@example.org"))
        answer = _register(client, event).json()
        listed = client.get("/api/v1/events/registrations").json()[0]
        assert answer["event"]["seats_left"] == listed["event"]["seats_left"]
        assert answer["waitlist_position"] == listed["waitlist_position"]
        answers.append((answer["status"], answer["event"]["seats_left"], answer["waitlist_position"]))
    assert answers == [("confirmed", 0, None), ("waitlisted", 0, 1), ("waitlisted", 0, 2)]


def test_the_seat_is_decided_in_a_transaction_of_four_statements(client, user):
    event = make_event(capacity=5)
    client.force_login(user)
    with CaptureQueriesContext(connection) as queries:
        assert _register(client, event).status_code == 201
    statements = [q["sql"] for q in queries.captured_queries]
    # The test runs inside a transaction, so the service's own shows as a savepoint.
    begin = next(i for i, sql in enumerate(statements) if sql.startswith("SAVEPOINT"))
    end = next(i for i, sql in enumerate(statements) if sql.startswith("RELEASE SAVEPOINT"))
    inside = statements[begin + 1 : end]
    assert len(inside) == 4, inside
    assert "events_tickettype" in inside[0] and "events_event" in inside[0]  # the event locked
    assert "COUNT" in inside[1]  # seats held, people waiting, already registered: one query
    assert inside[2].startswith('INSERT INTO "events_registration"')
    assert inside[3].startswith('INSERT INTO "events_order"')
    assert Registration.objects.filter(event=event, status="confirmed").count() == 1
