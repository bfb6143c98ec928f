"""Reads shared by pages, the API, feeds and reports."""

import datetime
import itertools
import zoneinfo
from collections import OrderedDict
from decimal import Decimal
from urllib.parse import urlencode

from django.conf import settings
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone

from medsocial.accounts.models import Membership
from medsocial.accounts.roles import Role, has_role
from medsocial.events.models import (
    AgendaItem,
    DiscountCode,
    Event,
    Order,
    Proposal,
    Question,
    Registration,
    Room,
    Session,
    Speaker,
    TicketType,
    Track,
)
from medsocial.programs.selectors import has_member_content, has_member_prices


def is_event_manager(user) -> bool:
    return has_role(user, Role.EVENT_MANAGER)


def is_member(user) -> bool:
    """Member pricing: a membership in force today covers the person (their own, or their
    organization's with them among its covered staff); lapsed or cancelled ones count for nothing."""
    return has_member_prices(user)


def may_attend_member_events(user) -> bool:
    """Member-only events take registrations from people a membership in force covers."""
    return has_member_content(user)


def viewer_time_zone(user) -> zoneinfo.ZoneInfo:
    name = getattr(user, "time_zone", "") or settings.TIME_ZONE
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo(settings.TIME_ZONE)


def visible_events(user) -> QuerySet[Event]:
    """Events `user` may see: published public ones, published ones restricted to an
    organization they belong to, and everything for event managers."""
    qs = Event.objects.all()
    if is_event_manager(user):
        return qs
    qs = qs.exclude(status=Event.Status.DRAFT)
    if getattr(user, "is_authenticated", False):
        member_of = Membership.objects.filter(user=user).values("organization_id")
        return qs.filter(Q(visibility=Event.Visibility.PUBLIC) | Q(organization_id__in=member_of))
    return qs.filter(visibility=Event.Visibility.PUBLIC)


def access_event(user, slug: str) -> Event:
    """The event if `user` may see it, else 404 (never confirm a hidden event exists)."""
    event = visible_events(user).select_related("organization").filter(slug=slug).first()
    if event is None:
        raise Http404("No such event")
    return event


def manage_event(user, slug: str) -> Event:
    """The event for an event manager; 404 for anyone else."""
    if not is_event_manager(user):
        raise Http404("No such event")
    return access_event(user, slug)


def price_summary(event: Event) -> str:
    """What a seat costs, in a few words: "Free", "$40" or "$25 – $120" (before discounts)."""
    prices = sorted({ticket.price for ticket in event.ticket_types.all()})
    if not prices or prices[-1] == 0:
        return "Free"
    low, high = prices[0], prices[-1]
    low_text = "Free" if low == 0 else f"${low:,.2f}".replace(".00", "")
    high_text = f"${high:,.2f}".replace(".00", "")
    return high_text if low == high else f"{low_text} – {high_text}"


def map_link(event: Event) -> str:
    """A plain link to the venue on OpenStreetMap (no embedded map), or "" for online events."""
    if not event.venue_address:
        return ""
    place = " ".join(part for part in [event.venue_name, *event.venue_address.split()] if part)
    return "https://www.openstreetmap.org/search?" + urlencode({"query": place})


def event_to_check_in() -> Event | None:
    """The published event running now, or else the next one to start."""
    return (
        Event.objects.filter(status=Event.Status.PUBLISHED, ends_at__gte=timezone.now())
        .order_by("starts_at", "pk")
        .first()
    )


def _registrations_counted(**conditions):
    return Coalesce(
        Subquery(
            Registration.objects.filter(event=OuterRef("pk"), **conditions)
            .order_by()
            .values("event")
            .annotate(n=Count("pk"))
            .values("n")
        ),
        0,
    )


def with_seat_counts(qs: QuerySet[Event]) -> QuerySet[Event]:
    """Seats taken and waitlist length of each event.

    Counted per returned event (an index range on event and status), not by joining and
    grouping every registration of every event before the list is cut to a page."""
    return qs.annotate(
        seats_taken=_registrations_counted(status__in=Registration.SEAT_HOLDING),
        waitlist_count=_registrations_counted(status=Registration.Status.WAITLISTED),
    )


