"""Test factories for events: plain functions with sensible defaults."""

import datetime
import itertools
from decimal import Decimal

from django.utils import timezone

from medsocial.events.models import DiscountCode, Event, Question, Session, TicketType, Track

_sequence = itertools.count(1)


def make_event(*, ticket: bool = True, price: Decimal = Decimal("0"), starts_in: datetime.timedelta = datetime.timedelta(days=7),
               hours: int = 2, **fields) -> Event:
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
    defaults = {"title": f"Session {next(_sequence)}", "starts_at": starts, "ends_at": starts + datetime.timedelta(minutes=45),
                "track": track}
    defaults.update(fields)
    return Session.objects.create(event=event, **defaults)
