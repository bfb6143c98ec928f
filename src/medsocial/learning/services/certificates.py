"""Certificates: issuing on completion, revoking, expiry reminders and recertification."""

import calendar
import datetime

from django.db import transaction
from django.utils import timezone

from medsocial.accounts.roles import Role, has_role
from medsocial.learning.errors import LearningError, LearningNotAllowed
from medsocial.learning.models import Certificate, Enrollment, LessonProgress

REMIND_BEFORE_DAYS = 30
RECERTIFY_WINDOW_DAYS = 90


def add_months(moment: datetime.datetime, months: int) -> datetime.datetime:
    month_index = moment.month - 1 + months
    year, month = moment.year + month_index // 12, month_index % 12 + 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


def issue_certificate(*, enrollment: Enrollment) -> Certificate:
    """Issue the certificate for a completed enrollment; a recertification replaces the last one.

    Call inside the transaction that completed the enrollment."""
    course, user = enrollment.course, enrollment.user
    now = timezone.now()
    previous = (
        Certificate.objects.filter(
            user=user, course=course, revoked_at__isnull=True, replaced_by__isnull=True
        )
        .order_by("-issued_at")
        .first()
    )
    return Certificate.objects.create(
        user=user,
        course=course,
        recipient_name=user.full_name or user.email,
        course_title=course.title,
        ce_hours=course.ce_hours,
        issued_at=now,
        expires_at=add_months(now, course.validity_months) if course.validity_months else None,
        replaces=previous,
    )


def can_revoke(user, certificate: Certificate) -> bool:
    if has_role(user, Role.SITE_ADMIN):
        return True
    return has_role(user, Role.INSTRUCTOR) and certificate.course.instructors.filter(pk=user.pk).exists()


@transaction.atomic
def revoke_certificate(*, by, certificate: Certificate, reason: str) -> Certificate:
    """Revoke a certificate (the verification page and the badge revocation list then say so)
    and withdraw the CE hours it granted."""
    from medsocial.learning.services.credits import withdraw_ce_credit

    if not can_revoke(by, certificate):
        raise LearningNotAllowed("Only the course's instructors or a site admin can revoke its certificates.")
    certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if certificate.is_revoked:
        raise LearningError("This certificate is already revoked.")
    reason = (reason or "").strip()
    if not reason:
        raise LearningError("Say why the certificate is revoked.", field="reason")
    certificate.revoked_at = timezone.now()
    certificate.revocation_reason = reason[:300]
    certificate.save(update_fields=["revoked_at", "revocation_reason"])
    withdraw_ce_credit(user=certificate.user, source_key=f"course:{certificate.course_id}")
    return certificate


def recertification_open(certificate: Certificate | None) -> bool:
    """True when the certificate expires (or expired) within the recertification window."""
    if certificate is None or certificate.expires_at is None or certificate.is_revoked:
        return False
    return certificate.expires_at - timezone.now() <= datetime.timedelta(days=RECERTIFY_WINDOW_DAYS)


@transaction.atomic
def start_recertification(*, enrollment: Enrollment) -> Enrollment:
    """Start the course again to earn a new certificate: progress resets, a new attempt cycle begins."""
    enrollment = Enrollment.objects.select_for_update().select_related("course").get(pk=enrollment.pk)
    latest = (
        Certificate.objects.filter(
            user_id=enrollment.user_id, course_id=enrollment.course_id, replaced_by__isnull=True
        )
        .order_by("-issued_at")
        .first()
    )
    if enrollment.completed_at is None:
        raise LearningError("Finish the course first; recertification is for completed courses.")
    if not recertification_open(latest):
        raise LearningError(
            f"Recertification opens {RECERTIFY_WINDOW_DAYS} days before your certificate expires."
        )
    LessonProgress.objects.filter(enrollment=enrollment).delete()
    enrollment.cycle += 1
    enrollment.completed_at = None
    enrollment.lessons_done = 0
    enrollment.last_lesson = None
    enrollment.save(update_fields=["cycle", "completed_at", "lessons_done", "last_lesson"])
    return enrollment


def certificates_to_remind(*, now: datetime.datetime | None = None):
    """Current certificates that lapse within the reminder window and were not reminded yet."""
    now = now or timezone.now()
    return Certificate.objects.filter(
        expires_at__gt=now,
        expires_at__lte=now + datetime.timedelta(days=REMIND_BEFORE_DAYS),
        expiry_reminder_sent_at__isnull=True,
        revoked_at__isnull=True,
        replaced_by__isnull=True,
    )


def send_expiry_reminder(certificate_id: int) -> bool:
    """Email the holder that the certificate lapses soon; sends once per certificate."""
    from django.conf import settings
    from django.urls import reverse

    from medsocial.core.email import email_send

    with transaction.atomic():
        claimed = Certificate.objects.filter(pk=certificate_id, expiry_reminder_sent_at__isnull=True).update(
            expiry_reminder_sent_at=timezone.now()
        )
    if not claimed:
        return False
    certificate = Certificate.objects.select_related("user", "course").get(pk=certificate_id)
    try:
        email_send(
            template_prefix="learning/emails/certificate_expiring",
            to=[certificate.user.email],
            context={
                "certificate": certificate,
                "name": certificate.user.display_name,
                "course_url": settings.SITE_URL.rstrip("/")
                + reverse("learning:course", args=[certificate.course.slug]),
                "verify_url": settings.SITE_URL.rstrip("/") + certificate.get_absolute_url(),
            },
        )
    except Exception:
        # Release the claim so the next daily run tries again.
        Certificate.objects.filter(pk=certificate_id).update(expiry_reminder_sent_at=None)
        raise
    return True
