"""Check-in at the door: by QR payload or name, once per ticket, and the CE hours it grants."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from medsocial.events import services
from medsocial.events.errors import CheckInError, RegistrationConflict
from medsocial.events.models import Registration
from medsocial.events.tests.factories import make_event, ticket_of
from medsocial.learning.models import CECredit

pytestmark = pytest.mark.django_db


@pytest.fixture
def ticket(user):
    event = make_event(title="Social media for nurses", ce_hours=Decimal("2.00"))
    return services.register(event=event, user=user, ticket_type=ticket_of(event))


def test_checking_in_by_qr_payload_marks_attendance_and_grants_ce_hours(ticket, manager):
    done = services.check_in(event=ticket.event, payload=ticket.qr_payload, by=manager)
    assert done.checked_in_at is not None and done.checked_in_by == manager
    credit = CECredit.objects.get(user=ticket.user)
    assert (credit.source, credit.source_key, credit.hours) == (
        "event",
        f"event:{ticket.event.pk}",
        Decimal("2.00"),
    )
    assert credit.title == "Social media for nurses"
    assert credit.earned_on == timezone.localtime(done.checked_in_at, ticket.event.tz).date()


def test_a_second_check_in_is_refused_with_a_clear_message(ticket, manager):
    services.check_in(event=ticket.event, payload=ticket.ticket_code, by=manager)
    first_time = Registration.objects.get(pk=ticket.pk).checked_in_at
    with pytest.raises(RegistrationConflict, match="Already checked in"):
        services.check_in(event=ticket.event, payload=ticket.qr_payload, by=manager)
    assert Registration.objects.get(pk=ticket.pk).checked_in_at == first_time
    assert CECredit.objects.filter(user=ticket.user).count() == 1


def test_a_ticket_of_another_event_is_refused(ticket, manager):
    other = make_event(title="Another webinar")
    with pytest.raises(CheckInError, match="another event"):
        services.check_in(event=other, payload=ticket.qr_payload, by=manager)
    assert Registration.objects.get(pk=ticket.pk).checked_in_at is None


def test_an_unknown_code_and_a_waitlisted_person_are_refused(make_user, manager):
    event = make_event(capacity=1)
    services.register(event=event, user=make_user(), ticket_type=ticket_of(event))
    waiting = services.register(event=event, user=make_user(), ticket_type=ticket_of(event))
    with pytest.raises(CheckInError, match="No ticket"):
        services.check_in(event=event, payload="MEDSOCIAL-TICKET:NOPE", by=manager)
    with pytest.raises(CheckInError, match="no confirmed seat"):
        services.check_in(event=event, payload=waiting.ticket_code, by=manager)


def test_undoing_a_check_in_withdraws_the_ce_hours(ticket, manager):
    services.check_in(event=ticket.event, payload=ticket.ticket_code, by=manager)
    services.undo_check_in(registration=ticket, by=manager)
    assert not CECredit.objects.filter(user=ticket.user).exists()
    assert Registration.objects.get(pk=ticket.pk).checked_in_at is None


def test_the_check_in_page_checks_in_by_scan_and_refuses_the_second_scan(client, ticket, manager):
    client.force_login(manager)
    url = f"/events/manage/{ticket.event.slug}/check-in/"
    assert client.get(url).status_code == 200
    ok = client.post(url, {"payload": ticket.qr_payload})
    assert ok.status_code == 200 and "Checked in: " in ok.content.decode()
    again = client.post(url, {"payload": ticket.qr_payload})
    assert again.status_code == 409
    assert "Already checked in" in again.content.decode()


def test_the_check_in_page_finds_people_by_name(client, ticket, manager):
    client.force_login(manager)
    url = f"/events/manage/{ticket.event.slug}/check-in/"
    html = client.get(url, {"q": "Pat"}).content.decode()
    assert "Pat Jones" in html
    response = client.post(url, {"registration": ticket.pk})
    assert "Checked in: Pat Jones" in response.content.decode()


def test_the_check_in_page_is_hidden_from_people_without_the_role(client, ticket, make_user):
    client.force_login(make_user())
    assert client.get(f"/events/manage/{ticket.event.slug}/check-in/").status_code == 404
    assert (
        client.post(
            f"/events/manage/{ticket.event.slug}/check-in/", {"payload": ticket.qr_payload}
        ).status_code
        == 404
    )
    assert Registration.objects.get(pk=ticket.pk).checked_in_at is None


def test_the_ticket_page_shows_a_qr_code_and_the_pdf_downloads(client, ticket, make_user):
    client.force_login(ticket.user)
    html = client.get(f"/events/registrations/{ticket.pk}/").content.decode()
    assert "<svg" in html and ticket.ticket_code in html
    pdf = client.get(f"/events/registrations/{ticket.pk}/ticket.pdf")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    client.force_login(make_user())
    assert client.get(f"/events/registrations/{ticket.pk}/").status_code == 404
    assert client.get(f"/events/registrations/{ticket.pk}/ticket.pdf").status_code == 404


def test_ce_hours_use_the_event_local_date(user, manager):
    # 23:30 in Honolulu is already the next day in UTC.
    event = make_event(time_zone="Pacific/Honolulu")
    registration = services.register(event=event, user=user, ticket_type=ticket_of(event))
    late = datetime.datetime(2026, 6, 1, 9, 30, tzinfo=datetime.UTC)  # 23:30 on May 31 in Honolulu
    services.check_in(event=event, payload=registration.ticket_code, by=manager, now=late)
    assert CECredit.objects.get(user=user).earned_on == datetime.date(2026, 5, 31)


def test_staff_undo_a_mistaken_check_in_from_the_page(client, ticket, manager):
    client.force_login(manager)
    url = f"/events/manage/{ticket.event.slug}/check-in/"
    client.post(url, {"payload": ticket.ticket_code})
    assert CECredit.objects.filter(user=ticket.user).exists()
    response = client.post(url, {"registration": ticket.pk, "action": "undo"})
    assert "Check-in undone" in response.content.decode()
    assert Registration.objects.get(pk=ticket.pk).checked_in_at is None
    assert not CECredit.objects.filter(user=ticket.user).exists()


def test_checking_in_a_registration_of_another_event_from_the_page_is_refused(client, ticket, manager):
    other = make_event()
    client.force_login(manager)
    response = client.post(f"/events/manage/{other.slug}/check-in/", {"registration": ticket.pk})
    assert response.status_code == 400 and "another event" in response.content.decode()
    assert (
        client.post(
            f"/events/manage/{other.slug}/check-in/", {"registration": ticket.pk, "action": "undo"}
        ).status_code
        == 404
    )
