"""Shared documents (types, size, versions, downloads) and the message thread with email."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from medsocial.consulting.models import Document, DocumentVersion, Message
from medsocial.testing.plugin import body_text

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def upload(name, content, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def test_a_document_is_shared_and_a_new_version_keeps_the_old_one(client, client_member, coach, engagement):
    client.force_login(client_member)
    client.post(
        reverse("consulting:documents", args=[engagement.pk]),
        {"title": "Social media policy", "file": upload("policy.pdf", PDF)},
    )
    document = Document.objects.get()
    client.force_login(coach)
    client.post(
        reverse("consulting:document", args=[engagement.pk, document.pk]),
        {"file": upload("policy-v2.pdf", PDF + b"% reviewed\n"), "comment": "Coach's edits"},
    )
    document.refresh_from_db()
    assert document.latest_version == 2
    assert list(document.versions.values_list("number", "original_name")) == [
        (2, "policy-v2.pdf"),
        (1, "policy.pdf"),
    ]
    first = client.get(reverse("consulting:document-download", args=[engagement.pk, document.pk, 1]))
    assert b"".join(first.streaming_content) == PDF
    assert 'filename="policy.pdf"' in first["Content-Disposition"]


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("run.exe", b"MZ\x90\x00", "Files of this type cannot be shared here"),
        ("page.html", b"<script>alert(1)</script>", "Files of this type cannot be shared here"),
        ("fake.pdf", b"MZ\x90\x00 not a pdf", "not a real .pdf file"),
    ],
)
def test_a_forbidden_file_is_refused_with_a_clear_message(
    client, client_member, engagement, name, content, message
):
    client.force_login(client_member)
    response = client.post(
        reverse("consulting:documents", args=[engagement.pk]), {"file": upload(name, content)}
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Document.objects.exists() and not DocumentVersion.objects.exists()


def test_a_file_over_the_size_limit_is_refused(client, client_member, engagement, settings):
    settings.CONSULTING_MAX_UPLOAD_BYTES = 1024 * 1024
    client.force_login(client_member)
    big = PDF + b"0" * (1024 * 1024)
    response = client.post(
        reverse("consulting:documents", args=[engagement.pk]), {"file": upload("big.pdf", big)}
    )
    assert response.status_code == 400
    assert "the limit is 1 MB" in response.content.decode()
    assert not Document.objects.exists()


def test_a_refused_new_version_leaves_the_document_as_it_was(client, client_member, engagement):
    client.force_login(client_member)
    client.post(reverse("consulting:documents", args=[engagement.pk]), {"file": upload("plan.pdf", PDF)})
    document = Document.objects.get()
    response = client.post(
        reverse("consulting:document", args=[engagement.pk, document.pk]),
        {"file": upload("plan.zip", b"PK\x03\x04")},
    )
    assert response.status_code == 400
    document.refresh_from_db()
    assert document.latest_version == 1 and document.versions.count() == 1


def test_the_document_list_has_a_constant_number_of_queries(client, client_member, engagement):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from medsocial.consulting import services

    def share(n):
        for i in range(n):
            services.upload_document(
                actor=client_member,
                engagement=engagement,
                upload=upload(f"note{i}.txt", b"notes"),
                title=f"Note {i}",
            )

    client.force_login(client_member)
    share(5)
    url = reverse("consulting:documents", args=[engagement.pk])
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    share(45)
    with CaptureQueriesContext(connection) as large:
        response = client.get(url)
    assert response.content.decode().count("/download/") == 50
    assert len(large.captured_queries) == len(small.captured_queries)


def test_a_message_is_emailed_to_everyone_else_in_the_workspace(
    client,
    client_member,
    client_admin,
    coach,
    engagement,
    outsider,
    smtp_server,
    django_capture_on_commit_callbacks,
):
    client.force_login(client_member)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("consulting:messages", args=[engagement.pk]),
            {"body": "Could we move Thursday's session?"},
        )
    assert response.status_code == 302
    assert Message.objects.get().author == client_member
    smtp_server.wait_for(2)
    assert smtp_server.to(coach.email) and smtp_server.to(client_admin.email)
    assert "Could we move Thursday's session?" in body_text(smtp_server.to(coach.email)[0])
    assert not smtp_server.to(client_member.email) and not smtp_server.to(outsider.email)


def test_an_empty_message_is_refused(client, client_member, engagement):
    client.force_login(client_member)
    response = client.post(reverse("consulting:messages", args=[engagement.pk]), {"body": "   "})
    assert response.status_code == 400
    assert not Message.objects.exists()


def test_the_thread_has_a_constant_number_of_queries(client, client_member, coach, engagement):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def post(n):
        Message.objects.bulk_create(
            Message(engagement=engagement, author=(coach, client_member)[i % 2], body=f"Message {i}")
            for i in range(n)
        )

    client.force_login(client_member)
    post(5)
    url = reverse("consulting:messages", args=[engagement.pk])
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    post(45)
    with CaptureQueriesContext(connection) as large:
        response = client.get(url)
    assert response.content.decode().count('class="thread-message') == 50
    assert len(large.captured_queries) == len(small.captured_queries)
