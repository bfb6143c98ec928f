"""Newsletter subscriptions with double opt-in, issues sent in batches, and imports."""

import io
import re
from email.utils import formataddr
from functools import partial
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone

from medsocial.accounts.roles import Role, has_role
from medsocial.core.csv_import import CsvFile, CsvFileError
from medsocial.core.email import email_send, enqueue_email
from medsocial.core.errors import NotAllowed
from medsocial.core.markdown import render_markdown
from medsocial.core.task_queue import current_task, is_permanent
from medsocial.publishing.errors import PublishingError
from medsocial.publishing.models import (
    SEND_STALLED_AFTER,
    Delivery,
    Issue,
    MailingList,
    Subscription,
    new_token,
)

BATCH_SIZE = 200


def _absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def unsubscribe_headers(subscription: Subscription) -> dict[str, str]:
    """RFC 2369 / RFC 8058 headers: mail apps offer a one-click unsubscribe that POSTs here."""
    one_click = _absolute(reverse("publishing:newsletter-one-click", args=[subscription.token]))
    mailbox = settings.DEFAULT_FROM_EMAIL.rsplit("<", 1)[-1].rstrip(">").strip()
    return {
        "List-Unsubscribe": f"<{one_click}>, <mailto:{mailbox}?subject=unsubscribe%20{subscription.token}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "List-Id": list_id(subscription.mailing_list),
    }


def list_id(mailing_list: MailingList) -> str:
    """The RFC 2919 `List-Id`: the list's name as a phrase, then `<slug.namespace>`.

    The namespace is the hub's own host name, so it is a dot-atom whatever the site is called
    (a site name with spaces is not); a hub without a domain name uses the RFC's "localhost"."""
    host = (urlsplit(settings.SITE_URL).hostname or "").lower()
    is_domain = "." in host and not host.replace(".", "").isdigit() and ":" not in host
    label = re.sub(r"[^a-z0-9-]+", "-", mailing_list.slug.lower()).strip("-") or "list"
    return formataddr((mailing_list.name, f"{label}.{host if is_domain else 'localhost'}"))


def subscribe(*, email: str, lists, name: str = "") -> list[Subscription]:
    """Ask to join `lists`; a confirmation link goes by email (double opt-in).

    Says nothing different for an address already confirmed, so the form reveals no one."""
    email = (email or "").strip().lower()
    try:
        validate_email(email)
    except ValidationError:
        raise PublishingError("Enter a valid email address.", field="email") from None
    lists = list(lists)
    if not lists:
        raise PublishingError("Choose at least one list.", field="lists")
    pending = []
    with transaction.atomic():
        for mailing_list in lists:
            subscription, _ = Subscription.objects.select_for_update().get_or_create(
                mailing_list=mailing_list, email=email, defaults={"name": name.strip()}
            )
            if subscription.status == Subscription.Status.CONFIRMED:
                continue
            if subscription.status == Subscription.Status.UNSUBSCRIBED:
                subscription.status = Subscription.Status.PENDING
                subscription.token = new_token()
                subscription.save(update_fields=["status", "token"])
            pending.append(subscription)
        if pending:
            enqueue_email(
                template_prefix="publishing/emails/confirm_subscription",
                to=[email],
                context={
                    "links": [
                        {
                            "list": s.mailing_list.name,
                            "url": _absolute(reverse("publishing:newsletter-confirm", args=[s.token])),
                        }
                        for s in pending
                    ]
                },
            )
    return pending


@transaction.atomic
def confirm_subscription(*, token: str) -> Subscription:
    """The confirmation link was followed: the address starts receiving the list."""
    subscription = (
        Subscription.objects.select_for_update().select_related("mailing_list").filter(token=token).first()
    )
    if subscription is None or subscription.status == Subscription.Status.UNSUBSCRIBED:
        raise PublishingError("This confirmation link is not valid any more. Sign up again.")
    if subscription.status == Subscription.Status.PENDING:
        subscription.status = Subscription.Status.CONFIRMED
        subscription.confirmed_at = timezone.now()
        subscription.save(update_fields=["status", "confirmed_at"])
    return subscription


