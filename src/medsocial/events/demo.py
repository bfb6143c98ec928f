"""Demo data for events: `load()` is idempotent (a second run changes nothing).

The summit, two webinars and a workshop are placed relative to today so they stay upcoming;
an event that has ended since the last run is moved forward again.
"""

import datetime
import zoneinfo
from decimal import Decimal

from django.db.models import F
from django.utils import timezone

from medsocial.accounts.demo import demo_email
from medsocial.accounts.models import Organization, User
from medsocial.events import services
from medsocial.events.models import (
    DiscountCode,
    Event,
    Question,
    Registration,
    Room,
    Session,
    Speaker,
    TicketType,
    Track,
    WorkshopRequest,
)

SUMMIT = "medsocial-summit"

SPEAKERS = [
    (
        "Dr. Maya Chen",
        "maya-chen",
        "Emergency physician",
        "Lakeshore Health System",
        "Dr. Chen built Lakeshore's physician social media program and trains residents to share public health facts online.",
    ),
    (
        "Luis Ortega",
        "luis-ortega",
        "Director of digital communications",
        "Prairie Community Hospital",
        "Luis runs a two-person team that grew a rural hospital's audience tenfold without paid ads.",
    ),
    (
        "Amara Okoye",
        "amara-okoye",
        "Privacy officer",
        "Society of Hospital Communicators",
        "Amara has reviewed thousands of hospital posts for HIPAA risk and writes the society's social media policy template.",
    ),
    (
        "Grace Whitfield, RN",
        "grace-whitfield",
        "Nurse educator",
        "Lakeshore Health System",
        "Grace teaches nurses to tell patient-care stories that respect consent and dignity.",
    ),
    (
        "Ben Adler",
        "ben-adler",
        "Patient advocate",
        "Heart Rhythm Patients Alliance",
        "Ben founded an online community of 40,000 people living with arrhythmias.",
    ),
    (
        "Dr. Priya Natarajan",
        "priya-natarajan",
        "Faculty",
        "MedSocial",
        "Dr. Natarajan leads the hub's courses on evidence-based health communication.",
    ),
]

# (day, start hh:mm, minutes, title, format, track index or None, room index or None, speaker slugs, capacity)
SUMMIT_SESSIONS = [
    (0, "09:00", 60, "Opening keynote: trust is the new reach", "keynote", None, 0, ["maya-chen"], None),
    (0, "10:15", 45, "A content calendar a small team can keep", "talk", 0, 0, ["luis-ortega"], None),
    (0, "10:15", 45, "HIPAA and the selfie: what staff may post", "talk", 1, 1, ["amara-okoye"], None),
    (
        0,
        "11:15",
        45,
        "Measuring what matters: from followers to outcomes",
        "talk",
        0,
        0,
        ["luis-ortega", "priya-natarajan"],
        None,
    ),
    (
        0,
        "11:15",
        45,
        "When a post goes wrong: a crisis drill",
        "panel",
        1,
        1,
        ["amara-okoye", "maya-chen"],
        None,
    ),
    (0, "12:00", 75, "Lunch", "break", None, None, [], None),
    (0, "13:15", 90, "Workshop: short video on a phone", "workshop", 0, 1, ["grace-whitfield"], 30),
    (0, "13:15", 45, "Patients as partners online", "talk", 1, 0, ["ben-adler"], None),
    (1, "09:00", 45, "Nurses' voices: storytelling with consent", "talk", 0, 0, ["grace-whitfield"], None),
    (
        1,
        "09:00",
        45,
        "Moderating comments on medical misinformation",
        "talk",
        1,
        1,
        ["priya-natarajan"],
        None,
    ),
    (1, "10:00", 90, "Workshop: writing a social media policy", "workshop", 1, 1, ["amara-okoye"], 25),
    (1, "10:00", 45, "Growing a patient community", "talk", 0, 0, ["ben-adler", "luis-ortega"], None),
    (
        1,
        "11:45",
        45,
        "Closing panel: the next five years",
        "panel",
        None,
        0,
        ["maya-chen", "ben-adler", "priya-natarajan"],
        None,
    ),
]


def _at(day: datetime.date, hhmm: str, tz: str) -> datetime.datetime:
    hour, minute = (int(x) for x in hhmm.split(":"))
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=zoneinfo.ZoneInfo(tz))


def _event(slug: str, *, days_ahead: int, start: str, hours: float, tz: str, **fields) -> Event:
    """Create the event `days_ahead` from today; move it forward again if it has ended."""
    today = timezone.localdate()
    starts_at = _at(today + datetime.timedelta(days=days_ahead), start, tz)
    ends_at = starts_at + datetime.timedelta(hours=hours)
    event, created = Event.objects.get_or_create(
        slug=slug,
        defaults={
            "starts_at": starts_at,
            "ends_at": ends_at,
            "time_zone": tz,
            "status": Event.Status.PUBLISHED,
            **fields,
        },
    )
    if not created and event.ends_at < timezone.now():
        shift = starts_at - event.starts_at
        Event.objects.filter(pk=event.pk).update(starts_at=starts_at, ends_at=ends_at)
        Session.objects.filter(event=event).update(
            starts_at=F("starts_at") + shift, ends_at=F("ends_at") + shift
        )
        event.refresh_from_db()
    return event


