"""Event managers change the programme in the site; the rules hold and the public agenda follows."""

import datetime
import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

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
from medsocial.events.models import DiscountCode, Question, Registration, Session, Speaker, TicketType
from medsocial.events.tests.factories import (
    form_data,
    make_discount,
    make_question,
    programme_state,
    ticket_of,
)

pytestmark = pytest.mark.django_db


def edit_url(p, part, pk):
    return f"/events/manage/{p.event.slug}/{part}/{pk}/edit/"


def session_data(p, session, **changes):
    return form_data(SessionForm(instance=session, event=p.event), **changes)


def local(p, hour, minute=0):
    """A datetime-local value on the summit's day."""
    return f"{p.event.starts_at:%Y-%m-%d}T{hour:02d}:{minute:02d}"


def reserve_seats(p, session, n, make_user):
    for _ in range(n):
        person = make_user()
        services.register(event=p.event, user=person, ticket_type=ticket_of(p.event))
        services.add_to_agenda(session=session, user=person)


def test_a_manager_edits_a_session_and_the_public_agenda_shows_it(
    client, manager, summit_programme, make_user
):
    p = summit_programme
    other = Speaker.objects.create(name="Sam Lee", slug="sam-lee", organization_name="Prairie Hospital")
    client.force_login(manager)
    response = client.post(
        edit_url(p, "session", p.talk.pk),
        session_data(
            p,
            p.talk,
            title="Editorial calendars, revisited",
            abstract="Now with templates.",
            track=p.safety.pk,
            room=p.lakeview.pk,
            starts_at=local(p, 14),
            ends_at=local(p, 15, 30),
            capacity=30,
            speakers=[other.pk],
        ),
    )
    assert response.status_code == 302 and response["Location"] == f"/events/manage/{p.event.slug}/programme/"
    talk = Session.objects.get(pk=p.talk.pk)
    assert (talk.title, talk.track, talk.room, talk.capacity) == (
        "Editorial calendars, revisited",
        p.safety,
        p.lakeview,
        30,
    )
    assert talk.starts_at == p.event.starts_at + datetime.timedelta(hours=5)  # 14:00 Chicago time
    assert list(talk.speakers.all()) == [other]
    client.logout()
    agenda = client.get(f"/events/{p.event.slug}/agenda/").content.decode()
    assert "Editorial calendars, revisited" in agenda and "Content calendars that work" not in agenda
    assert "Sam Lee" in agenda and "Dr. Maya Chen" not in agenda
    page = client.get(f"/events/{p.event.slug}/sessions/{talk.pk}/").content.decode()
    assert "Now with templates." in page and "Lakeview Room" in page and "2:00 PM" in page


def test_a_manager_edits_a_speaker_with_a_new_photo_and_the_agenda_shows_it(
    client, manager, summit_programme
):
    p = summit_programme
    picture = io.BytesIO()
    Image.new("RGB", (8, 8), "teal").save(picture, format="PNG")
    client.force_login(manager)
    data = form_data(
        SpeakerForm(instance=p.speaker),
        name="Dr. Maya Chen-Ortiz",
        organization_name="Lakeshore Medical Center",
        bio="Emergency physician and writer.",
    )
    data["photo"] = SimpleUploadedFile("maya.png", picture.getvalue(), content_type="image/png")
    assert client.post(edit_url(p, "speaker", p.speaker.pk), data).status_code == 302
    speaker = Speaker.objects.get(pk=p.speaker.pk)
    assert speaker.name == "Dr. Maya Chen-Ortiz" and speaker.photo.name.startswith("events/speakers/")
    client.logout()
    agenda = client.get(f"/events/{p.event.slug}/agenda/").content.decode()
    assert (
        "Dr. Maya Chen-Ortiz" in agenda
        and "Lakeshore Medical Center" in agenda
        and "Emergency physician" in agenda
    )
    assert speaker.photo.url in agenda


def test_a_manager_renames_a_track_and_a_room_and_the_agenda_shows_them(client, manager, summit_programme):
    p = summit_programme
    client.force_login(manager)
    assert (
        client.post(
            edit_url(p, "track", p.strategy.pk), form_data(TrackForm(instance=p.strategy), name="Growth")
        ).status_code
        == 302
    )
    assert (
        client.post(
            edit_url(p, "room", p.ballroom.pk), form_data(RoomForm(instance=p.ballroom), name="Hall A")
        ).status_code
        == 302
    )
    client.logout()
    agenda = client.get(f"/events/{p.event.slug}/agenda/").content.decode()
    assert (
        "Growth" in agenda
        and "Hall A" in agenda
        and "Strategy" not in agenda
        and "Grand Ballroom" not in agenda
    )


