"""Demo data for memberships and points: `load()` is idempotent (a second run changes nothing).

Two plans; Lakeshore Health System holds the organization plan, paid, with its admin and a nurse
covered, and has sent points to both from its yearly allowance.
"""

from decimal import Decimal

from medsocial.accounts.demo import demo_email
from medsocial.accounts.models import Organization, User
from medsocial.programs import services
from medsocial.programs.models import LedgerEntry, Membership, Plan

PLANS = [
    {
        "slug": "clinician",
        "name": "Clinician",
        "kind": Plan.Kind.INDIVIDUAL,
        "description": "For one health professional: member prices and member-only events.",
        "yearly_dues": Decimal("95"),
        "seats": None,
        "yearly_points": 100,
        "position": 1,
    },
    {
        "slug": "hospital-team",
        "name": "Hospital team",
        "kind": Plan.Kind.ORGANIZATION,
        "description": "Ten staff seats and 5,000 points a year to hand out for training.",
        "yearly_dues": Decimal("2400"),
        "seats": 10,
        "yearly_points": 5000,
        "position": 2,
    },
]
# (email local part, points) sent from Lakeshore's wallet.
TRANSFERS = [("nurse", 400), ("orgadmin", 250)]


def load(*, stdout=None, small: bool = False) -> None:
    plans = {}
    for fields in PLANS:
        values = dict(fields)
        slug = values.pop("slug")
        plans[slug], _ = Plan.objects.get_or_create(slug=slug, defaults=values)
    lakeshore = Organization.objects.get(slug="lakeshore-health")
    if Membership.objects.filter(organization=lakeshore).exists():
        return
    admin = User.objects.get(email=demo_email("orgadmin"))
    staff = User.objects.get(email=demo_email("admin"))
    membership = services.join(plan=plans["hospital-team"], by=admin, organization=lakeshore)
    services.mark_paid(invoice=membership.invoices.get(), by=staff)
    for local, _points in TRANSFERS:
        services.add_covered_staff(membership=membership, email=demo_email(local), by=admin)
    for local, points in TRANSFERS:
        services.transfer(
            organization=lakeshore, email=demo_email(local), points=points, by=admin, memo="Training budget"
        )
    if stdout is not None:
        moved = LedgerEntry.objects.filter(wallet__organization=lakeshore).count()
        stdout.write(f"  Lakeshore Health System: hospital team membership, {moved} points movements")
