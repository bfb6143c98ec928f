"""`/api/v1/events/`: list and search events, an event's detail, my registrations, register,
cancel; for event managers: create and change events, add ticket types and discount codes,
check tickets in."""

import datetime
import zoneinfo
from decimal import Decimal
from typing import Annotated

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate
from pydantic import WithJsonSchema

from medsocial.accounts.models import Organization
from medsocial.api.auth import viewer
from medsocial.api.pagination import PageNumberPagination
from medsocial.events import selectors, services
from medsocial.events.errors import EventError
from medsocial.events.models import DiscountCode, Event, Registration, TicketType

router = Router(tags=["events"])


class TicketTypeOut(Schema):
    id: int
    name: str
    price: Decimal
    member_price: Decimal | None
    early_bird_price: Decimal | None
    early_bird_until: datetime.datetime | None


class EventOut(Schema):
    id: int
    slug: str
    kind: str
    title: str
    summary: str
    organizer: str
    status: str
    time_zone: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    venue_name: str
    online: bool
    capacity: int
    members_only: bool
    seats_left: int
    ce_hours: Decimal
    registration_open: bool
    url: str


class QuestionOut(Schema):
    id: int
    label: str
    kind: str
    required: bool
    options: list[str]


class EventDetailOut(EventOut):
    description: str
    venue_address: str
    ticket_types: list[TicketTypeOut]
    questions: list[QuestionOut]


class RegistrationOut(Schema):
    id: int
    event: EventOut
    status: str
    ticket_type: str
    ticket_code: str | None
    total: Decimal
    payment_status: str
    checked_in_at: datetime.datetime | None
    waitlist_position: int | None


class RegisterIn(Schema):
    ticket_type_id: int
    discount_code: str = ""
    answers: dict[str, str] = Field(default_factory=dict, description="Question id → answer")
    pay_with_points: bool = Field(
        False,
        description="Pay a confirmed seat from your points wallet (one point per dollar, cents rounded up).",
    )


def _event_out(event: Event, seats_taken: int | None = None) -> EventOut:
    taken = seats_taken if seats_taken is not None else getattr(event, "seats_taken", None)
    if taken is None:
        taken = selectors.seats_taken(event)
    return EventOut(
        id=event.pk,
        slug=event.slug,
        kind=event.kind,
        title=event.title,
        summary=event.summary,
        organizer=event.organizer,
        status=event.status,
        time_zone=event.time_zone,
        starts_at=event.starts_at,
        ends_at=event.ends_at,
        venue_name=event.venue_name,
        online=not event.venue_address,
        capacity=event.capacity,
        members_only=event.members_only,
        seats_left=max(event.capacity - taken, 0),
        ce_hours=event.ce_hours,
        registration_open=event.registration_is_open(),
        url=event.get_absolute_url(),
    )


def _registration_out(registration: Registration) -> RegistrationOut:
    """Shape a registration; rows from `selectors.registrations_of` carry their counts already."""
    if hasattr(registration, "event_seats_taken"):
        event = _event_out(registration.event, seats_taken=registration.event_seats_taken)
        position = (
            registration.waitlisted_ahead + 1
            if registration.status == Registration.Status.WAITLISTED
            else None
        )
    else:
        event, position = _event_out(registration.event), selectors.waitlist_position(registration)
    return RegistrationOut(
        id=registration.pk,
        event=event,
        status=registration.status,
        ticket_type=registration.ticket_type.name,
        ticket_code=registration.ticket_code
        if registration.status == Registration.Status.CONFIRMED
        else None,
        total=registration.order.total,
        payment_status=registration.order.payment_status,
        checked_in_at=registration.checked_in_at,
        waitlist_position=position,
    )


class _LazyEvents:
    """Paginate the queryset, then shape only the page's rows."""

    def __init__(self, qs):
        self.qs = qs

    def count(self):
        return self.qs.count()

    def __len__(self):
        return self.count()

    def __getitem__(self, item):
        return [_event_out(e) for e in self.qs[item]]


@router.get(
    "/", response=list[EventOut], auth=None, summary="Upcoming events (search with q, filter by kind)"
)
@paginate(PageNumberPagination, page_size=20)
def list_events(request: HttpRequest, q: str = "", kind: str = ""):
    events = selectors.upcoming_events(
        viewer=viewer(request), kind=kind if kind in Event.Kind.values else None, query=q[:100]
    )
    return _LazyEvents(events)


