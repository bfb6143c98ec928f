"""A newsletter send that stopped half way is resumed, and no subscriber ever gets an issue twice."""

import datetime
import time

import pytest
from django.core.management import call_command
from django.utils import timezone

from medsocial.accounts.roles import Role
from medsocial.core.errors import NotAllowed
from medsocial.publishing import services
from medsocial.publishing.errors import PublishingError
from medsocial.publishing.models import SEND_STALLED_AFTER, Delivery, Issue, MailingList, Subscription
from medsocial.publishing.services import newsletter
from medsocial.testing.plugin import run_concurrently

READERS = [f"reader{i}@example.org" for i in range(5)]


@pytest.fixture
def editor(make_user):
    return make_user(email="editor@example.org", roles=[Role.EDITOR])


def later() -> datetime.datetime:
    """A moment when a send that has not moved since now counts as stalled."""
    return timezone.now() + SEND_STALLED_AFTER + datetime.timedelta(minutes=1)


def started_issue(editor, *, mailing_list=None, readers=READERS) -> Issue:
    """An issue whose send started and whose deliveries were made, but whose batch tasks were
    lost with the worker (the send's after-commit callbacks never run in a `db` test)."""
    mailing_list = mailing_list or MailingList.objects.get(slug="general")
    Subscription.objects.bulk_create(
        [
            Subscription(mailing_list=mailing_list, email=email, status=Subscription.Status.CONFIRMED)
            for email in readers
        ]
    )
    issue = services.save_issue(
        editor=editor, mailing_list=mailing_list, subject="March news", body="# March\n\nNews."
    )
    services.send_issue(editor=editor, issue=issue)
    newsletter.queue_deliveries(issue.pk)
    return issue


def delivery_ids(issue, **filters) -> list[int]:
    return list(Delivery.objects.filter(issue=issue, **filters).order_by("pk").values_list("pk", flat=True))


def assert_each_received_once(smtp_server, readers):
    for reader in readers:
        assert len(smtp_server.to(reader)) == 1, reader
    assert len(smtp_server.messages) == len(readers)


@pytest.fixture
def half_sent(db, editor, smtp_server):
    """Two of five subscribers got the issue; then the worker died."""
    issue = started_issue(editor)
    newsletter.deliver_batch(issue.pk, delivery_ids(issue)[:2])
    smtp_server.wait_for(2)
    issue.refresh_from_db()
    assert (issue.status, issue.sent_count) == (Issue.Status.SENDING, 2)
    return issue


