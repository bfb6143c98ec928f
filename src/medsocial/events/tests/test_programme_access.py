"""Only event managers edit or remove parts of an event: everyone else is refused the way the
manager pages refuse (sign in first, else 404) and nothing changes."""

import pytest

from medsocial.events import services
from medsocial.events.forms import (
    DiscountCodeForm,
    QuestionForm,
    RoomForm,
    SessionForm,
    SpeakerForm,
    TicketTypeForm,
    TrackForm,
)
from medsocial.events.models import Speaker
from medsocial.events.tests.factories import (
    form_data,
    make_discount,
    make_event,
    make_question,
    make_session,
    programme_state,
    ticket_of,
)

pytestmark = pytest.mark.django_db


def requests_for(p):
    """Every programme-editing request, with data that would change something if it were let through."""
    event = p.event
    ticket, code, question = (
        ticket_of(event),
        make_discount(event, code="NURSES"),
        make_question(event, label="Meal"),
    )
    parts = [
        ("session", p.talk, form_data(SessionForm(instance=p.talk, event=event), title="Hijacked")),
        ("speaker", p.speaker, form_data(SpeakerForm(instance=p.speaker), name="Hijacked")),
        ("track", p.strategy, form_data(TrackForm(instance=p.strategy), name="Hijacked")),
        ("room", p.ballroom, form_data(RoomForm(instance=p.ballroom), name="Hijacked")),
        ("ticket-type", ticket, form_data(TicketTypeForm(instance=ticket, event=event), name="Hijacked")),
        ("discount-code", code, form_data(DiscountCodeForm(instance=code, event=event), code="HIJACKED")),
        ("question", question, form_data(QuestionForm(instance=question), label="Hijacked")),
    ]
    base = f"/events/manage/{event.slug}"
    found = [("get", f"{base}/programme/", None)]
    for part, item, data in parts:
        found += [
            ("get", f"{base}/{part}/{item.pk}/edit/", None),
            ("post", f"{base}/{part}/{item.pk}/edit/", data),
            ("get", f"{base}/{part}/{item.pk}/remove/", None),
            ("post", f"{base}/{part}/{item.pk}/remove/", {"people_told": "100"}),
        ]
    return found


@pytest.fixture
def speaker_user(make_user, summit_programme):
    """The person behind the talk's speaker, registered for the summit with the talk on their agenda."""
    person = make_user(email="maya@example.org")
    Speaker.objects.filter(pk=summit_programme.speaker.pk).update(user=person)
    services.register(
        event=summit_programme.event, user=person, ticket_type=ticket_of(summit_programme.event)
    )
    services.add_to_agenda(session=summit_programme.talk, user=person)
    return person


@pytest.mark.parametrize("who", ["signed-in", "speaker"])
def test_people_who_are_not_event_managers_get_404_and_change_nothing(
    client, summit_programme, make_user, speaker_user, who
):
    p = summit_programme
    requests = requests_for(p)
    before = programme_state(p.event)
    client.force_login(speaker_user if who == "speaker" else make_user())
    for method, url, data in requests:
        response = getattr(client, method)(url, data or {})
        assert response.status_code == 404, (method, url, response.status_code)
    assert programme_state(p.event) == before


def test_anonymous_visitors_are_asked_to_sign_in_and_change_nothing(client, summit_programme):
    p = summit_programme
    requests = requests_for(p)
    before = programme_state(p.event)
    for method, url, data in requests:
        response = getattr(client, method)(url, data or {})
        assert response.status_code == 302 and response["Location"].startswith("/accounts/sign-in/"), (
            method,
            url,
        )
    assert programme_state(p.event) == before


def test_a_part_of_another_event_is_404_through_this_events_address(client, manager, summit_programme):
    p = summit_programme
    other = make_event()
    elsewhere = make_session(other, title="Elsewhere")
    guest = Speaker.objects.create(name="Guest", slug="guest")
    elsewhere.speakers.add(guest)
    before = programme_state(other)
    client.force_login(manager)
    for part, pk in [
        ("session", elsewhere.pk),
        ("speaker", guest.pk),
        ("ticket-type", ticket_of(other).pk),
        ("widget", p.talk.pk),
    ]:
        for action in ("edit", "remove"):
            url = f"/events/manage/{p.event.slug}/{part}/{pk}/{action}/"
            assert client.get(url).status_code == 404, url
            assert client.post(url, {"title": "Hijacked", "name": "Hijacked"}).status_code == 404, url
    assert programme_state(other) == before


def test_the_same_requests_from_an_event_manager_go_through(client, manager, summit_programme):
    """So the refusals above are refusals, not bad data."""
    p = summit_programme
    requests = requests_for(p)
    client.force_login(manager)
    for method, url, data in requests:
        response = getattr(client, method)(url, data or {})
        assert response.status_code == (302 if method == "post" else 200), (method, url, response.status_code)
    assert (
        not p.event.sessions.filter(pk=p.talk.pk).exists()
        and not p.event.tracks.filter(pk=p.strategy.pk).exists()
    )
