"""A personal agenda warns about sessions that overlap: on the page and when one is added."""

import datetime

import pytest
from django.urls import reverse

from medsocial.events import selectors, services
from medsocial.events.models import Event
from medsocial.events.tests.factories import make_event, make_session, ticket_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def summit():
    return make_event(kind=Event.Kind.CONFERENCE, title="Summit", slug="summit", hours=8)


@pytest.fixture
def attendee(make_user, summit):
    person = make_user(full_name="Ana Ruiz")
    services.register(event=summit, user=person, ticket_type=ticket_of(summit))
    return person


def _at(event, minutes: int) -> datetime.datetime:
    return event.starts_at + datetime.timedelta(minutes=minutes)


def test_overlapping_sessions_are_paired_and_back_to_back_ones_are_not(summit):
    morning = make_session(summit, title="Morning", offset_hours=0)  # 0:00–0:45
    clash = make_session(summit, title="Clash", starts_at=_at(summit, 30), ends_at=_at(summit, 75))
    after = make_session(summit, title="After", starts_at=_at(summit, 45), ends_at=_at(summit, 90))
    clashes = selectors.agenda_clashes([after, clash, morning])
    assert clashes[morning.pk] == [clash]
    assert clashes[clash.pk] == [morning, after]  # "Clash" runs 0:30–1:15, over "After" too
    assert clashes[after.pk] == [clash]


def test_my_agenda_marks_the_sessions_that_overlap(client, summit, attendee):
    first = make_session(summit, title="Writing for patients", offset_hours=1)
    second = make_session(summit, title="Crisis drills", starts_at=_at(summit, 75), ends_at=_at(summit, 120))
    alone = make_session(summit, title="Closing keynote", offset_hours=5)
    for session in (first, second, alone):
        services.add_to_agenda(session=session, user=attendee)
    client.force_login(attendee)
    html = client.get(reverse("events:my-agenda", args=[summit.slug])).content.decode()
    assert "2 of your sessions overlap another one" in html
    assert html.count('class="clash-note"') == 2


def test_adding_a_clashing_session_warns_at_once(client, summit, attendee):
    first = make_session(summit, title="Writing for patients", offset_hours=1)
    second = make_session(summit, title="Crisis drills", starts_at=_at(summit, 75), ends_at=_at(summit, 120))
    services.add_to_agenda(session=first, user=attendee)
    client.force_login(attendee)
    response = client.post(reverse("events:agenda-toggle", args=[summit.slug, second.pk]), follow=True)
    assert "It overlaps “Writing for patients” on your agenda" in response.content.decode()
