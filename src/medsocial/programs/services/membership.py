"""Joining, renewing, paying dues, cancelling, and the staff an organization's membership covers.

Each write locks the membership row it changes (`select_for_update`; SQLite's IMMEDIATE
transactions serialize writers the same way), so seats and invoices are checked and changed in
one step. Partial unique constraints back up the "already a member" refusal under a race.
"""

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone

from medsocial.accounts.models import Membership as OrganizationRole
from medsocial.accounts.models import Organization, User
from medsocial.events import payments
from medsocial.programs import selectors
from medsocial.programs.errors import MembershipConflict, MembershipError, ProgramsNotAllowed
from medsocial.programs.models import CoveredStaff, DuesInvoice, Membership, Plan
from medsocial.programs.services import wallet


def one_year_from(day: datetime.date) -> datetime.date:
    """The last day of the year of membership starting on `day` (29 February starts run to 28 February)."""
    try:
        anniversary = day.replace(year=day.year + 1)
    except ValueError:
        anniversary = day.replace(year=day.year + 1, day=28)
    return anniversary - datetime.timedelta(days=1)


def can_manage(user, membership: Membership) -> bool:
    """The holder, an admin of the holding organization, or site staff."""
    if not getattr(user, "is_authenticated", False):
        return False
    if selectors.is_membership_staff(user):
        return True
    if membership.user_id is not None:
        return membership.user_id == user.pk
    return membership.organization_id in selectors.administered_organization_ids(user)


def require_manager(user, membership: Membership) -> None:
    if not can_manage(user, membership):
        raise ProgramsNotAllowed(
            "Only the member, an admin of the member organization or site staff can do this."
        )


def _issue_invoice(membership: Membership, *, start: datetime.date, now) -> DuesInvoice:
    """Call inside the transaction that locked `membership`."""
    provider = payments.default_provider()
    invoice = DuesInvoice.objects.create(
        membership=membership,
        amount=membership.plan.yearly_dues,
        period_start=start,
        period_end=one_year_from(start),
        payment_provider=provider.identifier,
        created_at=now,
    )
    if invoice.amount == 0:
        # A free plan needs no one to settle anything.
        _settle(invoice, membership, by=None, now=now)
    else:
        transaction.on_commit(lambda: provider.order_placed(invoice))
    return invoice


def _settle(invoice: DuesInvoice, membership: Membership, *, by, now) -> None:
    """Mark `invoice` paid and extend `membership` to its end; the plan's yearly
    points go to the holder's wallet.
    Call with both rows locked."""
    invoice.status = DuesInvoice.Status.PAID
    invoice.paid_at = now
    invoice.marked_paid_by = by
    invoice.save(update_fields=["status", "paid_at", "marked_paid_by"])
    continuous = (
        membership.ends_on is not None
        and invoice.period_start <= membership.ends_on + datetime.timedelta(days=1)
    )
    if not continuous:
        membership.starts_on = invoice.period_start
    membership.ends_on = max(membership.ends_on or invoice.period_end, invoice.period_end)
    membership.save(update_fields=["starts_on", "ends_on"])
    if membership.plan.yearly_points:
        wallet.credit_allowance(invoice=invoice, membership=membership, by=by, now=now)


def join(*, plan: Plan, by: User, organization: Organization | None = None, now=None) -> Membership:
    """`by` joins `plan` for themselves, or (an organization plan) for an organization they
    administer. Issues the first year's dues invoice; the membership is in force once it is paid."""
    now = now or timezone.now()
    if not plan.is_active:
        raise MembershipError("This plan is no longer offered.", field="plan")
    if plan.is_for_organizations:
        if organization is None:
            raise MembershipError("Choose the organization this membership is for.", field="organization")
        if not OrganizationRole.objects.filter(
            user=by, organization=organization, role=OrganizationRole.Role.ADMIN
        ).exists():
            raise ProgramsNotAllowed("Only an admin of the organization can take a membership for it.")
    elif organization is not None:
        raise MembershipError("This plan is for individuals; choose an organization plan.", field="plan")

    holder: dict[str, object] = {"organization": organization} if plan.is_for_organizations else {"user": by}
    try:
        with transaction.atomic():
            if Membership.objects.filter(cancelled_at__isnull=True, **holder).exists():
                who = "This organization already holds" if organization else "You already hold"
                raise MembershipConflict(f"{who} a membership; renew or cancel it instead.", field="plan")
            membership = Membership.objects.create(plan=plan, joined_at=now, joined_by=by, **holder)
            _issue_invoice(membership, start=timezone.localdate(now), now=now)
    except IntegrityError:
        # Two joins raced; the constraint kept one.
        raise MembershipConflict(
            "A membership was just taken; renew or cancel it instead.", field="plan"
        ) from None
    return membership


