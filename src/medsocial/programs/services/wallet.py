"""Points: the yearly allowance, transfers from an organization to its staff (one or a CSV of
them), spending on event tickets and refunds.

Every movement locks the wallet rows it touches (`select_for_update`, in primary-key order so
two transfers never wait on each other; SQLite's IMMEDIATE transactions serialize writers the
same way), checks the balance, appends a ledger entry and stores the new balance in the same
transaction. A refused movement raises WalletError naming the field and changes nothing.
"""

import math
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils import timezone

from medsocial.accounts.models import Membership as OrganizationRole
from medsocial.accounts.models import Organization, User
from medsocial.core.csv_import import CsvFile
from medsocial.programs.errors import ProgramsNotAllowed, WalletError
from medsocial.programs.models import DuesInvoice, LedgerEntry, Membership, Wallet

# The most points one movement may carry: far above any plan's allowance, far below what the
# ledger's integers hold.
MAX_POINTS = 10_000_000


def parse_points(value, *, field: str = "points") -> int:
    """A whole, positive number of points from a form, a CSV cell or JSON; WalletError naming
    `field` for anything else (negative, zero, fractional, not a number)."""
    if isinstance(value, bool) or value is None:
        raise WalletError("Enter a whole number of points.", field=field)
    text = str(value).strip().replace(",", "")
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise WalletError(f"“{text[:20]}” is not a number of points.", field=field) from None
    if not number.is_finite() or number != number.to_integral_value():
        raise WalletError("Points are whole numbers: no fractions.", field=field)
    if number <= 0:
        raise WalletError("Enter a number of points greater than zero.", field=field)
    if number > MAX_POINTS:
        raise WalletError(f"At most {MAX_POINTS:,} points move at once.", field=field)
    return int(number)


def points_for_amount(amount: Decimal) -> int:
    """What a price costs in points: one point pays one US dollar, cents rounded up."""
    return math.ceil(amount)


def wallet_of_person(user: User) -> Wallet:
    wallet, _ = Wallet.objects.get_or_create(user=user)
    return wallet


def wallet_of_organization(organization: Organization) -> Wallet:
    wallet, _ = Wallet.objects.get_or_create(organization=organization)
    return wallet


def _lock(*wallets: Wallet) -> list[Wallet]:
    """The wallets re-read under a row lock, in primary-key order; returned in the order given."""
    locked = {
        w.pk: w
        for w in Wallet.objects.select_for_update().filter(pk__in=[w.pk for w in wallets]).order_by("pk")
    }
    return [locked[w.pk] for w in wallets]


def _append(
    wallet: Wallet, *, kind: str, amount: int, by, now, field: str = "points", **links
) -> LedgerEntry:
    """Append one entry to a wallet locked by the caller's transaction, keeping its balance."""
    balance = wallet.balance + amount
    if balance < 0:
        raise WalletError(
            f"Not enough points: {wallet.balance:,} available, {-amount:,} needed.",
            field=field,
        )
    Wallet.objects.filter(pk=wallet.pk).update(balance=balance)
    wallet.balance = balance
    return LedgerEntry.objects.create(
        wallet=wallet, kind=kind, amount=amount, balance_after=balance, created_by=by, created_at=now, **links
    )


def credit_allowance(*, invoice: DuesInvoice, membership: Membership, by, now=None) -> LedgerEntry:
    """Credit the plan's yearly points to the holder's wallet for a paid dues invoice (once per
    invoice). Call inside the transaction that settled the invoice."""
    now = now or timezone.now()
    if membership.organization is not None:
        owner = wallet_of_organization(membership.organization)
    else:
        assert membership.user is not None  # a membership is held by one or the other
        owner = wallet_of_person(membership.user)
    (wallet,) = _lock(owner)
    return _append(
        wallet,
        kind=LedgerEntry.Kind.ALLOWANCE,
        amount=membership.plan.yearly_points,
        by=by,
        now=now,
        invoice=invoice,
        memo=f"{membership.plan} {invoice.period_start:%Y}–{invoice.period_end:%Y}",
    )


def require_organization_admin(by: User, organization: Organization) -> None:
    if not OrganizationRole.objects.filter(
        user=by, organization=organization, role=OrganizationRole.Role.ADMIN
    ).exists():
        raise ProgramsNotAllowed("Only an admin of the organization can move its points.")


def _staff_member(organization: Organization, email: str, *, field: str = "email") -> User:
    address = (email or "").strip()
    if not address:
        raise WalletError("Enter the email address of the staff member.", field=field)
    person = User.objects.filter(email__iexact=address, memberships__organization=organization).first()
    if person is None:
        raise WalletError(f"No member of {organization} has the address {address[:100]}.", field=field)
    return person


def _move(
    source: Wallet, target: Wallet, *, points: int, by, now, memo: str, field: str = "points"
) -> LedgerEntry:
    """Call with both wallets locked."""
    out = _append(
        source,
        kind=LedgerEntry.Kind.TRANSFER_OUT,
        amount=-points,
        by=by,
        now=now,
        counterpart=target,
        memo=memo,
        field=field,
    )
    _append(
        target,
        kind=LedgerEntry.Kind.TRANSFER_IN,
        amount=points,
        by=by,
        now=now,
        counterpart=source,
        memo=memo,
    )
    return out


