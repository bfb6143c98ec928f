"""Check-in at the door: by QR address, code or name, once per ticket, while the door is open,
unpaid orders flagged, and the CE hours attendance earns (dated the event's date)."""

import datetime
from decimal import Decimal

import pytest
from django.test import override_settings
from django.utils import timezone

from medsocial.events import services
from medsocial.events.errors import CheckInError, EventNotAllowed, RegistrationConflict, UnpaidOrder
from medsocial.events.models import Registration
from medsocial.events.tests.factories import make_event, ticket_of
from medsocial.learning.models import CECredit

pytestmark = pytest.mark.django_db
HOUR = datetime.timedelta(hours=1)


@pytest.fixture
def ticket(user):
    """A confirmed seat at a webinar that started half an hour ago and runs two hours."""
    event = make_event(title="Social media for nurses", ce_hours=Decimal("2.00"), starts_in=-HOUR / 2)
    return services.register(event=event, user=user, ticket_type=ticket_of(event))


@pytest.fixture
def next_week_ticket(user):
    """A confirmed seat at a webinar a week from now: the door is not open yet."""
    event = make_event(title="Next week's webinar", ce_hours=Decimal("1.00"))
    return services.register(event=event, user=user, ticket_type=ticket_of(event))


def _registration(ticket) -> Registration:
    return Registration.objects.get(pk=ticket.pk)


def test_checking_in_at_a_running_event_marks_attendance_and_grants_ce_hours(ticket, manager):
    done = services.check_in(event=ticket.event, payload=ticket.qr_payload, by=manager)
    assert done.checked_in_at is not None and done.checked_in_by == manager
    credit = CECredit.objects.get(user=ticket.user)
    assert (credit.source, credit.source_key, credit.hours) == (
        "event",
        f"event:{ticket.event.pk}",
        Decimal("2.00"),
    )
    assert credit.title == "Social media for nurses"
    assert credit.earned_on == timezone.localtime(ticket.event.starts_at, ticket.event.tz).date()


def test_check_in_a_week_before_the_event_is_refused_and_grants_nothing(next_week_ticket, manager):
    with pytest.raises(CheckInError, match="Check-in opens at"):
        services.check_in(event=next_week_ticket.event, payload=next_week_ticket.ticket_code, by=manager)
    assert _registration(next_week_ticket).checked_in_at is None
    assert not CECredit.objects.exists()


def test_the_door_opens_two_hours_before_the_start_by_default(next_week_ticket, manager):
    event = next_week_ticket.event
    too_early = event.starts_at - 2 * HOUR - datetime.timedelta(minutes=1)
    with pytest.raises(CheckInError, match="Check-in opens"):
        services.check_in(event=event, payload=next_week_ticket.ticket_code, by=manager, now=too_early)
    services.check_in(
        event=event,
        payload=next_week_ticket.ticket_code,
        by=manager,
        now=too_early + datetime.timedelta(minutes=2),
    )
    assert _registration(next_week_ticket).checked_in_at == too_early + datetime.timedelta(minutes=2)


@override_settings(EVENTS_CHECKIN_OPENS_MINUTES=30)
def test_the_site_setting_and_the_event_field_move_the_opening(user, make_user, manager):
    site_default = make_event()
    one = services.register(event=site_default, user=user, ticket_type=ticket_of(site_default))
    with pytest.raises(CheckInError, match="Check-in opens"):
        services.check_in(event=site_default, registration=one, by=manager, now=site_default.starts_at - HOUR)
    own = make_event(checkin_opens_minutes_before=90)
    two = services.register(event=own, user=user, ticket_type=ticket_of(own))
    services.check_in(event=own, registration=two, by=manager, now=own.starts_at - HOUR)
    assert _registration(two).checked_in_at is not None


def test_check_in_after_the_end_is_refused(ticket, manager):
    with pytest.raises(CheckInError, match="Check-in closed when the event ended"):
        services.check_in(event=ticket.event, registration=ticket, by=manager, now=ticket.event.ends_at)
    assert _registration(ticket).checked_in_at is None


def test_a_cancelled_event_takes_no_check_in(ticket, manager):
    type(ticket.event).objects.filter(pk=ticket.event_id).update(status="cancelled")
    ticket.event.refresh_from_db()
    with pytest.raises(CheckInError, match="cancelled"):
        services.check_in(event=ticket.event, registration=ticket, by=manager)


