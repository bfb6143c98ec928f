"""When a membership's dues are paid, the plan's yearly points go to the holder's wallet, once."""

import pytest

from medsocial.programs import services
from medsocial.programs.models import LedgerEntry, Plan, Wallet
from medsocial.programs.selectors import ledger_sum, points_balance
from medsocial.programs.tests.factories import make_plan

pytestmark = pytest.mark.django_db


def test_an_organizations_allowance_arrives_when_its_dues_are_paid(org_admin, hospital, site_staff):
    plan = make_plan(kind=Plan.Kind.ORGANIZATION, yearly_points=5000)
    membership = services.join(plan=plan, by=org_admin, organization=hospital)
    assert not Wallet.objects.filter(organization=hospital, balance__gt=0).exists()
    invoice = membership.invoices.get()
    services.mark_paid(invoice=invoice, by=site_staff)
    wallet = Wallet.objects.get(organization=hospital)
    assert wallet.balance == 5000 == ledger_sum(wallet)
    entry = wallet.entries.get()
    assert (entry.kind, entry.invoice, entry.created_by) == (LedgerEntry.Kind.ALLOWANCE, invoice, site_staff)


def test_each_paid_year_brings_its_own_allowance(make_user, site_staff):
    person = make_user()
    membership = services.join(plan=make_plan(yearly_points=100), by=person)
    services.mark_paid(invoice=membership.invoices.get(), by=site_staff)
    renewal = services.renew(membership=membership, by=person)
    services.mark_paid(invoice=renewal, by=site_staff)
    assert points_balance(person) == 200
    assert LedgerEntry.objects.filter(kind=LedgerEntry.Kind.ALLOWANCE).count() == 2


def test_a_plan_without_points_credits_nothing(make_user, site_staff):
    person = make_user()
    membership = services.join(plan=make_plan(yearly_points=0), by=person)
    services.mark_paid(invoice=membership.invoices.get(), by=site_staff)
    assert points_balance(person) == 0
    assert not LedgerEntry.objects.exists()
