"""The daily reminder run: action items due tomorrow or a week overdue, sessions tomorrow."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from medsocial.consulting.tests.factories import make_action_item
from medsocial.testing.plugin import body_text

pytestmark = pytest.mark.django_db


def test_owners_of_items_due_tomorrow_or_a_week_late_are_reminded_once(
    client_member, client_admin, engagement, smtp_server
):
    make_action_item(engagement, title="Due tomorrow", owner=client_member, due_in_days=1)
    make_action_item(engagement, title="A week late", owner=client_admin, due_in_days=-7)
    make_action_item(engagement, title="Due next month", owner=client_member, due_in_days=30)
    make_action_item(
        engagement, title="Already done", owner=client_member, due_in_days=1, done_at=timezone.now()
    )
    call_command("consulting-reminders", stdout=open("/dev/null", "w"))
    smtp_server.wait_for(2)
    assert [m["Subject"] for m in smtp_server.to(client_member.email)] == ["Due tomorrow: Due tomorrow"]
    [late] = smtp_server.to(client_admin.email)
    assert late["Subject"] == "Overdue: A week late" and "overdue" in body_text(late)


def test_a_session_tomorrow_reminds_everyone_in_the_workspace(
    coach, client_admin, client_member, engagement, smtp_server
):
    from medsocial.consulting.models import CoachingSession

    tomorrow = timezone.localtime() + timedelta(days=1)
    CoachingSession.objects.create(
        engagement=engagement,
        title="Content review",
        starts_at=tomorrow.replace(hour=11, minute=0, second=0, microsecond=0),
    )
    call_command("consulting-reminders", stdout=open("/dev/null", "w"))
    smtp_server.wait_for(3)
    for person in (coach, client_admin, client_member):
        [message] = smtp_server.to(person.email)
        assert message["Subject"] == "Tomorrow: Content review"
        assert next(message.iter_attachments()).get_content_type() == "text/calendar"
