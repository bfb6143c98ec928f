"""Reminder emails 24 hours and 1 hour before an event, each sent once."""

import datetime

from django.db.models import Q
from django.utils import timezone

from medsocial.events.models import Event, Registration

WINDOWS = {
    "24h": (datetime.timedelta(hours=24), "reminder_24h_sent_at"),
    "1h": (datetime.timedelta(hours=1), "reminder_1h_sent_at"),
}


def due_reminders(*, now=None) -> list[tuple[int, str]]:
    """(registration id, which) for every reminder that is due and not yet sent.

    The 24-hour reminder is skipped for people whose event starts within the hour: they get the
    1-hour one only.
    """
    now = now or timezone.now()
    base = Registration.objects.filter(
        status=Registration.Status.CONFIRMED, event__status=Event.Status.PUBLISHED, event__starts_at__gt=now
    )
    due = []
    day = base.filter(
        event__starts_at__lte=now + WINDOWS["24h"][0],
        event__starts_at__gt=now + WINDOWS["1h"][0],
        reminder_24h_sent_at__isnull=True,
    )
    due += [(pk, "24h") for pk in day.values_list("pk", flat=True)]
    hour = base.filter(Q(event__starts_at__lte=now + WINDOWS["1h"][0]), reminder_1h_sent_at__isnull=True)
    due += [(pk, "1h") for pk in hour.values_list("pk", flat=True)]
    return due


def claim_reminder(*, registration_id: int, which: str, now=None) -> bool:
    """Mark the reminder as sent with a conditional update; True only for the one caller that
    flipped it, so two workers or two cron runs never send it twice."""
    field = WINDOWS[which][1]
    return bool(
        Registration.objects.filter(
            pk=registration_id, status=Registration.Status.CONFIRMED, **{f"{field}__isnull": True}
        ).update(**{field: now or timezone.now()})
    )