@router.get("/registrations", response=list[RegistrationOut], summary="My registrations")
def my_registrations(request: HttpRequest):
    return [_registration_out(r) for r in selectors.registrations_of(request.auth)[:200]]


@router.get("/{slug}", response=EventDetailOut, auth=None, summary="One event")
def event_detail(request: HttpRequest, slug: str):
    user = viewer(request)
    event = selectors.access_event(user, slug)
    base = _event_out(event)
    return EventDetailOut(
        **base.dict(),
        description=event.description,
        venue_address=event.venue_address,
        ticket_types=[TicketTypeOut.from_orm(t) for t in selectors.active_ticket_types(event)],
        questions=[
            QuestionOut(id=q.pk, label=q.label, kind=q.kind, required=q.required, options=q.options)
            for q in event.questions.all()
        ],
    )


@router.post("/{slug}/register", response={201: RegistrationOut}, summary="Register for an event")
def register(request: HttpRequest, slug: str, payload: RegisterIn):
    event = selectors.access_event(request.auth, slug)
    ticket_type = TicketType.objects.filter(pk=payload.ticket_type_id).first()
    if ticket_type is None:
        raise Http404("No such ticket type")
    registration = services.register(
        event=event,
        user=request.auth,
        ticket_type=ticket_type,
        answers=payload.answers,
        discount_code=payload.discount_code,
        pay_with_points=payload.pay_with_points,
    )
    # The service returns the row with its event, ticket, order and counts taken under the lock.
    return Status(201, _registration_out(registration))


@router.post(
    "/registrations/{registration_id}/cancel", response=RegistrationOut, summary="Cancel my registration"
)
def cancel(request: HttpRequest, registration_id: int):
    registration = get_object_or_404(
        Registration.objects.select_related("event"), pk=registration_id, user=request.auth
    )
    services.cancel_registration(registration=registration, by=request.auth)
    return _registration_out(
        Registration.objects.select_related("event", "ticket_type", "order").get(pk=registration.pk)
    )


# --- Event managers ------------------------------------------------------------------------
# The same services as the manager pages: every rule (and who may do it) is checked there.


# Amounts are documented (and sent) as JSON numbers; Decimal keeps them exact once read.
Amount = Annotated[Decimal, WithJsonSchema({"type": "number"})]


class EventIn(Schema):
    """Times with an offset are taken as given; times without one are read in `time_zone`."""

    slug: str
    title: str
    kind: str = Event.Kind.WEBINAR
    status: str = Event.Status.DRAFT
    summary: str = ""
    description: str = ""
    organizer: str = ""
    visibility: str = Event.Visibility.PUBLIC
    organization_slug: str | None = Field(None, description="For events only its members may see.")
    members_only: bool = Field(False, description="Only people a membership in force covers may register.")
    time_zone: str = "America/New_York"
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    venue_name: str = ""
    venue_address: str = ""
    join_url: str = ""
    recording_url: str = ""
    capacity: int
    registration_opens_at: datetime.datetime | None = None
    registration_closes_at: datetime.datetime | None = None
    cancellation_deadline: datetime.datetime | None = None
    ce_hours: Amount = Decimal("0")
    checkin_opens_minutes_before: int | None = None


class EventPatch(Schema):
    """Only the fields sent change."""

    slug: str | None = None
    title: str | None = None
    kind: str | None = None
    status: str | None = None
    summary: str | None = None
    description: str | None = None
    organizer: str | None = None
    visibility: str | None = None
    organization_slug: str | None = None
    members_only: bool | None = None
    time_zone: str | None = None
    starts_at: datetime.datetime | None = None
    ends_at: datetime.datetime | None = None
    venue_name: str | None = None
    venue_address: str | None = None
    join_url: str | None = None
    recording_url: str | None = None
    capacity: int | None = None
    registration_opens_at: datetime.datetime | None = None
    registration_closes_at: datetime.datetime | None = None
    cancellation_deadline: datetime.datetime | None = None
    ce_hours: Amount | None = None
    checkin_opens_minutes_before: int | None = None


class TicketTypeIn(Schema):
    name: str
    description: str = ""
    price: Amount = Decimal("0")
    member_price: Amount | None = None
    early_bird_price: Amount | None = None
    early_bird_until: datetime.datetime | None = None
    quantity: int | None = None
    is_active: bool = True


class DiscountCodeIn(Schema):
    code: str
    kind: str = DiscountCode.Kind.PERCENT
    value: Amount
    max_uses: int | None = None
    valid_until: datetime.datetime | None = None
    is_active: bool = True


