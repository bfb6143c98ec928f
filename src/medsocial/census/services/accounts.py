"""Writes to a hospital's accounts and observations: each validates, changes, and logs."""

import datetime

from django.db import transaction
from django.utils import timezone

from medsocial.accounts.roles import Role, has_role
from medsocial.accounts.selectors import is_organization_admin
from medsocial.core import page_cache
from medsocial.core.dates import DATE_RANGE_MESSAGE, outside_supported_years

from ..errors import CensusError, CensusNotAllowed, DuplicateAccount
from ..models import AccountChange, Hospital, Network, Observation, SocialAccount
from ..networks import canonical_account
from .recompute import forget_demo_notice, recompute_after_commit


def can_edit_accounts(user, hospital: Hospital) -> bool:
    """Moderators edit every hospital; an organization's admins edit the hospitals it claimed."""
    if not getattr(user, "is_authenticated", False):
        return False
    if has_role(user, Role.MODERATOR):
        return True
    return hospital.organization is not None and is_organization_admin(user, hospital.organization)


def ensure_can_edit(user, hospital: Hospital) -> None:
    if not can_edit_accounts(user, hospital):
        raise CensusNotAllowed(
            "Only moderators and the admins of the organization that claimed this hospital can edit its accounts."
        )


def account_snapshot(account: SocialAccount) -> dict:
    return {
        "network": account.network.slug,
        "handle": account.handle,
        "url": account.url,
        "first_seen": account.first_seen.isoformat() if account.first_seen else None,
        "closed_on": account.closed_on.isoformat() if account.closed_on else None,
    }


def log_change(
    *, account, action, actor=None, before=None, after=None, submission=None, hospital=None
) -> AccountChange:
    return AccountChange.objects.create(
        hospital=hospital or account.hospital,
        account=account,
        action=action,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        before=before or {},
        after=after or {},
        submission=submission,
    )


def resolve_account(*, network: Network, address: str, exclude_pk: int | None = None):
    """The canonical form of `address` on `network`; DuplicateAccount when another account
    already holds it."""
    canonical = canonical_account(network, address)
    others = SocialAccount.objects.select_related("hospital", "network").filter(
        network=network, handle=canonical.handle
    )
    if exclude_pk is not None:
        others = others.exclude(pk=exclude_pk)
    existing = others.first()
    if existing:
        raise DuplicateAccount(
            f"{network.name} account {canonical.handle} is already in the census, for {existing.hospital.name}.",
            existing=existing,
        )
    return canonical


def check_observation(*, observed_on: datetime.date, followers=None, following=None, posts=None) -> None:
    """CensusError when an observation is dated in the future or has a negative count."""
    if outside_supported_years(observed_on):
        raise CensusError(DATE_RANGE_MESSAGE, field="observed_on")
    if observed_on > timezone.localdate():
        raise CensusError("An observation cannot be dated in the future.", field="observed_on")
    for field, value in (("followers", followers), ("following", following), ("posts", posts)):
        if value is not None and value < 0:
            raise CensusError(f"The number of {field} cannot be negative.", field=field)


@transaction.atomic
def add_account(
    *,
    hospital: Hospital,
    network: Network,
    address: str,
    actor=None,
    first_seen=None,
    followers=None,
    verified: bool = False,
    submission=None,
    check_permission: bool = True,
    recompute: bool = True,
) -> SocialAccount:
    """Add an account to a hospital after normalizing its address; refuses duplicates. The
    census is recomputed after the commit unless the caller (`recompute=False`) does it."""
    if check_permission:
        ensure_can_edit(actor, hospital)
    canonical = resolve_account(network=network, address=address)
    today = timezone.localdate()
    first_seen = first_seen or today
    if outside_supported_years(first_seen):
        raise CensusError(DATE_RANGE_MESSAGE, field="first_seen")
    if first_seen > today:
        raise CensusError("An account cannot be first seen in the future.", field="first_seen")
    if followers is not None:
        check_observation(observed_on=today, followers=followers)
    account = SocialAccount.objects.create(
        hospital=hospital,
        network=network,
        handle=canonical.handle,
        url=canonical.url,
        first_seen=first_seen,
        verified_by=actor if verified and getattr(actor, "is_authenticated", False) else None,
        verified_at=timezone.now() if verified else None,
        last_active_on=first_seen,
    )
    log_change(
        account=account,
        action=AccountChange.Action.CREATED,
        actor=actor,
        after=account_snapshot(account),
        submission=submission,
    )
    if followers is not None:
        source = Observation.Source.SUBMITTED
        record_observation(
            account=account,
            observed_on=today,
            followers=followers,
            source=source,
            actor=actor,
            check_permission=False,
            recompute=False,
        )
        account.refresh_from_db()
    if recompute:
        recompute_after_commit()
    return account


