"""The conference programme: agenda by day and track, my agenda, workshop seats, call for proposals."""

import datetime

import pytest
from django.core import mail

from medsocial.accounts.roles import Role
from medsocial.events import services
from medsocial.events.errors import EventError, EventNotAllowed
from medsocial.events.models import Event, Proposal, Session, Speaker, Track
from medsocial.events.tests.factories import make_event, make_session, ticket_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def summit():
    event = make_event(kind=Event.Kind.CONFERENCE, title="Summit", hours=30, capacity=300)
    strategy = Track.objects.create(event=event, name="Strategy", position=1)
    safety = Track.objects.create(event=event, name="Safety", position=2)
    speaker = Speaker.objects.create(
        name="Dr. Maya Chen", slug="maya-chen", organization_name="Lakeshore Health", bio="ER physician."
    )
    talk = make_session(event, track=strategy, title="Content calendars that work")
    talk.speakers.add(speaker)
    make_session(event, track=safety, title="HIPAA and selfies")
    make_session(
        event,
        track=safety,
        offset_hours=24,
        title="Day two workshop",
        format=Session.Format.WORKSHOP,
        capacity=1,
    )
    return event


def test_the_agenda_shows_days_tracks_sessions_and_speakers(client, summit):
    html = client.get(f"/events/{summit.slug}/agenda/").content.decode()
    for text in [
        "Strategy",
        "Safety",
        "Content calendars that work",
        "HIPAA and selfies",
        "Day two workshop",
        "Dr. Maya Chen",
        "Lakeshore Health",
    ]:
        assert text in html
    assert html.count('class="agenda-day"') == 2


def test_my_agenda_lists_what_i_added_and_workshop_seats_run_out(client, summit, make_user):
    workshop = summit.sessions.get(title="Day two workshop")
    first, second = make_user(), make_user()
    for person in (first, second):
        services.register(event=summit, user=person, ticket_type=ticket_of(summit))
    client.force_login(first)
    client.post(f"/events/{summit.slug}/sessions/{workshop.pk}/agenda/")
    assert "Day two workshop" in client.get(f"/events/{summit.slug}/my-agenda/").content.decode()
    with pytest.raises(EventError, match="full"):
        services.add_to_agenda(session=workshop, user=second)


def test_only_registered_people_build_an_agenda(summit, user):
    with pytest.raises(EventError, match="Register"):
        services.add_to_agenda(session=summit.sessions.first(), user=user)


def test_a_proposal_is_reviewed_accepted_becomes_a_session_and_speakers_are_emailed(
    client, summit, user, manager, make_user, django_capture_on_commit_callbacks
):
    client.force_login(user)
    response = client.post(
        f"/events/{summit.slug}/propose/",
        {
            "title": "Patient stories without PHI",
            "abstract": "How we ask consent.",
            "format": "talk",
            "speaker_name": "Pat Jones",
            "speaker_email": user.email,
            "speaker_organization": "Prairie Hospital",
            "co_speakers": "Sam Lee, sam@example.org, Prairie Hospital",
        },
    )
    assert response.status_code == 302
    proposal = Proposal.objects.get()
    services.review_proposal(proposal=proposal, reviewer=manager, score=5, comment="Strong")
    services.review_proposal(proposal=proposal, reviewer=make_user(roles=[Role.EVENT_MANAGER]), score=3)
    client.force_login(manager)
    page = client.get(f"/events/manage/{summit.slug}/proposals/").content.decode()
    assert "average score 4.0" in page and "Strong" in page
    start = summit.starts_at + datetime.timedelta(hours=3)
    with django_capture_on_commit_callbacks(execute=True):
        services.decide_proposal(
            proposal=proposal,
            by=manager,
            accept=True,
            starts_at=start,
            ends_at=start + datetime.timedelta(minutes=30),
            track=summit.tracks.first(),
        )
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.ACCEPTED
    assert proposal.session.title == "Patient stories without PHI"
    assert sorted(s.name for s in proposal.session.speakers.all()) == ["Pat Jones", "Sam Lee"]
    notice = mail.outbox[-1]
    assert "Accepted" in notice.subject and sorted(notice.to) == sorted([user.email, "sam@example.org"])


def test_a_rejected_proposal_creates_no_session_and_cannot_be_decided_again(summit, user, manager):
    proposal = services.submit_proposal(
        event=summit, user=user, title="T", abstract="A", format="talk", speakers=[{"name": "Pat"}]
    )
    services.decide_proposal(proposal=proposal, by=manager, accept=False)
    assert not Session.objects.filter(title="T").exists()
    with pytest.raises(EventError, match="already"):
        services.decide_proposal(proposal=proposal, by=manager, accept=False)


def test_reviewers_score_from_1_to_5_and_not_their_own(summit, user, manager):
    proposal = services.submit_proposal(
        event=summit, user=user, title="T", abstract="A", format="talk", speakers=[{"name": "Pat"}]
    )
    with pytest.raises(EventError, match="1 to 5"):
        services.review_proposal(proposal=proposal, reviewer=manager, score=6)
    with pytest.raises(EventNotAllowed):
        services.review_proposal(proposal=proposal, reviewer=user, score=5)  # not an event manager
    own = services.submit_proposal(
        event=summit, user=manager, title="Mine", abstract="A", format="talk", speakers=[{"name": "Eve"}]
    )
    with pytest.raises(EventError, match="own"):
        services.review_proposal(proposal=own, reviewer=manager, score=5)


def test_proposal_review_pages_are_for_event_managers(client, summit, user):
    client.force_login(user)
    assert client.get(f"/events/manage/{summit.slug}/proposals/").status_code == 404