def _summit() -> Event:
    tz = "America/Chicago"
    summit = _event(
        SUMMIT,
        days_ahead=45,
        start="08:30",
        hours=2 * 24 - 14,
        tz=tz,
        kind=Event.Kind.CONFERENCE,
        title="MedSocial Summit",
        summary="Two days on social media for health care: strategy, safety, storytelling.",
        description="The yearly gathering of hospital communicators, clinicians and patient advocates. Two tracks, "
        "hands-on workshops, and 12 CE hours for attending.",
        organizer="MedSocial",
        venue_name="Lakeshore Conference Center",
        venue_address="400 E Randolph St\nChicago, IL 60601",
        capacity=300,
        ce_hours=Decimal("12.00"),
    )
    if summit.sessions.exists():
        return summit
    tracks = [
        Track.objects.create(event=summit, name=name, position=i)
        for i, name in enumerate(["Strategy & growth", "Safety & trust"])
    ]
    rooms = [
        Room.objects.create(event=summit, name=name, capacity=cap)
        for name, cap in [("Grand Ballroom", 300), ("Lakeview Room", 60)]
    ]
    speakers = {}
    for name, slug, title, org_name, bio in SPEAKERS:
        speakers[slug], _ = Speaker.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "title": title,
                "organization_name": org_name,
                "bio": bio,
                "organization": Organization.objects.filter(name=org_name).first(),
            },
        )
    first_day = timezone.localtime(summit.starts_at, summit.tz).date()
    for day, start, minutes, title, fmt, track, room, slugs, capacity in SUMMIT_SESSIONS:
        starts_at = _at(first_day + datetime.timedelta(days=day), start, tz)
        session = Session.objects.create(
            event=summit,
            title=title,
            format=fmt,
            starts_at=starts_at,
            ends_at=starts_at + datetime.timedelta(minutes=minutes),
            track=tracks[track] if track is not None else None,
            room=rooms[room] if room is not None else None,
            capacity=capacity,
            abstract=""
            if fmt == "break"
            else f"{title}. Practical lessons from health care teams, with time for questions.",
        )
        session.speakers.set([speakers[s] for s in slugs])
    TicketType.objects.create(
        event=summit,
        name="Full pass",
        price=Decimal("395"),
        member_price=Decimal("325"),
        early_bird_price=Decimal("295"),
        early_bird_until=summit.starts_at - datetime.timedelta(days=30),
        position=1,
    )
    TicketType.objects.create(event=summit, name="Student", price=Decimal("95"), quantity=40, position=2)
    DiscountCode.objects.create(
        event=summit, code="NURSES10", kind=DiscountCode.Kind.PERCENT, value=Decimal("10"), max_uses=100
    )
    Question.objects.create(
        event=summit, label="Organization", kind=Question.Kind.TEXT, required=True, position=1
    )
    Question.objects.create(
        event=summit,
        label="Lunch",
        kind=Question.Kind.CHOICE,
        choices="Regular\nVegetarian\nVegan\nGluten-free",
        required=False,
        position=2,
    )
    return summit


def load(*, stdout=None, small: bool = False) -> None:
    summit = _summit()
    crisis = _event(
        "crisis-communication-webinar",
        days_ahead=7,
        start="12:00",
        hours=1,
        tz="America/New_York",
        kind=Event.Kind.WEBINAR,
        title="Crisis communication on social media",
        organizer="MedSocial",
        summary="What to post, and what not to, in the first hour of a hospital crisis.",
        description="A one-hour webinar with a live drill. Bring your own crisis plan.",
        join_url="https://meet.medsocial.example/crisis",
        capacity=500,
        ce_hours=Decimal("1.00"),
    )
    pharmacists = _event(
        "instagram-for-pharmacists",
        days_ahead=14,
        start="13:00",
        hours=1.5,
        tz="America/Chicago",
        kind=Event.Kind.WEBINAR,
        title="Instagram for pharmacists",
        organizer="MedSocial",
        summary="Medication facts people actually read: formats, captions and disclaimers.",
        join_url="https://meet.medsocial.example/pharmacists",
        capacity=300,
        ce_hours=Decimal("1.50"),
    )
    video = _event(
        "video-for-clinicians-workshop",
        days_ahead=21,
        start="09:00",
        hours=6,
        tz="America/Denver",
        kind=Event.Kind.WORKSHOP,
        title="Hands-on video for clinicians",
        organizer="MedSocial",
        summary="A day of filming, editing and captioning short videos on your phone.",
        venue_name="Heart Rhythm Patients Alliance studio",
        venue_address="1600 Champa St\nDenver, CO 80202",
        capacity=24,
        ce_hours=Decimal("5.00"),
    )
    for event in (crisis, pharmacists):
        if not event.ticket_types.exists():
            TicketType.objects.create(event=event, name="Free webinar seat", price=Decimal("0"))
    if not video.ticket_types.exists():
        TicketType.objects.create(
            event=video, name="Workshop seat", price=Decimal("149"), member_price=Decimal("99")
        )

    nurse = User.objects.filter(email=demo_email("nurse")).first()
    if nurse is not None:
        for event in (crisis, summit):
            if not Registration.objects.filter(event=event, user=nurse).exists():
                answers = {
                    str(q.pk): "Lakeshore Health System" for q in event.questions.filter(required=True)
                }
                services.register(
                    event=event, user=nurse, ticket_type=event.ticket_types.first(), answers=answers
                )
    orgadmin = User.objects.filter(email=demo_email("orgadmin")).first()
    lakeshore = Organization.objects.filter(slug="lakeshore-health").first()
    if orgadmin and lakeshore and not WorkshopRequest.objects.filter(organization=lakeshore).exists():
        WorkshopRequest.objects.create(
            organization=lakeshore,
            requested_by=orgadmin,
            topics="Social media basics for new nurse residents; HIPAA refresher",
            audience_size=35,
            preferred_dates="A weekday morning next quarter",
            location="Lakeshore Medical Center, Education Room B",
        )
    if stdout:
        stdout.write(f"Events: {Event.objects.count()} events, {Session.objects.count()} sessions.")
