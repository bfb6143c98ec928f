"""Check-in at the door, and the CE hours attendance earns."""

from django.db import transaction
from django.utils import timezone

from medsocial.events.errors import CheckInError, RegistrationConflict
from medsocial.events.models import Event, Registration
from medsocial.learning import services as learning

PAYLOAD_PREFIX = "MEDSOCIAL-TICKET:"


def ticket_code_from(payload: str) -> str:
    """Accept what a scanner types (the full QR payload, maybe a URL ending in it) or the bare code."""
    text = (payload or "").strip()
    if PAYLOAD_PREFIX.lower() in text.lower():
        text = text[text.lower().index(PAYLOAD_PREFIX.lower()) + len(PAYLOAD_PREFIX) :]
    return text.strip().strip("/").upper()


def ce_source_key(event: Event) -> str:
    return f"event:{event.pk}"


@transaction.atomic
def check_in(
    *, event: Event, payload: str = "", registration: Registration | None = None, by, now=None
) -> Registration:
    """Mark a ticket holder as attended and grant the event's CE hours.

    Refuses an unknown code, a ticket for another event, a seat that is not confirmed and a
    ticket already used, each with a message staff can read out.
    """
    now = now or timezone.now()
    qs = Registration.objects.select_for_update(of=("self",)).select_related("event", "user")
    if registration is not None:
        found = qs.filter(pk=registration.pk).first()
    else:
        code = ticket_code_from(payload)
        found = qs.filter(ticket_code=code).first() if code else None
    if found is None:
        raise CheckInError("No ticket has that code. Check the code or search the name.", field="payload")
    if found.event_id != event.pk:
        raise CheckInError(f"This ticket is for another event: {found.event.title}.", field="payload")
    if found.status != Registration.Status.CONFIRMED:
        raise CheckInError(
            f"{found.user.display_name} has no confirmed seat ({found.get_status_display().lower()}).",
            field="payload",
        )
    if found.checked_in_at:
        when = timezone.localtime(found.checked_in_at, event.tz)
        raise RegistrationConflict(
            f"Already checked in: {found.user.display_name} at {when:%H:%M} ({when:%b %d}). This ticket cannot be used twice.",
            field="payload",
        )
    found.checked_in_at = now
    found.checked_in_by = by
    found.save(update_fields=["checked_in_at", "checked_in_by"])
    if event.ce_hours and event.ce_hours > 0:
        learning.award_ce_credit(
            user=found.user,
            source="event",
            source_key=ce_source_key(event),
            title=event.title,
            hours=event.ce_hours,
            earned_on=timezone.localtime(now, event.tz).date(),
        )
    return found


@transaction.atomic
def undo_check_in(*, registration: Registration, by) -> Registration:
    """Take back a check-in made by mistake, with the CE hours it granted."""
    registration = (
        Registration.objects.select_for_update(of=("self",)).select_related("event").get(pk=registration.pk)
    )
    if not registration.checked_in_at:
        raise CheckInError("This ticket has not been checked in.")
    registration.checked_in_at = None
    registration.checked_in_by = None
    registration.save(update_fields=["checked_in_at", "checked_in_by"])
    learning.withdraw_ce_credit(user=registration.user, source_key=ce_source_key(registration.event))
    return registration
