"""Test factories for memberships: plain functions with sensible defaults."""

import datetime
import itertools
from decimal import Decimal

from django.utils import timezone

from medsocial.programs.models import CoveredStaff, DuesInvoice, Membership, Plan
from medsocial.programs.services.membership import one_year_from

_sequence = itertools.count(1)


def make_plan(*, kind: str = Plan.Kind.INDIVIDUAL, **fields) -> Plan:
    """An individual plan at $120 a year giving member prices (an organization plan: 5 seats)."""
    n = next(_sequence)
    defaults = {
        "name": f"Plan {n}",
        "slug": f"plan-{n}",
        "kind": kind,
        "yearly_dues": Decimal("120"),
        "seats": 5 if kind == Plan.Kind.ORGANIZATION else None,
    }
    defaults.update(fields)
    return Plan.objects.create(**defaults)


def make_membership(
    *,
    user=None,
    organization=None,
    plan: Plan | None = None,
    ends_on: datetime.date | None = None,
    paid: bool = True,
    covering=(),
) -> Membership:
    """A membership paid up for a year from today (or to `ends_on`), with a paid invoice;
    `paid=False` leaves the first invoice awaiting payment. `covering` lists staff to cover."""
    if plan is None:
        plan = make_plan(kind=Plan.Kind.ORGANIZATION if organization else Plan.Kind.INDIVIDUAL)
    today = timezone.localdate()
    end = ends_on or one_year_from(today)
    start = min(today, end - datetime.timedelta(days=364))
    membership = Membership.objects.create(
        plan=plan,
        user=user,
        organization=organization,
        starts_on=start if paid else None,
        ends_on=end if paid else None,
    )
    DuesInvoice.objects.create(
        membership=membership,
        amount=plan.yearly_dues,
        period_start=start,
        period_end=end,
        status=DuesInvoice.Status.PAID if paid else DuesInvoice.Status.PENDING,
        paid_at=timezone.now() if paid else None,
    )
    for person in covering:
        CoveredStaff.objects.create(membership=membership, user=person)
    return membership


def fund(owner, points: int):
    """Give a person's or an organization's wallet `points` through an allowance entry, as a
    paid invoice would; returns the wallet."""
    from medsocial.accounts.models import Organization
    from medsocial.programs.models import LedgerEntry, Wallet

    key = "organization" if isinstance(owner, Organization) else "user"
    wallet, _ = Wallet.objects.get_or_create(**{key: owner})
    wallet.balance += points
    wallet.save(update_fields=["balance"])
    LedgerEntry.objects.create(
        wallet=wallet,
        kind=LedgerEntry.Kind.ALLOWANCE,
        amount=points,
        balance_after=wallet.balance,
        memo="Test funds",
    )
    return wallet
