"""Writes for events, one module per concept; the common ones are re-exported here."""

from medsocial.events.services.checkin import award_attendance_credits, check_in, undo_check_in
from medsocial.events.services.manage import removal_blocker, remove_event_part, save_event, save_event_part
from medsocial.events.services.programme import (
    add_to_agenda,
    decide_proposal,
    remove_from_agenda,
    review_proposal,
    submit_proposal,
)
from medsocial.events.services.registration import (
    cancel_registration,
    mark_paid,
    quote,
    record_refund,
    register,
    validate_answers,
)
from medsocial.events.services.waitlist import claim_seat, claim_token, expire_offers, offer_free_seats
from medsocial.events.services.workshops import decline_workshop_request, request_workshop, schedule_workshop

__all__ = [
    "add_to_agenda",
    "award_attendance_credits",
    "cancel_registration",
    "check_in",
    "claim_seat",
    "claim_token",
    "decide_proposal",
    "decline_workshop_request",
    "expire_offers",
    "mark_paid",
    "offer_free_seats",
    "quote",
    "record_refund",
    "register",
    "remove_event_part",
    "remove_from_agenda",
    "removal_blocker",
    "request_workshop",
    "review_proposal",
    "save_event",
    "save_event_part",
    "schedule_workshop",
    "submit_proposal",
    "undo_check_in",
    "validate_answers",
]
