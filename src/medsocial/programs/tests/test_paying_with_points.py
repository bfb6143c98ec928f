"""People pay event tickets with points from their own wallet; without enough points nothing is
registered; cancelling returns the points once."""

from decimal import Decimal

import pytest

from medsocial.events import services as events
from medsocial.events.errors import RegistrationError
from medsocial.events.models import Order, Registration, TicketType
from medsocial.events.tests.factories import make_event, ticket_of
from medsocial.programs.errors import WalletError
from medsocial.programs.models import LedgerEntry
from medsocial.programs.selectors import ledger_sum, points_balance
from medsocial.programs.tests.factories import fund, make_membership

pytestmark = pytest.mark.django_db


@pytest.fixture
def webinar():
    return make_event(price=Decimal("79.50"), title="Reels for nurses")


def test_paying_with_points_settles_the_order_at_once(webinar, nurse):
    wallet = fund(nurse, 100)
    registration = events.register(
        event=webinar, user=nurse, ticket_type=ticket_of(webinar), pay_with_points=True
    )
    order = registration.order
    assert (order.payment_provider, order.payment_status) == ("points", Order.PaymentStatus.PAID)
    assert order.paid_at is not None
    wallet.refresh_from_db()
    assert wallet.balance == 20 == ledger_sum(wallet)  # $79.50 costs 80 points
    spent = LedgerEntry.objects.get(kind=LedgerEntry.Kind.SPEND)
    assert (spent.amount, spent.order) == (-80, order)


def test_members_pay_their_member_price_in_points(nurse):
    event = make_event(ticket=False)
    ticket = TicketType.objects.create(
        event=event, name="Full", price=Decimal("300"), member_price=Decimal("250")
    )
    make_membership(user=nurse)
    fund(nurse, 260)
    events.register(event=event, user=nurse, ticket_type=ticket, pay_with_points=True)
    assert points_balance(nurse) == 10


def test_without_enough_points_nothing_is_registered(webinar, nurse):
    wallet = fund(nurse, 79)
    with pytest.raises(WalletError) as refused:
        events.register(event=webinar, user=nurse, ticket_type=ticket_of(webinar), pay_with_points=True)
    assert refused.value.field == "pay_with_points" and "79 available, 80 needed" in refused.value.message
    assert not Registration.objects.exists() and not Order.objects.exists()
    wallet.refresh_from_db()
    assert wallet.balance == 79 and not LedgerEntry.objects.filter(kind=LedgerEntry.Kind.SPEND).exists()


def test_a_person_without_a_wallet_cannot_pay_with_points(webinar, nurse):
    with pytest.raises(WalletError, match="0 available"):
        events.register(event=webinar, user=nurse, ticket_type=ticket_of(webinar), pay_with_points=True)
    assert not Registration.objects.exists()


def test_points_do_not_buy_a_waitlist_place(nurse, make_user):
    event = make_event(price=Decimal("10"), capacity=1)
    events.register(event=event, user=make_user(), ticket_type=ticket_of(event))
    fund(nurse, 50)
    with pytest.raises(RegistrationError) as refused:
        events.register(event=event, user=nurse, ticket_type=ticket_of(event), pay_with_points=True)
    assert refused.value.field == "pay_with_points"
    assert points_balance(nurse) == 50 and Registration.objects.filter(user=nurse).count() == 0


def test_a_free_ticket_takes_no_points(nurse):
    event = make_event()
    fund(nurse, 5)
    registration = events.register(
        event=event, user=nurse, ticket_type=ticket_of(event), pay_with_points=True
    )
    assert registration.order.payment_status == Order.PaymentStatus.FREE
    assert points_balance(nurse) == 5


def test_cancelling_returns_the_points_once(webinar, nurse):
    wallet = fund(nurse, 100)
    registration = events.register(
        event=webinar, user=nurse, ticket_type=ticket_of(webinar), pay_with_points=True
    )
    events.cancel_registration(registration=registration, by=nurse)
    wallet.refresh_from_db()
    assert wallet.balance == 100 == ledger_sum(wallet)
    refund = LedgerEntry.objects.get(kind=LedgerEntry.Kind.REFUND)
    assert (refund.amount, refund.order) == (80, registration.order)
    registration.order.refresh_from_db()
    assert registration.order.payment_status == Order.PaymentStatus.REFUNDED
    with pytest.raises(RegistrationError, match="already cancelled"):
        events.cancel_registration(registration=registration, by=nurse)
    assert LedgerEntry.objects.filter(kind=LedgerEntry.Kind.REFUND).count() == 1


def test_a_points_order_is_not_refunded_in_money(webinar, nurse, make_user):
    from medsocial.accounts.roles import Role

    fund(nurse, 100)
    registration = events.register(
        event=webinar, user=nurse, ticket_type=ticket_of(webinar), pay_with_points=True
    )
    with pytest.raises(RegistrationError, match="paid with points"):
        events.record_refund(
            order=registration.order, amount=Decimal("10"), by=make_user(roles=[Role.EVENT_MANAGER])
        )
    assert points_balance(nurse) == 20
