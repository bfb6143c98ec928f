"""Records that meet the ladder's criteria, made directly (the criteria only read them)."""

import itertools
from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from medsocial.consulting.models import CoachingSession
from medsocial.consulting.tests.factories import make_engagement
from medsocial.events.models import Event, Registration, Speaker
from medsocial.events.tests.factories import make_event, make_session, ticket_of
from medsocial.fellows.models import Level
from medsocial.learning.models import CECredit, Certificate
from medsocial.learning.tests.factories import make_course
from medsocial.publishing.tests.factories import make_article

_n = itertools.count(1)


def give_courses(person, count: int, *, revoked: bool = False) -> list[Certificate]:
    certificates = []
    for _ in range(count):
        course = make_course(lessons=1)
        certificates.append(
            Certificate.objects.create(
                user=person,
                course=course,
                recipient_name=person.display_name,
                course_title=course.title,
                revoked_at=timezone.now() if revoked else None,
            )
        )
    return certificates


def give_ce_hours(person, hours) -> CECredit:
    return CECredit.objects.create(
        user=person,
        source=CECredit.Source.OTHER,
        source_key=f"test:{next(_n)}",
        title="Hours",
        hours=Decimal(str(hours)),
        earned_on=timezone.localdate(),
    )


def give_events(person, count: int, *, checked_in: bool = True) -> list[Registration]:
    registrations = []
    for _ in range(count):
        event = make_event(starts_in=timedelta(days=-10))
        registrations.append(
            Registration.objects.create(
                event=event,
                user=person,
                ticket_type=ticket_of(event),
                status=Registration.Status.CONFIRMED,
                checked_in_at=timezone.now() - timedelta(days=10) if checked_in else None,
            )
        )
    return registrations


def give_articles(person, count: int, *, published: bool = True) -> list:
    return [make_article(authors=[person], published=published) for _ in range(count)]


def give_talks(person, count: int, *, status=Event.Status.PUBLISHED, session_format="talk") -> list:
    summit = make_event(kind=Event.Kind.CONFERENCE, status=status)
    speaker = Speaker.objects.filter(user=person).first() or Speaker.objects.create(
        name=person.display_name, slug=f"speaker-{next(_n)}", user=person
    )
    sessions = []
    for hour in range(count):
        session = make_session(summit, offset_hours=hour, format=session_format)
        session.speakers.add(speaker)
        sessions.append(session)
    return sessions


def give_coaching(person, count: int, *, held: bool = True) -> list[CoachingSession]:
    engagement = make_engagement(coaches=[person])
    days = -1 if held else 1
    return [
        CoachingSession.objects.create(
            engagement=engagement,
            title=f"Session {i}",
            starts_at=timezone.now() + timedelta(days=days * (i + 1)),
        )
        for i in range(count)
    ]


def qualify(person, level: Level) -> None:
    """Give `person` exactly what `level` asks for."""
    give_courses(person, level.min_courses)
    if level.min_ce_hours:
        give_ce_hours(person, level.min_ce_hours)
    give_events(person, level.min_events)
    give_articles(person, level.min_articles)
    if level.min_talks:
        give_talks(person, level.min_talks)
    if level.min_mentoring:
        give_coaching(person, level.min_mentoring)


def level(slug: str) -> Level:
    return Level.objects.select_related("badge_class").get(slug=slug)


def light_ladder() -> None:
    """Cheap thresholds for tests about portfolios and reviews, not about the criteria."""
    Level.objects.update(
        min_courses=0, min_ce_hours=Decimal("0"), min_events=0, min_articles=0, min_talks=0, min_mentoring=0
    )
    Level.objects.filter(slug="resident").update(min_ce_hours=Decimal("1"))
    Level.objects.filter(slug="bronze").update(min_ce_hours=Decimal("2"))
    Level.objects.filter(slug__in=["silver", "gold", "platinum"]).update(min_ce_hours=Decimal("3"))