def test_a_manager_edits_ticket_types_discount_codes_and_questions(client, manager, summit_programme, user):
    p = summit_programme
    ticket, code, question = (
        ticket_of(p.event),
        make_discount(p.event, code="NURSES"),
        make_question(p.event, label="Meal"),
    )
    client.force_login(manager)
    posts = [
        (
            "ticket-type",
            ticket.pk,
            form_data(TicketTypeForm(instance=ticket, event=p.event), name="Full pass", price="295"),
        ),
        (
            "discount-code",
            code.pk,
            form_data(DiscountCodeForm(instance=code, event=p.event), code="nurses15", value="15"),
        ),
        ("question", question.pk, form_data(QuestionForm(instance=question), label="Lunch", required="")),
    ]
    for part, pk, data in posts:
        assert client.get(edit_url(p, part, pk)).status_code == 200, part
        assert client.post(edit_url(p, part, pk), data).status_code == 302, part
    assert TicketType.objects.get(pk=ticket.pk).price == Decimal("295")
    assert DiscountCode.objects.get(pk=code.pk).code == "NURSES15"
    assert Question.objects.get(pk=question.pk).label == "Lunch"
    client.force_login(user)
    page = client.get(p.event.get_absolute_url()).content.decode()
    assert "Full pass — $295" in page and "Lunch" in page and "Meal" not in page


def test_a_session_may_start_when_the_one_before_in_its_room_ends(client, manager, summit_programme):
    p = summit_programme
    client.force_login(manager)
    response = client.post(
        edit_url(p, "session", p.workshop.pk),
        session_data(p, p.workshop, room=p.ballroom.pk, starts_at=local(p, 9, 45), ends_at=local(p, 11)),
    )
    assert response.status_code == 302
    assert Session.objects.get(pk=p.workshop.pk).room == p.ballroom


@pytest.mark.parametrize(
    "case", ["before-event", "after-event", "end-before-start", "room-taken", "capacity-below-seats"]
)
def test_a_bad_session_edit_names_the_field_and_changes_nothing(
    client, manager, summit_programme, make_user, case
):
    p = summit_programme
    reserve_seats(p, p.workshop, 2, make_user)
    field, expected, changes = {
        "before-event": ("starts_at", "The session starts before the event does", {"starts_at": local(p, 8)}),
        "after-event": ("ends_at", "The session ends after the event does", {"ends_at": local(p, 17, 30)}),
        "end-before-start": (
            "ends_at",
            "The session must end after it starts.",
            {"ends_at": local(p, 9, 30)},
        ),
        "room-taken": (
            "room",
            "Grand Ballroom already holds “Content calendars that work” from",
            {"room": p.ballroom.pk, "starts_at": local(p, 9, 30)},
        ),
        "capacity-below-seats": (
            "capacity",
            "2 people have this session on their agenda; the capacity cannot be less than 2.",
            {"capacity": 1},
        ),
    }[case]
    before = programme_state(p.event)
    client.force_login(manager)
    response = client.post(
        edit_url(p, "session", p.workshop.pk), session_data(p, p.workshop, title="Renamed", **changes)
    )
    assert response.status_code == 400
    assert any(expected in error for error in response.context["form"].errors[field]), response.context[
        "form"
    ].errors
    assert expected in response.content.decode().replace("&quot;", '"')
    assert programme_state(p.event) == before


def test_adding_a_session_keeps_the_same_rules(client, manager, summit_programme):
    p = summit_programme
    before = programme_state(p.event)
    client.force_login(manager)
    response = client.post(
        f"/events/manage/{p.event.slug}/add/session/",
        {
            "session-title": "Clash",
            "session-format": "talk",
            "session-room": p.lakeview.pk,
            "session-starts_at": local(p, 10, 30),
            "session-ends_at": local(p, 11, 30),
        },
    )
    assert response.status_code == 400
    assert "Lakeview Room already holds “HIPAA workshop”" in response.content.decode()
    assert programme_state(p.event) == before


def test_a_ticket_quantity_below_the_tickets_held_is_refused(client, manager, summit_programme, make_user):
    p = summit_programme
    ticket = ticket_of(p.event)
    for _ in range(3):
        services.register(event=p.event, user=make_user(), ticket_type=ticket)
    client.force_login(manager)
    response = client.post(
        edit_url(p, "ticket-type", ticket.pk),
        form_data(TicketTypeForm(instance=ticket, event=p.event), quantity=2),
    )
    assert response.status_code == 400
    assert response.context["form"].errors["quantity"] == [
        "3 of these tickets are already held; the quantity cannot be less than 3."
    ]
    assert TicketType.objects.get(pk=ticket.pk).quantity is None
    assert Registration.objects.filter(status="confirmed").count() == 3