@transaction.atomic
def unsubscribe(*, token: str) -> Subscription:
    """Leave the list (one click, from the email's link or the mail app's button)."""
    subscription = (
        Subscription.objects.select_for_update().select_related("mailing_list").filter(token=token).first()
    )
    if subscription is None:
        raise PublishingError("This unsubscribe link is not valid.")
    if subscription.status != Subscription.Status.UNSUBSCRIBED:
        subscription.status = Subscription.Status.UNSUBSCRIBED
        subscription.unsubscribed_at = timezone.now()
        subscription.save(update_fields=["status", "unsubscribed_at"])
    return subscription


def _require_editor(user):
    if not has_role(user, Role.EDITOR):
        raise NotAllowed("Only editors manage the newsletter.")


@transaction.atomic
def save_issue(
    *, editor, mailing_list: MailingList, subject: str, body: str, issue: Issue | None = None
) -> Issue:
    """Create or edit a draft issue."""
    _require_editor(editor)
    if issue is not None:
        issue = Issue.objects.select_for_update().get(pk=issue.pk)
        if issue.status != Issue.Status.DRAFT:
            raise PublishingError("This issue has been sent and can no longer change.")
    else:
        issue = Issue(created_by=editor)
    issue.mailing_list, issue.subject, issue.body = mailing_list, subject.strip(), body
    if not issue.subject or not body.strip():
        raise PublishingError("An issue needs a subject and a body.")
    issue.save()
    return issue


def issue_context(issue: Issue) -> dict:
    return {
        "subject": issue.subject,
        "body_text": issue.body,
        "body_html": render_markdown(issue.body),
        "list_name": issue.mailing_list.name,
    }


def send_test_issue(*, editor, issue: Issue, to: str) -> None:
    """Send the issue to one address (the editor's) to check it before it goes out."""
    _require_editor(editor)
    context = issue_context(issue) | {
        "unsubscribe_url": _absolute(reverse("publishing:newsletter")),
        "test": True,
    }
    enqueue_email(template_prefix="publishing/emails/issue", to=[to], context=context)


@transaction.atomic
def send_issue(*, editor, issue: Issue) -> Issue:
    """Start sending to the list's confirmed subscribers (tasks do the sending in batches)."""
    _require_editor(editor)
    issue = Issue.objects.select_for_update().get(pk=issue.pk)
    if issue.status != Issue.Status.DRAFT:
        raise PublishingError("This issue has already been sent.")
    issue.status = Issue.Status.SENDING
    issue.sent_at = timezone.now()
    issue.save(update_fields=["status", "sent_at"])
    from medsocial.publishing.tasks import queue_issue_deliveries

    transaction.on_commit(lambda: queue_issue_deliveries.enqueue(issue.pk))
    return issue