def upcoming_events(
    *, viewer, kind: str | None = None, query: str = "", include_past: bool = False
) -> QuerySet[Event]:
    """Events from now on that `viewer` may see, with what list pages show, soonest first."""
    qs = visible_events(viewer).select_related("organization")
    if not include_past:
        qs = qs.filter(ends_at__gte=timezone.now())
    if kind:
        qs = qs.filter(kind=kind)
    if query:
        for word in query.split()[:8]:
            by_speaker = Session.objects.filter(speakers__name__icontains=word).values("event_id")
            qs = qs.filter(
                Q(title__icontains=word)
                | Q(summary__icontains=word)
                | Q(description__icontains=word)
                | Q(organizer__icontains=word)
                | Q(pk__in=by_speaker)
            )
    return with_seat_counts(qs).order_by("starts_at", "pk")


def seats_taken(event: Event) -> int:
    return event.registrations.filter(status__in=Registration.SEAT_HOLDING).count()


def registration_of(user, event: Event) -> Registration | None:
    """The person's current (not cancelled) registration for the event, if any."""
    if not getattr(user, "is_authenticated", False):
        return None
    return (
        Registration.objects.filter(event=event, user=user, status__in=Registration.ACTIVE)
        .select_related("ticket_type", "order")
        .first()
    )


def waitlist_position(registration: Registration) -> int | None:
    if registration.status != Registration.Status.WAITLISTED:
        return None
    return (
        Registration.objects.filter(
            event_id=registration.event_id,
            status=Registration.Status.WAITLISTED,
            waitlisted_at__lt=registration.waitlisted_at,
        ).count()
        + 1
    )


def access_registration(user, pk: int) -> Registration:
    """A registration its owner or an event manager may see; 404 otherwise."""
    qs = Registration.objects.select_related("event", "ticket_type", "order", "user")
    if not is_event_manager(user):
        qs = qs.filter(user=user) if getattr(user, "is_authenticated", False) else qs.none()
    registration = qs.filter(pk=pk).first()
    if registration is None:
        raise Http404("No such registration")
    return registration


def registrations_of(user, *, current_only: bool = False) -> QuerySet[Registration]:
    """A person's registrations, latest event first, with the event's seats taken and the
    person's waitlist position computed in the same query."""
    seats = (
        Registration.objects.filter(event=OuterRef("event"), status__in=Registration.SEAT_HOLDING)
        .order_by()
        .values("event")
        .annotate(n=Count("pk"))
        .values("n")
    )
    ahead = (
        Registration.objects.filter(
            event=OuterRef("event"),
            status=Registration.Status.WAITLISTED,
            waitlisted_at__lt=OuterRef("waitlisted_at"),
        )
        .order_by()
        .values("event")
        .annotate(n=Count("pk"))
        .values("n")
    )
    qs = (
        Registration.objects.filter(user=user)
        .select_related("event", "ticket_type", "order")
        .annotate(
            event_seats_taken=Coalesce(Subquery(seats), 0),
            waitlisted_ahead=Coalesce(Subquery(ahead), 0),
        )
    )
    if current_only:
        qs = qs.filter(status__in=Registration.ACTIVE)
    return qs.order_by("-event__starts_at", "-pk")


def active_ticket_types(event: Event) -> QuerySet[TicketType]:
    return event.ticket_types.filter(is_active=True)


def programme(event: Event) -> list[Session]:
    """Sessions with track, room, speakers and seat counts, in time order."""
    return list(
        event.sessions.select_related("track", "room")
        .prefetch_related(Prefetch("speakers"))
        .annotate(reserved=Count("agenda_items"))
        .order_by("starts_at", "track__position", "pk")
    )


# The parts of an event its managers edit, by the name their URLs use.
EVENT_PARTS = {
    "ticket-type": TicketType,
    "discount-code": DiscountCode,
    "question": Question,
    "track": Track,
    "room": Room,
    "speaker": Speaker,
    "session": Session,
}


def programme_speakers(event: Event) -> QuerySet[Speaker]:
    """Speakers an event's managers may edit. Speakers are shared between events, so these are
    the ones speaking at `event` and the ones on no session yet (just added, not yet scheduled)."""
    links = Session.speakers.through.objects
    return Speaker.objects.filter(
        Q(pk__in=links.filter(session__event=event).values("speaker_id"))
        | ~Exists(links.filter(speaker=OuterRef("pk")))
    )


def event_part(event: Event, part: str, pk: int):
    """One ticket type, discount code, question, track, room, session or speaker of `event`, by the
    part's URL name; 404 for an unknown part or one that is not the event's."""
    model = EVENT_PARTS.get(part)
    if model is None:
        raise Http404("Unknown part")
    qs = programme_speakers(event) if model is Speaker else model._default_manager.filter(event=event)
    found = qs.filter(pk=pk).first()
    if found is None:
        raise Http404("No such part")
    return found