def transfer(
    *, organization: Organization, email: str, points, by: User, memo: str = "", now=None
) -> LedgerEntry:
    """An organization admin gives `points` from the organization's wallet to a staff member
    (found by email among the organization's members). Returns the organization's entry."""
    now = now or timezone.now()
    require_organization_admin(by, organization)
    amount = parse_points(points)
    person = _staff_member(organization, email)
    with transaction.atomic():
        source, target = _lock(wallet_of_organization(organization), wallet_of_person(person))
        return _move(source, target, points=amount, by=by, now=now, memo=memo.strip()[:200])


@dataclass(frozen=True)
class TransferLine:
    line: int
    person: User
    points: int
    memo: str


class BulkTransferRefused(WalletError):
    """A CSV of transfers with at least one bad row: nothing was moved. `problems` lists every
    bad row as (line, message)."""

    def __init__(self, problems: list[tuple[int, str]]):
        self.problems = problems
        first = "; ".join(f"line {line}: {message}" for line, message in problems[:3])
        more = f" (and {len(problems) - 3} more)" if len(problems) > 3 else ""
        super().__init__(f"Nothing was transferred. {first}{more}", field="file")


TRANSFER_COLUMNS = ("email", "points")


def bulk_transfer(*, organization: Organization, source, by: User, now=None) -> list[LedgerEntry]:
    """Transfers listed in a CSV file (columns `email`, `points`, optional `memo`), all or
    nothing: any bad row, or a total beyond the organization's balance, refuses the whole file
    with every problem listed."""
    now = now or timezone.now()
    require_organization_admin(by, organization)
    csv_file = CsvFile(source)
    csv_file.require(TRANSFER_COLUMNS, what="points transfers")
    problems: list[tuple[int, str]] = []
    lines: list[TransferLine] = []
    for row in csv_file.rows():
        if row.problem:
            problems.append((row.line, row.problem))
            continue
        try:
            person = _staff_member(organization, row.values.get("email", ""))
            points = parse_points(row.values.get("points", ""))
        except WalletError as exc:
            problems.append((row.line, exc.message))
            continue
        lines.append(TransferLine(row.line, person, points, row.values.get("memo", "").strip()[:200]))
    if not lines and not problems:
        raise WalletError("The file lists no transfers.", field="file")
    with transaction.atomic():
        targets = {line.person.pk: wallet_of_person(line.person) for line in lines}
        # One lock call for every wallet involved, in primary-key order, as single transfers do.
        source, *locked = _lock(wallet_of_organization(organization), *targets.values())
        locked_by_person = dict(zip(targets, locked, strict=True))
        total = sum(line.points for line in lines)
        if not problems and total > source.balance:
            problems.append(
                (0, f"the file transfers {total:,} points but the organization has {source.balance:,}")
            )
        if problems:
            raise BulkTransferRefused(problems)
        entries = []
        for line in lines:
            target = locked_by_person[line.person.pk]
            entries.append(
                _move(source, target, points=line.points, by=by, now=now, memo=line.memo, field="file")
            )
        return entries


def spend_for_order(*, order, user: User, now=None) -> LedgerEntry:
    """Pay an event order from `user`'s own wallet. Call inside the registration's transaction:
    a refusal (not enough points) rolls the registration back with it."""
    now = now or timezone.now()
    if order.registration.user_id != user.pk:
        raise ProgramsNotAllowed("Points pay only for your own registration.")
    (wallet,) = _lock(wallet_of_person(user))
    return _append(
        wallet,
        kind=LedgerEntry.Kind.SPEND,
        amount=-points_for_amount(order.total),
        by=user,
        now=now,
        order=order,
        memo=str(order.registration.event)[:200],
        field="pay_with_points",
    )


def refund_order(*, order, by, now=None) -> LedgerEntry | None:
    """Return the points an order was paid with to the wallet they came from (once). Call
    inside the cancellation's transaction."""
    now = now or timezone.now()
    spent = LedgerEntry.objects.filter(order=order, kind=LedgerEntry.Kind.SPEND).first()
    if spent is None or LedgerEntry.objects.filter(order=order, kind=LedgerEntry.Kind.REFUND).exists():
        return None
    (wallet,) = _lock(spent.wallet)
    return _append(
        wallet,
        kind=LedgerEntry.Kind.REFUND,
        amount=-spent.amount,
        by=by,
        now=now,
        order=order,
        memo=spent.memo,
    )


def spend(*, user: User, points: int, memo: str, field: str = "pay_with_points", now=None) -> LedgerEntry:
    """Take `points` from `user`'s own wallet for something other apps sell (a Residency seat);
    the caller keeps the returned entry to refund it. Call inside the purchase's transaction:
    a refusal (not enough points) rolls the purchase back with it."""
    now = now or timezone.now()
    (wallet,) = _lock(wallet_of_person(user))
    return _append(
        wallet, kind=LedgerEntry.Kind.SPEND, amount=-points, by=user, now=now, memo=memo[:200], field=field
    )


def refund(*, entry: LedgerEntry, by, now=None) -> LedgerEntry:
    """Return the points of a spend made with `spend()` to its wallet. The caller makes sure it
    happens once (it keeps the refund entry), inside its own transaction."""
    now = now or timezone.now()
    if entry.kind != LedgerEntry.Kind.SPEND:
        raise WalletError("Only a spend can be refunded.")
    (wallet,) = _lock(entry.wallet)
    return _append(
        wallet, kind=LedgerEntry.Kind.REFUND, amount=-entry.amount, by=by, now=now, memo=entry.memo
    )
