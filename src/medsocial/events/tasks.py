"""Background work for events; each task takes ids and calls into services or the mailer."""

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from medsocial.core.email import email_send
from medsocial.events import calendars, payments
from medsocial.events.models import Proposal, Registration, WorkshopRequest
from medsocial.events.services import reminders, waitlist


def _registration(registration_id: int) -> Registration | None:
    return (
        Registration.objects.select_related("event", "user", "ticket_type", "order")
        .filter(pk=registration_id)
        .first()
    )


def _context(registration: Registration) -> dict:
    event = registration.event
    return {
        "registration": registration,
        "event": event,
        "user": registration.user,
        "starts_local": timezone.localtime(event.starts_at, event.tz),
        "ends_local": timezone.localtime(event.ends_at, event.tz),
        "event_url": settings.SITE_URL + event.get_absolute_url(),
        "ticket_url": settings.SITE_URL + registration.get_absolute_url(),
    }


@task()
def send_registration_email(registration_id: int) -> None:
    """Confirmation (with the .ics) for a confirmed seat, or the waitlist notice."""
    registration = _registration(registration_id)
    if registration is None:
        return
    context = _context(registration)
    if registration.status == Registration.Status.CONFIRMED:
        order = registration.order
        if order.total > 0:
            context["payment_instructions"] = payments.get_provider(order.payment_provider).instructions(
                order
            )
        email_send(
            template_prefix="events/emails/confirmation",
            to=[registration.user.email],
            context=context,
            # iMIP (RFC 6047): the part names the iTIP method it carries.
            attachments=[
                ("event.ics", calendars.invitation_ics(registration), "text/calendar; method=REQUEST")
            ],
        )
    elif registration.status == Registration.Status.WAITLISTED:
        email_send(template_prefix="events/emails/waitlisted", to=[registration.user.email], context=context)


@task()
def send_seat_offer_email(registration_id: int) -> None:
    registration = _registration(registration_id)
    if registration is None or registration.status != Registration.Status.OFFERED:
        return
    from django.urls import reverse

    context = _context(registration)
    context["claim_url"] = settings.SITE_URL + reverse(
        "events:claim-seat", args=[waitlist.claim_token(registration)]
    )
    context["expires_local"] = timezone.localtime(registration.offer_expires_at, registration.event.tz)
    email_send(template_prefix="events/emails/seat_offer", to=[registration.user.email], context=context)


@task()
def send_cancellation_email(registration_id: int) -> None:
    registration = _registration(registration_id)
    if registration is None:
        return
    email_send(
        template_prefix="events/emails/cancelled",
        to=[registration.user.email],
        context=_context(registration),
    )


@task()
def send_event_cancelled(registration_id: int) -> None:
    registration = _registration(registration_id)
    if registration is None:
        return
    email_send(
        template_prefix="events/emails/event_cancelled",
        to=[registration.user.email],
        context=_context(registration),
    )


@task()
def send_reminder(registration_id: int, which: str) -> None:
    """Send one reminder; the conditional update in `claim_reminder` makes it happen once."""
    if not reminders.claim_reminder(registration_id=registration_id, which=which):
        return
    registration = _registration(registration_id)
    context = _context(registration)
    context["which"] = "in 24 hours" if which == "24h" else "in one hour"
    email_send(template_prefix="events/emails/reminder", to=[registration.user.email], context=context)


@task()
def expire_seat_offers() -> int:
    return waitlist.expire_offers()


@task()
def send_proposal_decision(proposal_id: int) -> None:
    proposal = (
        Proposal.objects.select_related("event", "submitted_by", "session").filter(pk=proposal_id).first()
    )
    if proposal is None:
        return
    recipients = {proposal.submitted_by.email.lower()} | {
        s["email"].lower() for s in proposal.speakers if s.get("email")
    }
    context = {
        "proposal": proposal,
        "event": proposal.event,
        "accepted": proposal.status == Proposal.Status.ACCEPTED,
        "event_url": settings.SITE_URL + proposal.event.get_absolute_url(),
    }
    if proposal.session_id:
        context["session_start"] = timezone.localtime(proposal.session.starts_at, proposal.event.tz)
    email_send(template_prefix="events/emails/proposal_decision", to=sorted(recipients), context=context)


@task()
def send_workshop_scheduled(request_id: int) -> None:
    request = (
        WorkshopRequest.objects.select_related("event", "organization", "requested_by")
        .filter(pk=request_id)
        .first()
    )
    if request is None or request.event is None:
        return
    context = {
        "request": request,
        "event": request.event,
        "event_url": settings.SITE_URL + request.event.get_absolute_url(),
        "starts_local": timezone.localtime(request.event.starts_at, request.event.tz),
    }
    email_send(
        template_prefix="events/emails/workshop_scheduled", to=[request.requested_by.email], context=context
    )