class DiscountCodeOut(Schema):
    id: int
    code: str
    kind: str
    value: Decimal
    max_uses: int | None
    times_used: int
    valid_until: datetime.datetime | None
    is_active: bool


class CheckInIn(Schema):
    payload: str = Field("", description="What the scanner read: the ticket's QR address or its code.")
    registration_id: int | None = None
    admit_unpaid: bool = Field(False, description="Admit although the order is unpaid (recorded).")


class CheckInOut(Schema):
    registration_id: int
    name: str
    ticket_type: str
    checked_in_at: datetime.datetime
    admitted_unpaid_at: datetime.datetime | None


_EVENT_TIMES = (
    "starts_at",
    "ends_at",
    "registration_opens_at",
    "registration_closes_at",
    "cancellation_deadline",
)


def _in_zone(value, time_zone: str):
    """A time sent without an offset is wall-clock time in the event's zone (no arithmetic, so
    a far-off year cannot overflow here; the service refuses it with a message)."""
    if value is None or timezone.is_aware(value):
        return value
    try:
        zone = zoneinfo.ZoneInfo(time_zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        zone = datetime.UTC
    return value.replace(tzinfo=zone)


def _apply_event_fields(event: Event, fields: dict) -> Event:
    if "organization_slug" in fields:
        slug = fields.pop("organization_slug")
        organization = Organization.objects.filter(slug=slug).first() if slug else None
        if slug and organization is None:
            raise EventError("No organization has that address.", field="organization_slug")
        event.organization = organization
    for name, value in fields.items():
        if value is None and not Event._meta.get_field(name).null:
            raise EventError("This field cannot be null.", field=name)
        setattr(event, name, value)
    for name in _EVENT_TIMES:
        setattr(event, name, _in_zone(getattr(event, name), event.time_zone))
    return event


@router.post("/", response={201: EventOut}, summary="Create an event (event managers)")
def create_event(request: HttpRequest, payload: EventIn):
    event = _apply_event_fields(Event(), payload.dict())
    services.save_event(event=event, by=request.auth)
    return Status(201, _event_out(event, seats_taken=0))


@router.patch("/{slug}", response=EventOut, summary="Change an event (event managers)")
def update_event(request: HttpRequest, slug: str, payload: EventPatch):
    event = selectors.manage_event(request.auth, slug)
    _apply_event_fields(event, payload.dict(exclude_unset=True))
    services.save_event(event=event, by=request.auth)
    return _event_out(event)


@router.post(
    "/{slug}/ticket-types", response={201: TicketTypeOut}, summary="Add a ticket type (event managers)"
)
def add_ticket_type(request: HttpRequest, slug: str, payload: TicketTypeIn):
    event = selectors.manage_event(request.auth, slug)
    fields = payload.dict()
    fields["early_bird_until"] = _in_zone(fields["early_bird_until"], event.time_zone)
    ticket_type = services.save_event_part(
        event=event, part=TicketType(event=event, **fields), by=request.auth
    )
    return Status(201, TicketTypeOut.from_orm(ticket_type))


@router.post(
    "/{slug}/discount-codes", response={201: DiscountCodeOut}, summary="Add a discount code (event managers)"
)
def add_discount_code(request: HttpRequest, slug: str, payload: DiscountCodeIn):
    event = selectors.manage_event(request.auth, slug)
    fields = payload.dict()
    fields["valid_until"] = _in_zone(fields["valid_until"], event.time_zone)
    discount = services.save_event_part(
        event=event, part=DiscountCode(event=event, **fields), by=request.auth
    )
    return Status(201, DiscountCodeOut.from_orm(discount))


@router.post(
    "/{slug}/check-in", response=CheckInOut, summary="Check a ticket in at the door (event managers)"
)
def check_in(request: HttpRequest, slug: str, payload: CheckInIn):
    event = selectors.manage_event(request.auth, slug)
    registration = (
        Registration.objects.filter(pk=payload.registration_id).first() if payload.registration_id else None
    )
    done = services.check_in(
        event=event,
        payload=payload.payload[:200],
        registration=registration,
        by=request.auth,
        admit_unpaid=payload.admit_unpaid,
    )
    return CheckInOut(
        registration_id=done.pk,
        name=done.user.display_name,
        ticket_type=done.ticket_type.name,
        checked_in_at=done.checked_in_at,
        admitted_unpaid_at=done.admitted_unpaid_at,
    )
