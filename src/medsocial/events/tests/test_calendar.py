"""Calendars: .ics per event and session, the private feed, and time zones across a DST change."""

import datetime
import zoneinfo

import pytest
from icalendar import Calendar

from medsocial.events import services
from medsocial.events.models import CalendarFeed
from medsocial.events.tests.factories import make_event, make_session, ticket_of

pytestmark = pytest.mark.django_db
CHICAGO = zoneinfo.ZoneInfo("America/Chicago")
UTC = datetime.UTC


@pytest.fixture
def dst_event():
    """9:00–11:00 in Chicago on 8 March 2026, the day clocks spring forward (CST → CDT at 2:00)."""
    starts = datetime.datetime(2026, 3, 8, 9, 0, tzinfo=CHICAGO)
    return make_event(
        title="Spring forward clinic",
        time_zone="America/Chicago",
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=2),
        registration_closes_at=None,
    )


def _only_vevent(payload: bytes):
    return [c for c in Calendar.from_ical(payload).walk("VEVENT")]


def test_event_ics_keeps_local_time_and_the_right_utc_instant_on_a_dst_day(client, dst_event):
    response = client.get(f"/events/{dst_event.slug}/event.ics")
    assert response["Content-Type"].startswith("text/calendar")
    (vevent,) = _only_vevent(response.content)
    start = vevent.decoded("dtstart")
    assert start.astimezone(UTC) == datetime.datetime(2026, 3, 8, 14, 0, tzinfo=UTC)  # 9:00 CDT = UTC−5
    assert start.astimezone(CHICAGO).hour == 9
    assert vevent["dtstart"].params["TZID"] == "America/Chicago"
    assert b"BEGIN:VTIMEZONE" in response.content


def test_event_page_shows_the_event_time_and_the_viewer_time(client, dst_event, make_user):
    viewer = make_user(time_zone="Europe/Berlin")
    client.force_login(viewer)
    html = client.get(f"/events/{dst_event.slug}/").content.decode()
    assert "Sunday, March 8, 2026" in html
    assert "9:00 a.m. – 11:00 a.m. CDT" in html or "9:00 AM – 11:00 AM CDT" in html
    # 14:00 UTC is 15:00 in Berlin (CET, Europe changes later in the month).
    assert "3:00 PM" in html or "3 p.m." in html
    assert "Europe/Berlin" in html


def test_session_ics_names_session_and_event(client):
    event = make_event(kind="conference")
    session = make_session(event, title="Crisis comms")
    (vevent,) = _only_vevent(client.get(f"/events/{event.slug}/sessions/{session.pk}/session.ics").content)
    assert str(vevent["summary"]).startswith("Crisis comms")
    assert vevent.decoded("dtstart").astimezone(UTC) == session.starts_at.astimezone(UTC).replace(
        microsecond=0
    )


def test_the_private_feed_lists_my_events_and_stops_working_when_revoked(client, user):
    event = make_event(title="Mine")
    make_event(title="Not mine")
    services.register(event=event, user=user, ticket_type=ticket_of(event))
    client.force_login(user)
    client.post("/events/calendar/reset/")
    feed = CalendarFeed.objects.get(user=user)
    client.logout()
    response = client.get(f"/events/calendar/{feed.token}.ics")
    assert response.status_code == 200
    summaries = [str(v["summary"]) for v in _only_vevent(response.content)]
    assert summaries == ["Mine"]
    assert "meet.example.org" in response.content.decode()  # the feed is private: join links included
    client.force_login(user)
    client.post("/events/calendar/reset/", {"action": "revoke"})
    client.logout()
    assert client.get(f"/events/calendar/{feed.token}.ics").status_code == 404


def test_replacing_the_feed_address_invalidates_the_old_one(client, user):
    client.force_login(user)
    client.post("/events/calendar/reset/")
    old = CalendarFeed.objects.get(user=user).token
    client.post("/events/calendar/reset/")
    new = CalendarFeed.objects.get(user=user).token
    assert old != new
    assert client.get(f"/events/calendar/{old}.ics").status_code == 404
    assert client.get(f"/events/calendar/{new}.ics").status_code == 200


