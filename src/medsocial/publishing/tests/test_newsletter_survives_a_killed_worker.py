"""A worker killed in the middle of a newsletter batch: a new worker finishes the batch on its
own, every subscriber receives the issue exactly once (counted at a real SMTP server) and the
issue ends sent, with no resume by an editor or cron."""

import signal

import pytest
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from medsocial.accounts.roles import Role
from medsocial.publishing import services
from medsocial.publishing.models import Delivery, Issue, MailingList, Subscription
from medsocial.publishing.tasks import deliver_issue_batch
from medsocial.testing.plugin import wait_until

pytestmark = pytest.mark.slow

READERS = ["ama@example.org", "bo@example.org", "cyd@example.org", "dee@example.org", "émile@example.org"]


def _statuses(issue) -> list[str]:
    return list(Delivery.objects.filter(issue=issue).order_by("pk").values_list("status", flat=True))


def test_a_batch_killed_mid_send_is_finished_by_the_next_worker_each_reader_once(
    start_worker, smtp_server, make_user
):
    editor = make_user(email="editor@example.org", roles=[Role.EDITOR])
    # Made here: a transactional test empties the tables, the lists created by a migration too.
    general, _ = MailingList.objects.get_or_create(slug="general", defaults={"name": "General news"})
    for email in READERS:
        Subscription.objects.create(mailing_list=general, email=email, status=Subscription.Status.CONFIRMED)
    issue = services.save_issue(editor=editor, mailing_list=general, subject="June news", body="# June")
    services.send_issue(editor=editor, issue=issue)  # queues the deliveries task after commit
    smtp_server.hold(READERS[2])  # the server stalls on the third reader's email

    first = start_worker(smtp=smtp_server, lease=1)
    assert smtp_server.holding.wait(30), open(first.log_path).read()
    first.send_signal(signal.SIGKILL)
    first.wait(timeout=10)
    smtp_server.release()
    # What the dead worker left: two sent, one claimed mid-send, two never reached.
    assert _statuses(issue) == ["sent", "sent", "sending", "queued", "queued"]
    (batch,) = DBTaskResult.objects.filter(task_path=deliver_issue_batch.module_path)
    assert batch.status == TaskResultStatus.RUNNING

    second = start_worker(smtp=smtp_server, lease=1)
    wait_until(
        lambda: Issue.objects.get(pk=issue.pk).status == Issue.Status.SENT,
        message="the issue to be sent by the second worker",
    )
    wait_until(lambda: DBTaskResult.objects.get(pk=batch.pk).status == TaskResultStatus.SUCCESSFUL)
    second.terminate()

    for reader in READERS:
        assert len(smtp_server.to(reader)) == 1, reader
    assert len(smtp_server.messages) == len(READERS)
    issue.refresh_from_db()
    assert (issue.recipients_count, issue.sent_count, issue.failed_count) == (5, 5, 0)
    assert _statuses(issue) == ["sent"] * 5
    assert len(DBTaskResult.objects.get(pk=batch.pk).worker_ids) == 2