def test_an_early_check_in_earns_ce_hours_only_once_the_event_starts(next_week_ticket, manager):
    event = next_week_ticket.event
    door = event.starts_at - HOUR
    services.check_in(event=event, registration=next_week_ticket, by=manager, now=door)
    assert not CECredit.objects.exists()
    assert services.award_attendance_credits(now=door + HOUR / 2) == 0  # not started yet
    assert not CECredit.objects.exists()
    assert services.award_attendance_credits(now=event.starts_at) == 1
    credit = CECredit.objects.get(user=next_week_ticket.user)
    assert credit.earned_on == event.local_date() and credit.hours == Decimal("1.00")
    assert services.award_attendance_credits(now=event.ends_at) == 0  # nothing twice


def test_ce_hours_carry_the_event_date_not_the_check_in_day(user, manager):
    # Starts 22:30 on May 31 in Honolulu; the check-in at 00:30 is already June 1 there.
    starts = datetime.datetime(2026, 6, 1, 8, 30, tzinfo=datetime.UTC)
    event = make_event(time_zone="Pacific/Honolulu", starts_at=starts, hours=3)
    registration = services.register(
        event=event, user=user, ticket_type=ticket_of(event), now=starts - 24 * HOUR
    )
    services.check_in(event=event, registration=registration, by=manager, now=starts + 2 * HOUR)
    assert CECredit.objects.get(user=user).earned_on == datetime.date(2026, 5, 31)


def test_the_credit_command_grants_hours_of_early_check_ins(next_week_ticket, manager):
    from django.core.management import call_command

    event = next_week_ticket.event
    services.check_in(event=event, registration=next_week_ticket, by=manager, now=event.starts_at - HOUR)
    call_command("award-event-credits")
    assert not CECredit.objects.exists()  # the event starts next week
    type(event).objects.filter(pk=event.pk).update(
        starts_at=timezone.now() - HOUR, ends_at=timezone.now() + HOUR
    )
    call_command("award-event-credits")
    assert CECredit.objects.filter(user=next_week_ticket.user).count() == 1


def test_an_unpaid_order_is_flagged_and_staff_may_admit_the_person_on_record(make_user, manager):
    event = make_event(price=Decimal("80"), starts_in=-HOUR / 2)
    registration = services.register(event=event, user=make_user(), ticket_type=ticket_of(event))
    with pytest.raises(UnpaidOrder, match=r"Unpaid: .*\$80"):
        services.check_in(event=event, payload=registration.ticket_code, by=manager)
    assert _registration(registration).checked_in_at is None
    done = services.check_in(event=event, payload=registration.ticket_code, by=manager, admit_unpaid=True)
    assert (done.admitted_unpaid_by, done.checked_in_by) == (manager, manager)
    assert done.admitted_unpaid_at == done.checked_in_at is not None


def test_a_paid_order_goes_through_without_a_flag(make_user, manager):
    event = make_event(price=Decimal("80"), starts_in=-HOUR / 2)
    registration = services.register(event=event, user=make_user(), ticket_type=ticket_of(event))
    services.mark_paid(order=registration.order, by=manager)
    done = services.check_in(event=event, registration=registration, by=manager)
    assert done.checked_in_at is not None and done.admitted_unpaid_at is None


def test_only_event_managers_check_people_in(ticket, make_user):
    with pytest.raises(EventNotAllowed):
        services.check_in(event=ticket.event, payload=ticket.ticket_code, by=make_user())
    with pytest.raises(EventNotAllowed):
        services.check_in(event=ticket.event, payload=ticket.ticket_code, by=ticket.user)
    assert _registration(ticket).checked_in_at is None


def test_a_second_check_in_is_refused_with_a_clear_message(ticket, manager):
    services.check_in(event=ticket.event, payload=ticket.ticket_code, by=manager)
    first_time = _registration(ticket).checked_in_at
    with pytest.raises(RegistrationConflict, match="Already checked in"):
        services.check_in(event=ticket.event, payload=ticket.qr_payload, by=manager)
    assert _registration(ticket).checked_in_at == first_time
    assert CECredit.objects.filter(user=ticket.user).count() == 1


def test_a_ticket_of_another_event_is_refused(ticket, manager):
    other = make_event(title="Another webinar", starts_in=-HOUR / 2)
    with pytest.raises(CheckInError, match="another event"):
        services.check_in(event=other, payload=ticket.qr_payload, by=manager)
    assert _registration(ticket).checked_in_at is None


