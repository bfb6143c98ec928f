"""The rules an event and its parts keep live in `events.services`: each is proved by calling the
service directly, staff services refuse anyone but event managers, and the API refuses what the
manager pages refuse, with the same message on the same field."""

import datetime
from decimal import Decimal

import pytest

from medsocial.accounts.roles import Role
from medsocial.events import services
from medsocial.events.errors import EventError, EventNotAllowed
from medsocial.events.models import DiscountCode, Event, Question, TicketType
from medsocial.events.tests.factories import make_discount, make_event, ticket_of

pytestmark = pytest.mark.django_db
NY = datetime.timezone(datetime.timedelta(hours=-5))
START = datetime.datetime(2031, 3, 4, 9, 0, tzinfo=NY)


def new_event(**fields) -> Event:
    values = {
        "slug": "rules-webinar",
        "title": "Rules webinar",
        "time_zone": "America/New_York",
        "starts_at": START,
        "ends_at": START + datetime.timedelta(hours=2),
        "capacity": 40,
    }
    values.update(fields)
    return Event(**values)


def refusal(call) -> EventError:
    with pytest.raises(EventError) as caught:
        call()
    return caught.value


def test_a_valid_event_is_saved_with_its_creator(manager):
    event = services.save_event(event=new_event(), by=manager)
    assert Event.objects.get(pk=event.pk).created_by == manager


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"ends_at": START}, "ends_at", "must end after it starts"),
        ({"ends_at": START - datetime.timedelta(hours=1)}, "ends_at", "must end after it starts"),
        ({"slug": "manage"}, "slug", "used by the site"),
        ({"slug": "mine"}, "slug", "used by the site"),
        ({"visibility": "organization"}, "organization", "Choose the organization"),
        (
            {
                "registration_opens_at": START - datetime.timedelta(days=1),
                "registration_closes_at": START - datetime.timedelta(days=2),
            },
            "registration_closes_at",
            "close after it opens",
        ),
        (
            {"starts_at": datetime.datetime(9999, 12, 31, 23, 0, tzinfo=NY)},
            "starts_at",
            "between 1900 and 2200",
        ),
        ({"ends_at": datetime.datetime(9999, 12, 31, 23, 0, tzinfo=NY)}, "ends_at", "between 1900 and 2200"),
        (
            {"starts_at": datetime.datetime(1, 1, 1, 0, 0, tzinfo=datetime.UTC)},
            "starts_at",
            "between 1900 and 2200",
        ),
        (
            {"cancellation_deadline": datetime.datetime(2201, 1, 1, tzinfo=NY)},
            "cancellation_deadline",
            "between",
        ),
        (
            {
                "starts_at": datetime.datetime(
                    2030, 1, 1, tzinfo=datetime.timezone(-datetime.timedelta(hours=19))
                )
            },
            "starts_at",
            "time zone offset",
        ),
        ({"time_zone": "Mars/Olympus"}, "time_zone", "not a known time zone"),
        ({"title": "  "}, "title", "title"),
        ({"capacity": None}, "capacity", "null"),
    ],
)
def test_event_rules_are_the_services(manager, fields, field, message):
    error = refusal(lambda: services.save_event(event=new_event(**fields), by=manager))
    assert error.field == field and message in error.message
    assert not Event.objects.exists()


def test_a_second_event_cannot_take_an_address_in_use(manager):
    make_event(slug="taken")
    error = refusal(lambda: services.save_event(event=new_event(slug="taken"), by=manager))
    assert error.field == "slug" and Event.objects.count() == 1


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"early_bird_price": Decimal("50")}, "early_bird_until", "early-bird price needs an end date"),
        ({"price": Decimal("-1")}, "price", "cannot be negative"),
        (
            {"early_bird_price": Decimal("5"), "early_bird_until": datetime.datetime(9999, 1, 1, tzinfo=NY)},
            "early_bird_until",
            "between",
        ),
    ],
)
def test_ticket_type_rules_are_the_services(manager, fields, field, message):
    event = make_event(ticket=False)
    part = TicketType(event=event, name="Standard", price=Decimal("100"))
    for name, value in fields.items():
        setattr(part, name, value)
    error = refusal(lambda: services.save_event_part(event=event, part=part, by=manager))
    assert (error.field, message in error.message) == (field, True)
    assert not TicketType.objects.exists()


