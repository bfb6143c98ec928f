"""Crowd submissions and their moderation: submit, approve, reject, merge."""

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from medsocial.accounts.roles import Role, has_role
from medsocial.core.email import enqueue_email

from ..errors import CensusError, CensusNotAllowed
from ..models import AccountChange, AccountSubmission, Observation, SocialAccount
from ..networks import canonical_account
from . import accounts as account_services
from .recompute import recompute_after_commit


@transaction.atomic
def submit(
    *,
    hospital,
    kind: str,
    network,
    address: str = "",
    account=None,
    followers=None,
    closed_on=None,
    note: str = "",
    user=None,
    email: str = "",
) -> AccountSubmission:
    """File a submission for the moderators. The address is checked now, so a malformed one or
    a duplicate is refused before it reaches the queue."""
    signed_in = getattr(user, "is_authenticated", False)
    if not signed_in and not email:
        raise CensusError("Give your email address so a moderator can reach you.", field="email")
    if followers is not None and followers < 0:
        raise CensusError("The number of followers cannot be negative.", field="followers")
    if kind == AccountSubmission.Kind.NEW:
        canonical = account_services.resolve_account(network=network, address=address)
        address = canonical.url
        if AccountSubmission.objects.filter(
            network=network, address=address, status=AccountSubmission.Status.PENDING
        ).exists():
            raise CensusError(
                "This account has already been submitted and is waiting for review.", field="address"
            )
    else:
        if account is None or account.hospital_id != hospital.pk:
            raise CensusError("Pick the account of this hospital the submission is about.", field="account")
        network = account.network
        if kind == AccountSubmission.Kind.CORRECTION:
            if not address and followers is None:
                raise CensusError(
                    "Give the corrected address or the current number of followers.", field="address"
                )
            if address:
                address = account_services.resolve_account(
                    network=network, address=address, exclude_pk=account.pk
                ).url
        elif kind == AccountSubmission.Kind.CLOSED:
            closed_on = closed_on or timezone.localdate()
            if closed_on > timezone.localdate():
                raise CensusError("An account cannot be closed in the future.", field="closed_on")
    return AccountSubmission.objects.create(
        hospital=hospital,
        kind=kind,
        network=network,
        account=account,
        address=address,
        followers=followers,
        closed_on=closed_on,
        note=note,
        submitted_by=user if signed_in else None,
        email=email or (user.email if signed_in else ""),
    )


def _ensure_moderator(user) -> None:
    if not has_role(user, Role.MODERATOR):
        raise CensusNotAllowed("Only moderators review submissions.")


def _locked_pending(submission) -> AccountSubmission:
    submission = (
        AccountSubmission.objects.select_for_update()
        .select_related("hospital", "network")
        .get(pk=submission.pk)
    )
    if submission.status != AccountSubmission.Status.PENDING:
        raise CensusError(f"This submission was already {submission.get_status_display().lower()}.")
    return submission


def _close_review(submission, moderator, status, reason="") -> None:
    """Record the decision and tell the submitter. Call it inside the transaction that locked
    the pending submission: the lock makes this the one decision, so the email goes once."""
    submission.status = status
    submission.reviewed_by = moderator
    submission.reviewed_at = timezone.now()
    submission.reason = reason
    submission.save(update_fields=["status", "reviewed_by", "reviewed_at", "reason"])
    _tell_submitter(submission)


def _tell_submitter(submission) -> None:
    """Email the outcome to the address given with the submission, after the commit."""
    if not submission.email:
        return
    hospital = submission.hospital
    account = submission.account
    enqueue_email(
        template_prefix="census/emails/submission_decision",
        to=[submission.email],
        # What the moderator decided on, copied now: the task may run after the account changed again.
        context={
            "hospital": hospital.name,
            "place": ", ".join(part for part in (hospital.city, hospital.state) if part),
            "network": submission.network.name,
            "account": account.url if account is not None else submission.address,
            "kind": submission.get_kind_display(),
            "status": submission.status,
            "decision": submission.get_status_display(),
            "reason": submission.reason,
            "hospital_url": settings.SITE_URL + hospital.get_absolute_url(),
        },
    )


@transaction.atomic
def approve(*, submission, moderator) -> SocialAccount:
    """Apply a submission: create the account, correct it, or close it."""
    _ensure_moderator(moderator)
    submission = _locked_pending(submission)
    today = timezone.localdate()
    if submission.kind == AccountSubmission.Kind.NEW:
        account = account_services.add_account(
            hospital=submission.hospital,
            network=submission.network,
            address=submission.address,
            actor=moderator,
            followers=submission.followers,
            verified=True,
            submission=submission,
            check_permission=False,
            recompute=False,
        )
    else:
        account = submission.account
        if account is None:
            raise CensusError("The account this submission is about no longer exists.")
        if submission.kind == AccountSubmission.Kind.CLOSED:
            account = account_services.update_account(
                account=account,
                actor=moderator,
                closed_on=submission.closed_on,
                submission=submission,
                check_permission=False,
                recompute=False,
            )
        else:
            account = account_services.update_account(
                account=account,
                actor=moderator,
                address=submission.address or None,
                submission=submission,
                check_permission=False,
                recompute=False,
            )
            if submission.followers is not None:
                account_services.record_observation(
                    account=account,
                    observed_on=today,
                    followers=submission.followers,
                    source=Observation.Source.SUBMITTED,
                    actor=moderator,
                    check_permission=False,
                    recompute=False,
                )
    submission.account = account
    submission.save(update_fields=["account"])
    _close_review(submission, moderator, AccountSubmission.Status.APPROVED)
    recompute_after_commit()
    return account


@transaction.atomic
def reject(*, submission, moderator, reason: str) -> AccountSubmission:
    """Turn a submission down; the reason is kept and shown to the submitter."""
    _ensure_moderator(moderator)
    reason = (reason or "").strip()
    if not reason:
        raise CensusError("Say why the submission is rejected.", field="reason")
    submission = _locked_pending(submission)
    _close_review(submission, moderator, AccountSubmission.Status.REJECTED, reason)
    AccountChange.objects.create(
        hospital=submission.hospital,
        account=submission.account,
        submission=submission,
        actor=moderator,
        action=AccountChange.Action.REJECTED,
        after={"reason": reason, "address": submission.address},
    )
    return submission


@transaction.atomic
def merge(*, submission, moderator, into: SocialAccount) -> SocialAccount:
    """Fold a submission into an account already in the census (the same account under another
    address, or a report already handled): its follower count is recorded on that account."""
    _ensure_moderator(moderator)
    submission = _locked_pending(submission)
    if into.hospital_id != submission.hospital_id:
        raise CensusError("Merge only into an account of the same hospital.", field="into")
    if submission.address and submission.kind == AccountSubmission.Kind.NEW:
        try:
            canonical = canonical_account(into.network, submission.address)
        except CensusError:
            canonical = None
        if into.network_id != submission.network_id and canonical is None:
            raise CensusError("Merge only into an account on the same network.", field="into")
    if submission.followers is not None:
        account_services.record_observation(
            account=into,
            observed_on=timezone.localdate(),
            followers=submission.followers,
            source=Observation.Source.SUBMITTED,
            actor=moderator,
            check_permission=False,
            recompute=False,
        )
    submission.account = into
    submission.save(update_fields=["account"])
    _close_review(submission, moderator, AccountSubmission.Status.MERGED)
    AccountChange.objects.create(
        hospital=into.hospital,
        account=into,
        submission=submission,
        actor=moderator,
        action=AccountChange.Action.MERGED,
        after={"address": submission.address, "followers": submission.followers},
    )
    recompute_after_commit()
    return into
