"""The demo data: two plans, Lakeshore's paid membership with covered staff and a wallet with
transfers, loaded idempotently."""

import pytest

from medsocial.accounts import demo as accounts_demo
from medsocial.accounts.demo import demo_email
from medsocial.accounts.models import User
from medsocial.events import demo as events_demo
from medsocial.events.models import Event
from medsocial.programs import demo
from medsocial.programs.models import LedgerEntry, Membership, Plan, Wallet
from medsocial.programs.selectors import has_member_prices, ledger_sum, points_balance

pytestmark = pytest.mark.django_db


def test_demo_loads_plans_a_paying_organization_and_transfers_and_a_second_run_changes_nothing():
    accounts_demo.load(small=True)
    events_demo.load(small=True)
    demo.load(small=True)
    assert sorted(Plan.objects.values_list("kind", flat=True)) == ["individual", "organization"]
    membership = Membership.objects.get(organization__slug="lakeshore-health")
    assert membership.status == Membership.Status.ACTIVE
    nurse = User.objects.get(email=demo_email("nurse"))
    assert has_member_prices(nurse) and points_balance(nurse) == 400
    wallet = Wallet.objects.get(organization=membership.organization)
    assert wallet.balance == 5000 - 400 - 250 == ledger_sum(wallet)
    # The nurse has something to spend the points on.
    assert Event.objects.filter(ticket_types__price__gt=0, status="published").exists()
    before = (LedgerEntry.objects.count(), Membership.objects.count(), Plan.objects.count())
    demo.load(small=True)
    assert (LedgerEntry.objects.count(), Membership.objects.count(), Plan.objects.count()) == before
