import pytest

from medsocial.accounts.roles import Role


@pytest.fixture
def manager(make_user):
    return make_user(email="events-team@example.org", full_name="Eve Manager", roles=[Role.EVENT_MANAGER])


@pytest.fixture
def run_on_commit(django_capture_on_commit_callbacks):
    """Run after-commit callbacks (the email tasks) inside a plain `db` test."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def summit_programme(db):
    """A one-day conference in Chicago (9:00–17:00 local) with two tracks, two rooms, a speaker, a
    talk in the ballroom at 9:00 and a workshop with three seats in the Lakeview Room at 10:00."""
    import datetime
    from types import SimpleNamespace

    from django.utils import timezone

    from medsocial.events.models import Event, Room, Session, Speaker, Track
    from medsocial.events.tests.factories import make_event, make_session

    opens = datetime.datetime(timezone.now().year + 1, 6, 10, 14, 0, tzinfo=datetime.UTC)  # 9:00 CDT
    event = make_event(
        kind=Event.Kind.CONFERENCE,
        title="Summit",
        time_zone="America/Chicago",
        starts_at=opens,
        hours=8,
        capacity=100,
    )
    strategy = Track.objects.create(event=event, name="Strategy", position=1)
    safety = Track.objects.create(event=event, name="Safety", position=2)
    ballroom = Room.objects.create(event=event, name="Grand Ballroom", capacity=300)
    lakeview = Room.objects.create(event=event, name="Lakeview Room", capacity=40)
    speaker = Speaker.objects.create(
        name="Dr. Maya Chen", slug="maya-chen", organization_name="Lakeshore Health", bio="ER physician."
    )
    talk = make_session(event, track=strategy, room=ballroom, title="Content calendars that work")
    talk.speakers.add(speaker)
    workshop = make_session(
        event,
        track=safety,
        room=lakeview,
        offset_hours=1,
        title="HIPAA workshop",
        format=Session.Format.WORKSHOP,
        ends_at=opens + datetime.timedelta(hours=2),
        capacity=3,
    )
    return SimpleNamespace(
        event=event,
        strategy=strategy,
        safety=safety,
        ballroom=ballroom,
        lakeview=lakeview,
        speaker=speaker,
        talk=talk,
        workshop=workshop,
    )
