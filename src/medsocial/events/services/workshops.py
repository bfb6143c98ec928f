"""On-site workshops requested by an organization and scheduled by the event team."""

from decimal import Decimal

from django.db import transaction
from django.utils.crypto import get_random_string
from django.utils.text import slugify

from medsocial.accounts.selectors import is_organization_admin
from medsocial.events.errors import EventError, EventNotAllowed
from medsocial.events.models import Event, TicketType, WorkshopRequest
from medsocial.events.services.checkin import require_event_manager
from medsocial.events.services.rules import check_moment


@transaction.atomic
def request_workshop(
    *, organization, by, topics: str, audience_size: int, preferred_dates: str, location: str
) -> WorkshopRequest:
    """An organization's admin asks for a workshop at their site."""
    if not is_organization_admin(by, organization):
        raise EventNotAllowed("Only an admin of the organization can request an on-site workshop.")
    if audience_size < 1:
        raise EventError("The audience needs at least one person.", field="audience_size")
    return WorkshopRequest.objects.create(
        organization=organization,
        requested_by=by,
        topics=topics.strip(),
        audience_size=audience_size,
        preferred_dates=preferred_dates.strip(),
        location=location.strip(),
    )


@transaction.atomic
def decline_workshop_request(*, request: WorkshopRequest, by, note: str = "") -> WorkshopRequest:
    require_event_manager(by)
    request = WorkshopRequest.objects.select_for_update().get(pk=request.pk)
    if request.status in (WorkshopRequest.Status.SCHEDULED, WorkshopRequest.Status.DECLINED):
        raise EventError(f"This request is already {request.get_status_display().lower()}.")
    request.status = WorkshopRequest.Status.DECLINED
    request.staff_note = note
    request.save(update_fields=["status", "staff_note"])
    return request


@transaction.atomic
def schedule_workshop(
    *,
    request: WorkshopRequest,
    by,
    title: str,
    starts_at,
    ends_at,
    time_zone: str,
    capacity: int | None = None,
    ce_hours: Decimal = Decimal("0"),
    description: str = "",
) -> Event:
    """Accept the request and create the workshop, visible only to the organization's members."""
    from medsocial.events import tasks

    require_event_manager(by)
    check_moment(starts_at, field="starts_at")
    check_moment(ends_at, field="ends_at")
    request = (
        WorkshopRequest.objects.select_for_update(of=("self",))
        .select_related("organization")
        .get(pk=request.pk)
    )
    if request.status in (WorkshopRequest.Status.SCHEDULED, WorkshopRequest.Status.DECLINED):
        raise EventError(f"This request is already {request.get_status_display().lower()}.")
    if ends_at <= starts_at:
        raise EventError("The workshop must end after it starts.", field="ends_at")
    event = Event.objects.create(
        slug=f"{slugify(title)[:60]}-{get_random_string(6).lower()}",
        kind=Event.Kind.ONSITE_WORKSHOP,
        title=title,
        summary=f"An on-site workshop for {request.organization.name}.",
        description=description or request.topics,
        organizer=request.organization.name,
        status=Event.Status.PUBLISHED,
        visibility=Event.Visibility.ORGANIZATION,
        organization=request.organization,
        time_zone=time_zone,
        starts_at=starts_at,
        ends_at=ends_at,
        venue_name=request.organization.name,
        venue_address=request.location,
        capacity=capacity or request.audience_size,
        ce_hours=ce_hours,
        created_by=by,
    )
    TicketType.objects.create(event=event, name=f"{request.organization.name} staff", price=Decimal("0"))
    request.status = WorkshopRequest.Status.SCHEDULED
    request.event = event
    request.save(update_fields=["status", "event"])
    transaction.on_commit(lambda: tasks.send_workshop_scheduled.enqueue(request.pk))
    return event