@transaction.atomic
def update_account(
    *,
    account: SocialAccount,
    actor,
    address: str | None = None,
    first_seen=None,
    closed_on=None,
    reopen: bool = False,
    submission=None,
    check_permission: bool = True,
    recompute: bool = True,
) -> SocialAccount:
    """Change an account's address, first-seen or closing date; every change is logged and
    the census recomputed after the commit (unless `recompute=False`)."""
    account = (
        SocialAccount.objects.select_for_update().select_related("network", "hospital").get(pk=account.pk)
    )
    if check_permission:
        ensure_can_edit(actor, account.hospital)
    before = account_snapshot(account)
    today = timezone.localdate()
    if address:
        canonical = resolve_account(network=account.network, address=address, exclude_pk=account.pk)
        account.handle, account.url = canonical.handle, canonical.url
    if first_seen:
        if outside_supported_years(first_seen):
            raise CensusError(DATE_RANGE_MESSAGE, field="first_seen")
        if first_seen > today:
            raise CensusError("An account cannot be first seen in the future.", field="first_seen")
        account.first_seen = first_seen
    action = AccountChange.Action.UPDATED
    if closed_on:
        if outside_supported_years(closed_on):
            raise CensusError(DATE_RANGE_MESSAGE, field="closed_on")
        if closed_on > today:
            raise CensusError("An account cannot be closed in the future.", field="closed_on")
        if closed_on < account.first_seen:
            raise CensusError("An account cannot close before it was first seen.", field="closed_on")
        account.closed_on = closed_on
        action = AccountChange.Action.CLOSED
    elif reopen and account.closed_on:
        account.closed_on = None
        action = AccountChange.Action.REOPENED
    after = account_snapshot(account)
    if after == before:
        return account
    account.save()
    log_change(account=account, action=action, actor=actor, before=before, after=after, submission=submission)
    if recompute:
        recompute_after_commit()
    return account


@transaction.atomic
def record_observation(
    *,
    account: SocialAccount,
    observed_on: datetime.date,
    followers=None,
    following=None,
    posts=None,
    source: str = Observation.Source.SUBMITTED,
    actor=None,
    check_permission: bool = True,
    recompute: bool = True,
) -> Observation:
    """Record (or correct) an account's figures on one date; the census is recomputed after
    the commit (unless `recompute=False`)."""
    if check_permission:
        ensure_can_edit(actor, account.hospital)
    check_observation(observed_on=observed_on, followers=followers, following=following, posts=posts)
    if followers is None and posts is None and following is None:
        raise CensusError("Give at least one of followers, following or posts.", field="followers")
    observation, _ = Observation.objects.update_or_create(
        account=account,
        observed_on=observed_on,
        defaults=dict(
            network_id=account.network_id,
            month=observed_on.replace(day=1),
            followers=followers,
            following=following,
            posts=posts,
            source=source,
        ),
    )
    refresh_account_stats([account.pk])
    log_change(
        account=account,
        action=AccountChange.Action.OBSERVED,
        actor=actor,
        after={
            "observed_on": observed_on.isoformat(),
            "followers": followers,
            "following": following,
            "posts": posts,
        },
    )
    if recompute:
        recompute_after_commit()
    return observation


def account_stats(rows) -> dict:
    """Latest figures and last sign of activity from one account's observations, oldest first:
    rows of (observed_on, followers, posts). Activity is a rise in posts, or a change in
    followers when posts are not known; the first observation counts as a sign of life."""
    latest_followers = latest_on = last_active = None
    previous = None
    for observed_on, followers, posts in rows:
        if previous is None:
            last_active = observed_on
        else:
            prev_followers, prev_posts = previous
            if posts is not None and prev_posts is not None:
                active = posts > prev_posts
            else:
                active = followers is not None and followers != prev_followers
            if active:
                last_active = observed_on
        previous = (followers, posts)
        latest_on = observed_on
        if followers is not None:
            latest_followers = followers
    return {
        "latest_followers": latest_followers,
        "latest_observed_on": latest_on,
        "last_active_on": last_active,
    }


def refresh_account_stats(account_ids, *, batch_size: int = 500) -> None:
    """Recompute the denormalized latest figures of the given accounts from their observations,
    and flag each account's last observation of every month (what the monthly census counts)."""
    page_cache.bump("census")  # bulk writes send no signals
    forget_demo_notice()  # an observation's source may have changed from "generated"
    account_ids = list(account_ids)
    for start in range(0, len(account_ids), batch_size):
        chunk = account_ids[start : start + batch_size]
        rows_by_account: dict[int, list] = {pk: [] for pk in chunk}
        month_last: dict[tuple[int, datetime.date], int] = {}
        flags: dict[int, bool] = {}
        for pk, account_id, observed_on, month, followers, posts, flag in (
            Observation.objects.filter(account_id__in=chunk)
            .order_by("account_id", "observed_on")
            .values_list("pk", "account_id", "observed_on", "month", "followers", "posts", "month_last")
        ):
            rows_by_account[account_id].append((observed_on, followers, posts))
            month_last[(account_id, month)] = pk  # ordered by date, so the last one wins
            flags[pk] = flag
        last_ids = set(month_last.values())
        to_set = [pk for pk, flag in flags.items() if not flag and pk in last_ids]
        to_clear = [pk for pk, flag in flags.items() if flag and pk not in last_ids]
        if to_set:
            Observation.objects.filter(pk__in=to_set).update(month_last=True)
        if to_clear:
            Observation.objects.filter(pk__in=to_clear).update(month_last=False)
        accounts = list(SocialAccount.objects.filter(pk__in=chunk).only("pk", "first_seen"))
        for account in accounts:
            stats = account_stats(rows_by_account[account.pk])
            account.latest_followers = stats["latest_followers"]
            account.latest_observed_on = stats["latest_observed_on"]
            account.last_active_on = max(filter(None, [stats["last_active_on"], account.first_seen]))
        SocialAccount.objects.bulk_update(
            accounts, ["latest_followers", "latest_observed_on", "last_active_on"]
        )
