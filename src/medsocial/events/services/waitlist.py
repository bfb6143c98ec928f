"""The waitlist: a freed seat is offered to the first person waiting, for a limited time."""

import datetime
from functools import partial

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from medsocial.events import payments
from medsocial.events.errors import RegistrationError
from medsocial.events.models import DiscountCode, Event, Order, Registration

CLAIM_SALT = "medsocial.events.claim-seat"


def offer_hours() -> int:
    return int(getattr(settings, "EVENTS_SEAT_OFFER_HOURS", 24))


def claim_token(registration: Registration) -> str:
    """A signed token naming the registration and this offer (a later offer gets a new token)."""
    expires = registration.offer_expires_at
    assert expires is not None, "a claim token is made only for a registration with an open offer"
    return signing.dumps({"r": registration.pk, "x": expires.isoformat()}, salt=CLAIM_SALT)


def offer_free_seats(event: Event, *, now=None) -> list[Registration]:
    """Offer every free seat to the people first on the waitlist. Call inside the transaction
    that locked the event."""
    from medsocial.events import tasks

    now = now or timezone.now()
    if event.status != Event.Status.PUBLISHED or now >= event.starts_at:
        return []
    free = event.capacity - event.registrations.filter(status__in=Registration.SEAT_HOLDING).count()
    if free <= 0:
        return []
    expires = min(now + datetime.timedelta(hours=offer_hours()), event.starts_at)
    waiting = list(
        event.registrations.select_for_update()
        .filter(status=Registration.Status.WAITLISTED)
        .order_by("waitlisted_at", "pk")[:free]
    )
    for registration in waiting:
        registration.status = Registration.Status.OFFERED
        registration.offer_expires_at = expires
        registration.save(update_fields=["status", "offer_expires_at"])
        transaction.on_commit(partial(tasks.send_seat_offer_email.enqueue, registration.pk))
    return waiting


def claim_seat(*, token: str, now=None) -> Registration:
    """Turn an offered seat into a confirmed registration, if the offer has not lapsed."""
    from medsocial.events import tasks

    now = now or timezone.now()
    try:
        data = signing.loads(token, salt=CLAIM_SALT)
    except signing.BadSignature:
        raise RegistrationError("This link is not valid.") from None
    with transaction.atomic():
        registration = Registration.objects.filter(pk=data.get("r")).first()
        if registration is None:
            raise RegistrationError("This link is not valid.")
        Event.objects.select_for_update().get(pk=registration.event_id)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status == Registration.Status.CONFIRMED:
            return registration
        stale = (
            registration.offer_expires_at is None
            or registration.offer_expires_at.isoformat() != data.get("x")
        )
        if (
            registration.status != Registration.Status.OFFERED
            or stale
            or now >= registration.offer_expires_at
        ):
            raise RegistrationError("This seat offer has lapsed and went to the next person on the waitlist.")
        registration.status = Registration.Status.CONFIRMED
        registration.confirmed_at = now
        registration.offer_expires_at = None
        registration.save(update_fields=["status", "confirmed_at", "offer_expires_at"])
        order = Order.objects.get(registration=registration)
        if order.total > 0:
            provider = payments.get_provider(order.payment_provider)
            transaction.on_commit(lambda: provider.order_placed(order))
        transaction.on_commit(lambda: tasks.send_registration_email.enqueue(registration.pk))
    return registration


def expire_offers(*, now=None) -> int:
    """Lapse every seat offer past its time and offer those seats to the next people. Idempotent."""
    now = now or timezone.now()
    event_ids = set(
        Registration.objects.filter(
            status=Registration.Status.OFFERED, offer_expires_at__lte=now
        ).values_list("event_id", flat=True)
    )
    lapsed = 0
    for event_id in sorted(event_ids):
        with transaction.atomic():
            event = Event.objects.select_for_update().get(pk=event_id)
            for registration in (
                event.registrations.select_for_update(of=("self",))
                .filter(status=Registration.Status.OFFERED, offer_expires_at__lte=now)
                .select_related("order")
            ):
                registration.status = Registration.Status.EXPIRED
                registration.save(update_fields=["status"])
                order = registration.order
                if order.discount_code_id:
                    DiscountCode.objects.filter(pk=order.discount_code_id, times_used__gt=0).update(
                        times_used=F("times_used") - 1
                    )
                order.payment_status = order.PaymentStatus.VOID
                order.save(update_fields=["payment_status"])
                lapsed += 1
            offer_free_seats(event, now=now)
    return lapsed