def programme_for_editing(event: Event) -> dict:
    """What the programme editor lists: sessions with their speakers and agenda counts, and the
    tracks, rooms and speakers with how many sessions use each."""
    return {
        "sessions": programme(event),
        "tracks": list(event.tracks.annotate(session_count=Count("sessions")).order_by("position", "pk")),
        "rooms": list(event.rooms.annotate(session_count=Count("sessions")).order_by("name", "pk")),
        "speakers": list(
            programme_speakers(event)
            .annotate(
                session_count=Count("sessions", filter=Q(sessions__event=event)),
                elsewhere_count=Count("sessions", filter=~Q(sessions__event=event)),
            )
            .select_related("organization")
            .order_by("name", "pk")
        ),
    }


def other_events_of(speaker: Speaker, event: Event) -> int:
    """How many other events `speaker` speaks at: an edit shows there too."""
    return speaker.sessions.exclude(event=event).values("event_id").distinct().count()


def agenda_by_day(event: Event, sessions: list[Session], tz=None) -> list[dict]:
    """Sessions grouped by local day (in the event's time zone), then by start time, so parallel
    sessions of different tracks sit side by side."""
    tz = tz or event.tz
    tracks = list(event.tracks.all())
    days = []
    for day, day_sessions in itertools.groupby(sessions, key=lambda s: s.starts_at.astimezone(tz).date()):
        slots: OrderedDict[datetime.datetime, list[Session]] = OrderedDict()
        for session in day_sessions:
            slots.setdefault(session.starts_at, []).append(session)
        days.append(
            {
                "date": day,
                "slots": [
                    {"starts_at": k, "ends_at": max(s.ends_at for s in v), "sessions": v}
                    for k, v in slots.items()
                ],
            }
        )
    return [{"tracks": tracks, **d} for d in days]


def agenda_session_ids(user, event: Event) -> set[int]:
    if not getattr(user, "is_authenticated", False):
        return set()
    return set(
        AgendaItem.objects.filter(user=user, session__event=event).values_list("session_id", flat=True)
    )


def my_agenda(user, event: Event) -> list[Session]:
    return list(
        Session.objects.filter(event=event, agenda_items__user=user)
        .select_related("track", "room")
        .prefetch_related("speakers")
        .order_by("starts_at")
    )


def agenda_clashes(sessions: list[Session]) -> dict[int, list[Session]]:
    """For each session of a personal agenda, the other sessions on it that overlap its time
    (one person cannot be in two rooms): {session pk: [overlapping sessions]}."""
    ordered = sorted(sessions, key=lambda s: (s.starts_at, s.pk))
    clashes: dict[int, list[Session]] = {s.pk: [] for s in ordered}
    for index, session in enumerate(ordered):
        for later in ordered[index + 1 :]:
            if later.starts_at >= session.ends_at:
                break
            clashes[session.pk].append(later)
            clashes[later.pk].append(session)
    return clashes


def calendar_registrations(user) -> QuerySet[Registration]:
    """What a person's calendar feed lists: events they hold a seat for, recent and upcoming."""
    since = timezone.now() - datetime.timedelta(days=90)
    return (
        Registration.objects.filter(
            user=user, status__in=Registration.SEAT_HOLDING, event__ends_at__gte=since
        )
        .exclude(event__status=Event.Status.DRAFT)
        .select_related("event")
        .order_by("event__starts_at")
    )


def calendar_sessions(user) -> QuerySet[Session]:
    """Sessions on the person's agenda, for events they still hold a seat for."""
    since = timezone.now() - datetime.timedelta(days=90)
    return (
        Session.objects.filter(
            agenda_items__user=user,
            ends_at__gte=since,
            event__registrations__user=user,
            event__registrations__status__in=Registration.SEAT_HOLDING,
        )
        .select_related("event", "room")
        .prefetch_related("speakers")
        .distinct()
        .order_by("starts_at")
    )


def registrations_for_export(event: Event) -> QuerySet[Registration]:
    return event.registrations.select_related(
        "user", "ticket_type", "order", "order__discount_code"
    ).order_by("created_at", "pk")


def attendees(event: Event) -> QuerySet[Registration]:
    return (
        registrations_for_export(event)
        .filter(status=Registration.Status.CONFIRMED)
        .order_by("user__full_name", "pk")
    )


