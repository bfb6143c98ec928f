"""A task whose error is permanent (the mail server refuses the address, the object is gone,
the input is invalid) is failed at once with that error; a passing one (a 4xx reply, a refused
connection, a silent server) is retried after a delay. Emails go to a real SMTP server."""

import smtplib
import socket
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from medsocial.core.errors import DomainError
from medsocial.core.models import EmailDelivery
from medsocial.core.task_queue import is_permanent
from medsocial.core.tasks import send_templated_email
from medsocial.publishing.tasks import notify_reply
from medsocial.testing.plugin import run_queued_tasks


@pytest.fixture
def queue(transactional_db, database_task_queue, settings):
    settings.TASKS_MAX_ATTEMPTS = 3
    settings.TASKS_RETRY_DELAY_SECONDS = 0
    settings.TASKS_LEASE_SECONDS = 60


def _reset_email(address: str):
    return send_templated_email.enqueue(
        template_prefix="accounts/emails/password_reset",
        to=[address],
        context={"name": "Ana", "link": "http://127.0.0.1:8000/reset/z/"},
        headers={},
    )


def _task(result) -> DBTaskResult:
    return DBTaskResult.objects.get(pk=result.id)


def test_an_address_the_server_refuses_with_550_fails_the_task_at_once(queue, smtp_server):
    smtp_server.refuse("gone@example.org", "550 5.1.1 No such user here")
    result = _reset_email("gone@example.org")
    run_queued_tasks()
    task = _task(result)
    assert task.status == TaskResultStatus.FAILED
    assert len(task.worker_ids) == 1  # not retried
    assert "550" in task.traceback and "No such user here" in task.traceback
    assert smtp_server.messages == []
    (delivery,) = EmailDelivery.objects.all()
    assert delivery.status == EmailDelivery.Status.FAILED and "No such user" in delivery.error


def test_a_451_deferral_is_retried_after_a_delay_and_then_delivered_once(queue, smtp_server, settings):
    settings.TASKS_RETRY_DELAY_SECONDS = 30
    smtp_server.refuse("busy@example.org", "451 4.3.0 Mailbox busy, try again later", times=1)
    result = _reset_email("busy@example.org")
    before = timezone.now()
    run_queued_tasks(max_tasks=1)
    task = _task(result)
    assert task.status == TaskResultStatus.READY  # queued again, not failed
    assert timedelta(seconds=29) < task.run_after - before < timedelta(seconds=40)
    assert "451" in task.traceback
    assert smtp_server.messages == []

    DBTaskResult.objects.filter(pk=result.id).update(run_after=timezone.now())  # the delay passed
    run_queued_tasks()
    task = _task(result)
    assert (task.status, len(task.worker_ids)) == (TaskResultStatus.SUCCESSFUL, 2)
    assert len(smtp_server.to("busy@example.org")) == 1
    (delivery,) = EmailDelivery.objects.all()
    assert (delivery.status, delivery.attempt) == (EmailDelivery.Status.SENT, 2)


def test_a_deferral_that_never_clears_fails_after_the_allowed_attempts(queue, smtp_server):
    smtp_server.refuse("full@example.org", "452 4.2.2 Mailbox full")
    result = _reset_email("full@example.org")
    run_queued_tasks()
    task = _task(result)
    assert (task.status, len(task.worker_ids)) == (TaskResultStatus.FAILED, 3)
    assert "Mailbox full" in task.traceback


def test_a_mail_server_that_refuses_connections_is_retried(queue, settings):
    with socket.socket() as probe:  # a local port nobody listens on
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", closed_port
    settings.TASKS_RETRY_DELAY_SECONDS = 30
    result = _reset_email("ana@example.org")
    run_queued_tasks(max_tasks=1)
    task = _task(result)
    assert task.status == TaskResultStatus.READY
    assert "ConnectionRefusedError" in task.traceback


def test_a_mail_server_that_stops_answering_times_out_and_is_retried(queue, smtp_server, settings):
    settings.EMAIL_TIMEOUT = 0.5
    settings.TASKS_RETRY_DELAY_SECONDS = 30
    smtp_server.hold("slow@example.org")  # the server never answers RCPT TO
    try:
        result = _reset_email("slow@example.org")
        run_queued_tasks(max_tasks=1)
    finally:
        smtp_server.release()
    task = _task(result)
    assert task.status == TaskResultStatus.READY
    assert "TimeoutError" in task.traceback or "timed out" in task.traceback


def test_a_task_about_an_object_that_is_gone_fails_at_once(queue):
    result = notify_reply.enqueue(987_654)
    run_queued_tasks()
    task = _task(result)
    assert (task.status, len(task.worker_ids)) == (TaskResultStatus.FAILED, 1)
    assert "DoesNotExist" in task.exception_class_path


@pytest.mark.parametrize(
    ("error", "permanent"),
    [
        (ValidationError("Enter a valid email address."), True),
        (DomainError("This issue has already been sent."), True),
        (smtplib.SMTPRecipientsRefused({"a@example.org": (550, b"no")}), True),
        (
            smtplib.SMTPRecipientsRefused({"a@example.org": (550, b"no"), "b@example.org": (451, b"later")}),
            False,
        ),
        (smtplib.SMTPDataError(554, b"Message rejected as spam"), True),
        (smtplib.SMTPDataError(452, b"Too many messages"), False),
        (smtplib.SMTPAuthenticationError(535, b"Bad credentials"), False),  # the site's settings
        (smtplib.SMTPServerDisconnected("Connection unexpectedly closed"), False),
        (ConnectionRefusedError(111, "Connection refused"), False),
        (TimeoutError("timed out"), False),
    ],
)
def test_which_errors_are_permanent(error, permanent):
    assert is_permanent(error) is permanent