def test_an_unknown_code_and_a_waitlisted_person_are_refused(make_user, manager):
    event = make_event(capacity=1, starts_in=-HOUR / 2)
    services.register(event=event, user=make_user(), ticket_type=ticket_of(event))
    waiting = services.register(event=event, user=make_user(), ticket_type=ticket_of(event))
    with pytest.raises(CheckInError, match="No ticket"):
        services.check_in(event=event, payload="MEDSOCIAL-TICKET:NOPE", by=manager)
    with pytest.raises(CheckInError, match="no confirmed seat"):
        services.check_in(event=event, payload=waiting.ticket_code, by=manager)


def test_printed_tickets_with_the_older_payload_still_scan(ticket, manager):
    services.check_in(event=ticket.event, payload=f"MEDSOCIAL-TICKET:{ticket.ticket_code}", by=manager)
    assert _registration(ticket).checked_in_at is not None


def test_undoing_a_check_in_withdraws_the_ce_hours(ticket, manager):
    services.check_in(event=ticket.event, payload=ticket.ticket_code, by=manager)
    services.undo_check_in(registration=ticket, by=manager)
    assert not CECredit.objects.filter(user=ticket.user).exists()
    assert _registration(ticket).checked_in_at is None


def test_the_check_in_page_checks_in_by_scan_and_refuses_the_second_scan(client, ticket, manager):
    client.force_login(manager)
    url = f"/events/manage/{ticket.event.slug}/check-in/"
    assert client.get(url).status_code == 200
    ok = client.post(url, {"payload": ticket.qr_payload})
    assert ok.status_code == 200 and "Checked in: " in ok.content.decode()
    again = client.post(url, {"payload": ticket.qr_payload})
    assert again.status_code == 409
    assert "Already checked in" in again.content.decode()


def test_the_check_in_page_says_when_the_door_opens(client, next_week_ticket, manager):
    client.force_login(manager)
    url = f"/events/manage/{next_week_ticket.event.slug}/check-in/"
    assert "Check-in opens at" in client.get(url).content.decode()
    refused = client.post(url, {"payload": next_week_ticket.ticket_code})
    assert refused.status_code == 400 and "Check-in opens at" in refused.content.decode()


def test_the_check_in_page_flags_an_unpaid_order_and_admits_on_request(client, make_user, manager):
    event = make_event(price=Decimal("80"), starts_in=-HOUR / 2)
    registration = services.register(
        event=event, user=make_user(full_name="Una Paid"), ticket_type=ticket_of(event)
    )
    client.force_login(manager)
    url = f"/events/manage/{event.slug}/check-in/"
    flagged = client.post(url, {"payload": registration.qr_payload})
    assert flagged.status_code == 409
    html = flagged.content.decode()
    assert "Unpaid: Una Paid" in html and "Admit unpaid (recorded)" in html
    admitted = client.post(url, {"registration": registration.pk, "admit_unpaid": "1"})
    assert "Admitted with the order unpaid" in admitted.content.decode()
    assert _registration(registration).admitted_unpaid_by == manager


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
    assert _registration(ticket).checked_in_at is None


def test_the_ticket_page_shows_a_qr_code_and_the_pdf_downloads(client, ticket, make_user):
    client.force_login(ticket.user)
    html = client.get(f"/events/registrations/{ticket.pk}/").content.decode()
    assert "<svg" in html and ticket.ticket_code in html
    pdf = client.get(f"/events/registrations/{ticket.pk}/ticket.pdf")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    client.force_login(make_user())
    assert client.get(f"/events/registrations/{ticket.pk}/").status_code == 404
    assert client.get(f"/events/registrations/{ticket.pk}/ticket.pdf").status_code == 404


def test_staff_undo_a_mistaken_check_in_from_the_page(client, ticket, manager):
    client.force_login(manager)
    url = f"/events/manage/{ticket.event.slug}/check-in/"
    client.post(url, {"payload": ticket.ticket_code})
    assert CECredit.objects.filter(user=ticket.user).exists()
    response = client.post(url, {"registration": ticket.pk, "action": "undo"})
    assert "Check-in undone" in response.content.decode()
    assert _registration(ticket).checked_in_at is None
    assert not CECredit.objects.filter(user=ticket.user).exists()


def test_checking_in_a_registration_of_another_event_from_the_page_is_refused(client, ticket, manager):
    other = make_event(starts_in=-HOUR / 2)
    client.force_login(manager)
    response = client.post(f"/events/manage/{other.slug}/check-in/", {"registration": ticket.pk})
    assert response.status_code == 400 and "another event" in response.content.decode()
    assert (
        client.post(
            f"/events/manage/{other.slug}/check-in/", {"registration": ticket.pk, "action": "undo"}
        ).status_code
        == 404
    )