def queue_deliveries(issue_id: int) -> list[list[int]]:
    """One delivery per confirmed subscription, returned in batches of delivery ids."""
    issue = Issue.objects.get(pk=issue_id)
    subscription_ids = list(
        Subscription.objects.filter(
            mailing_list_id=issue.mailing_list_id, status=Subscription.Status.CONFIRMED
        ).values_list("pk", flat=True)
    )
    Delivery.objects.bulk_create(
        [Delivery(issue=issue, subscription_id=pk) for pk in subscription_ids], ignore_conflicts=True
    )
    Issue.objects.filter(pk=issue_id).update(
        recipients_count=len(subscription_ids), progressed_at=timezone.now()
    )
    ids = list(
        Delivery.objects.filter(issue=issue, status=Delivery.Status.QUEUED)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    if not ids:
        _finish_if_done(issue_id)
    return _batches(ids)


def _batches(ids: list[int]) -> list[list[int]]:
    return [ids[i : i + BATCH_SIZE] for i in range(0, len(ids), BATCH_SIZE)]


def claim_delivery(delivery_id: int, *, claimant: str = "") -> bool:
    """Move a delivery to sending with a conditional update. True only for the one caller that
    moved it, so two workers handed the same batch never both send one email.

    `claimant` is the id of the queued task sending it. A delivery that task left `sending` was
    claimed by one of its earlier attempts, which died mid-send (a task runs again only once its
    previous attempt has ended): that claim is taken over, and the email's own delivery record
    (see `email_send`) keeps it from going out twice."""
    claimable = Q(status=Delivery.Status.QUEUED)
    if claimant:
        claimable |= Q(status=Delivery.Status.SENDING, claimed_by=claimant)
    return bool(
        Delivery.objects.filter(claimable, pk=delivery_id).update(
            status=Delivery.Status.SENDING, claimed_at=timezone.now(), claimed_by=claimant
        )
    )


def deliver_batch(issue_id: int, delivery_ids: list[int]) -> None:
    """Send one batch; each delivery is claimed just before its email goes, so a batch handed
    to two workers (a retry, a resumed send) sends each email once. The subscription is read
    again at send time, so an address that unsubscribed after the issue was queued is skipped.

    An address the mail server refuses for good is recorded as failed and the batch goes on. A
    passing failure (the server is down or says "try later") puts that delivery back and raises,
    so the worker runs the batch again after a delay; on the task's last attempt, or outside a
    worker, it is recorded as failed like a refusal."""
    running = current_task.get()
    claimant = running.task_id if running else ""
    last_attempt = running is None or running.attempt >= settings.TASKS_MAX_ATTEMPTS
    issue = Issue.objects.select_related("mailing_list").get(pk=issue_id)
    context = issue_context(issue)
    deliveries = (
        Delivery.objects.filter(
            pk__in=delivery_ids, status__in=[Delivery.Status.QUEUED, Delivery.Status.SENDING]
        )
        .select_related("subscription__mailing_list")
        .order_by("pk")
    )
    for delivery in deliveries:
        if not claim_delivery(delivery.pk, claimant=claimant):
            continue  # another worker has it
        subscription = delivery.subscription
        if subscription.status != Subscription.Status.CONFIRMED:
            delivery.delete()
            Issue.objects.filter(pk=issue_id).update(
                recipients_count=F("recipients_count") - 1, progressed_at=timezone.now()
            )
            continue
        try:
            email_send(
                template_prefix="publishing/emails/issue",
                to=[subscription.email],
                headers=unsubscribe_headers(subscription),
                context=context
                | {
                    "unsubscribe_url": _absolute(
                        reverse("publishing:newsletter-unsubscribe", args=[subscription.token])
                    )
                },
            )
        except Exception as exc:
            if not last_attempt and not is_permanent(exc):
                Delivery.objects.filter(pk=delivery.pk).update(
                    status=Delivery.Status.QUEUED, error=str(exc)[:300]
                )
                Issue.objects.filter(pk=issue_id).update(progressed_at=timezone.now())
                raise
            Delivery.objects.filter(pk=delivery.pk).update(
                status=Delivery.Status.FAILED, error=str(exc)[:300]
            )
            Issue.objects.filter(pk=issue_id).update(
                failed_count=F("failed_count") + 1, progressed_at=timezone.now()
            )
        else:
            Delivery.objects.filter(pk=delivery.pk).update(
                status=Delivery.Status.SENT, sent_at=timezone.now(), error=""
            )
            Issue.objects.filter(pk=issue_id).update(
                sent_count=F("sent_count") + 1, progressed_at=timezone.now()
            )
    _finish_if_done(issue_id)


def _finish_if_done(issue_id: int) -> None:
    unsettled = Delivery.objects.filter(
        issue_id=issue_id, status__in=[Delivery.Status.QUEUED, Delivery.Status.SENDING]
    )
    if not unsettled.exists():
        Issue.objects.filter(pk=issue_id, status=Issue.Status.SENDING).update(status=Issue.Status.SENT)


def resume_stalled_sends(*, now=None) -> list[int]:
    """Resume every issue whose send stopped moving (the cron entry point); returns their ids.
    Safe to run at any time and any number of times: a resumed send is not stalled again until
    SEND_STALLED_AFTER has passed, and the claims keep every email to one send."""
    now = now or timezone.now()
    cutoff = now - SEND_STALLED_AFTER
    stalled_ids = (
        Issue.objects.filter(status=Issue.Status.SENDING)
        .filter(Q(progressed_at__lt=cutoff) | Q(progressed_at__isnull=True, sent_at__lt=cutoff))
        .values_list("pk", flat=True)
    )
    return [issue_id for issue_id in list(stalled_ids) if _resume(issue_id, now=now)]


def resume_issue(*, editor, issue: Issue) -> None:
    """An editor resumes an issue whose send stopped (the "Resume sending" button)."""
    _require_editor(editor)
    if issue.status != Issue.Status.SENDING:
        raise PublishingError("Only an issue that is being sent can be resumed.")
    if not _resume(issue.pk, now=timezone.now()):
        minutes = int(SEND_STALLED_AFTER.total_seconds() // 60)
        raise PublishingError(
            f"This issue is still being sent. If nothing moves for {minutes} minutes, it can be resumed."
        )


@transaction.atomic
def _resume(issue_id: int, *, now) -> bool:
    """Queue again what a stalled send left unsent; False if the issue is not stalled (any more).

    The issue's row lock and the new `progressed_at` make two resumes of one stall (cron and an
    editor at once) queue the work once. A delivery claimed by a worker longer ago than
    SEND_STALLED_AFTER goes back to the queue: that worker died, perhaps after its email left,
    and a rare second copy is preferred to an email never sent."""
    issue = Issue.objects.select_for_update().get(pk=issue_id)
    if not issue.send_stalled(now):
        return False
    from medsocial.publishing.tasks import deliver_issue_batch, queue_issue_deliveries

    Delivery.objects.filter(
        issue_id=issue_id, status=Delivery.Status.SENDING, claimed_at__lt=now - SEND_STALLED_AFTER
    ).update(status=Delivery.Status.QUEUED)
    issue.progressed_at = now
    issue.save(update_fields=["progressed_at"])
    if not Delivery.objects.filter(issue_id=issue_id).exists():
        # The worker stopped before the deliveries were made; make them now.
        transaction.on_commit(lambda: queue_issue_deliveries.enqueue(issue_id))
        return True
    queued = list(
        Delivery.objects.filter(issue_id=issue_id, status=Delivery.Status.QUEUED)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    for batch in _batches(queued):
        transaction.on_commit(partial(deliver_issue_batch.enqueue, issue_id, batch))
    if not queued:
        _finish_if_done(issue_id)  # the worker stopped after the last email, before the issue was marked sent
    return True


def import_subscribers(*, editor, data: bytes | str) -> tuple[int, list[tuple[int, str]]]:
    """Add subscribers from CSV with columns email, list (slug), and optionally name and status
    (pending or confirmed; confirmed only for people who already agreed elsewhere). The file is
    read by the shared CSV reader (any encoding, an unclosed quote refused whole); a bad row is
    reported on its own line and the others are imported. Returns (rows imported, [(line, problem)])."""
    _require_editor(editor)
    lists = {m.slug: m for m in MailingList.objects.all()}
    try:
        csv_file = CsvFile(io.StringIO(data, newline="") if isinstance(data, str) else data)
        csv_file.require(["email", "list"])
        rows = list(csv_file.rows())
    except CsvFileError as exc:
        raise PublishingError(exc.message, field="file") from None
    imported, errors = 0, []
    for csv_row in rows:
        line, row = csv_row.line, csv_row.values
        if csv_row.problem:
            errors.append((line, csv_row.problem[:1].upper() + csv_row.problem[1:] + "."))
            continue
        email = (row.get("email") or "").strip().lower()
        status = (row.get("status") or "pending").strip().lower()
        try:
            validate_email(email)
        except ValidationError:
            errors.append((line, f"“{email}” is not a valid email address."))
            continue
        mailing_list = lists.get((row.get("list") or "").strip())
        if mailing_list is None:
            errors.append((line, f"There is no list “{row.get('list')}”."))
            continue
        if status not in (Subscription.Status.PENDING, Subscription.Status.CONFIRMED):
            errors.append((line, "Status must be pending or confirmed."))
            continue
        try:
            with transaction.atomic():
                Subscription.objects.create(
                    mailing_list=mailing_list,
                    email=email,
                    name=(row.get("name") or "").strip()[:120],
                    status=status,
                    confirmed_at=timezone.now() if status == Subscription.Status.CONFIRMED else None,
                )
        except IntegrityError:
            errors.append((line, f"{email} is already on {mailing_list.name}."))
            continue
        imported += 1
    return imported, errors