def test_discount_codes_are_unique_per_event_whatever_the_case_and_percentages_at_most_100(manager):
    event = make_event()
    make_discount(event, code="NURSES")
    duplicate = DiscountCode(event=event, code=" nurses ", value=Decimal("10"))
    assert refusal(lambda: services.save_event_part(event=event, part=duplicate, by=manager)).field == "code"
    too_much = DiscountCode(event=event, code="ALL", kind=DiscountCode.Kind.PERCENT, value=Decimal("100.01"))
    error = refusal(lambda: services.save_event_part(event=event, part=too_much, by=manager))
    assert (error.field, error.message) == ("value", "A percentage is at most 100.")
    amount = DiscountCode(event=event, code="tenoff", kind=DiscountCode.Kind.AMOUNT, value=Decimal("150"))
    saved = services.save_event_part(event=event, part=amount, by=manager)
    assert saved.code == "TENOFF"  # an amount off may exceed 100; codes are kept upper-case
    other = make_event()
    same_code_elsewhere = DiscountCode(event=other, code="NURSES", value=Decimal("10"))
    assert services.save_event_part(event=other, part=same_code_elsewhere, by=manager).pk


def test_a_choice_question_needs_two_options(manager):
    event = make_event()
    question = Question(event=event, label="Role", kind=Question.Kind.CHOICE, choices="Nurse")
    assert (
        refusal(lambda: services.save_event_part(event=event, part=question, by=manager)).field == "choices"
    )


def test_event_staff_services_refuse_anyone_but_event_managers(make_user, user):
    outsider = make_user()
    event = make_event(price=Decimal("40"))
    registration = services.register(event=event, user=user, ticket_type=ticket_of(event))
    attempts = [
        lambda: services.save_event(event=new_event(), by=outsider),
        lambda: services.save_event_part(event=event, part=TicketType(name="VIP", price=1), by=outsider),
        lambda: services.remove_event_part(event=event, part=ticket_of(event), by=outsider),
        lambda: services.mark_paid(order=registration.order, by=outsider),
        lambda: services.record_refund(order=registration.order, amount=Decimal("1"), by=outsider),
        lambda: services.cancel_registration(registration=registration, by=outsider, as_staff=True),
        lambda: services.check_in(event=event, registration=registration, by=outsider),
    ]
    for attempt in attempts:
        with pytest.raises(EventNotAllowed):
            attempt()
    assert Event.objects.count() == 1 and TicketType.objects.count() == 1
    registration.refresh_from_db()
    assert registration.status == "confirmed" and registration.order.payment_status == "pending"


def test_a_site_admin_holds_the_event_manager_role(make_user):
    admin = make_user(roles=[Role.SITE_ADMIN])
    assert services.save_event(event=new_event(), by=admin).pk


# --- The page and the API refuse the same things with the same message ----------------------


def _page_post(client, data):
    from medsocial.events.forms import EventForm
    from medsocial.events.tests.factories import form_data

    base = form_data(
        EventForm(),
        title="Rules webinar",
        slug="rules-webinar",
        kind="webinar",
        status="published",
        visibility="public",
        time_zone="America/New_York",
        starts_at="2031-03-04T09:00",
        ends_at="2031-03-04T11:00",
        capacity="40",
        ce_hours="1",
    )
    base.update(data)
    return client.post("/events/manage/new/", base)


def _api_post(client, data):
    payload = {
        "slug": "rules-webinar",
        "title": "Rules webinar",
        "status": "published",
        "time_zone": "America/New_York",
        "starts_at": "2031-03-04T09:00:00",
        "ends_at": "2031-03-04T11:00:00",
        "capacity": 40,
    }
    payload.update(data)
    return client.post("/api/v1/events/", payload, content_type="application/json")


@pytest.mark.parametrize(
    ("page_data", "api_data", "field", "message"),
    [
        ({"slug": "manage"}, {"slug": "manage"}, "slug", "This address is used by the site; choose another."),
        (
            {"ends_at": "2031-03-04T08:00"},
            {"ends_at": "2031-03-04T08:00:00"},
            "ends_at",
            "The event must end after it starts.",
        ),
        (
            {"visibility": "organization"},
            {"visibility": "organization"},
            "organization",
            "Choose the organization whose members may see this event.",
        ),
        (
            {"starts_at": "9999-12-31T23:00"},
            {"starts_at": "9999-12-31T23:00:00"},
            "starts_at",
            "Enter a date between 1900 and 2200.",
        ),
        (
            {"starts_at": "0001-01-01T00:00"},
            {"starts_at": "0001-01-01T00:00:00+14:00"},
            "starts_at",
            "Enter a date between 1900 and 2200.",
        ),
    ],
)
def test_the_api_refuses_what_the_page_refuses(client, manager, page_data, api_data, field, message):
    client.force_login(manager)
    page = _page_post(client, page_data)
    assert page.status_code == 400 and message in page.content.decode()
    api = _api_post(client, api_data)
    assert api.status_code == 400, api.content
    assert api.json()["errors"] == {field: [message]}
    assert not Event.objects.exists()


