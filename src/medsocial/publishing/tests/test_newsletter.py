"""Newsletter: double opt-in, RFC 8058 one-click unsubscribe, batched sending, import and export."""

import re

import pytest

from medsocial.accounts.roles import Role
from medsocial.core.errors import NotAllowed
from medsocial.publishing import services
from medsocial.publishing.models import Issue, MailingList, Subscription
from medsocial.publishing.services import newsletter as newsletter_services
from medsocial.testing.plugin import body_text, download_rows


@pytest.fixture
def editor(make_user):
    return make_user(email="editor@example.org", roles=[Role.EDITOR])


def send(client, editor, subject, capture):
    general = MailingList.objects.get(slug="general")
    issue = services.save_issue(
        editor=editor, mailing_list=general, subject=subject, body=f"# {subject}\n\nNews."
    )
    client.force_login(editor)
    with capture(execute=True):
        client.post(f"/newsletter/issues/{issue.pk}/send/")
    client.logout()
    issue.refresh_from_db()
    return issue


def test_sign_up_confirm_receive_one_click_unsubscribe_then_nothing(
    client, editor, smtp_server, django_capture_on_commit_callbacks
):
    reader = "reader@example.org"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/newsletter/", {"email": reader, "lists": ["general"]})
    assert response.status_code == 200
    [confirmation] = smtp_server.wait_for(1)
    link = re.search(r"https?://\S+/newsletter/confirm/\S+/", body_text(confirmation)).group(0)
    path = link.split("://", 1)[1].split("/", 1)[1]
    assert client.get("/" + path).status_code == 200  # a page with a button: link scanners do not confirm
    assert Subscription.objects.get(email=reader).status == Subscription.Status.PENDING
    client.post("/" + path)
    assert Subscription.objects.get(email=reader).status == Subscription.Status.CONFIRMED

    issue = send(client, editor, "November news", django_capture_on_commit_callbacks)
    messages = smtp_server.wait_for(2)
    [received] = [m for m in smtp_server.to(reader) if m["Subject"] == "November news"]
    assert received["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    one_click = re.search(r"<(https?://[^>]+/one-click/)>", received["List-Unsubscribe"]).group(1)
    assert "mailto:" in received["List-Unsubscribe"]
    assert issue.sent_count == 1 and issue.failed_count == 0 and issue.status == Issue.Status.SENT

    # The mail app's POST carries no cookie and no CSRF token.
    response = client.post(
        "/" + one_click.split("://", 1)[1].split("/", 1)[1],
        data="List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert Subscription.objects.get(email=reader).status == Subscription.Status.UNSUBSCRIBED

    send(client, editor, "December news", django_capture_on_commit_callbacks)
    assert [m["Subject"] for m in smtp_server.to(reader) if m["Subject"].endswith("news")] == [
        "November news"
    ]
    assert len(messages) == 2


def test_unconfirmed_addresses_never_receive_an_issue(
    client, editor, smtp_server, django_capture_on_commit_callbacks
):
    general = MailingList.objects.get(slug="general")
    Subscription.objects.create(mailing_list=general, email="pending@example.org")
    Subscription.objects.create(mailing_list=general, email="ok@example.org", status="confirmed")
    issue = send(client, editor, "Only confirmed", django_capture_on_commit_callbacks)
    smtp_server.wait_for(1)
    assert smtp_server.to("pending@example.org") == []
    assert issue.recipients_count == 1 and issue.sent_count == 1


def test_issue_is_sent_in_batches_and_counts_failures(
    db, editor, monkeypatch, mailoutbox, django_capture_on_commit_callbacks
):
    general = MailingList.objects.get(slug="general")
    for i in range(5):
        Subscription.objects.create(mailing_list=general, email=f"r{i}@example.org", status="confirmed")
    monkeypatch.setattr(newsletter_services, "BATCH_SIZE", 2)
    real_send = newsletter_services.email_send

    def flaky(**kwargs):
        if kwargs["to"] == ["r3@example.org"]:
            raise OSError("mailbox unavailable")
        real_send(**kwargs)

    monkeypatch.setattr(newsletter_services, "email_send", flaky)
    issue = services.save_issue(editor=editor, mailing_list=general, subject="S", body="B")
    with django_capture_on_commit_callbacks(execute=True):
        services.send_issue(editor=editor, issue=issue)
    issue.refresh_from_db()
    assert (issue.sent_count, issue.failed_count, issue.status) == (4, 1, Issue.Status.SENT)
    assert len(mailoutbox) == 4


def test_an_issue_is_sent_only_once(db, editor):
    issue = services.save_issue(
        editor=editor, mailing_list=MailingList.objects.get(slug="general"), subject="S", body="B"
    )
    services.send_issue(editor=editor, issue=issue)
    with pytest.raises(services.newsletter.PublishingError):
        services.send_issue(editor=editor, issue=issue)


def test_test_send_reaches_only_the_given_address(
    client, editor, mailoutbox, django_capture_on_commit_callbacks
):
    issue = services.save_issue(
        editor=editor, mailing_list=MailingList.objects.get(slug="general"), subject="Draft", body="**Hi**"
    )
    client.force_login(editor)
    assert b"<strong>Hi</strong>" in client.get(f"/newsletter/issues/{issue.pk}/").content  # the preview
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/newsletter/issues/{issue.pk}/test/", {"email": "me@example.org"})
    assert [m.to for m in mailoutbox] == [["me@example.org"]]
    assert mailoutbox[0].subject == "[Test] Draft"
    issue.refresh_from_db()
    assert issue.status == Issue.Status.DRAFT


def test_sign_up_reveals_nothing_for_an_already_confirmed_address(
    client, db, mailoutbox, django_capture_on_commit_callbacks
):
    Subscription.objects.create(
        mailing_list=MailingList.objects.get(slug="general"), email="a@example.org", status="confirmed"
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/newsletter/", {"email": "a@example.org", "lists": ["general"]})
    assert b"Check your email" in response.content
    assert mailoutbox == []


def test_one_click_with_an_unknown_token_is_refused(client, db):
    assert client.post("/newsletter/unsubscribe/nope/one-click/").status_code == 400


def test_import_reports_errors_per_row_and_export_lists_everyone(client, editor):
    csv_text = (
        "email,list,name,status\n"
        "one@example.org,general,One,confirmed\n"
        "not-an-email,general,,\n"
        "two@example.org,nosuchlist,,\n"
        "one@example.org,general,,\n"
        "three@example.org,podcast,,pending\n"
        "four@example.org,events,,unsubscribed\n"
    )
    imported, errors = services.import_subscribers(editor=editor, data=csv_text)
    assert imported == 2
    assert [line for line, _ in errors] == [3, 4, 5, 7]
    client.force_login(editor)
    exported = b"".join(client.get("/newsletter/subscribers.csv").streaming_content).decode()
    assert exported.splitlines()[0].startswith("email,list,name,status")
    assert "one@example.org,general,One,confirmed" in exported and "three@example.org,podcast" in exported


def test_import_page_shows_row_errors(client, editor):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(editor)
    upload = SimpleUploadedFile("s.csv", b"email,list\nbad,general\n", content_type="text/csv")
    response = client.post("/newsletter/subscribers/import/", {"file": upload})
    assert "is not a valid email address" in response.content.decode()


def test_newsletter_management_is_for_editors(client, make_user, db):
    client.force_login(make_user(roles=[Role.MODERATOR]))
    for url in (
        "/newsletter/issues/",
        "/newsletter/issues/new/",
        "/newsletter/subscribers.csv",
        "/newsletter/subscribers/import/",
    ):
        assert client.get(url).status_code == 403, url
    with pytest.raises(NotAllowed):
        services.import_subscribers(editor=make_user(roles=[]), data="email,list\n")


def test_subscriber_export_neutralizes_a_name_that_is_a_formula(client, editor):
    services.import_subscribers(
        editor=editor,
        data='email,list,name,status\none@example.org,general,"=HYPERLINK(""http://x"")",confirmed\n',
    )
    client.force_login(editor)
    rows = download_rows(client.get("/newsletter/subscribers.csv"))
    assert rows[1][:3] == ["one@example.org", "general", '\'=HYPERLINK("http://x")']


# RFC 2919: list-id = list-label "." list-id-namespace, a dot-atom with at least one dot.
_ATEXT = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
LIST_ID = re.compile(rf'^(?:"[^"]*"|[^<>"]*)\s*<({_ATEXT}(?:\.{_ATEXT})+)>$')


@pytest.mark.parametrize(
    ("site_name", "site_url", "expected"),
    [
        ("Lakeshore Health Hub", "https://hub.lakeshore.example", "general.hub.lakeshore.example"),
        ("MedSocial", "http://127.0.0.1:8000", "general.localhost"),
    ],
)
def test_list_id_is_valid_when_the_site_name_has_spaces(
    client, editor, smtp_server, django_capture_on_commit_callbacks, settings, site_name, site_url, expected
):
    settings.SITE_NAME, settings.SITE_URL = site_name, site_url
    general = MailingList.objects.get(slug="general")
    general.name = "News, from the hub"
    general.save()
    Subscription.objects.create(
        email="reader@example.org", mailing_list=general, status=Subscription.Status.CONFIRMED
    )
    send(client, editor, "Spaced news", django_capture_on_commit_callbacks)
    [received] = [m for m in smtp_server.wait_for(1) if m["Subject"] == "Spaced news"]
    match = LIST_ID.match(str(received["List-Id"]))
    assert match, received["List-Id"]
    assert match.group(1) == expected
    assert '"News, from the hub"' in str(received["List-Id"])
