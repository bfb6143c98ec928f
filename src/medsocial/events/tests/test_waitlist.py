"""A freed seat goes to the first person waiting, by email, for a limited time; then to the next."""

import datetime
import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from medsocial.events import services
from medsocial.events.errors import RegistrationError
from medsocial.events.models import Registration
from medsocial.events.tests.factories import make_event, ticket_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def full_event_with_waitlist(make_user):
    """One seat, taken; two people waiting (first, then second)."""
    event = make_event(capacity=1)
    holder = services.register(
        event=event, user=make_user(email="holder@example.org"), ticket_type=ticket_of(event)
    )
    first = services.register(
        event=event,
        user=make_user(email="first@example.org"),
        ticket_type=ticket_of(event),
        now=timezone.now() - datetime.timedelta(minutes=2),
    )
    second = services.register(
        event=event, user=make_user(email="second@example.org"), ticket_type=ticket_of(event)
    )
    return event, holder, first, second


def _claim_link(message) -> str:
    return re.search(r"http\S+/events/claim/(\S+?)/", message.body).group(1)


def test_a_cancelled_seat_is_offered_to_the_first_person_waiting_by_email(
    full_event_with_waitlist, django_capture_on_commit_callbacks
):
    event, holder, first, second = full_event_with_waitlist
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_registration(registration=holder, by=holder.user)
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == Registration.Status.OFFERED
    assert first.offer_expires_at > timezone.now()
    assert second.status == Registration.Status.WAITLISTED
    offer = [m for m in mail.outbox if m.to == ["first@example.org"]][-1]
    assert "claim" in offer.body.lower() and _claim_link(offer)


def test_claiming_the_offer_confirms_the_seat(
    full_event_with_waitlist, django_capture_on_commit_callbacks, client
):
    event, holder, first, second = full_event_with_waitlist
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_registration(registration=holder, by=holder.user)
    token = _claim_link([m for m in mail.outbox if m.to == ["first@example.org"]][-1])
    assert client.get(f"/events/claim/{token}/").status_code == 200
    response = client.post(f"/events/claim/{token}/")
    assert response.status_code == 302
    first.refresh_from_db()
    assert first.status == Registration.Status.CONFIRMED


def test_a_lapsed_offer_goes_to_the_next_person_and_its_link_stops_working(
    full_event_with_waitlist, django_capture_on_commit_callbacks
):
    event, holder, first, second = full_event_with_waitlist
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_registration(registration=holder, by=holder.user)
    first.refresh_from_db()
    token = services.claim_token(first)
    later = first.offer_expires_at + datetime.timedelta(minutes=1)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.expire_offers(now=later) == 1
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == Registration.Status.EXPIRED
    assert second.status == Registration.Status.OFFERED
    assert any(m.to == ["second@example.org"] and "claim" in m.body.lower() for m in mail.outbox)
    with pytest.raises(RegistrationError, match="lapsed"):
        services.claim_seat(token=token, now=later)


def test_the_expiry_command_is_idempotent(full_event_with_waitlist):
    event, holder, first, second = full_event_with_waitlist
    services.cancel_registration(registration=holder, by=holder.user)
    Registration.objects.filter(pk=first.pk).update(
        offer_expires_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    call_command("expire-seat-offers")
    call_command("expire-seat-offers")
    assert Registration.objects.get(pk=first.pk).status == Registration.Status.EXPIRED
    assert Registration.objects.get(pk=second.pk).status == Registration.Status.OFFERED


def test_a_forged_claim_token_is_refused(client):
    response = client.post("/events/claim/not-a-token/")
    assert response.status_code == 400
    assert "not valid" in response.content.decode()


def test_newcomers_do_not_jump_ahead_of_people_waiting(full_event_with_waitlist, make_user):
    event, holder, first, second = full_event_with_waitlist
    services.cancel_registration(registration=holder, by=holder.user)  # seat is now offered to `first`
    newcomer = services.register(event=event, user=make_user(), ticket_type=ticket_of(event))
    assert newcomer.status == Registration.Status.WAITLISTED
