"""Reminders go out 24 hours and 1 hour before, each exactly once however often cron runs."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from medsocial.events import services
from medsocial.events.models import Registration
from medsocial.events.services import reminders
from medsocial.events.tests.factories import make_event, ticket_of

pytestmark = pytest.mark.django_db


def _registered(user, starts_in):
    event = make_event(starts_in=starts_in)
    return services.register(event=event, user=user, ticket_type=ticket_of(event))


def test_the_reminder_command_sends_the_24_hour_reminder_once(user):
    registration = _registered(user, datetime.timedelta(hours=20))
    mail.outbox.clear()
    call_command("send-event-reminders")
    call_command("send-event-reminders")
    sent = [m for m in mail.outbox if m.to == [user.email]]
    assert len(sent) == 1 and "in 24 hours" in sent[0].subject
    assert Registration.objects.get(pk=registration.pk).reminder_24h_sent_at is not None


def test_within_the_hour_only_the_1_hour_reminder_is_sent(user):
    _registered(user, datetime.timedelta(minutes=40))
    mail.outbox.clear()
    call_command("send-event-reminders")
    call_command("send-event-reminders")
    assert [m.subject for m in mail.outbox] == [mail.outbox[0].subject]
    assert "in one hour" in mail.outbox[0].subject


def test_no_reminders_for_far_away_events_or_waitlisted_people(make_user):
    _registered(make_user(), datetime.timedelta(days=3))
    event = make_event(capacity=1, starts_in=datetime.timedelta(hours=5))
    services.register(event=event, user=make_user(), ticket_type=ticket_of(event))
    waiting = services.register(event=event, user=make_user(), ticket_type=ticket_of(event))
    due = reminders.due_reminders()
    assert waiting.pk not in [pk for pk, _ in due]
    assert len(due) == 1


def test_claiming_a_reminder_twice_succeeds_once(user):
    registration = _registered(user, datetime.timedelta(hours=10))
    now = timezone.now()
    assert reminders.claim_reminder(registration_id=registration.pk, which="24h", now=now) is True
    assert reminders.claim_reminder(registration_id=registration.pk, which="24h", now=now) is False
