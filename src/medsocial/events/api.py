"""`/api/v1/events/`: list and search events, an event's detail, my registrations, register, cancel."""

import datetime
from decimal import Decimal

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate

from medsocial.api.auth import viewer
from medsocial.api.pagination import PageNumberPagination
from medsocial.events import selectors, services
from medsocial.events.models import Event, Registration, TicketType

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
    )
    return Status(
        201,
        _registration_out(
            Registration.objects.select_related("event", "ticket_type", "order").get(pk=registration.pk)
        ),
    )


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
