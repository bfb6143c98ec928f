"""Payment providers plug in by identifier; the built-in one is invoice / pay later."""

from decimal import Decimal

import pytest

from medsocial.events import payments, services
from medsocial.events.models import Order
from medsocial.events.tests.factories import make_event, ticket_of

pytestmark = pytest.mark.django_db


class RecordingProvider(payments.PaymentProvider):
    identifier = "test-card"
    name = "Card (test)"
    settled_by_staff = False

    def __init__(self):
        self.placed = []

    def order_placed(self, order):
        self.placed.append(order.pk)


def test_a_registered_provider_receives_priced_orders(
    settings, user, django_capture_on_commit_callbacks, monkeypatch
):
    monkeypatch.setattr(
        payments, "_PROVIDERS", dict(payments._PROVIDERS)
    )  # the registration ends with the test
    provider = payments.register_provider(RecordingProvider())
    settings.EVENTS_PAYMENT_PROVIDER = "test-card"
    event = make_event(price=Decimal("40"))
    with django_capture_on_commit_callbacks(execute=True):
        registration = services.register(event=event, user=user, ticket_type=ticket_of(event))
    assert registration.order.payment_provider == "test-card"
    assert provider.placed == [registration.order.pk]


def test_the_invoice_provider_leaves_the_order_awaiting_payment_with_instructions(user, manager):
    event = make_event(price=Decimal("40"))
    registration = services.register(event=event, user=user, ticket_type=ticket_of(event))
    order = registration.order
    assert order.payment_status == Order.PaymentStatus.PENDING
    assert order.invoice_number in payments.get_provider("invoice").instructions(order)
    services.mark_paid(order=order, by=manager)
    order.refresh_from_db()
    assert order.payment_status == Order.PaymentStatus.PAID and order.marked_paid_by == manager


def test_an_unknown_provider_is_a_clear_error():
    with pytest.raises(LookupError, match="nope"):
        payments.get_provider("nope")
