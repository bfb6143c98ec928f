"""`/api/v1/programs/`: plans, my memberships (join, renew, cancel, covered staff), my points and
an organization's points (statement, transfers). The same services and selectors as the pages,
so every rule and every 404 is the same."""

import datetime
from decimal import Decimal

from django.http import HttpRequest
from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate

from medsocial.accounts.models import Organization
from medsocial.api.pagination import PageNumberPagination
from medsocial.programs import selectors, services
from medsocial.programs.errors import MembershipError
from medsocial.programs.models import LedgerEntry, Membership, Plan

router = Router(tags=["memberships and points"])


class MembershipPlanOut(Schema):
    id: int
    slug: str
    name: str
    kind: str
    yearly_dues: Decimal
    seats: int | None
    yearly_points: int
    member_prices: bool
    member_content: bool


class PaidMembershipOut(Schema):
    id: int
    plan: str
    holder: str
    organization_slug: str | None
    status: str
    starts_on: datetime.date | None
    ends_on: datetime.date | None


class DuesInvoiceOut(Schema):
    id: int
    number: str
    amount: Decimal
    period_start: datetime.date
    period_end: datetime.date
    status: str


class MembershipJoinIn(Schema):
    plan_slug: str
    organization_slug: str | None = Field(None, description="For organization plans: one you administer.")


class CoveredStaffIn(Schema):
    email: str = Field(max_length=254)


class PointsEntryOut(Schema):
    id: int
    created_at: datetime.datetime
    kind: str
    points: int
    balance_after: int
    counterpart: str | None
    memo: str

    @staticmethod
    def resolve_points(entry: LedgerEntry) -> int:
        return entry.amount

    @staticmethod
    def resolve_counterpart(entry: LedgerEntry) -> str | None:
        return entry.counterpart.owner_name if entry.counterpart_id else None


class PointsWalletOut(Schema):
    owner: str
    balance: int


class PointsTransferIn(Schema):
    email: str = Field(max_length=254)
    points: int = Field(description="A whole number of points greater than zero.")
    memo: str = Field("", max_length=200)


def _membership_out(membership: Membership) -> PaidMembershipOut:
    return PaidMembershipOut(
        id=membership.pk,
        plan=membership.plan.name,
        holder=membership.holder_name,
        organization_slug=membership.organization.slug if membership.organization_id else None,
        status=membership.status,
        starts_on=membership.starts_on,
        ends_on=membership.ends_on,
    )


@router.get("/plans", response=list[MembershipPlanOut], summary="Plans offered")
def plans(request: HttpRequest):
    return list(selectors.offered_plans())


@router.get("/memberships", response=list[PaidMembershipOut], summary="Memberships I hold or administer")
def my_memberships(request: HttpRequest):
    return [_membership_out(m) for m in selectors.memberships_for_page(request.auth)[:200]]


@router.post("/memberships", response={201: PaidMembershipOut}, summary="Join a plan")
def join(request: HttpRequest, payload: MembershipJoinIn):
    plan = Plan.objects.filter(slug=payload.plan_slug).first()
    if plan is None:
        raise MembershipError("No plan has that address.", field="plan_slug")
    organization = None
    if payload.organization_slug:
        organization = Organization.objects.filter(slug=payload.organization_slug).first()
        if organization is None:
            raise MembershipError("No organization has that address.", field="organization_slug")
    membership = services.join(plan=plan, by=request.auth, organization=organization)
    return Status(201, _membership_out(membership))


@router.get(
    "/memberships/{membership_id}/invoices", response=list[DuesInvoiceOut], summary="A membership's invoices"
)
def invoices(request: HttpRequest, membership_id: int):
    membership = selectors.access_membership(request.auth, membership_id)
    return [
        DuesInvoiceOut(
            id=i.pk,
            number=i.invoice_number,
            amount=i.amount,
            period_start=i.period_start,
            period_end=i.period_end,
            status=i.status,
        )
        for i in selectors.invoices_of(membership)
    ]


@router.post(
    "/memberships/{membership_id}/renew", response={201: DuesInvoiceOut}, summary="Renew for another year"
)
def renew(request: HttpRequest, membership_id: int):
    membership = selectors.access_membership(request.auth, membership_id)
    invoice = services.renew(membership=membership, by=request.auth)
    return Status(
        201,
        DuesInvoiceOut(
            id=invoice.pk,
            number=invoice.invoice_number,
            amount=invoice.amount,
            period_start=invoice.period_start,
            period_end=invoice.period_end,
            status=invoice.status,
        ),
    )


@router.post("/memberships/{membership_id}/cancel", response=PaidMembershipOut, summary="Cancel a membership")
def cancel(request: HttpRequest, membership_id: int):
    membership = selectors.access_membership(request.auth, membership_id)
    return _membership_out(services.cancel(membership=membership, by=request.auth))


@router.post(
    "/memberships/{membership_id}/staff", response={201: dict[str, str]}, summary="Cover a staff member"
)
def add_staff(request: HttpRequest, membership_id: int, payload: CoveredStaffIn):
    membership = selectors.access_membership(request.auth, membership_id)
    covered = services.add_covered_staff(membership=membership, email=payload.email, by=request.auth)
    return Status(201, {"email": covered.user.email})


@router.delete("/memberships/{membership_id}/staff/{user_id}", response={204: None}, summary="Free a seat")
def remove_staff(request: HttpRequest, membership_id: int, user_id: int):
    membership = selectors.access_membership(request.auth, membership_id)
    services.remove_covered_staff(membership=membership, user_id=user_id, by=request.auth)
    return Status(204, None)


@router.get("/points", response=PointsWalletOut, summary="My points balance")
def my_points(request: HttpRequest):
    return PointsWalletOut(owner=str(request.auth), balance=selectors.points_balance(request.auth))


@router.get("/points/entries", response=list[PointsEntryOut], summary="My points statement, newest first")
@paginate(PageNumberPagination, page_size=50)
def my_entries(request: HttpRequest):
    wallet = selectors.wallet_of(user=request.auth)
    return selectors.statement(wallet) if wallet else LedgerEntry.objects.none()


def _organization_wallet(request: HttpRequest, slug: str):
    organization = selectors.access_organization_points(request.auth, slug)
    return organization, selectors.wallet_of(organization=organization)


@router.get(
    "/organizations/{slug}/points", response=PointsWalletOut, summary="An organization's points (its admins)"
)
def organization_points(request: HttpRequest, slug: str):
    organization, wallet = _organization_wallet(request, slug)
    return PointsWalletOut(owner=organization.name, balance=wallet.balance if wallet else 0)


@router.get(
    "/organizations/{slug}/points/entries",
    response=list[PointsEntryOut],
    summary="An organization's points statement, newest first (its admins)",
)
@paginate(PageNumberPagination, page_size=50)
def organization_entries(request: HttpRequest, slug: str):
    _, wallet = _organization_wallet(request, slug)
    return selectors.statement(wallet) if wallet else LedgerEntry.objects.none()


@router.post(
    "/organizations/{slug}/points/transfers",
    response={201: PointsEntryOut},
    summary="Send points to a staff member (the organization's admins)",
)
def transfer(request: HttpRequest, slug: str, payload: PointsTransferIn):
    organization, _ = _organization_wallet(request, slug)
    entry = services.transfer(
        organization=organization,
        email=payload.email,
        points=payload.points,
        memo=payload.memo,
        by=request.auth,
    )
    return Status(201, PointsEntryOut.from_orm(entry))
