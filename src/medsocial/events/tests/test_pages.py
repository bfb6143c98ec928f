"""Pages: the list (constant queries), registering through the form, and event managers' pages."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from medsocial.events.models import DiscountCode, Event, Registration, Session, TicketType
from medsocial.events.tests.factories import form_data, make_event, make_question, ticket_of
from medsocial.testing.plugin import page_queries

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("signed_in", [False, True])
def test_the_event_list_runs_the_same_number_of_queries_for_5_and_50_events(client, user, signed_in):
    if signed_in:
        client.force_login(user)
    for _ in range(5):
        make_event()
    few = page_queries(client, "/events/")
    for _ in range(45):
        make_event()
    many = page_queries(client, "/events/?page=2")
    assert few == many


def test_the_list_searches_and_filters_by_kind(client):
    make_event(title="Crisis communication")
    make_event(title="Crisis workshop", kind=Event.Kind.WORKSHOP)
    make_event(title="Draft thing", status=Event.Status.DRAFT)
    html = client.get("/events/", {"q": "crisis", "kind": "webinar"}).content.decode()
    assert "Crisis communication" in html and "Crisis workshop" not in html and "Draft thing" not in html
    partial = client.get("/events/", {"q": "workshop"}, headers={"HX-Request": "true"}).content.decode()
    assert "Crisis workshop" in partial and "<html" not in partial


def test_drafts_are_404_for_the_public_and_visible_to_managers(client, manager):
    draft = make_event(status=Event.Status.DRAFT)
    assert client.get(draft.get_absolute_url()).status_code == 404
    client.force_login(manager)
    assert client.get(draft.get_absolute_url()).status_code == 200


def test_registering_through_the_page(client, user):
    event = make_event()
    question = make_question(event, label="Job title")
    client.force_login(user)
    response = client.post(
        f"/events/{event.slug}/register/",
        {"ticket_type": ticket_of(event).pk, f"question_{question.pk}": "Nurse"},
    )
    registration = Registration.objects.get()
    assert response.status_code == 302 and response["Location"] == registration.get_absolute_url()
    assert registration.answers == {str(question.pk): "Nurse"}


@pytest.mark.parametrize(
    "case", ["full-ok", "closed", "expired-code", "used-code", "unanswered", "other-ticket"]
)
def test_bad_registration_input_shows_a_clear_message_and_changes_nothing(client, make_user, case):
    event = make_event(price=Decimal("100"), capacity=1)
    question = make_question(event, label="Job title")
    DiscountCode.objects.create(
        event=event, code="OLD", value=10, valid_until=timezone.now() - datetime.timedelta(days=1)
    )
    DiscountCode.objects.create(event=event, code="GONE", value=10, max_uses=1, times_used=1)
    data = {"ticket_type": ticket_of(event).pk, f"question_{question.pk}": "Nurse"}
    expected = {
        "closed": "Registration for this event is closed.",
        "expired-code": "That discount code has expired.",
        "used-code": "That discount code has been used up.",
        "unanswered": "Please answer “Job title”.",
        "other-ticket": "That ticket belongs to another event.",
    }.get(case)
    if case == "closed":
        Event.objects.filter(pk=event.pk).update(
            registration_closes_at=timezone.now() - datetime.timedelta(minutes=1)
        )
    elif case == "expired-code":
        data["discount_code"] = "OLD"
    elif case == "used-code":
        data["discount_code"] = "GONE"
    elif case == "unanswered":
        data[f"question_{question.pk}"] = ""
    elif case == "other-ticket":
        data["ticket_type"] = ticket_of(make_event()).pk
    client.force_login(make_user())
    if case == "full-ok":
        # A full event is not an error: the person joins the waitlist and is told so.
        client.post(f"/events/{event.slug}/register/", data)
        client.force_login(make_user())
        response = client.post(f"/events/{event.slug}/register/", data, follow=True)
        assert "you are on the waitlist" in response.content.decode()
        assert Registration.objects.filter(status="waitlisted").count() == 1
        return
    response = client.post(f"/events/{event.slug}/register/", data)
    assert response.status_code == 400
    assert expected in response.content.decode()
    assert not Registration.objects.exists()
    assert DiscountCode.objects.get(code="GONE").times_used == 1


def test_a_manager_creates_an_event_in_its_own_time_zone_and_adds_its_parts(client, manager):
    client.force_login(manager)
    response = client.post(
        "/events/manage/new/",
        {
            "title": "Spring webinar",
            "slug": "spring-webinar",
            "kind": "webinar",
            "status": "published",
            "visibility": "public",
            "time_zone": "America/Chicago",
            "starts_at": "2026-03-08T09:00",
            "ends_at": "2026-03-08T10:00",
            "capacity": 100,
            "ce_hours": "1.0",
            "join_url": "https://meet.example.org/x",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    event = Event.objects.get(slug="spring-webinar")
    assert event.starts_at == datetime.datetime(2026, 3, 8, 14, 0, tzinfo=datetime.UTC)  # 9:00 CDT (UTC−5)
    base = f"/events/manage/{event.slug}/add"
    assert (
        client.post(
            f"{base}/ticket-type/",
            {
                "ticket-type-name": "General",
                "ticket-type-price": "25",
                "ticket-type-is_active": "on",
                "ticket-type-position": 0,
            },
        ).status_code
        == 302
    )
    assert (
        client.post(
            f"{base}/discount-code/",
            {
                "discount-code-code": "early",
                "discount-code-kind": "percent",
                "discount-code-value": "10",
                "discount-code-is_active": "on",
            },
        ).status_code
        == 302
    )
    assert (
        client.post(
            f"{base}/question/",
            {
                "question-label": "Meal",
                "question-kind": "choice",
                "question-choices": "A\nB",
                "question-position": 0,
            },
        ).status_code
        == 302
    )
    assert client.post(f"{base}/track/", {"track-name": "Main", "track-position": 0}).status_code == 302
    assert (
        client.post(
            f"{base}/session/",
            {
                "session-title": "Intro",
                "session-format": "talk",
                "session-starts_at": "2026-03-08T09:00",
                "session-ends_at": "2026-03-08T09:30",
            },
        ).status_code
        == 302
    )
    bad = client.post(
        f"{base}/question/",
        {
            "question-label": "Meal 2",
            "question-kind": "choice",
            "question-choices": "only one",
            "question-position": 0,
        },
    )
    assert bad.status_code == 400 and "at least two options" in bad.content.decode()
    assert TicketType.objects.get(event=event).price == Decimal("25")
    assert DiscountCode.objects.get(event=event).code == "EARLY"
    assert Session.objects.get(event=event).starts_at == datetime.datetime(
        2026, 3, 8, 14, 0, tzinfo=datetime.UTC
    )
    assert client.get(f"/events/manage/{event.slug}/").status_code == 200
    assert client.get(f"/events/manage/{event.slug}/edit/").status_code == 200


def test_raising_capacity_offers_the_new_seats_to_the_waitlist(client, manager, make_user):
    from medsocial.events import services

    event = make_event(capacity=1)
    services.register(event=event, user=make_user(), ticket_type=ticket_of(event))
    waiting = services.register(event=event, user=make_user(), ticket_type=ticket_of(event))
    from medsocial.events.forms import EventForm

    form = EventForm(instance=event)
    data = form_data(form)
    data.update({"capacity": 2, "organization": ""})
    client.force_login(manager)
    assert client.post(f"/events/manage/{event.slug}/edit/", data).status_code == 302
    assert Registration.objects.get(pk=waiting.pk).status == Registration.Status.OFFERED


def test_manager_pages_are_404_for_other_people(client, make_user):
    event = make_event()
    client.force_login(make_user())
    for url in [
        "/events/manage/",
        "/events/manage/new/",
        f"/events/manage/{event.slug}/",
        f"/events/manage/{event.slug}/edit/",
        f"/events/manage/{event.slug}/proposals/",
    ]:
        assert client.get(url).status_code == 404, url
    assert (
        client.post(f"/events/manage/{event.slug}/add/ticket-type/", {"ticket-type-name": "x"}).status_code
        == 404
    )
    assert TicketType.objects.filter(event=event).count() == 1


def test_my_registrations_page_and_cancel_from_the_ticket_page(client, user):
    from medsocial.events import services

    event = make_event(title="Webinar on captions")
    registration = services.register(event=event, user=user, ticket_type=ticket_of(event))
    client.force_login(user)
    assert "Webinar on captions" in client.get("/events/mine/").content.decode()
    client.post(f"/events/registrations/{registration.pk}/cancel/")
    assert Registration.objects.get(pk=registration.pk).status == Registration.Status.CANCELLED


def test_the_list_finds_events_by_speaker_name_once(client):
    from medsocial.events.models import Speaker
    from medsocial.events.tests.factories import make_session

    summit = make_event(title="Yearly summit", kind=Event.Kind.CONFERENCE)
    speaker = Speaker.objects.create(name="Rosa Delgado", slug="rosa")
    for _ in range(2):
        make_session(summit).speakers.add(speaker)
    make_event(title="Other")
    html = client.get("/events/", {"q": "delgado"}).content.decode()
    assert html.count("Yearly summit") == 1 and "Other" not in html


def test_the_manage_page_lists_events_a_page_at_a_time_latest_first(client, manager):
    client.force_login(manager)
    for day in range(30):
        make_event(title=f"Event on day {day:02d}", starts_in=datetime.timedelta(days=day + 1))
    first = client.get("/events/manage/").content.decode()
    second = client.get("/events/manage/?page=2").content.decode()
    assert "Event on day 29" in first and "Event on day 05" in first and "Event on day 04" not in first
    assert "Page 1 of 2" in first
    assert all(f"Event on day {day:02d}" in second for day in range(5))
    assert "Event on day 05" not in second
