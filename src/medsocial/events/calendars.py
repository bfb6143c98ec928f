"""iCalendar documents: one event, one session, and a person's private feed.

Times are written in the event's own time zone (with its VTIMEZONE), so calendar apps keep the
wall-clock time right across daylight-saving changes. Downloads and feeds are published
(METHOD:PUBLISH); the copy attached to a confirmation is an invitation to the registrant
(METHOD:REQUEST, RFC 5546), so mail clients offer to add it. Every event names its ORGANIZER.
"""

from email.utils import parseaddr

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, vCalAddress
from icalendar import Event as VEvent

PRODID = "-//MedSocial//Events//EN"


def _calendar(name: str = "") -> Calendar:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    if name:
        cal.add("x-wr-calname", name)
    return cal


def _location(event) -> str:
    if event.venue_address:
        return ", ".join(p for p in [event.venue_name, " ".join(event.venue_address.split())] if p)
    return "Online"


def _organizer(event) -> vCalAddress:
    """The hub's sending address, named after who runs the event."""
    address = parseaddr(settings.DEFAULT_FROM_EMAIL)[1] or "hub@medsocial.localhost"
    organizer = vCalAddress(f"mailto:{address}")
    organizer.params["cn"] = event.organizer or settings.SITE_NAME
    return organizer


def _vevent_for_event(event, *, include_join_url: bool = False) -> VEvent:
    url = settings.SITE_URL + event.get_absolute_url()
    item = VEvent()
    item.add("uid", f"event-{event.pk}@{settings.SITE_URL.split('://')[-1]}")
    item.add("summary", event.title)
    item.add("dtstart", event.starts_at.astimezone(event.tz))
    item.add("dtend", event.ends_at.astimezone(event.tz))
    item.add("dtstamp", timezone.now())
    item.add("last-modified", event.updated_at)
    item.add("url", url)
    item.add("location", _location(event))
    description = [event.summary or event.title, "", url]
    if include_join_url and event.join_url:
        description += ["", f"Join: {event.join_url}"]
    item.add("description", "\n".join(description))
    item.add("status", "CANCELLED" if event.status == event.Status.CANCELLED else "CONFIRMED")
    item.add("organizer", _organizer(event))
    return item


def event_ics(event, *, include_join_url: bool = False) -> bytes:
    cal = _calendar()
    cal.add("method", "PUBLISH")
    cal.add_component(_vevent_for_event(event, include_join_url=include_join_url))
    cal.add_missing_timezones()
    return cal.to_ical()


def invitation_ics(registration) -> bytes:
    """The event as an invitation to its registrant (METHOD:REQUEST): RFC 5546 asks for the
    organizer, the attendee and a sequence number besides what a published event has."""
    event = registration.event
    cal = _calendar()
    cal.add("method", "REQUEST")
    item = _vevent_for_event(event, include_join_url=True)
    item.add("sequence", 0)
    attendee = vCalAddress(f"mailto:{registration.user.email}")
    attendee.params.update(
        {
            "cn": registration.user.display_name,
            "role": "REQ-PARTICIPANT",
            "partstat": "ACCEPTED",
            "rsvp": "FALSE",
        }
    )
    item.add("attendee", attendee)
    cal.add_component(item)
    cal.add_missing_timezones()
    return cal.to_ical()


def session_ics(session) -> bytes:
    cal = _calendar()
    cal.add("method", "PUBLISH")
    cal.add_component(_vevent_for_session(session))
    cal.add_missing_timezones()
    return cal.to_ical()


def _vevent_for_session(session) -> VEvent:
    event = session.event
    item = VEvent()
    item.add("uid", f"session-{session.pk}@{settings.SITE_URL.split('://')[-1]}")
    item.add("summary", f"{session.title} — {event.title}")
    item.add("dtstart", session.starts_at.astimezone(event.tz))
    item.add("dtend", session.ends_at.astimezone(event.tz))
    item.add("dtstamp", timezone.now())
    item.add("url", settings.SITE_URL + session.get_absolute_url())
    room = session.room.name if session.room_id else ""
    item.add("location", ", ".join(p for p in [room, _location(event)] if p))
    speakers = ", ".join(s.name for s in session.speakers.all())
    item.add("description", "\n".join(p for p in [speakers, session.abstract] if p))
    item.add("organizer", _organizer(event))
    return item


def feed_ics(registrations, sessions=()) -> bytes:
    """A person's feed: every event they hold a seat for (join links included: the feed is
    private) and the sessions on their agenda."""
    cal = _calendar(f"{settings.SITE_NAME} events")
    for registration in registrations:
        cal.add_component(_vevent_for_event(registration.event, include_join_url=True))
    for session in sessions:
        cal.add_component(_vevent_for_session(session))
    cal.add_missing_timezones()
    return cal.to_ical()
