"""Reads shared by pages, the API, events' prices and the admin.

Who may see a membership: the person who holds it, the admins of the organization that holds
it, and site staff. Anyone else gets a 404 that does not confirm it exists.
"""

import datetime

from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from medsocial.accounts.models import Membership as OrganizationRole
from medsocial.accounts.roles import Role, has_role
from medsocial.programs.models import CoveredStaff, DuesInvoice, LedgerEntry, Membership, Plan, Wallet


def is_membership_staff(user) -> bool:
    """Site staff settle dues invoices and see every membership."""
    return has_role(user, Role.SITE_ADMIN)


def _in_force(day: datetime.date) -> Q:
    return Q(cancelled_at__isnull=True, starts_on__lte=day, ends_on__gte=day)


def memberships_covering(user, *, day: datetime.date | None = None) -> QuerySet[Membership]:
    """Memberships in force on `day` (today) that cover `user`: their own, or an organization's
    that counts them among its covered staff."""
    if not getattr(user, "is_authenticated", False):
        return Membership.objects.none()
    day = day or timezone.localdate()
    return Membership.objects.filter(_in_force(day)).filter(Q(user=user) | Q(covered__user=user))


def has_member_prices(user, *, day: datetime.date | None = None) -> bool:
    """Whether `user` pays member prices today: a membership in force whose plan gives them.
    Computed from the dates, so a membership is lapsed the day after it ends (one query)."""
    return memberships_covering(user, day=day).filter(plan__member_prices=True).exists()


def has_member_content(user, *, day: datetime.date | None = None) -> bool:
    """Whether `user` may register for member-only events today."""
    return memberships_covering(user, day=day).filter(plan__member_content=True).exists()


def offered_plans(kind: str | None = None) -> QuerySet[Plan]:
    qs = Plan.objects.filter(is_active=True)
    return qs.filter(kind=kind) if kind else qs


def administered_organization_ids(user) -> set[int]:
    if not getattr(user, "is_authenticated", False):
        return set()
    return set(
        OrganizationRole.objects.filter(user=user, role=OrganizationRole.Role.ADMIN).values_list(
            "organization_id", flat=True
        )
    )


def visible_memberships(user) -> QuerySet[Membership]:
    """Memberships `user` may open: their own, their organizations' (as admin), all for staff."""
    if not getattr(user, "is_authenticated", False):
        return Membership.objects.none()
    qs = Membership.objects.all()
    if is_membership_staff(user):
        return qs
    return qs.filter(Q(user=user) | Q(organization_id__in=administered_organization_ids(user)))


def access_membership(user, pk: int) -> Membership:
    """The membership if `user` may manage it, else 404."""
    membership = (
        visible_memberships(user).select_related("plan", "organization", "user").filter(pk=pk).first()
    )
    if membership is None:
        raise Http404("No such membership")
    return membership


def memberships_for_page(user) -> QuerySet[Membership]:
    """What "My membership" lists: memberships `user` holds or administers, newest first."""
    qs = Membership.objects.filter(Q(user=user) | Q(organization_id__in=administered_organization_ids(user)))
    return qs.select_related("plan", "organization", "user").annotate(covered_count=Count("covered"))


def coverage_of(user) -> QuerySet[CoveredStaff]:
    """Organization memberships that list `user` as covered staff."""
    return CoveredStaff.objects.filter(user=user, membership__cancelled_at__isnull=True).select_related(
        "membership__plan", "membership__organization"
    )


def covered_staff(membership: Membership) -> QuerySet[CoveredStaff]:
    return membership.covered.select_related("user", "added_by").order_by("user__full_name", "user__email")


def seats_used(membership: Membership) -> int:
    return membership.covered.count()


def invoices_of(membership: Membership) -> QuerySet[DuesInvoice]:
    return membership.invoices.select_related("marked_paid_by").order_by("-period_start", "-pk")


