"""Sending email: every message is a template triplet rendered here and sent from a task.

A template prefix such as ``accounts/emails/confirm_email`` names three templates:
``…_subject.txt`` (one line), ``….txt`` (the plain body) and ``….html`` (the HTML body).
"""

import hashlib
from collections.abc import Iterable, Sequence

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone

from medsocial.core.models import EmailDelivery
from medsocial.core.task_queue import current_task

# (filename, content, mimetype); content is text or bytes.
Attachment = tuple[str, str | bytes, str]


def render_email(template_prefix: str, context: dict) -> tuple[str, str, str]:
    """Return (subject, text body, html body) for a template triplet."""
    full_context = {"SITE_NAME": settings.SITE_NAME, "SITE_URL": settings.SITE_URL, **context}
    subject = " ".join(render_to_string(f"{template_prefix}_subject.txt", full_context).split())
    text = render_to_string(f"{template_prefix}.txt", full_context)
    html = render_to_string(f"{template_prefix}.html", full_context)
    return subject, text, html


def email_send(
    *,
    template_prefix: str,
    to: Sequence[str],
    context: dict,
    attachments: Iterable[Attachment] = (),
    headers: dict[str, str] | None = None,
    from_email: str | None = None,
) -> None:
    """Render and send one message now. Call it from a task, never from a request.

    Inside a queued task the message is claimed in a delivery record before it goes, so a task
    run again (after an error or its worker's death) does not send it a second time."""
    subject, text, html = render_email(template_prefix, context)
    headers = dict(headers or {})
    running = current_task.get()
    delivery_key = None
    if running is not None:
        # Keyed by what the email is, not by its rank: a second attempt may skip emails the first
        # one sent (a newsletter batch does), and must still match each email to its own record.
        identity = hashlib.sha256(f"{template_prefix}\n{','.join(to)}\n{subject}".encode()).hexdigest()[:20]
        running.emails_sent.append(identity)
        delivery_key = f"{running.task_id}/{identity}/{running.emails_sent.count(identity)}"
        # The same Message-ID on every attempt lets a receiving server drop a rare second copy.
        headers.setdefault("Message-ID", f"<{delivery_key.replace('/', '.')}@{_mail_domain()}>")
        if not _claim_delivery(delivery_key, running.attempt, to=to, subject=subject):
            return
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=from_email or settings.DEFAULT_FROM_EMAIL,
        to=list(to),
        headers=headers,
    )
    message.attach_alternative(html, "text/html")
    for filename, content, mimetype in attachments:
        message.attach(filename, content, mimetype)
    try:
        message.send()
    except Exception as exc:
        if delivery_key:
            EmailDelivery.objects.filter(key=delivery_key).update(
                status=EmailDelivery.Status.FAILED, error=str(exc)[:300]
            )
        raise
    if delivery_key:
        EmailDelivery.objects.filter(key=delivery_key).update(
            status=EmailDelivery.Status.SENT, sent_at=timezone.now(), error=""
        )


def _mail_domain() -> str:
    return settings.DEFAULT_FROM_EMAIL.rsplit("@", 1)[-1].rstrip(">").strip() or "localhost"


def _claim_delivery(key: str, attempt: int, *, to: Sequence[str], subject: str) -> bool:
    """Claim the email `key` for this attempt; False when it was already sent.

    A claim left `sending` by an earlier attempt belongs to a run that died mid-send: it is
    taken over (the server may, rarely, have accepted that copy before the crash)."""
    now = timezone.now()
    try:
        with transaction.atomic():
            EmailDelivery.objects.create(
                key=key,
                recipients=", ".join(to)[:2000],
                subject=subject[:300],
                attempt=attempt,
                claimed_at=now,
            )
        return True
    except IntegrityError:
        pass
    taken = (
        EmailDelivery.objects.filter(key=key)
        .exclude(status=EmailDelivery.Status.SENT)
        .exclude(status=EmailDelivery.Status.SENDING, attempt=attempt)
        .update(status=EmailDelivery.Status.SENDING, attempt=attempt, claimed_at=now)
    )
    return bool(taken)


def enqueue_email(
    *, template_prefix: str, to: Sequence[str], context: dict, headers: dict | None = None
) -> None:
    """Send a templated email from the task queue once the current transaction commits.

    `context` must be JSON-serializable (strings, numbers, lists, dicts): the task stores it.
    """
    from medsocial.core.tasks import send_templated_email

    payload = {
        "template_prefix": template_prefix,
        "to": list(to),
        "context": context,
        "headers": headers or {},
    }
    transaction.on_commit(lambda: send_templated_email.enqueue(**payload))
