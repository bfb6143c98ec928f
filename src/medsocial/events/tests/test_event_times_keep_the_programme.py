"""An event's new start or end must still hold every session of its programme."""

import pytest

from medsocial.events.forms import EventForm
from medsocial.events.models import Event
from medsocial.events.tests.factories import form_data

pytestmark = pytest.mark.django_db


def local(event, hour):
    return f"{event.starts_at:%Y-%m-%d}T{hour:02d}:00"


def event_data(event, **changes):
    return form_data(EventForm(instance=event), **changes)


def test_a_later_start_that_would_strand_a_session_is_refused(client, manager, summit_programme):
    event = summit_programme.event
    client.force_login(manager)
    response = client.post(
        f"/events/manage/{event.slug}/edit/", event_data(event, starts_at=local(event, 10))
    )
    assert response.status_code == 400
    assert "“Content calendars that work” starts at" in response.context["form"].errors["starts_at"][0]
    assert Event.objects.get(pk=event.pk).starts_at == event.starts_at


def test_an_earlier_end_that_would_strand_a_session_is_refused(client, manager, summit_programme):
    event = summit_programme.event
    client.force_login(manager)
    response = client.post(f"/events/manage/{event.slug}/edit/", event_data(event, ends_at=local(event, 10)))
    assert response.status_code == 400
    assert "“HIPAA workshop” ends at" in response.context["form"].errors["ends_at"][0]
    assert Event.objects.get(pk=event.pk).ends_at == event.ends_at


def test_times_that_still_hold_the_programme_are_saved(client, manager, summit_programme):
    event = summit_programme.event
    client.force_login(manager)
    response = client.post(f"/events/manage/{event.slug}/edit/", event_data(event, ends_at=local(event, 18)))
    assert response.status_code == 302
    assert Event.objects.get(pk=event.pk).ends_at > event.ends_at