def test_a_half_sent_issue_resumes_and_each_remaining_subscriber_gets_one_email(
    half_sent, smtp_server, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        resumed = services.resume_stalled_sends(now=later())

    assert resumed == [half_sent.pk]
    smtp_server.wait_for(5)
    assert_each_received_once(smtp_server, READERS)
    half_sent.refresh_from_db()
    assert (half_sent.status, half_sent.sent_count, half_sent.failed_count) == (Issue.Status.SENT, 5, 0)
    assert delivery_ids(half_sent, status=Delivery.Status.QUEUED) == []


def test_resuming_twice_sends_nothing_more(half_sent, smtp_server, django_capture_on_commit_callbacks):
    moment = later()
    # Two runs at the same moment (cron and an editor's click): the second finds nothing stalled.
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        assert services.resume_stalled_sends(now=moment) == [half_sent.pk]
        assert services.resume_stalled_sends(now=moment) == []
    assert len(callbacks) == 1  # one batch queued, once
    # A run long after the issue was sent.
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        assert services.resume_stalled_sends(now=later() + SEND_STALLED_AFTER) == []
    assert callbacks == []
    assert_each_received_once(smtp_server, READERS)


def test_a_send_that_is_still_moving_is_not_resumed(
    half_sent, smtp_server, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        assert services.resume_stalled_sends() == []
    assert callbacks == []
    assert len(delivery_ids(half_sent, status=Delivery.Status.QUEUED)) == 3


def test_a_batch_handed_to_a_second_worker_mid_send_sends_each_email_once(
    db, editor, smtp_server, monkeypatch
):
    issue = started_issue(editor)
    batch = delivery_ids(issue)
    real_send = newsletter.email_send
    raced = []

    def send_while_another_worker_takes_the_same_batch(**kwargs):
        real_send(**kwargs)
        if not raced:  # the first worker is between emails when the second one starts
            raced.append(True)
            newsletter.deliver_batch(issue.pk, batch)

    monkeypatch.setattr(newsletter, "email_send", send_while_another_worker_takes_the_same_batch)
    newsletter.deliver_batch(issue.pk, batch)

    smtp_server.wait_for(5)
    assert_each_received_once(smtp_server, READERS)
    issue.refresh_from_db()
    assert (issue.status, issue.sent_count) == (Issue.Status.SENT, 5)


def test_two_workers_racing_on_the_same_batch_send_each_email_once(
    transactional_db, editor, smtp_server, monkeypatch, settings
):
    # Here the send commits, so its tasks would run at once: a queue that only stores them
    # leaves the batch to the two workers below.
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend", "QUEUES": ["default"]}
    }
    # Its own list: a transactional test ends by emptying the database, seeded lists included.
    mailing_list = MailingList.objects.create(name="Race", slug="race")
    readers = [f"racer{i}@example.org" for i in range(20)]
    issue = started_issue(editor, mailing_list=mailing_list, readers=readers)
    batch = delivery_ids(issue)
    real_send = newsletter.email_send

    def slow_send(**kwargs):  # a real mail server's pace, so the two workers overlap
        real_send(**kwargs)
        time.sleep(0.02)

    monkeypatch.setattr(newsletter, "email_send", slow_send)

    assert len(batch) == 20 and smtp_server.messages == []

    results = run_concurrently(lambda _worker: newsletter.deliver_batch(issue.pk, batch), range(2))

    assert results == [None, None]
    smtp_server.wait_for(20)
    assert_each_received_once(smtp_server, readers)
    issue.refresh_from_db()
    assert (issue.status, issue.sent_count) == (Issue.Status.SENT, 20)


def test_a_claim_is_retried_only_once_its_worker_is_taken_for_dead(
    db, editor, smtp_server, django_capture_on_commit_callbacks
):
    issue = started_issue(editor, readers=READERS[:2])
    dead, alive = delivery_ids(issue)
    assert newsletter.claim_delivery(dead) and newsletter.claim_delivery(alive)
    assert not newsletter.claim_delivery(dead)  # a claimed delivery is not claimed again
    Delivery.objects.filter(pk=dead).update(
        claimed_at=timezone.now() - SEND_STALLED_AFTER - datetime.timedelta(minutes=1)
    )
    Issue.objects.filter(pk=issue.pk).update(
        progressed_at=timezone.now() - SEND_STALLED_AFTER - datetime.timedelta(minutes=1)
    )

    with django_capture_on_commit_callbacks(execute=True):
        assert services.resume_stalled_sends() == [issue.pk]

    smtp_server.wait_for(1)
    assert [len(smtp_server.to(email)) for email in READERS[:2]] == [1, 0]
    assert Delivery.objects.get(pk=dead).status == Delivery.Status.SENT
    assert Delivery.objects.get(pk=alive).status == Delivery.Status.SENDING  # its worker may still send it
    issue.refresh_from_db()
    assert issue.status == Issue.Status.SENDING


def test_a_send_that_stopped_before_its_deliveries_were_made_is_resumed(
    db, editor, smtp_server, django_capture_on_commit_callbacks
):
    general = MailingList.objects.get(slug="general")
    Subscription.objects.create(mailing_list=general, email=READERS[0], status=Subscription.Status.CONFIRMED)
    issue = services.save_issue(editor=editor, mailing_list=general, subject="S", body="B")
    services.send_issue(editor=editor, issue=issue)  # its queueing task is lost

    with django_capture_on_commit_callbacks(execute=True):
        assert services.resume_stalled_sends(now=later()) == [issue.pk]

    smtp_server.wait_for(1)
    assert_each_received_once(smtp_server, READERS[:1])
    issue.refresh_from_db()
    assert (issue.status, issue.recipients_count, issue.sent_count) == (Issue.Status.SENT, 1, 1)


def test_the_command_resumes_stalled_sends(
    half_sent, smtp_server, django_capture_on_commit_callbacks, capsys
):
    Issue.objects.filter(pk=half_sent.pk).update(progressed_at=timezone.now() - SEND_STALLED_AFTER * 2)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("resume-newsletter-sends")
    assert "1 stalled issue(s) resumed." in capsys.readouterr().out
    smtp_server.wait_for(5)
    assert_each_received_once(smtp_server, READERS)


def stall(issue):
    Issue.objects.filter(pk=issue.pk).update(progressed_at=timezone.now() - SEND_STALLED_AFTER * 2)


def test_an_editor_resumes_a_stalled_issue_from_its_page(
    client, editor, half_sent, smtp_server, django_capture_on_commit_callbacks
):
    client.force_login(editor)
    assert "Resume sending" not in client.get(f"/newsletter/issues/{half_sent.pk}/").content.decode()
    stall(half_sent)
    assert "Resume sending" in client.get(f"/newsletter/issues/{half_sent.pk}/").content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/newsletter/issues/{half_sent.pk}/resume/", follow=True)

    assert "Sending has resumed." in response.content.decode()
    smtp_server.wait_for(5)
    assert_each_received_once(smtp_server, READERS)
    assert Issue.objects.get(pk=half_sent.pk).status == Issue.Status.SENT


def test_resuming_a_send_that_is_still_moving_is_refused(
    client, editor, half_sent, smtp_server, django_capture_on_commit_callbacks
):
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(f"/newsletter/issues/{half_sent.pk}/resume/", follow=True)
    assert "This issue is still being sent." in response.content.decode()
    assert callbacks == []
    assert len(smtp_server.messages) == 2


def test_only_an_issue_being_sent_can_be_resumed(editor):
    draft = services.save_issue(
        editor=editor, mailing_list=MailingList.objects.get(slug="general"), subject="S", body="B"
    )
    with pytest.raises(PublishingError, match="Only an issue that is being sent"):
        services.resume_issue(editor=editor, issue=draft)


def test_only_editors_resume(client, make_user, half_sent, smtp_server, django_capture_on_commit_callbacks):
    stall(half_sent)
    before = Issue.objects.get(pk=half_sent.pk)
    moderator = make_user(email="mod@example.org", roles=[Role.MODERATOR])
    url = f"/newsletter/issues/{half_sent.pk}/resume/"

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        anonymous = client.post(url)
        client.force_login(moderator)
        refused = client.post(url)
        with pytest.raises(NotAllowed):
            services.resume_issue(editor=moderator, issue=half_sent)

    assert anonymous.status_code == 302 and "sign-in" in anonymous["Location"]
    assert refused.status_code == 403  # as every newsletter page for non-editors
    assert client.get(f"/newsletter/issues/{half_sent.pk}/").status_code == 403
    assert callbacks == []
    after = Issue.objects.get(pk=half_sent.pk)
    assert (after.status, after.progressed_at, after.sent_count) == (before.status, before.progressed_at, 2)
    assert len(delivery_ids(half_sent, status=Delivery.Status.QUEUED)) == 3
    assert len(smtp_server.messages) == 2
