"""Sessions in time slots and rooms: the rules a programme keeps whoever adds or changes a session.

Programme writes lock the event row first, so two managers moving sessions at the same time are
checked one after the other and a room is never double-booked by a race.
"""

from django.db import transaction
from django.utils import dateformat, timezone

from medsocial.events.errors import EventError
from medsocial.events.models import AgendaItem, Event, Session
from medsocial.events.services.rules import check_moment


def local_time(moment, event: Event, fmt: str = "M j, g:i A") -> str:
    return dateformat.format(timezone.localtime(moment, event.tz), fmt)


def people_have(n: int) -> str:
    return "1 person has" if n == 1 else f"{n} people have"


def check_session_fits(*, session: Session, event: Event) -> None:
    """Raise EventError naming the field unless the session ends after it starts, lies within the
    event, uses the event's own track and room, and its room is free then. Call with the event locked."""
    check_moment(session.starts_at, field="starts_at")
    check_moment(session.ends_at, field="ends_at")
    if session.ends_at <= session.starts_at:
        raise EventError("The session must end after it starts.", field="ends_at")
    if session.starts_at < event.starts_at:
        raise EventError(
            f"The session starts before the event does ({local_time(event.starts_at, event)}).",
            field="starts_at",
        )
    if session.ends_at > event.ends_at:
        raise EventError(
            f"The session ends after the event does ({local_time(event.ends_at, event)}).", field="ends_at"
        )
    for item, label in ((session.track, "track"), (session.room, "room")):
        if item is not None and item.event_id != event.pk:
            raise EventError(f"That {label} belongs to another event.", field=label)
    if session.room is not None:
        clash = (
            Session.objects.filter(
                room=session.room, starts_at__lt=session.ends_at, ends_at__gt=session.starts_at
            )
            .exclude(pk=session.pk)
            .order_by("starts_at", "pk")
            .first()
        )
        if clash is not None:
            raise EventError(
                f"{session.room.name} already holds “{clash.title}” from {local_time(clash.starts_at, event)} "
                f"to {local_time(clash.ends_at, event, 'g:i A')}.",
                field="room",
            )


def _check_capacity(session: Session) -> None:
    """Seats already taken stay taken: call with the session locked, as `add_to_agenda` locks it."""
    if session.pk is None or session.capacity is None:
        return
    taken = AgendaItem.objects.filter(session_id=session.pk).count()
    if session.capacity < taken:
        raise EventError(
            f"{people_have(taken)} this session on their agenda; the capacity cannot be less than {taken}.",
            field="capacity",
        )


@transaction.atomic
def save_session(*, event: Event, session: Session, speakers=None) -> Session:
    """Add or change a session (an instance holding the new values), refusing a slot outside the
    event, a room already taken then, or a capacity below the seats already reserved."""
    event = Event.objects.select_for_update().get(pk=event.pk)
    session.event = event
    if session.pk is not None:
        Session.objects.select_for_update().filter(pk=session.pk).values_list("pk").get()
    check_session_fits(session=session, event=event)
    _check_capacity(session)
    session.save()
    if speakers is not None:
        session.speakers.set(speakers)
    return session


@transaction.atomic
def remove_session(*, session: Session, people_told: int) -> None:
    """Remove a session, and with it every attendee's agenda entry or seat for it. Call inside
    the transaction that locked the event (`remove_event_part` does).

    Removal is allowed even when people have the session on their agenda: a cancelled talk has
    to leave the programme, and only attendees can take a session off their own agenda, so a
    refusal would keep it there for good. Instead the confirmation tells the manager how many
    people are affected (`people_told`), and if more added it since, the manager is asked again.
    """
    session = Session.objects.select_for_update().get(pk=session.pk)
    affected = session.agenda_items.count()
    if affected > people_told:
        raise EventError(
            f"{people_have(affected)} “{session.title}” on their agenda, more than when you looked. "
            "Check the number and confirm again."
        )
    session.delete()
