"""The demo data: the summit with two tracks, two webinars and a workshop, loaded idempotently."""

import pytest
from django.utils import timezone

from medsocial.accounts import demo as accounts_demo
from medsocial.events import demo
from medsocial.events.models import Event, Registration, Session, Speaker, TicketType, Track

pytestmark = pytest.mark.django_db


def _snapshot():
    return (
        list(Event.objects.order_by("slug").values_list("slug", "starts_at", "ends_at", "capacity")),
        Session.objects.count(),
        Speaker.objects.count(),
        Track.objects.count(),
        TicketType.objects.count(),
        Registration.objects.count(),
    )


def test_demo_loads_upcoming_summit_webinars_and_workshop_and_a_second_run_changes_nothing():
    accounts_demo.load(small=True)
    demo.load(small=True)
    summit = Event.objects.get(slug=demo.SUMMIT)
    assert summit.kind == Event.Kind.CONFERENCE and summit.starts_at > timezone.now()
    assert summit.tracks.count() == 2 and summit.sessions.count() >= 10
    assert Speaker.objects.filter(sessions__event=summit).distinct().count() == 6
    assert Event.objects.filter(kind=Event.Kind.WEBINAR, starts_at__gt=timezone.now()).count() == 2
    assert Event.objects.filter(kind=Event.Kind.WORKSHOP).count() == 1
    before = _snapshot()
    demo.load(small=True)
    assert _snapshot() == before


def test_demo_agenda_page_renders(client):
    accounts_demo.load(small=True)
    demo.load(small=True)
    html = client.get(f"/events/{demo.SUMMIT}/agenda/").content.decode()
    assert "Strategy &amp; growth" in html and "Dr. Maya Chen" in html
