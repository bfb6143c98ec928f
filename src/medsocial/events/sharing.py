"""How an event presents itself to social networks and search engines (schema.org Event)."""

from django.conf import settings
from django.http import Http404
from django.utils import timezone

from medsocial.core import sharing
from medsocial.events.models import Event

SCHEMA = "https://schema.org/"


def _local_iso(moment, event: Event) -> str:
    """ISO 8601 with the offset of the event's own time zone, as search engines want it."""
    return timezone.localtime(moment, event.tz).isoformat()


def _attendance_mode(event: Event) -> str:
    if event.venue_address and event.join_url:
        return SCHEMA + "MixedEventAttendanceMode"
    if event.venue_address or event.venue_name:
        return SCHEMA + "OfflineEventAttendanceMode"
    return SCHEMA + "OnlineEventAttendanceMode"


def _location(event: Event, url: str) -> list[dict]:
    # The join link is only for registered people, so the virtual location is the event page.
    places = []
    if event.venue_address or event.venue_name:
        places.append(
            {
                "@type": "Place",
                "name": event.venue_name or event.venue_address.splitlines()[0],
                "address": {"@type": "PostalAddress", "streetAddress": " ".join(event.venue_address.split())},
            }
        )
    if not places or event.join_url:
        places.append({"@type": "VirtualLocation", "url": url})
    return places


def _offers(event: Event, ticket_types: list, *, seats_left: int, url: str, now) -> list[dict]:
    if event.is_over(now):
        availability = "SoldOut" if seats_left == 0 else "Discontinued"
    elif seats_left == 0:
        availability = "SoldOut"
    elif event.registration_opens_at and now < event.registration_opens_at:
        availability = "PreOrder"
    elif not event.registration_is_open(now):
        availability = "Discontinued"
    else:
        availability = "InStock"
    offers = []
    for ticket in ticket_types:
        offer = {
            "@type": "Offer",
            "name": ticket.name,
            "price": f"{ticket.price_for(is_member=False, now=now):.2f}",
            "priceCurrency": "USD",
            "availability": SCHEMA + availability,
            "url": url,
        }
        if event.registration_opens_at:
            offer["validFrom"] = _local_iso(event.registration_opens_at, event)
        offers.append(offer)
    return offers


def event_meta(event: Event, *, ticket_types: list, seats_left: int) -> sharing.PageMeta:
    """Sharing metadata of an event page, from what the page already loaded."""
    now = timezone.now()
    url = sharing.absolute_url(event.get_absolute_url())
    image = sharing.card_path("event", event.slug, event.title)
    if event.visibility != Event.Visibility.PUBLIC:
        image = sharing.card_path("site", "home", settings.SITE_NAME)  # its card is not public
    cover = getattr(event, "cover_image", None)
    if cover:
        image = cover.url
    organizer = (
        {"@type": "Organization", "name": event.organizer, "url": sharing.absolute_url("/")}
        if event.organizer
        else sharing.site_organization()
    )
    status = "EventCancelled" if event.status == Event.Status.CANCELLED else "EventScheduled"
    data = {
        "@context": sharing.SCHEMA,
        "@type": "Event",
        "name": event.title,
        "description": sharing.plain_summary(event.summary or event.description, 500),
        "url": url,
        "image": [sharing.absolute_url(image)],
        "startDate": _local_iso(event.starts_at, event),
        "endDate": _local_iso(event.ends_at, event),
        "eventStatus": SCHEMA + status,
        "eventAttendanceMode": _attendance_mode(event),
        "location": _location(event, url),
        "organizer": organizer,
        "offers": _offers(event, ticket_types, seats_left=seats_left, url=url, now=now),
        "maximumAttendeeCapacity": event.capacity,
        "remainingAttendeeCapacity": seats_left,
    }
    return sharing.PageMeta(
        title=event.title,
        description=sharing.plain_summary(event.summary or event.description),
        path=event.get_absolute_url(),
        image=image,
        image_alt=f"{event.title}: event card",
        structured_data=[data],
    )


def card_text(key: str) -> tuple[str, str]:
    """The generated card's text for a published public event (404 otherwise)."""
    event = (
        Event.objects.filter(slug=key, visibility=Event.Visibility.PUBLIC)
        .exclude(status=Event.Status.DRAFT)
        .only("title", "kind")
        .first()
    )
    if event is None:
        raise Http404("No such event")
    return event.get_kind_display(), event.title
