"""Sending email: every message is a template triplet rendered here and sent from a task.

A template prefix such as ``accounts/emails/confirm_email`` names three templates:
``…_subject.txt`` (one line), ``….txt`` (the plain body) and ``….html`` (the HTML body).
"""

from collections.abc import Iterable, Sequence

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string

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
    """Render and send one message now. Call it from a task, never from a request."""
    subject, text, html = render_email(template_prefix, context)
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=from_email or settings.DEFAULT_FROM_EMAIL,
        to=list(to),
        headers=headers or {},
    )
    message.attach_alternative(html, "text/html")
    for filename, content, mimetype in attachments:
        message.attach(filename, content, mimetype)
    message.send()


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
