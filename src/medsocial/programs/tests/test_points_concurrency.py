"""A wallet never pays more than it holds, however many tickets are bought from it at once."""

from decimal import Decimal

import pytest
from django.db.models import Sum

from medsocial.events import services as events
from medsocial.events.models import Event, Order, Registration, TicketType
from medsocial.events.tests.factories import make_event
from medsocial.programs.errors import WalletError
from medsocial.programs.models import LedgerEntry, Wallet
from medsocial.programs.tests.factories import fund
from medsocial.testing.plugin import run_concurrently

# Racing writers need committed rows: PostgreSQL's row locks, or SQLite in a file with
# IMMEDIATE transactions, as in production.
pytestmark = pytest.mark.django_db(transaction=True)


def test_100_parallel_spends_from_a_wallet_holding_50_points_pay_exactly_50(make_user):
    nurse = make_user(email="racer@example.org")
    wallet = fund(nurse, 50)
    tickets = [TicketType.objects.get(event=make_event(price=Decimal("1"))) for _ in range(100)]

    def buy(ticket):
        return events.register(event=ticket.event, user=nurse, ticket_type=ticket, pay_with_points=True)

    results = run_concurrently(buy, tickets, workers=20)

    assert None not in results  # every worker ran to the end
    paid = [r for r in results if isinstance(r, Registration)]
    refused = [r for r in results if isinstance(r, WalletError)]
    assert len(paid) == 50 and len(refused) == 50, [
        r for r in results if not isinstance(r, (Registration, WalletError))
    ]
    assert all(r.field == "pay_with_points" for r in refused)
    wallet.refresh_from_db()
    assert wallet.balance == 0
    entries = LedgerEntry.objects.filter(wallet=wallet)
    assert entries.aggregate(total=Sum("amount"))["total"] == 0
    assert entries.filter(kind=LedgerEntry.Kind.SPEND).count() == 50
    # Balances after each entry, in order, step down from 50 to 0 with no gap or repeat.
    assert list(entries.order_by("pk").values_list("balance_after", flat=True)) == list(range(50, -1, -1))
    assert Registration.objects.filter(user=nurse).count() == 50  # refused spends left nothing behind
    assert Order.objects.filter(payment_provider="points", payment_status="paid").count() == 50
    assert Event.objects.count() == 100
    assert Wallet.objects.filter(pk=wallet.pk, balance__lt=0).count() == 0