def test_the_same_event_is_accepted_by_both(client, manager):
    client.force_login(manager)
    assert _page_post(client, {}).status_code == 302
    created = _api_post(client, {"slug": "rules-webinar-2"})
    assert created.status_code == 201, created.content
    api_event = Event.objects.get(slug="rules-webinar-2")
    page_event = Event.objects.get(slug="rules-webinar")
    assert (api_event.starts_at, api_event.ends_at) == (page_event.starts_at, page_event.ends_at)
    assert api_event.created_by == manager


def test_the_api_refuses_ticket_and_code_rules_like_the_page(client, manager):
    event = make_event(slug="priced", ticket=False)
    make_discount(event, code="NURSES")
    client.force_login(manager)
    page = client.post(
        "/events/manage/priced/add/discount-code/",
        {"discount-code-code": "nurses", "discount-code-kind": "percent", "discount-code-value": "10"},
    )
    assert page.status_code == 400 and "This event already has that code." in page.content.decode()
    api = client.post(
        "/api/v1/events/priced/discount-codes",
        {"code": "nurses", "value": "10"},
        content_type="application/json",
    )
    assert (api.status_code, api.json()["errors"]) == (400, {"code": ["This event already has that code."]})
    page = client.post(
        "/events/manage/priced/add/ticket-type/",
        {
            "ticket-type-name": "Early",
            "ticket-type-price": "100",
            "ticket-type-early_bird_price": "80",
            "ticket-type-position": "0",
        },
    )
    assert page.status_code == 400 and "An early-bird price needs an end date." in page.content.decode()
    api = client.post(
        "/api/v1/events/priced/ticket-types",
        {"name": "Early", "price": "100", "early_bird_price": "80"},
        content_type="application/json",
    )
    assert (api.status_code, api.json()["errors"]) == (
        400,
        {"early_bird_until": ["An early-bird price needs an end date."]},
    )
    assert not TicketType.objects.filter(event=event).exists()


def test_the_api_refuses_an_offset_no_time_zone_has(client, manager):
    """PostgreSQL cannot store an offset past ±15:59; the service refuses it before saving."""
    client.force_login(manager)
    response = _api_post(
        client, {"starts_at": "2030-01-01T00:00:00-19:01", "ends_at": "2030-01-02T00:00:00Z"}
    )
    assert response.status_code == 400, response.content
    assert response.json()["errors"] == {"starts_at": ["Give a time zone offset between -14:00 and +14:00."]}
    assert not Event.objects.exists()


def test_people_without_the_role_cannot_use_the_staff_api(client, make_user):
    event = make_event(slug="not-yours")
    client.force_login(make_user())
    assert _api_post(client, {}).status_code == 403
    assert (
        client.patch(
            "/api/v1/events/not-yours", {"title": "Mine"}, content_type="application/json"
        ).status_code
        == 404
    )
    assert (
        client.post(
            "/api/v1/events/not-yours/check-in", {"payload": "X"}, content_type="application/json"
        ).status_code
        == 404
    )
    event.refresh_from_db()
    assert event.title != "Mine" and Event.objects.count() == 1


def test_every_date_input_of_the_manager_pages_refuses_far_off_years(client, manager, summit_programme):
    event = summit_programme.event
    client.force_login(manager)
    session = client.post(
        f"/events/manage/{event.slug}/add/session/",
        {
            "session-title": "Far",
            "session-format": "talk",
            "session-starts_at": "0001-01-01T00:00",
            "session-ends_at": "9999-12-31T23:59",
        },
    )
    assert session.status_code == 400 and "Enter a date between 1900 and 2200." in session.content.decode()
    code = client.post(
        f"/events/manage/{event.slug}/add/discount-code/",
        {
            "discount-code-code": "FAR",
            "discount-code-kind": "percent",
            "discount-code-value": "5",
            "discount-code-valid_until": "9999-12-31T23:59",
        },
    )
    assert code.status_code == 400 and "Enter a date between 1900 and 2200." in code.content.decode()
    assert not event.discount_codes.exists()


def test_scheduling_an_on_site_workshop_refuses_far_off_years(manager, make_user, make_organization):
    from medsocial.accounts.models import Membership
    from medsocial.events.models import WorkshopRequest

    org = make_organization()
    admin = make_user(organization=org, org_role=Membership.Role.ADMIN)
    request = services.request_workshop(
        organization=org,
        by=admin,
        topics="Safety",
        audience_size=20,
        preferred_dates="March",
        location="Here",
    )
    error = refusal(
        lambda: services.schedule_workshop(
            request=request,
            by=manager,
            title="On site",
            starts_at=datetime.datetime(9999, 12, 31, 22, 0, tzinfo=NY),
            ends_at=datetime.datetime(9999, 12, 31, 23, 0, tzinfo=NY),
            time_zone="America/New_York",
        )
    )
    assert error.field == "starts_at" and WorkshopRequest.objects.get().status == "new"