def _locked(membership: Membership) -> Membership:
    return Membership.objects.select_for_update().select_related("plan").get(pk=membership.pk)


@transaction.atomic
def renew(*, membership: Membership, by: User, now=None) -> DuesInvoice:
    """Issue the next year's invoice: from the day after the paid-up period, or from today
    when the membership has lapsed."""
    now = now or timezone.now()
    require_manager(by, membership)
    membership = _locked(membership)
    if membership.cancelled_at is not None:
        raise MembershipError("This membership is cancelled; join again instead.")
    if membership.invoices.filter(status=DuesInvoice.Status.PENDING).exists():
        raise MembershipConflict("An invoice for this membership is already awaiting payment.")
    today = timezone.localdate(now)
    start = (
        membership.ends_on + datetime.timedelta(days=1)
        if membership.ends_on and membership.ends_on >= today
        else today
    )
    return _issue_invoice(membership, start=start, now=now)


@transaction.atomic
def mark_paid(*, invoice: DuesInvoice, by: User | None, now=None) -> DuesInvoice:
    """Record that a dues invoice was paid: by site staff, or (`by=None`) by a payment
    provider's own callback. The membership runs to the invoice's end from then on."""
    now = now or timezone.now()
    if by is not None and not selectors.is_membership_staff(by):
        raise ProgramsNotAllowed("Only site staff can mark dues paid.")
    membership = _locked(invoice.membership)
    invoice = DuesInvoice.objects.select_for_update().get(pk=invoice.pk)
    if invoice.status != DuesInvoice.Status.PENDING:
        raise MembershipError(
            f"Only an invoice awaiting payment can be marked paid (this one is {invoice.get_status_display().lower()})."
        )
    if membership.cancelled_at is not None:
        raise MembershipError("This membership is cancelled.")
    _settle(invoice, membership, by=by, now=now)
    return invoice


@transaction.atomic
def cancel(*, membership: Membership, by: User, now=None) -> Membership:
    """End a membership now: member prices and member-only events stop at once, and an
    invoice still awaiting payment is void."""
    now = now or timezone.now()
    require_manager(by, membership)
    membership = _locked(membership)
    if membership.cancelled_at is not None:
        raise MembershipError("This membership is already cancelled.")
    membership.cancelled_at = now
    membership.save(update_fields=["cancelled_at"])
    membership.invoices.filter(status=DuesInvoice.Status.PENDING).update(status=DuesInvoice.Status.VOID)
    return membership


def _organization_membership_for(by: User, membership: Membership) -> Membership:
    require_manager(by, membership)
    membership = _locked(membership)
    if membership.organization_id is None:
        raise MembershipError("Only an organization's membership covers staff.")
    if membership.cancelled_at is not None:
        raise MembershipError("This membership is cancelled.")
    return membership


@transaction.atomic
def add_covered_staff(*, membership: Membership, email: str, by: User, now=None) -> CoveredStaff:
    """Cover a member of the organization (found by email) with one of the membership's seats."""
    membership = _organization_membership_for(by, membership)
    address = (email or "").strip().lower()
    if not address:
        raise MembershipError("Enter the email address of the staff member.", field="email")
    person = User.objects.filter(
        email__iexact=address, memberships__organization=membership.organization
    ).first()
    if person is None:
        raise MembershipError(
            f"No member of {membership.organization} has the address {address}; invite them to the organization first.",
            field="email",
        )
    if membership.covered.filter(user=person).exists():
        raise MembershipConflict(f"{person} is already covered.", field="email")
    seats = membership.plan.seats or 0
    if membership.covered.count() >= seats:
        raise MembershipError(
            f"All {seats} seats of this membership are taken; remove someone first.", field="email"
        )
    return CoveredStaff.objects.create(
        membership=membership, user=person, added_by=by, added_at=now or timezone.now()
    )


@transaction.atomic
def remove_covered_staff(*, membership: Membership, user_id: int, by: User) -> None:
    """Free the seat of a covered staff member; their member prices end at once."""
    require_manager(by, membership)
    deleted, _ = CoveredStaff.objects.filter(membership=membership, user_id=user_id).delete()
    if not deleted:
        raise MembershipError("That person is not covered by this membership.", field="user")
