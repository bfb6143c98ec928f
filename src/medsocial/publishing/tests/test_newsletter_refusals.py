"""A newsletter batch meets a real mail server that refuses one reader for good (550) or defers
one (451): a refusal is recorded for that reader and the others still get the issue; a
deferral is sent on a later attempt of the batch; every reader gets at most one copy."""

import pytest
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from medsocial.accounts.roles import Role
from medsocial.publishing import services
from medsocial.publishing.models import Delivery, Issue, MailingList, Subscription
from medsocial.publishing.tasks import deliver_issue_batch
from medsocial.testing.plugin import run_queued_tasks

READERS = ["ama@example.org", "bo@example.org", "cyd@example.org", "dee@example.org"]


@pytest.fixture
def issue_to_send(transactional_db, database_task_queue, settings, make_user):
    settings.TASKS_MAX_ATTEMPTS = 3
    settings.TASKS_RETRY_DELAY_SECONDS = 0
    editor = make_user(email="editor@example.org", roles=[Role.EDITOR])
    # Made here: a transactional test empties the tables, the lists created by a migration too.
    general, _ = MailingList.objects.get_or_create(slug="general", defaults={"name": "General news"})
    for email in READERS:
        Subscription.objects.create(mailing_list=general, email=email, status=Subscription.Status.CONFIRMED)
    issue = services.save_issue(editor=editor, mailing_list=general, subject="July news", body="# July")

    def send() -> tuple[Issue, DBTaskResult]:
        services.send_issue(editor=editor, issue=issue)
        run_queued_tasks()
        (batch,) = DBTaskResult.objects.filter(task_path=deliver_issue_batch.module_path)
        return Issue.objects.get(pk=issue.pk), batch

    return send


def _received(smtp_server) -> dict[str, int]:
    return {reader: len(smtp_server.to(reader)) for reader in READERS}


def test_a_reader_refused_with_550_is_recorded_failed_and_the_others_get_the_issue(
    issue_to_send, smtp_server
):
    smtp_server.refuse("cyd@example.org", "550 5.1.1 Mailbox does not exist")
    issue, batch = issue_to_send()
    assert _received(smtp_server) == {
        "ama@example.org": 1,
        "bo@example.org": 1,
        "cyd@example.org": 0,
        "dee@example.org": 1,
    }
    assert (issue.status, issue.sent_count, issue.failed_count) == (Issue.Status.SENT, 3, 1)
    assert (batch.status, len(batch.worker_ids)) == (TaskResultStatus.SUCCESSFUL, 1)
    refused = Delivery.objects.get(issue=issue, subscription__email="cyd@example.org")
    assert refused.status == Delivery.Status.FAILED and "Mailbox does not exist" in refused.error


def test_a_reader_deferred_with_451_gets_the_issue_on_the_next_attempt(issue_to_send, smtp_server):
    smtp_server.refuse("bo@example.org", "451 4.7.1 Greylisted, come back later", times=1)
    issue, batch = issue_to_send()
    assert _received(smtp_server) == dict.fromkeys(READERS, 1)
    assert (issue.status, issue.sent_count, issue.failed_count) == (Issue.Status.SENT, 4, 0)
    assert (batch.status, len(batch.worker_ids)) == (TaskResultStatus.SUCCESSFUL, 2)


def test_a_deferral_that_never_clears_is_recorded_failed_on_the_last_attempt(issue_to_send, smtp_server):
    smtp_server.refuse("bo@example.org", "451 4.3.2 System not accepting messages")
    issue, batch = issue_to_send()
    assert _received(smtp_server) == {
        "ama@example.org": 1,
        "bo@example.org": 0,
        "cyd@example.org": 1,
        "dee@example.org": 1,
    }
    assert (issue.status, issue.sent_count, issue.failed_count) == (Issue.Status.SENT, 3, 1)
    assert (batch.status, len(batch.worker_ids)) == (TaskResultStatus.SUCCESSFUL, 3)
    deferred = Delivery.objects.get(issue=issue, subscription__email="bo@example.org")
    assert deferred.status == Delivery.Status.FAILED and "not accepting messages" in deferred.error