def search_attendees(event: Event, query: str) -> list[Registration]:
    query = query.strip()
    if not query:
        return []
    return list(
        event.registrations.filter(status__in=Registration.SEAT_HOLDING)
        .filter(
            Q(user__full_name__icontains=query)
            | Q(user__email__icontains=query)
            | Q(ticket_code__iexact=query)
        )
        .select_related("user", "ticket_type", "order")
        .order_by("user__full_name")[:25]
    )


def ticket_at_door(event: Event, *, code: str = "", pk: int | None = None) -> Registration | None:
    """One ticket of `event` as the door shows it (person, ticket type, order), by code or id."""
    if not code and pk is None:
        return None
    lookup: dict[str, object] = {"pk": pk} if pk is not None else {"ticket_code": code}
    return (
        event.registrations.select_related("user", "ticket_type", "order", "admitted_unpaid_by")
        .filter(**lookup)
        .first()
    )


def checkin_stats(event: Event) -> dict:
    counts = event.registrations.aggregate(
        confirmed=Count("pk", filter=Q(status=Registration.Status.CONFIRMED)),
        checked_in=Count("pk", filter=Q(status=Registration.Status.CONFIRMED, checked_in_at__isnull=False)),
        waitlisted=Count("pk", filter=Q(status=Registration.Status.WAITLISTED)),
        offered=Count("pk", filter=Q(status=Registration.Status.OFFERED)),
        cancelled=Count("pk", filter=Q(status=Registration.Status.CANCELLED)),
    )
    counts["not_checked_in"] = counts["confirmed"] - counts["checked_in"]
    counts["rate"] = round(100 * counts["checked_in"] / counts["confirmed"]) if counts["confirmed"] else 0
    return counts


def revenue_by_ticket_type(event: Event) -> list[dict]:
    """Per ticket type: sold seats, amounts invoiced, paid, outstanding and refunded (US dollars)."""
    zero = Decimal("0.00")
    live = ~Q(registrations__order__payment_status__in=[Order.PaymentStatus.VOID])
    rows = event.ticket_types.annotate(
        sold=Count("registrations", filter=Q(registrations__status=Registration.Status.CONFIRMED)),
        invoiced=Sum(
            "registrations__order__total",
            filter=live & Q(registrations__status=Registration.Status.CONFIRMED),
        ),
        paid=Sum(
            "registrations__order__total",
            filter=Q(registrations__order__payment_status=Order.PaymentStatus.PAID),
        ),
        outstanding=Sum(
            "registrations__order__total",
            filter=Q(
                registrations__order__payment_status=Order.PaymentStatus.PENDING,
                registrations__status=Registration.Status.CONFIRMED,
            ),
        ),
        refunded=Sum("registrations__order__refunded_amount"),
        discounts=Sum(
            "registrations__order__discount_amount",
            filter=Q(registrations__status=Registration.Status.CONFIRMED),
        ),
    ).order_by("position", "pk")
    result = [
        {
            "ticket_type": t,
            "sold": t.sold,
            "invoiced": t.invoiced or zero,
            "paid": t.paid or zero,
            "outstanding": t.outstanding or zero,
            "refunded": t.refunded or zero,
            "discounts": t.discounts or zero,
        }
        for t in rows
    ]
    return result


def proposals_for_review(event: Event) -> QuerySet[Proposal]:
    from django.db.models import Avg

    return (
        event.proposals.select_related("submitted_by", "session")
        .annotate(average_score=Avg("reviews__score"), review_count=Count("reviews"))
        .order_by("status", "-average_score", "pk")
    )


def has_confirmed_seat(user, event: Event) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return Registration.objects.filter(event=event, user=user, status=Registration.Status.CONFIRMED).exists()


def with_registered_flag(qs: QuerySet[Event], user) -> QuerySet[Event]:
    if not getattr(user, "is_authenticated", False):
        return qs
    mine = Registration.objects.filter(event=OuterRef("pk"), user=user, status__in=Registration.ACTIVE)
    return qs.annotate(my_registration=Exists(mine))


def speaker_photo_file(user, name: str):
    """A speaker's photo: public wherever one of their sessions is visible; managers see all."""
    speakers = Speaker.objects.filter(photo=name)
    if not is_event_manager(user):
        speakers = speakers.filter(sessions__event__in=visible_events(user))
    speaker = speakers.first()
    if speaker is None:
        raise Http404("No such file.")
    return speaker.photo


def event_cover_file(user, name: str):
    """An event's cover image, wherever the event itself is visible."""
    event = visible_events(user).filter(cover_image=name).first()
    if event is None:
        raise Http404("No such file.")
    return event.cover_image
