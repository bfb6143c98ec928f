"""Who sees what: an event restricted to one organization is a 404 on every URL for anyone else."""

import pytest
from django.core import mail

from medsocial.events import services
from medsocial.events.forms import EventForm
from medsocial.events.models import Event, Registration
from medsocial.events.tests.factories import form_data, make_event, make_session, ticket_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def restricted(make_organization):
    org = make_organization(name="Closed Hospital")
    event = make_event(kind=Event.Kind.CONFERENCE, visibility=Event.Visibility.ORGANIZATION, organization=org)
    return event, org, make_session(event)


def _urls(event, session):
    return [
        f"/events/{event.slug}/",
        f"/events/{event.slug}/event.ics",
        f"/events/{event.slug}/agenda/",
        f"/events/{event.slug}/my-agenda/",
        f"/events/{event.slug}/propose/",
        f"/events/{event.slug}/sessions/{session.pk}/",
        f"/events/{event.slug}/sessions/{session.pk}/session.ics",
        f"/api/v1/events/{event.slug}",
    ]


def test_every_url_of_a_restricted_event_is_404_for_members_of_other_organizations(
    client, restricted, make_user, make_organization
):
    event, _, session = restricted
    client.force_login(make_user(organization=make_organization()))
    for url in _urls(event, session):
        assert client.get(url).status_code == 404, url
    assert (
        client.post(f"/events/{event.slug}/register/", {"ticket_type": ticket_of(event).pk}).status_code
        == 404
    )
    assert client.post(f"/events/{event.slug}/sessions/{session.pk}/agenda/").status_code == 404
    assert not Registration.objects.exists()


def test_members_of_the_organization_see_and_register(client, restricted, make_user):
    event, org, session = restricted
    member = make_user(organization=org)
    client.force_login(member)
    for url in _urls(event, session):
        assert client.get(url).status_code == 200, url
    client.post(f"/events/{event.slug}/register/", {"ticket_type": ticket_of(event).pk})
    assert Registration.objects.get().user == member


def test_another_persons_ticket_and_pdf_are_404(client, user, make_user):
    event = make_event()
    registration = services.register(event=event, user=user, ticket_type=ticket_of(event))
    client.force_login(make_user())
    assert client.get(registration.get_absolute_url()).status_code == 404
    assert client.post(f"/events/registrations/{registration.pk}/cancel/").status_code == 404
    assert Registration.objects.get(pk=registration.pk).status == Registration.Status.CONFIRMED


def test_pages_for_people_ask_anonymous_visitors_to_sign_in(client):
    event = make_event()
    for url in ["/events/mine/", "/events/workshops/request/", f"/events/{event.slug}/my-agenda/"]:
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/sign-in/" in response["Location"], url


def test_cancelling_an_event_emails_everyone_registered(
    client, manager, make_user, django_capture_on_commit_callbacks
):
    event = make_event(capacity=1)
    services.register(event=event, user=make_user(email="a@example.org"), ticket_type=ticket_of(event))
    services.register(event=event, user=make_user(email="b@example.org"), ticket_type=ticket_of(event))
    mail.outbox.clear()
    form = EventForm(instance=event)
    data = form_data(form)
    data.update({"status": "cancelled", "organization": ""})
    client.force_login(manager)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(f"/events/manage/{event.slug}/edit/", data).status_code == 302
    assert sorted(m.to[0] for m in mail.outbox if m.subject.startswith("Cancelled")) == [
        "a@example.org",
        "b@example.org",
    ]
