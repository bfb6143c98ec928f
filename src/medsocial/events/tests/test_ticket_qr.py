"""The ticket's QR code: an absolute check-in address a phone opens, leading an event manager
straight to that ticket's check-in and telling anyone else nothing."""

import datetime
import io

import pytest
import segno
from django.test import override_settings

from medsocial.events import services, tickets
from medsocial.events.models import Registration
from medsocial.events.tests.factories import make_event, ticket_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def ticket(make_user):
    event = make_event(title="Door test", starts_in=-datetime.timedelta(minutes=10))
    return services.register(
        event=event, user=make_user(full_name="Quinn Holder"), ticket_type=ticket_of(event)
    )


def _path(url: str) -> str:
    return "/" + url.split("://", 1)[1].split("/", 1)[1]


@override_settings(SITE_URL="https://hub.example.org")
def test_the_qr_code_encodes_the_absolute_check_in_address_of_the_ticket(ticket):
    url = f"https://hub.example.org/events/manage/ticket/{ticket.ticket_code}/"
    assert ticket.qr_payload == url
    expected = io.BytesIO()
    segno.make(url, error="m").save(
        expected, kind="svg", scale=5, border=2, xmldecl=False, svgns=True,
        title="Ticket QR code", svgclass="ticket-qr", lineclass=None, omitsize=False,
    )  # fmt: skip
    assert tickets.qr_svg(ticket) == expected.getvalue().decode()


def test_an_event_manager_opening_the_address_lands_on_the_check_in_of_that_ticket(client, ticket, manager):
    client.force_login(manager)
    response = client.get(_path(ticket.qr_payload), follow=True)
    assert response.redirect_chain[-1][0].startswith(f"/events/manage/{ticket.event.slug}/check-in/?ticket=")
    html = response.content.decode()
    assert "Quinn Holder" in html and "Check in Quinn" in html
    assert Registration.objects.get(pk=ticket.pk).checked_in_at is None  # opening it changes nothing
    done = client.post(f"/events/manage/{ticket.event.slug}/check-in/", {"registration": ticket.pk})
    assert "Checked in: Quinn Holder" in done.content.decode()


def test_the_address_leaks_nothing_to_anyone_else(client, ticket, make_user):
    anonymous = client.get(_path(ticket.qr_payload))
    assert anonymous.status_code == 302 and "/sign-in/" in anonymous["Location"]
    assert "Quinn" not in anonymous.content.decode()
    client.force_login(make_user())
    for path in (_path(ticket.qr_payload), "/events/manage/ticket/NOSUCHCODE/"):
        response = client.get(path)
        assert response.status_code == 404 and "Quinn" not in response.content.decode()


def test_the_ticket_holder_opening_the_address_sees_their_ticket(client, ticket):
    client.force_login(ticket.user)
    response = client.get(_path(ticket.qr_payload))
    assert response.status_code == 302 and response["Location"] == ticket.get_absolute_url()


def test_a_scanner_typing_the_address_into_the_check_in_field_checks_in(client, ticket, manager):
    client.force_login(manager)
    response = client.post(f"/events/manage/{ticket.event.slug}/check-in/", {"payload": ticket.qr_payload})
    assert "Checked in: Quinn Holder" in response.content.decode()