def test_join_link_is_shown_only_to_registered_people(client, user, make_user):
    event = make_event(join_url="https://meet.example.org/secret-room")
    assert "secret-room" not in client.get(event.get_absolute_url()).content.decode()
    client.force_login(make_user())
    assert "secret-room" not in client.get(event.get_absolute_url()).content.decode()
    services.register(event=event, user=user, ticket_type=ticket_of(event))
    client.force_login(user)
    assert "secret-room" in client.get(event.get_absolute_url()).content.decode()
    assert "secret-room" not in client.get(f"/events/{event.slug}/event.ics").content.decode()


def test_recording_link_appears_for_registered_people_after_the_event(client, user):
    event = make_event(recording_url="https://video.example.org/rec-42")
    services.register(event=event, user=user, ticket_type=ticket_of(event))
    client.force_login(user)
    assert "rec-42" not in client.get(event.get_absolute_url()).content.decode()
    past_start = datetime.datetime.now(UTC) - datetime.timedelta(days=2)
    type(event).objects.filter(pk=event.pk).update(
        starts_at=past_start, ends_at=past_start + datetime.timedelta(hours=1)
    )
    assert "rec-42" in client.get(event.get_absolute_url()).content.decode()


def test_the_feed_also_lists_sessions_on_my_agenda(client, user):
    event = make_event(kind="conference", title="Summit")
    services.register(event=event, user=user, ticket_type=ticket_of(event))
    session = make_session(event, title="Workshop on reels")
    make_session(event, title="Not on my agenda")
    services.add_to_agenda(session=session, user=user)
    feed = CalendarFeed.objects.create(user=user)
    summaries = sorted(
        str(v["summary"]) for v in _only_vevent(client.get(f"/events/calendar/{feed.token}.ics").content)
    )
    assert summaries == ["Summit", "Workshop on reels — Summit"]


def test_downloaded_ics_is_published_and_names_its_organizer(client, settings):
    settings.DEFAULT_FROM_EMAIL = "Hub Team <events@hub.example.org>"
    event = make_event(title="Organized", organizer="Lakeshore Health")
    payload = client.get(f"/events/{event.slug}/event.ics").content
    calendar = Calendar.from_ical(payload)
    assert str(calendar["method"]) == "PUBLISH"
    (vevent,) = calendar.walk("VEVENT")
    assert str(vevent["organizer"]) == "mailto:events@hub.example.org"
    assert vevent["organizer"].params["CN"] == "Lakeshore Health"
    session = make_session(event, title="Also organized")
    (svevent,) = _only_vevent(client.get(f"/events/{event.slug}/sessions/{session.pk}/session.ics").content)
    assert str(svevent["organizer"]) == "mailto:events@hub.example.org"


def test_the_confirmation_carries_an_rfc_5546_invitation(user, mailoutbox, settings):
    from medsocial.events import tasks

    settings.DEFAULT_FROM_EMAIL = "events@hub.example.org"
    event = make_event(title="Invited")
    registration = services.register(event=event, user=user, ticket_type=ticket_of(event))
    tasks.send_registration_email.call(registration.pk)
    (message,) = mailoutbox
    (filename, content, mimetype) = message.attachments[0]
    assert filename == "event.ics" and mimetype == "text/calendar; method=REQUEST"
    calendar = Calendar.from_ical(content)
    assert str(calendar["method"]) == "REQUEST"
    (vevent,) = calendar.walk("VEVENT")
    # RFC 5546 §3.2.2: a REQUEST names the organizer and the attendees, with a sequence number.
    assert str(vevent["organizer"]) == "mailto:events@hub.example.org"
    assert vevent["organizer"].params["CN"] == settings.SITE_NAME  # the event names no organizer
    assert str(vevent["attendee"]) == "mailto:pat@example.org"
    assert vevent["attendee"].params["CN"] == "Pat Jones"
    assert vevent["attendee"].params["PARTSTAT"] == "ACCEPTED"
    assert vevent.decoded("sequence") == 0 and str(vevent["uid"]).startswith(f"event-{event.pk}@")
    (part,) = [p for p in message.message().walk() if p.get_content_type() == "text/calendar"]
    assert part.get_param("method") == "REQUEST"  # iMIP, RFC 6047 §2.4
