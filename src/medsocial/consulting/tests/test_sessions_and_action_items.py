"""Coaching sessions with calendar files and invitations; action items done and not done."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from medsocial.consulting import services
from medsocial.consulting.models import ActionItem, CoachingSession
from medsocial.consulting.tests.factories import make_action_item, make_session
from medsocial.core.errors import NotAllowed

pytestmark = pytest.mark.django_db


def local_input(dt):
    return timezone.localtime(dt).strftime("%Y-%m-%dT%H:%M")


def test_a_coach_schedules_a_session_and_everyone_gets_an_invitation_with_a_calendar_file(
    client, coach, engagement, client_admin, client_member, smtp_server, django_capture_on_commit_callbacks
):
    starts = (timezone.now() + timedelta(days=3)).replace(second=0, microsecond=0)
    client.force_login(coach)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("consulting:sessions", args=[engagement.pk]),
            {
                "title": "Policy workshop",
                "starts_at": local_input(starts),
                "duration_minutes": 90,
                "location": "https://video.example/room",
                "agenda": "Review the draft policy",
            },
        )
    session = CoachingSession.objects.get()
    assert response.status_code == 302 and session.starts_at == starts
    smtp_server.wait_for(3)
    for person in (coach, client_admin, client_member):
        [message] = smtp_server.to(person.email)
        attachment = next(message.iter_attachments())
        assert attachment.get_content_type() == "text/calendar"
        event = Calendar.from_ical(attachment.get_content()).walk("VEVENT")[0]
        assert event.decoded("dtstart") == starts


def test_the_calendar_file_describes_the_session(client, client_member, engagement):
    session = make_session(
        engagement, title="Crisis drill", agenda="Walk through the plan", duration_minutes=45
    )
    client.force_login(client_member)
    response = client.get(reverse("consulting:session-calendar", args=[engagement.pk, session.pk]))
    assert response["Content-Type"].startswith("text/calendar")
    event = Calendar.from_ical(response.content).walk("VEVENT")[0]
    assert str(event["summary"]).startswith("Crisis drill")
    assert event.decoded("dtend") - event.decoded("dtstart") == timedelta(minutes=45)
    assert str(event["uid"]).startswith(str(session.uid))


def test_clients_cannot_schedule_sessions(client, client_admin, engagement):
    with pytest.raises(NotAllowed):
        services.schedule_session(
            actor=client_admin, engagement=engagement, title="x", starts_at=timezone.now() + timedelta(days=1)
        )
    client.force_login(client_admin)
    assert (
        client.post(reverse("consulting:sessions", args=[engagement.pk]), {"title": "x"}).status_code == 404
    )
    assert not CoachingSession.objects.exists()


def test_a_session_in_the_past_is_refused(coach, engagement):
    from medsocial.consulting.errors import ConsultingError

    with pytest.raises(ConsultingError, match="future"):
        services.schedule_session(
            actor=coach, engagement=engagement, title="Late", starts_at=timezone.now() - timedelta(hours=1)
        )


def test_a_coach_records_notes_and_a_moved_session_gets_a_new_calendar_revision(coach, engagement):
    session = make_session(engagement)
    later = session.starts_at + timedelta(days=1)
    services.update_session(
        actor=coach,
        session=session,
        title=session.title,
        starts_at=later,
        duration_minutes=60,
        location="",
        agenda="",
        notes="Agreed to post twice a week",
    )
    session.refresh_from_db()
    assert session.notes == "Agreed to post twice a week" and session.sequence == 1


def test_an_action_item_from_a_session_has_an_owner_and_a_due_date(client, coach, engagement, client_member):
    session = make_session(engagement)
    client.force_login(coach)
    due = timezone.localdate() + timedelta(days=10)
    response = client.post(
        reverse("consulting:action-items", args=[engagement.pk]),
        {
            "title": "Draft the policy",
            "owner": client_member.pk,
            "due_on": due.isoformat(),
            "session": session.pk,
        },
    )
    assert response.status_code == 302
    item = ActionItem.objects.get()
    assert (item.owner, item.due_on, item.session, item.created_by) == (client_member, due, session, coach)


def test_an_action_item_owner_must_be_in_the_workspace(coach, engagement, outsider):
    from medsocial.consulting.errors import ConsultingError

    with pytest.raises(ConsultingError, match="owner"):
        services.add_action_item(
            actor=coach, engagement=engagement, title="x", owner=outsider, due_on=timezone.localdate()
        )


def test_the_client_marks_an_item_done_and_undone(client, client_member, engagement):
    item = make_action_item(engagement)
    client.force_login(client_member)
    url = reverse("consulting:action-item-status", args=[engagement.pk, item.pk])
    client.post(url, {"done": "1"})
    item.refresh_from_db()
    assert item.is_done and item.done_by == client_member
    client.post(url, {"done": "0"})
    item.refresh_from_db()
    assert not item.is_done and item.done_by is None


def test_htmx_gets_back_just_the_updated_item(client, client_member, engagement):
    item = make_action_item(engagement, title="Write holding statements")
    client.force_login(client_member)
    response = client.post(
        reverse("consulting:action-item-status", args=[engagement.pk, item.pk]),
        {"done": "1"},
        headers={"HX-Request": "true"},
    )
    html = response.content.decode()
    assert html.lstrip().startswith(f'<li class="action-item done" id="action-item-{item.pk}"')
    assert "Mark not done" in html and "<html" not in html


def test_the_action_item_list_has_a_constant_number_of_queries(client, client_member, engagement, coach):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(client_member)
    session = make_session(engagement)
    for i in range(5):
        make_action_item(engagement, owner=coach, session=session, due_in_days=i - 2)
    url = reverse("consulting:action-items", args=[engagement.pk]) + "?show=all"
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    for i in range(45):
        make_action_item(engagement, owner=client_member, session=session, due_in_days=i - 20)
    with CaptureQueriesContext(connection) as large:
        response = client.get(url)
    assert response.content.decode().count('id="action-item-') == 50
    assert len(large.captured_queries) == len(small.captured_queries)


def test_the_session_list_has_a_constant_number_of_queries(client, client_member, engagement):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(client_member)
    for i in range(5):
        make_action_item(engagement, session=make_session(engagement, days_ahead=i - 2))
    url = reverse("consulting:sessions", args=[engagement.pk])
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    for i in range(45):
        make_session(engagement, days_ahead=i - 20)
    with CaptureQueriesContext(connection) as large:
        response = client.get(url)
    assert response.content.decode().count("calendar.ics") == 50
    assert len(large.captured_queries) == len(small.captured_queries)


def test_an_action_item_is_removed_by_its_author_or_a_coach_only(
    client, client_member, client_admin, coach, engagement
):
    mine = make_action_item(engagement, title="Mine", created_by=client_member)
    theirs = make_action_item(engagement, title="Theirs", created_by=client_admin)
    client.force_login(client_member)
    client.post(reverse("consulting:action-item-delete", args=[engagement.pk, theirs.pk]))
    client.post(reverse("consulting:action-item-delete", args=[engagement.pk, mine.pk]))
    assert list(ActionItem.objects.values_list("title", flat=True)) == ["Theirs"]
    client.force_login(coach)
    client.post(reverse("consulting:action-item-delete", args=[engagement.pk, theirs.pk]))
    assert not ActionItem.objects.exists()


def test_a_word_as_next_after_marking_an_item_done_goes_back_to_the_action_items(
    client, client_member, engagement
):
    # Found by the form fuzz: redirect() read "other" as the name of a view and failed.
    item = make_action_item(engagement)
    client.force_login(client_member)
    response = client.post(
        reverse("consulting:action-item-status", args=[engagement.pk, item.pk]),
        {"done": "1", "next": "other"},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("consulting:action-items", args=[engagement.pk])
    item.refresh_from_db()
    assert item.is_done


def test_an_action_item_for_a_session_that_is_not_a_number_is_not_found(client, client_member, engagement):
    # Found by the form fuzz: the session id went to the query unparsed.
    client.force_login(client_member)
    response = client.post(
        reverse("consulting:action-items", args=[engagement.pk]), {"title": "Draft", "session": "3 evil"}
    )
    assert response.status_code == 404
    assert not ActionItem.objects.filter(title="Draft").exists()
