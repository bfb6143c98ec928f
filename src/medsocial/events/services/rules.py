"""The rules an event and its parts keep, whoever writes them (pages, the API, the CLI, tests).

Forms only parse; `save_event` and `save_event_part` call these before saving and raise an
EventError naming the field, so every caller gets the same refusal with the same message.
"""

import datetime
from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError

from medsocial.core.dates import DATE_RANGE_MESSAGE, outside_supported_years
from medsocial.events.errors import EventError
from medsocial.events.models import DiscountCode, Event, Question, Speaker, TicketType

# First path segments the events URLs use for their own pages.
RESERVED_SLUGS = {"mine", "calendar", "claim", "registrations", "workshops", "manage"}


# Real time zones lie between UTC-12 and UTC+14; PostgreSQL refuses offsets past ±15:59.
LARGEST_UTC_OFFSET = datetime.timedelta(hours=14)
UTC_OFFSET_MESSAGE = "Give a time zone offset between -14:00 and +14:00."


def check_moment(value: datetime.datetime | None, *, field: str) -> None:
    """Refuse a date outside 1900–2200 (read before any time zone conversion, which could overflow)
    and an offset no time zone has."""
    if value is None:
        return
    if outside_supported_years(value):
        raise EventError(DATE_RANGE_MESSAGE, field=field)
    offset = value.utcoffset()
    if offset is not None and abs(offset) > LARGEST_UTC_OFFSET:
        raise EventError(UTC_OFFSET_MESSAGE, field=field)


def _check_fields(instance) -> None:
    """Field-level checks the model declares (lengths, choices, digits, time zone names, ranges),
    for callers that did not come through a form; EventError names the first field."""
    try:
        instance.clean_fields(exclude=["event", "created_by", "photo"])
    except ValidationError as exc:
        field, messages = next(iter(exc.message_dict.items()))
        raise EventError(f"{messages[0]}", field=field) from None


def check_event(event: Event) -> None:
    """An event: a usable address, an end after its start, dates within range, registration that
    closes after it opens, and an organization named when only its members may see it."""
    for name in (
        "starts_at",
        "ends_at",
        "registration_opens_at",
        "registration_closes_at",
        "cancellation_deadline",
    ):
        check_moment(getattr(event, name), field=name)
    if not (event.slug or "").strip():
        raise EventError("Give the event an address (slug).", field="slug")
    if event.slug in RESERVED_SLUGS:
        raise EventError("This address is used by the site; choose another.", field="slug")
    if Event.objects.filter(slug=event.slug).exclude(pk=event.pk).exists():
        raise EventError("Another event already uses this address; choose another.", field="slug")
    if not (event.title or "").strip():
        raise EventError("Give the event a title.", field="title")
    if event.starts_at is None or event.ends_at is None:
        raise EventError("An event needs a start and an end.", field="starts_at")
    if event.ends_at <= event.starts_at:
        raise EventError("The event must end after it starts.", field="ends_at")
    if (
        event.registration_opens_at
        and event.registration_closes_at
        and event.registration_closes_at <= event.registration_opens_at
    ):
        raise EventError("Registration must close after it opens.", field="registration_closes_at")
    if event.visibility == Event.Visibility.ORGANIZATION and event.organization_id is None:
        raise EventError("Choose the organization whose members may see this event.", field="organization")
    if event.ce_hours is not None and event.ce_hours < 0:
        raise EventError("CE hours cannot be negative.", field="ce_hours")
    _check_fields(event)


def check_ticket_type(ticket_type: TicketType) -> None:
    """A ticket type: no negative price, and an early-bird price only with the date it ends."""
    check_moment(ticket_type.early_bird_until, field="early_bird_until")
    if not (ticket_type.name or "").strip():
        raise EventError("Give the ticket type a name.", field="name")
    for name in ("price", "member_price", "early_bird_price"):
        value = getattr(ticket_type, name)
        if value is not None and value < 0:
            raise EventError("A price cannot be negative.", field=name)
    if ticket_type.early_bird_price is not None and not ticket_type.early_bird_until:
        raise EventError("An early-bird price needs an end date.", field="early_bird_until")
    _check_fields(ticket_type)


def check_discount_code(discount: DiscountCode) -> None:
    """A discount code: unique within its event (whatever the case), at most 100 percent off."""
    check_moment(discount.valid_until, field="valid_until")
    discount.code = (discount.code or "").strip().upper()
    if not discount.code:
        raise EventError("Enter the code people type.", field="code")
    if (
        DiscountCode.objects.filter(event_id=discount.event_id, code__iexact=discount.code)
        .exclude(pk=discount.pk)
        .exists()
    ):
        raise EventError("This event already has that code.", field="code")
    if discount.value is None or discount.value < 0:
        raise EventError("A discount cannot be negative.", field="value")
    if discount.kind == DiscountCode.Kind.PERCENT and discount.value > 100:
        raise EventError("A percentage is at most 100.", field="value")
    _check_fields(discount)


def check_question(question: Question) -> None:
    if not (question.label or "").strip():
        raise EventError("Write the question.", field="label")
    if question.kind == Question.Kind.CHOICE and len(question.options) < 2:
        raise EventError("A choice question needs at least two options, one per line.", field="choices")
    _check_fields(question)


def check_speaker(speaker: Speaker) -> None:
    if Speaker.objects.filter(slug=speaker.slug).exclude(pk=speaker.pk).exists():
        raise EventError("Another speaker already uses this address; choose another.", field="slug")
    _check_fields(speaker)


PART_RULES: dict[type, Callable[[Any], None]] = {
    TicketType: check_ticket_type,
    DiscountCode: check_discount_code,
    Question: check_question,
    Speaker: check_speaker,
}
