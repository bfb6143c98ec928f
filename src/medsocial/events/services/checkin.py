"""Check-in at the door, and the CE hours attendance earns.

The door is open from a set time before the start (`Event.checkin_opens_at`) until the end.
CE hours are granted only for attendance of an event that has started, and carry the event's
date: a person checked in before the start gets them once the event starts
(`award_attendance_credits`, run from cron by `medsocial award-event-credits`).
"""

import re

from django.db import transaction
from django.db.models import CharField, Exists, OuterRef, Value
from django.db.models.functions import Cast, Concat
from django.utils import dateformat, timezone

from medsocial.events.errors import CheckInError, EventNotAllowed, RegistrationConflict, UnpaidOrder
from medsocial.events.models import Event, Order, Registration
from medsocial.events.selectors import is_event_manager
from medsocial.learning import services as learning
from medsocial.learning.models import CECredit

# Printed tickets before the QR code held a URL encoded "MEDSOCIAL-TICKET:<code>"; both are read.
PAYLOAD_PREFIX = "MEDSOCIAL-TICKET:"
_URL_CODE = re.compile(r"/ticket/([0-9A-Za-z]+)/?(?:[?#].*)?$")


def ticket_code_from(payload: str) -> str:
    """Accept what a scanner types (the ticket's check-in URL, the older `MEDSOCIAL-TICKET:`
    payload) or the bare code typed by hand."""
    text = (payload or "").strip()
    found = _URL_CODE.search(text)
    if found:
        return found.group(1).upper()
    if PAYLOAD_PREFIX.lower() in text.lower():
        text = text[text.lower().index(PAYLOAD_PREFIX.lower()) + len(PAYLOAD_PREFIX) :]
    return text.strip().strip("/").upper()


def ce_source_key(event: Event) -> str:
    return f"event:{event.pk}"


def require_event_manager(user) -> None:
    """Event staff services call this first, so pages, the API and the CLI share one rule."""
    if not is_event_manager(user):
        raise EventNotAllowed("Only event managers can do this.")


def _moment(moment, event: Event) -> str:
    return dateformat.format(timezone.localtime(moment, event.tz), "M j, g:i A T")


def door_closed_reason(event: Event, now=None) -> str:
    """Why check-in for `event` is not open at `now`, or "" when it is."""
    now = now or timezone.now()
    if event.status == Event.Status.CANCELLED:
        return "This event was cancelled; nobody can check in."
    opens = event.checkin_opens_at()
    if now < opens:
        return f"Check-in opens at {_moment(opens, event)}, before the start at {_moment(event.starts_at, event)}."
    if now >= event.ends_at:
        return f"Check-in closed when the event ended ({_moment(event.ends_at, event)})."
    return ""


def check_door_open(event: Event, now) -> None:
    """Raise CheckInError unless check-in for `event` is open at `now`."""
    reason = door_closed_reason(event, now)
    if reason:
        raise CheckInError(reason, field="payload")


def _grant_credit(registration: Registration, event: Event) -> None:
    if event.ce_hours and event.ce_hours > 0:
        learning.award_ce_credit(
            user=registration.user,
            source="event",
            source_key=ce_source_key(event),
            title=event.title,
            hours=event.ce_hours,
            earned_on=event.local_date(),
        )


@transaction.atomic
def check_in(
    *,
    event: Event,
    payload: str = "",
    registration: Registration | None = None,
    by,
    admit_unpaid: bool = False,
    now=None,
) -> Registration:
    """Mark a ticket holder as attended; once the event has started, grant its CE hours.

    Refuses (with a message staff can read out) anyone but an event manager, an unknown code, a
    ticket for another event, a closed door, a seat that is not confirmed and a ticket already
    used. An order still awaiting payment is refused with `UnpaidOrder` unless staff admit the
    person anyway (`admit_unpaid`), which is recorded with who and when.
    """
    require_event_manager(by)
    now = now or timezone.now()
    qs = Registration.objects.select_for_update(of=("self",)).select_related("event", "user", "order")
    if registration is not None:
        found = qs.filter(pk=registration.pk).first()
    else:
        code = ticket_code_from(payload)
        found = qs.filter(ticket_code=code).first() if code else None
    if found is None:
        raise CheckInError("No ticket has that code. Check the code or search the name.", field="payload")
    if found.event_id != event.pk:
        raise CheckInError(f"This ticket is for another event: {found.event.title}.", field="payload")
    event = found.event
    check_door_open(event, now)
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
    order = getattr(found, "order", None)
    unpaid = order is not None and order.payment_status == Order.PaymentStatus.PENDING
    if order is not None and unpaid and not admit_unpaid:
        raise UnpaidOrder(
            f"Unpaid: {found.user.display_name}'s order {order.invoice_number} (${order.total}) is awaiting "
            "payment. Take the payment, or admit anyway (recorded with your name).",
            field="payload",
        )
    found.checked_in_at = now
    found.checked_in_by = by
    fields = ["checked_in_at", "checked_in_by"]
    if unpaid:
        found.admitted_unpaid_at = now
        found.admitted_unpaid_by = by
        fields += ["admitted_unpaid_at", "admitted_unpaid_by"]
    found.save(update_fields=fields)
    if event.has_started(now):
        _grant_credit(found, event)
    return found


@transaction.atomic
def undo_check_in(*, registration: Registration, by) -> Registration:
    """Take back a check-in made by mistake, with the CE hours it granted and any unpaid admission."""
    require_event_manager(by)
    registration = (
        Registration.objects.select_for_update(of=("self",)).select_related("event").get(pk=registration.pk)
    )
    if not registration.checked_in_at:
        raise CheckInError("This ticket has not been checked in.")
    registration.checked_in_at = None
    registration.checked_in_by = None
    registration.admitted_unpaid_at = None
    registration.admitted_unpaid_by = None
    registration.save(
        update_fields=["checked_in_at", "checked_in_by", "admitted_unpaid_at", "admitted_unpaid_by"]
    )
    learning.withdraw_ce_credit(user=registration.user, source_key=ce_source_key(registration.event))
    return registration


def award_attendance_credits(*, now=None) -> int:
    """Grant the CE hours of people checked in before their event started, once it has started.
    Idempotent (one credit per person and event); returns how many were granted."""
    now = now or timezone.now()
    already = CECredit.objects.filter(
        user_id=OuterRef("user_id"),
        source_key=Concat(Value("event:"), Cast(OuterRef("event_id"), output_field=CharField())),
    )
    due = (
        Registration.objects.filter(
            status=Registration.Status.CONFIRMED,
            checked_in_at__isnull=False,
            event__starts_at__lte=now,
            event__ce_hours__gt=0,
        )
        .exclude(event__status=Event.Status.CANCELLED)
        .filter(~Exists(already))
        .select_related("event", "user")
    )
    granted = 0
    for registration in due:
        with transaction.atomic():
            _grant_credit(registration, registration.event)
        granted += 1
    return granted
