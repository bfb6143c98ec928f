"""Every list page runs the same number of queries for 5 and for 50 rows."""

import pytest

from medsocial.accounts.models import User
from medsocial.events import services
from medsocial.events.models import Event, Room, Speaker, Track
from medsocial.events.tests.factories import make_event, make_session, ticket_of
from medsocial.testing.plugin import page_queries

pytestmark = pytest.mark.django_db


def _people(n, start):
    return [
        User.objects.create_user(email=f"q{start + i}@example.org", password="x", full_name=f"Q {start + i}")
        for i in range(n)
    ]


def test_my_registrations_page(client, user):
    def add(n):
        for _ in range(n):
            event = make_event()
            services.register(event=event, user=user, ticket_type=ticket_of(event))

    client.force_login(user)
    add(5)
    few = page_queries(client, "/events/mine/")
    add(45)
    assert page_queries(client, "/events/mine/") == few


def test_manage_home_and_report_pages(client, manager):
    event = make_event(capacity=500)
    client.force_login(manager)

    def add(n, start):
        for person in _people(n, start):
            services.register(event=event, user=person, ticket_type=ticket_of(event))
        for _ in range(n):
            make_event()

    add(5, 0)
    few_home, few_report = (
        page_queries(client, "/events/manage/"),
        page_queries(client, f"/events/manage/{event.slug}/report/"),
    )
    add(45, 100)
    assert page_queries(client, "/events/manage/") == few_home
    assert page_queries(client, f"/events/manage/{event.slug}/report/") == few_report


def test_agenda_page(client):
    summit = make_event(kind=Event.Kind.CONFERENCE, hours=48)
    track = Track.objects.create(event=summit, name="Main")

    def add(n, start):
        for i in range(n):
            session = make_session(summit, track=track, offset_hours=i % 40)
            session.speakers.add(
                Speaker.objects.create(name=f"S {start + i}", slug=f"s-{start + i}", organization_name="Org")
            )

    add(5, 0)
    few = page_queries(client, f"/events/{summit.slug}/agenda/")
    add(45, 100)
    assert page_queries(client, f"/events/{summit.slug}/agenda/") == few


def test_programme_editor_and_manage_event_pages(client, manager, make_user):
    summit = make_event(kind=Event.Kind.CONFERENCE, hours=48, capacity=500)
    other = make_event(kind=Event.Kind.CONFERENCE)
    client.force_login(manager)

    def add(n, start):
        for i in range(n):
            track = Track.objects.create(event=summit, name=f"Track {start + i}", position=i)
            room = Room.objects.create(event=summit, name=f"Room {start + i}")
            session = make_session(summit, track=track, room=room, offset_hours=i % 40, capacity=10)
            speaker = Speaker.objects.create(
                name=f"S {start + i}", slug=f"s-{start + i}", organization_name="Org"
            )
            session.speakers.add(speaker)
            make_session(other).speakers.add(speaker)  # also speaks elsewhere
            Speaker.objects.create(name=f"Unscheduled {start + i}", slug=f"u-{start + i}")
            person = make_user()
            services.register(event=summit, user=person, ticket_type=ticket_of(summit))
            services.add_to_agenda(session=session, user=person)

    add(5, 0)
    pages = [f"/events/manage/{summit.slug}/programme/", f"/events/manage/{summit.slug}/"]
    few = [page_queries(client, url) for url in pages]
    add(45, 100)
    assert [page_queries(client, url) for url in pages] == few
    html = client.get(pages[0]).content.decode()
    assert html.count("/edit/") >= 4 * 50 + 50  # sessions, tracks, rooms and both kinds of speakers


def test_api_event_list(client):
    for _ in range(5):
        make_event()
    few = page_queries(client, "/api/v1/events/")
    for _ in range(45):
        make_event()
    assert page_queries(client, "/api/v1/events/?page=2") == few


def test_api_my_registrations(client, user, make_user):
    def add(n):
        for _ in range(n):
            event = make_event(capacity=1)
            services.register(event=event, user=make_user(), ticket_type=ticket_of(event))
            services.register(event=event, user=user, ticket_type=ticket_of(event))  # waitlisted

    client.force_login(user)
    add(5)
    few = page_queries(client, "/api/v1/events/registrations")
    add(45)
    assert page_queries(client, "/api/v1/events/registrations") == few
    body = client.get("/api/v1/events/registrations").json()
    assert len(body) == 50 and {r["waitlist_position"] for r in body} == {1}
    assert {r["event"]["seats_left"] for r in body} == {0}
