"""Events: webinars, workshops (at the hub and on site), the yearly summit and its programme."""

from medsocial.events.models.catalog import TIME_ZONE_CHOICES, DiscountCode, Event, Question, TicketType
from medsocial.events.models.programme import AgendaItem, Proposal, Review, Room, Session, Speaker, Track
from medsocial.events.models.registrations import (
    CalendarFeed,
    Order,
    Registration,
    new_ticket_code,
    new_token,
)
from medsocial.events.models.workshops import WorkshopRequest

__all__ = [
    "TIME_ZONE_CHOICES",
    "AgendaItem",
    "CalendarFeed",
    "DiscountCode",
    "Event",
    "Order",
    "Proposal",
    "Question",
    "Registration",
    "Review",
    "Room",
    "Session",
    "Speaker",
    "TicketType",
    "Track",
    "WorkshopRequest",
    "new_ticket_code",
    "new_token",
]
