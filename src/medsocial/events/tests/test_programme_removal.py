"""Removing parts of an event: what others depend on stays, and a session's removal says who is affected."""

import pytest

from medsocial.events import services
from medsocial.events.models import (
    AgendaItem,
    DiscountCode,
    Question,
    Registration,
    Room,
    Session,
    Speaker,
    TicketType,
    Track,
)
from medsocial.events.tests.factories import make_discount, make_question, programme_state, ticket_of

pytestmark = pytest.mark.django_db


def remove_url(p, part, pk):
    return f"/events/manage/{p.event.slug}/{part}/{pk}/remove/"


def put_on_agendas(p, session, n, make_user):
    for _ in range(n):
        person = make_user()
        services.register(event=p.event, user=person, ticket_type=ticket_of(p.event))
        services.add_to_agenda(session=session, user=person)


def test_removing_a_session_on_agendas_says_how_many_people_then_removes_it(
    client, manager, summit_programme, make_user
):
    p = summit_programme
    put_on_agendas(p, p.workshop, 2, make_user)
    client.force_login(manager)
    confirmation = client.get(remove_url(p, "session", p.workshop.pk)).content.decode()
    assert "2 people have this session on their agenda (a reserved seat)." in confirmation
    assert 'name="people_told" value="2"' in confirmation
    response = client.post(remove_url(p, "session", p.workshop.pk), {"people_told": "2"})
    assert response.status_code == 302 and response["Location"] == f"/events/manage/{p.event.slug}/programme/"
    assert not Session.objects.filter(pk=p.workshop.pk).exists() and not AgendaItem.objects.exists()
    assert Registration.objects.filter(status="confirmed").count() == 2
    assert "is removed" in client.get(response["Location"]).content.decode()
    assert "HIPAA workshop" not in client.get(f"/events/{p.event.slug}/agenda/").content.decode()


def test_a_session_more_people_added_since_the_confirmation_is_kept_and_asked_again(
    client, manager, summit_programme, make_user
):
    p = summit_programme
    put_on_agendas(p, p.workshop, 1, make_user)
    client.force_login(manager)
    told = client.get(remove_url(p, "session", p.workshop.pk)).content.decode()
    assert "1 person has this session on their agenda" in told
    put_on_agendas(p, p.workshop, 1, make_user)
    before = programme_state(p.event)
    response = client.post(remove_url(p, "session", p.workshop.pk), {"people_told": "1"})
    assert response.status_code == 400
    assert (
        "2 people have “HIPAA workshop” on their agenda, more than when you looked."
        in response.content.decode()
    )
    assert 'name="people_told" value="2"' in response.content.decode()
    assert programme_state(p.event) == before


def test_a_session_nobody_chose_is_removed(client, manager, summit_programme):
    p = summit_programme
    client.force_login(manager)
    assert (
        "Nobody has this session on their agenda."
        in client.get(remove_url(p, "session", p.talk.pk)).content.decode()
    )
    assert client.post(remove_url(p, "session", p.talk.pk)).status_code == 302
    assert list(Session.objects.values_list("title", flat=True)) == ["HIPAA workshop"]
    assert Speaker.objects.filter(pk=p.speaker.pk).exists()


@pytest.mark.parametrize("part", ["track", "room"])
def test_removing_a_track_or_room_that_sessions_use_is_refused_with_their_number(
    client, manager, summit_programme, part
):
    p = summit_programme
    Session.objects.filter(pk=p.workshop.pk).update(track=p.strategy, room=p.ballroom)
    item = {"track": p.strategy, "room": p.ballroom}[part]
    expected = {
        "track": "2 sessions use the track “Strategy”; move them elsewhere first.",
        "room": "2 sessions use the room “Grand Ballroom”; move them elsewhere first.",
    }[part]
    before = programme_state(p.event)
    client.force_login(manager)
    confirmation = client.get(remove_url(p, part, item.pk)).content.decode()
    assert expected in confirmation and f">Remove {part}</button>" not in confirmation
    response = client.post(remove_url(p, part, item.pk))
    assert response.status_code == 400 and expected in response.content.decode()
    assert programme_state(p.event) == before


def test_an_unused_track_and_room_are_removed(client, manager, summit_programme):
    p = summit_programme
    spare_track, spare_room = (
        Track.objects.create(event=p.event, name="Spare"),
        Room.objects.create(event=p.event, name="Spare room"),
    )
    client.force_login(manager)
    assert client.post(remove_url(p, "track", spare_track.pk)).status_code == 302
    assert client.post(remove_url(p, "room", spare_room.pk)).status_code == 302
    assert (
        not Track.objects.filter(name="Spare").exists()
        and not Room.objects.filter(name="Spare room").exists()
    )


def test_a_speaker_on_sessions_is_kept_and_one_on_none_is_removed(client, manager, summit_programme):
    p = summit_programme
    unscheduled = Speaker.objects.create(name="Sam Lee", slug="sam-lee")
    client.force_login(manager)
    refused = client.post(remove_url(p, "speaker", p.speaker.pk))
    assert refused.status_code == 400
    assert "Dr. Maya Chen speaks in 1 session; take them off the session first." in refused.content.decode()
    assert client.post(remove_url(p, "speaker", unscheduled.pk)).status_code == 302
    assert list(Speaker.objects.values_list("name", flat=True)) == ["Dr. Maya Chen"]


def test_a_ticket_type_with_orders_is_kept_even_when_they_were_cancelled(
    client, manager, summit_programme, user
):
    p = summit_programme
    ticket = ticket_of(p.event)
    services.cancel_registration(
        registration=services.register(event=p.event, user=user, ticket_type=ticket), by=user
    )
    spare = TicketType.objects.create(event=p.event, name="Spare")
    client.force_login(manager)
    response = client.post(remove_url(p, "ticket-type", ticket.pk))
    assert response.status_code == 400
    assert "1 order was placed for “Standard”, so it stays on record." in response.content.decode()
    assert TicketType.objects.filter(pk=ticket.pk).exists()
    assert client.post(remove_url(p, "ticket-type", spare.pk)).status_code == 302
    assert not TicketType.objects.filter(pk=spare.pk).exists()


def test_a_used_discount_code_and_an_answered_question_are_kept(client, manager, summit_programme, make_user):
    from decimal import Decimal

    p = summit_programme
    TicketType.objects.filter(event=p.event).update(price=Decimal("100"))
    code, question = (
        make_discount(p.event, code="NURSES"),
        make_question(p.event, label="Meal", required=False),
    )
    services.register(
        event=p.event,
        user=make_user(),
        ticket_type=ticket_of(p.event),
        discount_code="NURSES",
        answers={str(question.pk): "Vegan"},
    )
    client.force_login(manager)
    for part, pk, expected in [
        ("discount-code", code.pk, "The code NURSES was used on 1 order, so it stays on record."),
        (
            "question",
            question.pk,
            "1 registration answered “Meal”; removing it would drop those answers from the exports.",
        ),
    ]:
        response = client.post(remove_url(p, part, pk))
        assert response.status_code == 400 and expected in response.content.decode(), part
    assert (
        DiscountCode.objects.filter(pk=code.pk).exists() and Question.objects.filter(pk=question.pk).exists()
    )
