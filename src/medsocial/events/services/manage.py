"""Event managers' writes: events and what belongs to them (tickets, codes, questions, programme)."""

from functools import partial

from django.db import transaction

from medsocial.core.covers import social_cover
from medsocial.events.errors import EventError
from medsocial.events.models import (
    DiscountCode,
    Event,
    Order,
    Question,
    Registration,
    Room,
    Session,
    Speaker,
    TicketType,
    Track,
)
from medsocial.events.services.checkin import require_event_manager
from medsocial.events.services.rules import PART_RULES, check_event
from medsocial.events.services.schedule import local_time, remove_session, save_session
from medsocial.events.services.waitlist import offer_free_seats


@transaction.atomic
def save_event(*, event: Event, by) -> Event:
    """Create or update `event` (an instance holding the new values, from a form or the API)
    after checking the rules every caller shares (`rules.check_event`). More seats go to the
    waitlist at once; cancelling the event tells everyone registered."""
    from medsocial.events import tasks

    require_event_manager(by)
    check_event(event)
    # A cover just uploaded is not stored yet: crop it to the picture networks show first.
    if event.cover_image and not event.cover_image._committed:
        event.cover_image = social_cover(event.cover_image.file, error=EventError)
    if event.pk is not None:
        Event.objects.select_for_update().filter(pk=event.pk).values_list("pk").get()
        _check_sessions_still_fit(event)
    was_cancelled = (
        event.pk is not None and Event.objects.filter(pk=event.pk, status=Event.Status.CANCELLED).exists()
    )
    if event.pk is None:
        event.created_by = by
    event.save()
    locked = Event.objects.select_for_update().get(pk=event.pk)
    if locked.status == Event.Status.CANCELLED and not was_cancelled:
        for registration_id in locked.registrations.filter(status__in=Registration.ACTIVE).values_list(
            "pk", flat=True
        ):
            transaction.on_commit(partial(tasks.send_event_cancelled.enqueue, registration_id))
    else:
        offer_free_seats(locked)
    return event


def _check_sessions_still_fit(event: Event) -> None:
    """New event times must still hold every session of the programme (call with the event locked)."""
    early = event.sessions.filter(starts_at__lt=event.starts_at).order_by("starts_at").first()
    if early is not None:
        raise EventError(
            f"“{early.title}” starts at {local_time(early.starts_at, event)}, before the new start; "
            "move or remove it first.",
            field="starts_at",
        )
    late = event.sessions.filter(ends_at__gt=event.ends_at).order_by("-ends_at").first()
    if late is not None:
        raise EventError(
            f"“{late.title}” ends at {local_time(late.ends_at, event)}, after the new end; move or remove it first.",
            field="ends_at",
        )


def _check_ticket_quantity(ticket_type: TicketType) -> None:
    """Tickets already held stay held: call with the event locked, as `register` locks it."""
    if ticket_type.pk is None or ticket_type.quantity is None:
        return
    held = Registration.objects.filter(
        ticket_type_id=ticket_type.pk, status__in=Registration.SEAT_HOLDING
    ).count()
    if ticket_type.quantity < held:
        raise EventError(
            f"{held} of these tickets are already held; the quantity cannot be less than {held}.",
            field="quantity",
        )


@transaction.atomic
def save_event_part(*, event: Event, part, by, m2m: dict | None = None):
    """Add or change a ticket type, discount code, question, track, room, session or speaker of
    `event`. `part` holds the new values (from a form or the API), `m2m` its many-to-many values
    (a session's speakers). Each kind's rules are in `rules`; sessions are checked by `save_session`."""
    require_event_manager(by)
    if isinstance(part, Session):
        return save_session(event=event, session=part, speakers=(m2m or {}).get("speakers"))
    event = Event.objects.select_for_update().get(pk=event.pk)
    if hasattr(part, "event_id"):
        part.event = event
    check = PART_RULES.get(type(part))
    if check is not None:
        check(part)
    if isinstance(part, TicketType):
        _check_ticket_quantity(part)
    part.save()
    for name, values in (m2m or {}).items():
        getattr(part, name).set(values)
    return part


def _sessions_use(n: int) -> str:
    return "1 session uses" if n == 1 else f"{n} sessions use"


def removal_blocker(part) -> str:
    """Why `part` cannot be removed, or "" when it can. The confirmation page shows it; the
    removal raises it. What others depend on stays: sessions keep their track, room and
    speakers, orders their ticket type and discount code, registrations their answers."""
    if isinstance(part, Track | Room):
        kind = "track" if isinstance(part, Track) else "room"
        n = part.sessions.count()
        return (
            f"{_sessions_use(n)} the {kind} “{part.name}”; move {'it' if n == 1 else 'them'} elsewhere first."
            if n
            else ""
        )
    if isinstance(part, Speaker):
        n = part.sessions.count()
        plural = "s" if n != 1 else ""
        return (
            f"{part.name} speaks in {n} session{plural}; take them off the session{plural} first."
            if n
            else ""
        )
    if isinstance(part, TicketType):
        n = part.registrations.count()
        return (
            (
                f"{n} order{'s were' if n != 1 else ' was'} placed for “{part.name}”, so it stays on record. "
                "Untick “Is active” to take it off sale instead."
            )
            if n
            else ""
        )
    if isinstance(part, DiscountCode):
        n = Order.objects.filter(discount_code=part).count()
        return (
            (
                f"The code {part.code} was used on {n} order{'s' if n != 1 else ''}, so it stays on record. "
                "Untick “Is active” to stop it instead."
            )
            if n
            else ""
        )
    if isinstance(part, Question):
        n = Registration.objects.filter(event_id=part.event_id, answers__has_key=str(part.pk)).count()
        return (
            (
                f"{n} registration{'s' if n != 1 else ''} answered “{part.label}”; removing it would drop those answers "
                "from the exports."
            )
            if n
            else ""
        )
    return ""


@transaction.atomic
def remove_event_part(*, event: Event, part, by, people_told: int = 0) -> None:
    """Remove a ticket type, discount code, question, track, room, speaker or session of `event`,
    unless something still depends on it (the EventError says what). `people_told` is how many
    people the manager was told have a session on their agenda (see `remove_session`)."""
    require_event_manager(by)
    Event.objects.select_for_update().get(pk=event.pk)  # the same lock the programme and registrations take
    if isinstance(part, Session):
        remove_session(session=part, people_told=people_told)
        return
    blocker = removal_blocker(part)
    if blocker:
        raise EventError(blocker)
    part.delete()
