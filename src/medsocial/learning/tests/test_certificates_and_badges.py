import datetime
import hashlib
import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from medsocial.awards import openbadges
from medsocial.learning import badges, services
from medsocial.learning.errors import LearningError, LearningNotAllowed
from medsocial.learning.models import CECredit, Certificate, Enrollment
from medsocial.learning.tests.factories import answers_for, make_course

pytestmark = pytest.mark.django_db


def complete(user, course) -> Certificate:
    enrollment = Enrollment.objects.filter(user=user, course=course).first() or services.enroll(
        user=user, course=course
    )
    for lesson in course.lessons.all():
        services.complete_lesson(enrollment=enrollment, lesson=lesson)
    for quiz in course.quizzes.all():
        services.submit_quiz(enrollment=enrollment, quiz=quiz, answers=answers_for(quiz))
    return Certificate.objects.filter(user=user, course=course).order_by("-issued_at").first()


def test_certificate_pdf_downloads_for_its_owner_only(client, learner, make_user, course):
    certificate = complete(learner, course)
    client.force_login(learner)
    response = client.get(reverse("learning:certificate-pdf", args=[certificate.code]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    client.force_login(make_user())
    assert client.get(reverse("learning:certificate-pdf", args=[certificate.code])).status_code == 404


def test_verification_page_confirms_and_denies(client, learner, course):
    certificate = complete(learner, course)
    page = client.get(reverse("learning:verify", args=[certificate.code]))
    assert page.status_code == 200
    text = page.content.decode()
    assert "This certificate is genuine" in text and "Dana Cruz" in text and "Privacy Online" in text
    missing = client.get(reverse("learning:verify", args=["ZZZZ-ZZZZ-ZZZZ"]))
    assert missing.status_code == 404 and "No certificate has the ID" in missing.content.decode()


def test_revoked_certificate_says_revoked_and_loses_credit(client, learner, instructor, course):
    certificate = complete(learner, course)
    assert CECredit.objects.filter(user=learner).exists()
    services.revoke_certificate(by=instructor, certificate=certificate, reason="Quiz answers were shared.")
    text = client.get(reverse("learning:verify", args=[certificate.code])).content.decode()
    assert "revoked" in text and "Quiz answers were shared." in text
    assert not CECredit.objects.filter(user=learner).exists()


def test_only_the_courses_instructors_may_revoke(learner, other_instructor, course):
    certificate = complete(learner, course)
    with pytest.raises(LearningNotAllowed):
        services.revoke_certificate(by=other_instructor, certificate=certificate, reason="x")
    with pytest.raises(LearningNotAllowed):
        services.revoke_certificate(by=learner, certificate=certificate, reason="x")
    certificate.refresh_from_db()
    assert not certificate.is_revoked


def test_revoke_form_through_page(client, learner, instructor, course):
    certificate = complete(learner, course)
    client.force_login(instructor)
    client.post(reverse("learning:revoke", args=[certificate.code]), {"reason": "Issued in error"})
    certificate.refresh_from_db()
    assert certificate.revocation_reason == "Issued in error"


def test_expiring_certificate_shows_expiry_then_expired(client, learner, instructor):
    course = make_course(instructors=[instructor], validity_months=12)
    certificate = complete(learner, course)
    assert certificate.expires_at.year == certificate.issued_at.year + 1
    assert "Valid until" in client.get(reverse("learning:verify", args=[certificate.code])).content.decode()
    Certificate.objects.filter(pk=certificate.pk).update(
        expires_at=timezone.now() - datetime.timedelta(days=1)
    )
    text = client.get(reverse("learning:verify", args=[certificate.code])).content.decode()
    assert "expired" in text


def test_expiry_reminder_sent_once_by_command(
    smtp_server, learner, instructor, django_capture_on_commit_callbacks
):
    course = make_course(instructors=[instructor], validity_months=12)
    certificate = complete(learner, course)
    Certificate.objects.filter(pk=certificate.pk).update(
        expires_at=timezone.now() + datetime.timedelta(days=10)
    )
    call_command("learning-reminders")
    call_command("learning-reminders")
    message = smtp_server.wait_for(1)[0]
    assert "expires" in message["Subject"] and certificate.code in message.get_body(("plain",)).get_content()
    assert len(smtp_server.to(learner.email)) == 1


def test_recertification_issues_new_certificate_replacing_the_old(learner, instructor):
    course = make_course(instructors=[instructor], validity_months=12, quiz=True)
    first = complete(learner, course)
    enrollment = Enrollment.objects.get(user=learner, course=course)
    with pytest.raises(LearningError, match="opens"):
        services.start_recertification(enrollment=enrollment)
    Certificate.objects.filter(pk=first.pk).update(expires_at=timezone.now() + datetime.timedelta(days=20))
    first.refresh_from_db()
    enrollment = services.start_recertification(enrollment=enrollment)
    assert enrollment.cycle == 2 and enrollment.completed_at is None and enrollment.lessons_done == 0
    second = complete(learner, course)
    assert second.pk != first.pk and second.replaces_id == first.pk
    assert second.expires_at > first.expires_at + datetime.timedelta(days=300)
    first.refresh_from_db()
    assert first.replaced_by == second


# --- Open Badges 2.0 ------------------------------------------------------------------------

ISO = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}")


def _get(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/ld+json")
    return response.json()


def _path(url):
    return url.split("://", 1)[1].split("/", 1)[1].join(["/", ""])


def test_open_badges_documents_have_every_required_property(client, learner, course, settings):
    certificate = complete(learner, course)
    assertion = _get(client, reverse("learning:badge-assertion", args=[certificate.code]))
    # Assertion: id, type, recipient, badge, verification, issuedOn (Open Badges 2.0 required properties)
    assert assertion["@context"] == "https://w3id.org/openbadges/v2"
    assert assertion["type"] == "Assertion"
    assert assertion["id"] == openbadges.absolute(
        reverse("learning:badge-assertion", args=[certificate.code])
    )
    assert assertion["verification"] == {"type": "hosted"}
    assert ISO.match(assertion["issuedOn"])
    recipient = assertion["recipient"]
    assert recipient["type"] == "email" and recipient["hashed"] is True and recipient["salt"]
    expected = "sha256$" + hashlib.sha256((learner.email + recipient["salt"]).encode()).hexdigest()
    assert recipient["identity"] == expected
    assert learner.email not in str(assertion)

    badge_class = _get(client, _path(assertion["badge"]))
    # BadgeClass: id, type, name, description, image, criteria, issuer
    assert badge_class["@context"] == "https://w3id.org/openbadges/v2"
    assert badge_class["type"] == "BadgeClass" and badge_class["id"] == assertion["badge"]
    assert badge_class["name"] == "Privacy Online" and badge_class["description"]
    assert badge_class["criteria"]["narrative"] and badge_class["criteria"]["id"].endswith(
        course.get_absolute_url()
    )
    image = client.get(_path(badge_class["image"]))
    assert image.status_code == 200 and image["Content-Type"] == "image/svg+xml"
    assert b"<svg" in image.content

    issuer = _get(client, _path(badge_class["issuer"]))
    # Issuer (Profile): id, type, name, url, email; hosted verification uses revocationList
    assert issuer["@context"] == "https://w3id.org/openbadges/v2"
    assert issuer["type"] == "Issuer" and issuer["id"] == badge_class["issuer"]
    assert (
        issuer["name"] == settings.SITE_NAME and issuer["url"].startswith("http") and "@" in issuer["email"]
    )
    revocations = _get(client, _path(issuer["revocationList"]))
    assert revocations["type"] == "RevocationList" and revocations["revokedAssertions"] == []


def test_revoked_assertion_is_in_the_revocation_list(client, learner, instructor, course):
    certificate = complete(learner, course)
    services.revoke_certificate(by=instructor, certificate=certificate, reason="Issued in error")
    revocations = _get(client, reverse("awards:revocations"))
    assert revocations["revokedAssertions"] == [
        {"id": badges.assertion_url(certificate), "revocationReason": "Issued in error"}
    ]
    assertion = _get(client, reverse("learning:badge-assertion", args=[certificate.code]))
    assert assertion["revoked"] is True


def test_badge_image_escapes_course_title(client):
    course = make_course(title='Bad <script>alert("x")</script> title')
    svg = client.get(reverse("learning:badge-image", args=[course.slug])).content.decode()
    assert "<script>" not in svg and "&lt;script&gt;" in svg


def test_failed_reminder_email_is_retried_next_run(learner, instructor, monkeypatch):
    from medsocial.core import email as core_email

    course = make_course(instructors=[instructor], validity_months=12)
    certificate = complete(learner, course)
    Certificate.objects.filter(pk=certificate.pk).update(
        expires_at=timezone.now() + datetime.timedelta(days=5)
    )

    def broken(**kwargs):
        raise ConnectionError("mail server down")

    monkeypatch.setattr(core_email, "email_send", broken)
    with pytest.raises(ConnectionError):
        services.send_expiry_reminder(certificate.pk)
    assert services.certificates_to_remind().filter(pk=certificate.pk).exists()


def test_badges_issued_for_a_course_still_verify_after_it_is_unpublished(client, learner, instructor, course):
    certificate = complete(learner, course)
    services.unpublish_course(by=instructor, course=course)
    assertion = _get(client, reverse("learning:badge-assertion", args=[certificate.code]))
    badge_class = _get(client, _path(assertion["badge"]))
    assert badge_class["type"] == "BadgeClass" and badge_class["id"] == assertion["badge"]
    image = client.get(_path(badge_class["image"]))
    assert image.status_code == 200 and b"<svg" in image.content
    assert client.get(_path(assertion["image"])).status_code == 200


def test_a_draft_course_that_never_issued_a_badge_has_no_badge_documents(client):
    draft = make_course(title="Unannounced", status="draft")
    assert client.get(reverse("learning:badge-class", args=[draft.slug])).status_code == 404
    assert client.get(reverse("learning:badge-image", args=[draft.slug])).status_code == 404
