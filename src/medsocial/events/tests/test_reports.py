"""Reports: registrations and attendee CSVs, check-in statistics, revenue per ticket type."""

import datetime
from decimal import Decimal

import pytest

from medsocial.events import selectors, services
from medsocial.events.models import TicketType
from medsocial.events.tests.factories import make_discount, make_event, make_question, ticket_of
from medsocial.testing.plugin import download_rows

pytestmark = pytest.mark.django_db


@pytest.fixture
def sold_event(make_user, manager):
    event = make_event(price=Decimal("100"), starts_in=-datetime.timedelta(minutes=30))  # the door is open
    vip = TicketType.objects.create(event=event, name="VIP", price=Decimal("250"))
    question = make_question(event, label="Role", required=False)
    make_discount(event, code="HALF", value=Decimal("50"))
    a = services.register(
        event=event,
        user=make_user(full_name="Ana Ruiz"),
        ticket_type=ticket_of(event),
        discount_code="HALF",
        answers={str(question.pk): "=cmd"},
    )
    b = services.register(event=event, user=make_user(full_name="Ben Ode"), ticket_type=vip)
    c = services.register(event=event, user=make_user(full_name="Cy Vale"), ticket_type=ticket_of(event))
    services.mark_paid(order=b.order, by=manager)
    services.check_in(event=event, payload=b.ticket_code, by=manager)
    services.cancel_registration(registration=c, by=manager, as_staff=True)
    return event, a, b, c


def test_revenue_per_ticket_type_counts_sold_paid_outstanding_and_discounts(sold_event):
    event, *_ = sold_event
    rows = {r["ticket_type"].name: r for r in selectors.revenue_by_ticket_type(event)}
    assert (
        rows["Standard"]["sold"],
        rows["Standard"]["invoiced"],
        rows["Standard"]["outstanding"],
        rows["Standard"]["discounts"],
    ) == (1, Decimal("50"), Decimal("50"), Decimal("50"))
    assert (rows["VIP"]["sold"], rows["VIP"]["paid"], rows["VIP"]["outstanding"]) == (
        1,
        Decimal("250"),
        Decimal("0"),
    )


def test_check_in_statistics(sold_event):
    stats = selectors.checkin_stats(sold_event[0])
    assert (stats["confirmed"], stats["checked_in"], stats["cancelled"], stats["rate"]) == (2, 1, 1, 50)


def test_registrations_csv_has_every_registration_answers_and_neutralized_formulas(
    client, sold_event, manager
):
    event, *_ = sold_event
    client.force_login(manager)
    response = client.get(f"/events/manage/{event.slug}/registrations.csv")
    rows = download_rows(response)
    assert rows[0][:4] == ["Name", "Email", "Ticket", "Status"] and rows[0][-1] == "Role"
    assert sorted(r[0] for r in rows[1:]) == ["Ana Ruiz", "Ben Ode", "Cy Vale"]
    ana = next(r for r in rows if r[0] == "Ana Ruiz")
    assert ana[-1] == "'=cmd" and "HALF" in ana


def test_attendee_csv_lists_confirmed_people_with_attendance(client, sold_event, manager):
    event, *_ = sold_event
    client.force_login(manager)
    rows = download_rows(client.get(f"/events/manage/{event.slug}/attendees.csv"))
    assert [(r[0], r[5]) for r in rows[1:]] == [("Ana Ruiz", "no"), ("Ben Ode", "yes")]


def test_report_page_and_csvs_are_hidden_from_non_managers(client, sold_event, make_user):
    event, a, *_ = sold_event
    client.force_login(a.user)
    for url in [
        f"/events/manage/{event.slug}/report/",
        f"/events/manage/{event.slug}/registrations.csv",
        f"/events/manage/{event.slug}/attendees.csv",
        f"/events/manage/{event.slug}/",
        "/events/manage/",
    ]:
        assert client.get(url).status_code == 404, url
    assert client.post(f"/events/manage/orders/{a.order.pk}/paid/").status_code == 404


def test_report_page_renders_for_managers(client, sold_event, manager):
    client.force_login(manager)
    html = client.get(f"/events/manage/{sold_event[0].slug}/report/").content.decode()
    assert "Revenue by ticket type" in html and "Ben Ode" in html


def test_staff_record_a_partial_then_full_refund_and_no_more(client, sold_event, manager):
    event, a, b, c = sold_event
    client.force_login(manager)
    client.post(f"/events/manage/orders/{b.order.pk}/refund/", {"amount": "100"})
    b.order.refresh_from_db()
    assert (b.order.refunded_amount, b.order.payment_status) == (Decimal("100"), "paid")
    client.post(f"/events/manage/orders/{b.order.pk}/refund/", {"amount": "150"})
    b.order.refresh_from_db()
    assert (b.order.refunded_amount, b.order.payment_status) == (Decimal("250"), "refunded")
    response = client.post(f"/events/manage/orders/{b.order.pk}/refund/", {"amount": "1"}, follow=True)
    assert "at most 0" in response.content.decode()
    b.order.refresh_from_db()
    assert b.order.refunded_amount == Decimal("250")


def test_an_unpaid_order_cannot_be_refunded(sold_event, manager):
    from medsocial.events.errors import RegistrationError

    event, a, *_ = sold_event
    with pytest.raises(RegistrationError, match="paid order"):
        services.record_refund(order=a.order, amount=Decimal("10"), by=manager)