def invoices_awaiting_payment() -> QuerySet[DuesInvoice]:
    """For site staff: every dues invoice still to be settled, oldest first."""
    return (
        DuesInvoice.objects.filter(status=DuesInvoice.Status.PENDING)
        .select_related("membership__plan", "membership__user", "membership__organization")
        .order_by("created_at", "pk")
    )


def open_membership_of_person(user) -> Membership | None:
    return Membership.objects.filter(user=user, cancelled_at__isnull=True).select_related("plan").first()


def open_membership_of_organization(organization) -> Membership | None:
    return (
        Membership.objects.filter(organization=organization, cancelled_at__isnull=True)
        .select_related("plan")
        .first()
    )


# --- Points -----------------------------------------------------------------------------------


def points_balance(user) -> int:
    """The points in `user`'s own wallet (0 without one); one query."""
    if not getattr(user, "is_authenticated", False):
        return 0
    return Wallet.objects.filter(user=user).values_list("balance", flat=True).first() or 0


def visible_wallets(user) -> QuerySet[Wallet]:
    """Wallets `user` may open: their own, those of organizations they administer, all for staff."""
    if not getattr(user, "is_authenticated", False):
        return Wallet.objects.none()
    qs = Wallet.objects.select_related("user", "organization")
    if is_membership_staff(user):
        return qs
    return qs.filter(Q(user=user) | Q(organization_id__in=administered_organization_ids(user)))


def access_wallet(user, pk: int) -> Wallet:
    """The wallet if `user` may see it, else 404 (never confirm someone else's wallet exists)."""
    wallet = visible_wallets(user).filter(pk=pk).first()
    if wallet is None:
        raise Http404("No such wallet")
    return wallet


def statement(wallet: Wallet) -> QuerySet[LedgerEntry]:
    """A wallet's entries, newest first, with what the statement shows."""
    return (
        LedgerEntry.objects.filter(wallet=wallet)
        .select_related(
            "counterpart__user", "counterpart__organization", "created_by", "order__registration__event"
        )
        .order_by("-created_at", "-pk")
    )


def ledger_sum(wallet: Wallet) -> int:
    """The balance recomputed from the ledger (the stored balance must always equal it)."""
    from django.db.models import Sum

    return LedgerEntry.objects.filter(wallet=wallet).aggregate(total=Sum("amount"))["total"] or 0


def administered_organizations(user) -> QuerySet:
    """Organizations `user` administers, by name."""
    from medsocial.accounts.models import Organization

    return Organization.objects.filter(pk__in=administered_organization_ids(user)).order_by("name")


def access_organization_points(user, slug: str):
    """The organization whose points `user` manages (its admins, and site staff), else 404."""
    from medsocial.accounts.models import Organization

    organization = Organization.objects.filter(slug=slug).first()
    if organization is None:
        raise Http404("No such organization")
    if not is_membership_staff(user) and organization.pk not in administered_organization_ids(user):
        raise Http404("No such organization")
    return organization


def wallet_of(*, user=None, organization=None) -> Wallet | None:
    """The wallet of a person or an organization, None before any points arrived (reads create nothing)."""
    if organization is not None:
        return Wallet.objects.filter(organization=organization).first()
    return Wallet.objects.filter(user=user).first()


def statement_for_export(wallet: Wallet):
    """The statement's rows for a CSV download, oldest first, read lazily."""
    for entry in statement(wallet).order_by("created_at", "pk").iterator(chunk_size=2000):
        yield {
            "date": entry.created_at,
            "kind": entry.get_kind_display(),
            "points": entry.amount,
            "balance": entry.balance_after,
            "with": entry.counterpart.owner_name if entry.counterpart is not None else "",
            "event": entry.order.registration.event.title if entry.order is not None else "",
            "memo": entry.memo,
            "by": entry.created_by.email if entry.created_by is not None else "",
        }


STATEMENT_COLUMNS = ["date", "kind", "points", "balance", "with", "event", "memo", "by"]
