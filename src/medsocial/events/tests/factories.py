"""Test factories for events: plain functions with sensible defaults."""

import datetime
import itertools
from decimal import Decimal

from django.utils import timezone

from medsocial.events.models import (
    AgendaItem,
    DiscountCode,
    Event,
    Question,
    Room,
    Session,
    Speaker,
    TicketType,
    Track,
)

_sequence = itertools.count(1)


def make_event(
    *,
    ticket: bool = True,
    price: Decimal = Decimal("0"),
    starts_in: datetime.timedelta = datetime.timedelta(days=7),
    hours: int = 2,
    **fields,
) -> Event:
    """A published public webinar a week from now with one free ticket type (unless told otherwise)."""
    n = next(_sequence)
    starts_at = fields.pop("starts_at", None) or timezone.now() + starts_in
    defaults = {
        "slug": f"event-{n}",
        "title": f"Event {n}",
        "kind": Event.Kind.WEBINAR,
        "status": Event.Status.PUBLISHED,
        "starts_at": starts_at,
        "ends_at": starts_at + datetime.timedelta(hours=hours),
        "capacity": 50,
        "join_url": "https://meet.example.org/room-1",
        "ce_hours": Decimal("1.50"),
    }
    defaults.update(fields)
    event = Event.objects.create(**defaults)
    if ticket:
        TicketType.objects.create(event=event, name="Standard", price=price)
    return event


def ticket_of(event: Event) -> TicketType:
    return event.ticket_types.order_by("pk").first()


def make_discount(event: Event, **fields) -> DiscountCode:
    defaults = {"code": f"SAVE{next(_sequence)}", "kind": DiscountCode.Kind.PERCENT, "value": Decimal("20")}
    defaults.update(fields)
    return DiscountCode.objects.create(event=event, **defaults)


def make_question(event: Event, **fields) -> Question:
    defaults = {"label": f"Question {next(_sequence)}", "kind": Question.Kind.TEXT, "required": True}
    defaults.update(fields)
    return Question.objects.create(event=event, **defaults)


def make_session(event: Event, *, track: Track | None = None, offset_hours: int = 0, **fields) -> Session:
    starts = event.starts_at + datetime.timedelta(hours=offset_hours)
    defaults = {
        "title": f"Session {next(_sequence)}",
        "starts_at": starts,
        "ends_at": starts + datetime.timedelta(minutes=45),
        "track": track,
    }
    defaults.update(fields)
    return Session.objects.create(event=event, **defaults)


def form_data(form, **changes) -> dict:
    """POST data that submits an unbound form's initial values again, with `changes`."""
    data = {}
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        if value is None or hasattr(value, "storage"):  # nothing to send, or a stored file
            continue
        if isinstance(value, bool):
            if value:
                data[name] = "on"
            continue
        if isinstance(value, list | tuple):
            value = [getattr(v, "pk", v) for v in value]
        data[name] = getattr(value, "pk", value)
    data.update(changes)
    return data


def programme_state(event: Event) -> dict:
    """Everything the programme and ticket pages can change, to compare before and after."""
    return {
        "sessions": list(
            Session.objects.filter(event=event)
            .order_by("pk")
            .values_list(
                "pk", "title", "abstract", "format", "track_id", "room_id", "starts_at", "ends_at", "capacity"
            )
        ),
        "speakers": list(
            Speaker.objects.order_by("pk").values_list(
                "pk", "name", "slug", "organization_name", "bio", "photo"
            )
        ),
        "session_speakers": sorted(Session.speakers.through.objects.values_list("session_id", "speaker_id")),
        "tracks": list(
            Track.objects.filter(event=event).order_by("pk").values_list("pk", "name", "position")
        ),
        "rooms": list(Room.objects.filter(event=event).order_by("pk").values_list("pk", "name", "capacity")),
        "ticket_types": list(
            TicketType.objects.filter(event=event)
            .order_by("pk")
            .values_list("pk", "name", "price", "quantity")
        ),
        "discount_codes": list(
            DiscountCode.objects.filter(event=event).order_by("pk").values_list("pk", "code", "value")
        ),
        "questions": list(
            Question.objects.filter(event=event).order_by("pk").values_list("pk", "label", "required")
        ),
        "agenda": sorted(AgendaItem.objects.values_list("session_id", "user_id")),
    }
