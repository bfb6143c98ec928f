"""Coaching sessions as iCalendar files, for calendar apps and email attachments."""

from django.conf import settings
from icalendar import Calendar, Event, vCalAddress, vText

from medsocial.consulting.models import CoachingSession


def session_ics(session: CoachingSession, *, attendees=()) -> bytes:
    """One VEVENT for `session`; its UID stays the same when the session moves, so a calendar
    updates the entry rather than adding a second one."""
    calendar = Calendar()
    calendar.add("prodid", f"-//{settings.SITE_NAME}//Coaching sessions//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    event = Event()
    event.add("uid", f"{session.uid}@{settings.SITE_URL.split('//')[-1].split('/')[0]}")
    event.add("dtstamp", session.updated_at)
    event.add("dtstart", session.starts_at)
    event.add("dtend", session.ends_at)
    event.add("sequence", session.sequence)
    event.add("summary", f"{session.title} · {session.engagement.organization.name}")
    description = session.agenda or "Coaching session"
    event.add("description", f"{description}\n\n{settings.SITE_URL}{session.get_absolute_url()}")
    if session.location:
        event.add("location", session.location)
    event.add("url", settings.SITE_URL + session.get_absolute_url())
    for person in attendees:
        attendee = vCalAddress(f"mailto:{person.email}")
        attendee.params["cn"] = vText(person.display_name)
        event.add("attendee", attendee, encode=0)
    calendar.add_component(event)
    return calendar.to_ical()
