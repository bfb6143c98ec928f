"""A worker killed in the middle of a task: the task goes back to the queue and every email is
delivered once, by a real worker process to a real SMTP server."""

import signal

import pytest
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from medsocial.core.models import EmailDelivery
from medsocial.core.tasks import send_templated_email
from medsocial.core.tests.tasks_for_tests import send_password_resets
from medsocial.testing.plugin import wait_until

pytestmark = pytest.mark.slow


def _status(result) -> str:
    return DBTaskResult.objects.get(pk=result.id).status


def test_emails_of_a_worker_killed_mid_send_are_each_delivered_once(smtp_server, start_worker):
    addresses = ["ana@example.org", "ben@example.org", "cho@example.org"]
    several = send_password_resets.enqueue(addresses)
    single = send_templated_email.enqueue(
        template_prefix="accounts/emails/password_reset",
        to=["dee@example.org"],
        context={"name": "Dee", "link": "http://127.0.0.1:8000/reset/y/"},
        headers={},
    )
    smtp_server.hold("ben@example.org")  # the server stalls on the second email of the first task

    first = start_worker(smtp=smtp_server, lease=1)
    assert smtp_server.holding.wait(30), open(first.log_path).read()
    first.send_signal(signal.SIGKILL)
    first.wait(timeout=10)
    smtp_server.release()
    assert _status(several) == TaskResultStatus.RUNNING  # what a dead worker leaves behind

    second = start_worker(smtp=smtp_server, lease=1)
    wait_until(
        lambda: _status(several) == _status(single) == TaskResultStatus.SUCCESSFUL,
        message="both tasks to succeed on the second worker",
    )
    second.terminate()

    received = sorted(rcpt for rcpts, _ in smtp_server.messages for rcpt in rcpts)
    assert received == ["ana@example.org", "ben@example.org", "cho@example.org", "dee@example.org"]
    task = DBTaskResult.objects.get(pk=several.id)
    assert len(task.worker_ids) == 2  # claimed by the dead worker, then by the second one
    deliveries = {d.recipients: d for d in EmailDelivery.objects.filter(key__startswith=str(several.id))}
    assert {d.status for d in deliveries.values()} == {EmailDelivery.Status.SENT}
    assert deliveries["ana@example.org"].attempt == 1  # sent before the crash, not again after
    assert deliveries["ben@example.org"].attempt == 2


@pytest.mark.django_db
def test_a_retry_that_skips_emails_still_sends_the_ones_never_sent(smtp_server):
    """Attempt 1 sent to Ana and died sending to Ben; attempt 2 (like a newsletter batch) only
    sends to Cho. Cho's email is not mistaken for Ana's already-sent one."""
    from medsocial.core.email import email_send
    from medsocial.core.task_queue import RunningTask, current_task

    def attempt(number, addresses):
        token = current_task.set(RunningTask(task_id="task-1", attempt=number, emails_sent=[]))
        try:
            for address in addresses:
                email_send(
                    template_prefix="accounts/emails/password_reset",
                    to=[address],
                    context={"name": "x", "link": "http://127.0.0.1:8000/r/"},
                )
        finally:
            current_task.reset(token)

    attempt(1, ["ana@example.org"])
    attempt(2, ["cho@example.org"])
    attempt(3, ["ana@example.org", "cho@example.org"])  # both already sent: nothing goes out
    received = sorted(rcpt for rcpts, _ in smtp_server.messages for rcpt in rcpts)
    assert received == ["ana@example.org", "cho@example.org"]
